import type { Db, Queryable, Row } from '../../shared/db';
import { AppError } from '../../shared/http/errors';
import { appendAudit } from '../../shared/audit/audit-log';
import { type Actor, zoneSubtree } from '../../shared/access/actor';
import { demands, offers } from '../entities';
import { bothLanguages, type ItemKind, rejectField } from './common';

/**
 * Disclosure tiers per field of a demand or offer: public | signed_in | nda. NDA fields are shown only after the
 * viewer accepts the item's click-through non-disclosure terms; every reveal is logged. The owner organisation and
 * brokers of the item's zone always see everything. Anonymous offers hide the owner organisation from others.
 */
export type Tier = 'public' | 'signed_in' | 'nda';
export const TIERS: readonly Tier[] = ['public', 'signed_in', 'nda'];

/**
 * Fields that can be put behind a tier (title, status and zone stay visible). Hiding `organization_id` makes an
 * EEN-style anonymous listing: others contact the owner through the zone's broker.
 */
export const TIERABLE: Record<ItemKind, readonly string[]> = {
  demand: ['organization_id', 'description', 'hightech_field', 'ipc_code', 'problem', 'target_indicators', 'acceptance_criteria', 'budget_min', 'budget_max', 'deadline', 'cooperation_modes', 'decision_owner'],
  offer: ['organization_id', 'summary', 'achievement_id', 'hightech_field', 'ipc_code', 'trl', 'ip_status', 'advantages', 'cooperation_modes', 'price_expectation'],
};
export const DEFAULT_TIERS: Record<ItemKind, Readonly<Record<string, Tier>>> = {
  demand: { decision_owner: 'signed_in' },
  offer: {},
};

export const NDA_TEXT = bothLanguages('transfer.nda.terms');

export function tiersOf(kind: ItemKind, row: Row): Record<string, Tier> {
  const stored = (typeof row.disclosure === 'string' ? JSON.parse(row.disclosure) : row.disclosure ?? {}) as Record<string, Tier>;
  return { ...DEFAULT_TIERS[kind], ...stored };
}

export function checkTiers(kind: ItemKind, tiers: Record<string, unknown>): Record<string, Tier> {
  for (const [field, tier] of Object.entries(tiers)) {
    if (!TIERABLE[kind].includes(field)) {
      throw rejectField(`tiers.${field}`, 'transfer.tier.notTierable', { options: TIERABLE[kind] });
    }
    if (!TIERS.includes(tier as Tier)) throw rejectField(`tiers.${field}`, 'transfer.tier.invalid');
  }
  return tiers as Record<string, Tier>;
}

/**
 * Stores new tiers for an item and audits the change (entity demands/offers, so that it shows in the record's own
 * audit trail too). The version check makes two concurrent tier edits one success and one conflict, so neither
 * silently drops an NDA tier. Returns the item's new version.
 */
export async function saveTiers(db: Db, actor: Actor, kind: ItemKind, row: Row, tiers: Record<string, Tier>, version: number): Promise<number> {
  return db.transaction(async (tx) => {
    const updated = await tx.query<{ version: number }>(`update ${kind === 'demand' ? 'tech_demands' : 'tech_offers'} set disclosure = $1::jsonb, version = version + 1, updated_at = now()
      where id = $2 and version = $3 returning version`, [JSON.stringify(tiers), row.id, version]);
    if (!updated[0]) throw new AppError('CONFLICT', 'problem.conflict', { current: Number(row.version), sent: version });
    await appendAudit(tx, actor, {
      entity: kind === 'demand' ? 'demands' : 'offers', entityId: Number(row.id), zoneId: row.zone_id === null ? null : Number(row.zone_id), action: 'set-disclosure',
      before: { disclosure: tiersOf(kind, row) }, after: { disclosure: tiersOf(kind, { disclosure: tiers }) },
    });
    return Number(updated[0].version);
  });
}

/** Who is looking, prepared once per request. */
export interface Viewer {
  actor: Actor | null;
  allZones: boolean;
  brokerZones: ReadonlySet<number>;
}

export async function viewerOf(db: Queryable, actor: Actor | null): Promise<Viewer> {
  if (actor?.role === 'admin') return { actor, allZones: true, brokerZones: new Set() };
  if (actor?.role === 'zone_operator' && actor.zoneId !== null) return { actor, allZones: false, brokerZones: new Set(await zoneSubtree(db, actor.zoneId)) };
  return { actor, allZones: false, brokerZones: new Set() };
}

export const brokers = (v: Viewer, zoneId: unknown) => v.allZones || v.brokerZones.has(Number(zoneId));
export const owns = (v: Viewer, row: Row) => v.actor?.role === 'org_user' && v.actor.organizationId === Number(row.organization_id);
export const privileged = (v: Viewer, row: Row) => brokers(v, row.zone_id) || owns(v, row);

