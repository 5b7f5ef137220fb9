import type { Db } from '../../shared/db';
import type { Actor } from '../../shared/access/actor';
import { createUser } from '../../accounts/accounts.service';
import { commitImport, type ImportReport } from '../../shared/records/record-import';
import { AppError } from '../../shared/http/errors';
import { loadDemoListings } from '../../transfer/demo-listings';
import type { EntityDef } from '../../shared/records/field-def';
import { achievements, annualStatistics, organizations, people, projects, qualifications, zoneFacts, zones } from '../entities';
import { DEMO_ZONES_FOR_ORGS, SEED_PARTNERS, SEED_ZONES } from './seed-zones';
import { SEED_FACTS } from './seed-facts';
import { citation, sourceIdOfFile } from './seed-sources';
import { splitBilingual } from './split-bilingual';
import { SEED_ACHIEVEMENTS, SEED_ORGANIZATIONS } from './seed-organizations';
import { generateOrganizations, generatePeople, generateProjects, generateQualifications, generateStatistics, type ImportRecord } from './generator';

/**
 * The demo region: the real zones, organisations, achievements and figures of the seed documents (with their
 * sources), plus generated organisations (marked generated) so that the dashboards have something to show.
 * Loaded through the import path, so demo data obeys the same validation as a user's file.
 */
export const DEMO_USERS = {
  admin: { username: 'admin', password: 'kechuang-admin' },
  operator: { username: 'operator', password: 'kechuang-operator' },
  orgUser: { username: 'orguser', password: 'kechuang-org' },
} as const;

export interface DemoOptions {
  generatedOrganizations?: number;
  firstYear?: number;
  lastYear?: number;
  log?: (message: string) => void;
}

export async function isEmpty(db: Db): Promise<boolean> {
  const rows = await db.query<{ n: number }>('select count(*)::int8 as n from zones');
  return rows[0]!.n === 0;
}

export async function importRecords(db: Db, actor: Actor, def: EntityDef, records: Iterable<ImportRecord>) {
  const bytes = new TextEncoder().encode(JSON.stringify([...records]));
  try {
    return await commitImport(db, actor, def, `${def.name}.json`, bytes, 'commit');
  } catch (err) {
    // Demo data that fails validation is a bug in the demo data: say which rows and why.
    const report = err instanceof AppError ? (err.extra.report as ImportReport | undefined) : undefined;
    if (report) throw new Error(`demo ${def.name} failed validation: ${JSON.stringify(report.errors.slice(0, 10))}`);
    throw err;
  }
}

export async function loadDemo(db: Db, options: DemoOptions = {}): Promise<void> {
  const log = options.log ?? (() => undefined);
  const lastYear = options.lastYear ?? new Date().getFullYear() - 1;
  const firstYear = options.firstYear ?? lastYear - 5;
    // One name per user: the demo's users are Chinese staff, so their display names are Chinese.
  const admin = await createUser(db, { ...DEMO_USERS.admin, displayName: '平台管理员', role: 'admin' });
  const actor: Actor = { userId: admin.id, username: admin.username, role: 'admin', zoneId: null, organizationId: null };

  // Zones parent-first, so that each parent's code resolves when its children are imported.
  for (const depth of [0, 1, 2, 3]) {
    const level = SEED_ZONES.filter((z) => zoneDepth(z.code) === depth);
    if (level.length) await importRecords(db, actor, zones, level.map((z) => {
      const d = z.description ? splitBilingual(z.description, `zone ${z.code}`) : null;
      return { code: z.code, parent_id: z.parent ?? null, kind: z.kind, name_zh: z.name_zh, name_en: z.name_en, description: d?.zh ?? null, description_en: d?.en ?? null };
    }));
  }
  for (const p of SEED_PARTNERS) {
    await db.query(`insert into zone_partners (zone_id, partner_zone_id, note) select a.id, b.id, $3 from zones a, zones b where a.code = $1 and b.code = $2 on conflict do nothing`, [p.zone, p.partner, p.note]);
  }
  log('zones loaded');

  // Each description and abstract once per language (migrations/026), each followed by its source named in that language.
  await importRecords(db, actor, organizations, SEED_ORGANIZATIONS.map((o) => {
    const d = splitBilingual(o.description, o.code);
    const source = sourceIdOfFile(o.source);
    return {
      code: o.code, zone_id: o.zone, kind: o.kind, level: o.level ?? null, name_zh: o.name_zh, name_en: o.name_en, hightech_field: o.hightech_field ?? null,
      description: `${d.zh}\n${citation(source, 'zh')}`, description_en: `${d.en}\n${citation(source, 'en')}`,
    };
  }));
  await importRecords(db, actor, achievements, SEED_ACHIEVEMENTS.map((a) => {
    const d = splitBilingual(a.abstract, a.code);
    const source = sourceIdOfFile(a.source);
    return {
      code: a.code, organization_id: a.organization, kind: a.kind, title: a.title,
      abstract: `${d.zh}\n${citation(source, 'zh')}`, abstract_en: `${d.en}\n${citation(source, 'en')}`,
      hightech_field: a.hightech_field ?? null, year: a.year ?? null, maturity: a.maturity ?? null, converted: a.converted ?? false,
    };
  }));
  await importRecords(db, actor, zoneFacts, SEED_FACTS.map((f, i) => ({
    code: `SEED-F-${String(i + 1).padStart(3, '0')}`, zone_id: f.zone, metric: f.metric, metric_en: f.metric_en, value: f.value, unit: f.unit, unit_en: f.unit_en,
    period: f.period, period_en: f.period_en ?? null, source: citation(f.source, 'zh'), source_en: citation(f.source, 'en'), quote: f.quote,
  })));
  log(`seed records loaded: ${SEED_ORGANIZATIONS.length} organisations, ${SEED_ACHIEVEMENTS.length} achievements, ${SEED_FACTS.length} facts`);

  const orgs = [...generateOrganizations(options.generatedOrganizations ?? 700, DEMO_ZONES_FOR_ORGS)];
  await importRecords(db, actor, organizations, orgs);
  await importRecords(db, actor, qualifications, generateQualifications(orgs, firstYear, lastYear));
  await importRecords(db, actor, annualStatistics, generateStatistics(orgs, firstYear, lastYear));
  await importRecords(db, actor, people, generatePeople(200, orgs));
  await importRecords(db, actor, projects, generateProjects(120, orgs, lastYear));
  log(`generated records loaded: ${orgs.length} organisations with qualifications, statistics ${firstYear}–${lastYear}, people and projects`);

  const listings = await loadDemoListings(db, actor);
  log(`demo technology listings loaded: ${listings.offers} offers, ${listings.demands} demands, ${listings.experts} experts`);

  const zoneIds = await db.query<{ id: number }>(`select id from zones where code = 'LZNA'`);
  const orgIds = await db.query<{ id: number }>(`select id from organizations order by (code like 'SEED-KJTJ%') desc, id limit 1`);
  await createUser(db, { ...DEMO_USERS.operator, displayName: '兰州新区运营人员', role: 'zone_operator', zoneId: zoneIds[0]!.id });
  await createUser(db, { ...DEMO_USERS.orgUser, displayName: '机构用户', role: 'org_user', organizationId: orgIds[0]!.id });
  log('demo users created: admin, operator, orguser');
}

function zoneDepth(code: string): number {
  let depth = 0;
  for (let z = SEED_ZONES.find((x) => x.code === code); z?.parent; z = SEED_ZONES.find((x) => x.code === z!.parent)) depth++;
  return depth;
}
