import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from '../shared/db';
import type { Actor } from '../shared/access/actor';
import { commitImport } from '../shared/records/record-import';
import { HIGHTECH_FIELDS } from '../registry/vocabulary';
import { isIpcCode } from './matching';
import { people } from '../registry/entities';
import { demands, offers } from './entities';

/**
 * Demo demands, offers and experts: the matching engine's hand-written evaluation set (written for this project, on
 * the technologies the seed reports name, in Simplified, Traditional and English), attached to demo organisations.
 * They are marked by the `generated` column, which the web app shows as "generated demo data" — never by a note in
 * their texts, which matching reads (a shared "demo data" phrase would make every demo item match every other).
 * Offers and experts go to the research organisations, demands to enterprises.
 */
const EVAL_SET = fileURLToPath(new URL('./matching/eval-set/', import.meta.url));

interface EvalItem {
  id: string;
  lang: 'zh-Hans' | 'zh-Hant' | 'en';
  title: string;
  text: string;
  fields?: string[];
  ipc?: string[];
  trl?: number;
  price?: number;
  budget?: number;
}

const readJsonl = (file: string): EvalItem[] =>
  readFileSync(EVAL_SET + file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as EvalItem);

/** "4.1" → the fourth of the eight national key-supported fields (new materials). */
const fieldOf = (item: EvalItem) => HIGHTECH_FIELDS[Number(item.fields?.[0]?.split('.')[0]) - 1]?.value ?? null;
const ipcOf = (item: EvalItem) => item.ipc?.find((c) => isIpcCode(c)) ?? null;

export async function loadDemoListings(db: Db, actor: Actor, options: { demands?: number } = {}) {
  const research = await db.query<{ code: string; zone: string }>(
    `select o.code, z.code as zone from organizations o join zones z on z.id = o.zone_id
     where o.kind in ('university', 'research_institute', 'lab', 'innovation_platform') order by o.id`);
  const enterprises = await db.query<{ code: string }>(`select code from organizations where kind = 'enterprise' order by generated, id limit 200`);
  if (!research.length || !enterprises.length) return { offers: 0, demands: 0, experts: 0 };
  const lastYear = new Date().getFullYear();
  const offerRows = readJsonl('offers.jsonl').map((o, i) => ({
    code: `DEMO-${o.id}`, title: o.title, summary: o.text, organization_id: research[i % research.length]!.code,
    hightech_field: fieldOf(o), ipc_code: ipcOf(o), trl: o.trl ?? null, price_expectation: o.price ?? null,
    ip_status: 'granted_patent', cooperation_modes: ['transfer', 'licence'], status: 'published', lang: o.lang, generated: true,
  }));
  const demandRows = readJsonl('demands.jsonl').slice(0, options.demands ?? 40).map((d, i) => ({
    code: `DEMO-${d.id}`, title: d.title, description: d.text, organization_id: enterprises[(i * 7) % enterprises.length]!.code,
    hightech_field: fieldOf(d), ipc_code: ipcOf(d), budget_min: d.budget ? Math.round(d.budget / 2) : null, budget_max: d.budget ?? null,
    deadline: `${lastYear + 1}-06-30`, cooperation_modes: ['joint_rd', 'transfer'], confidentiality: 'public', status: 'published', lang: d.lang, generated: true,
  }));
  // One demo expert per technology of the evaluation set, whose biography is that technology's first offer: so a
  // demand's page shows expert matches too. Clearly named as demo people, and marked generated.
  const firstOfTopic = new Map<string, EvalItem>();
  for (const item of readJsonl('offers.jsonl')) {
    const topic = item.id.replace(/-\d+$/, '');
    if (!firstOfTopic.has(topic)) firstOfTopic.set(topic, item);
  }
  const expertRows = [...firstOfTopic.values()].map((o, i) => {
    const org = research[(i * 3) % research.length]!;
    const field = HIGHTECH_FIELDS[Number(o.fields?.[0]?.split('.')[0]) - 1];
    return {
      code: `DEMO-EXPERT-${i + 1}`, name_zh: `演示专家${i + 1}号`, name_en: `Demo expert ${i + 1}`, zone_id: org.zone, organization_id: org.code,
      title: i % 2 ? '研究员' : '教授', title_en: i % 2 ? 'Research Fellow' : 'Professor', fields: [...(field ? [field.label.zh] : []), o.title], is_expert: true,
      bio: o.text, generated: true,
    };
  });
  const encode = (rows: unknown[]) => new TextEncoder().encode(JSON.stringify(rows));
  const o = await commitImport(db, actor, offers, 'offers.json', encode(offerRows), 'commit');
  const d = await commitImport(db, actor, demands, 'demands.json', encode(demandRows), 'commit');
  const e = await commitImport(db, actor, people, 'experts.json', encode(expertRows), 'commit');
  return { offers: o.inserted + o.updated, demands: d.inserted + d.updated, experts: e.inserted + e.updated };
}