/** Whether the viewer may know the item exists. */
export function canSee(v: Viewer, kind: ItemKind, row: Row): boolean {
  if (row.retired_at) return false;
  if (privileged(v, row)) return true;
  if (row.status !== 'published') return false;
  return !(kind === 'demand' && row.confidentiality === 'brokers_only');
}

/** Whether the viewer may see this field's value (ndaAccepted: the viewer accepted this item's NDA). */
export function mayRead(v: Viewer, kind: ItemKind, row: Row, field: string, ndaAccepted: boolean): boolean {
  if (privileged(v, row)) return true;
  const tier = tiersOf(kind, row)[field] ?? 'public';
  if (tier === 'public') return true;
  if (tier === 'signed_in') return v.actor !== null;
  return v.actor !== null && ndaAccepted;
}

export interface ItemView {
  item: Row;
  /** Fields withheld from this viewer, with the tier that would reveal them. */
  withheld: { field: string; tier: Tier | 'owner' }[];
  /** NDA-tier fields shown because the viewer accepted the NDA (to be logged). */
  revealed: string[];
}

const FIELD_NAMES: Record<ItemKind, readonly string[]> = {
  demand: demands.fields.map((f) => f.name),
  offer: offers.fields.map((f) => f.name),
};

/** The item as this viewer may see it (pure). */
export function viewItem(v: Viewer, kind: ItemKind, row: Row, ndaAccepted: boolean): ItemView {
  // `generated` marks demo data (shown as such in the web app), never withheld.
  const item: Row = { id: row.id, code: row.code, kind, version: row.version, created_at: row.created_at, updated_at: row.updated_at, generated: row.generated === true };
  for (const f of FIELD_NAMES[kind]) item[f] = row[f] ?? null;
  const withheld: ItemView['withheld'] = [];
  const revealed: string[] = [];
  const full = privileged(v, row);
  const tiers = tiersOf(kind, row);
  item.disclosure = full ? tiers : undefined;
  for (const f of TIERABLE[kind]) {
    if (full) continue;
    if (!mayRead(v, kind, row, f, ndaAccepted)) {
      if (item[f] !== null) withheld.push({ field: f, tier: tiers[f] ?? 'public' });
      item[f] = null;
    } else if (tiers[f] === 'nda' && item[f] !== null) revealed.push(f);
  }
  if (kind === 'offer' && row.anonymous && !full && item.organization_id !== null) {
    item.organization_id = null;
    withheld.push({ field: 'organization_id', tier: 'owner' });
  }
  return { item, withheld, revealed };
}

export async function ndaAccepted(db: Queryable, v: Viewer, kind: ItemKind, id: number): Promise<boolean> {
  if (!v.actor) return false;
  const rows = await db.query('select 1 from transfer_nda_acceptances where item_kind = $1 and item_id = $2 and user_id = $3', [kind, id, v.actor.userId]);
  return rows.length > 0;
}

export async function acceptNda(db: Queryable, actor: Actor, kind: ItemKind, id: number): Promise<void> {
  await db.query('insert into transfer_nda_acceptances (item_kind, item_id, user_id) values ($1, $2, $3) on conflict do nothing', [kind, id, actor.userId]);
}

export async function logReveal(db: Queryable, actor: Actor, kind: ItemKind, id: number, fields: readonly string[]): Promise<void> {
  if (!fields.length) return;
  await db.query('insert into transfer_disclosure_reveals (item_kind, item_id, user_id, fields) values ($1, $2, $3, $4::text[])',
    [kind, id, actor.userId, `{${fields.join(',')}}`]);
}

/** Engine field names whose content the viewer-independent explanations may name: only fully public ones. */
export function explainableFields(kind: ItemKind, row: Row): string[] {
  const tiers = tiersOf(kind, row);
  const pub = (f: string) => (tiers[f] ?? 'public') === 'public';
  const textFields = kind === 'demand' ? ['description', 'problem', 'target_indicators', 'acceptance_criteria'] : ['summary', 'advantages'];
  const out = ['title'];
  if (textFields.every(pub)) out.push('text');
  if (pub('hightech_field')) out.push('fields');
  if (pub('ipc_code')) out.push('ipc');
  // The owner's industry (registry) may be named only where the owner may: not for anonymous offers.
  if (pub('organization_id') && !(kind === 'offer' && row.anonymous)) out.push('industries');
  if (kind === 'offer' && pub('trl')) out.push('trl');
  if (kind === 'demand' && pub('budget_max') && pub('budget_min')) out.push('budget');
  if (kind === 'offer' && pub('price_expectation')) out.push('price');
  out.push('zone');
  return out;
}
