import type { Db, Queryable, Row } from '../../shared/db';
import { openChangeFeed, type ChangeFeed } from '../../shared/db/change-feed';
import type { Actor } from '../../shared/access/actor';
import {
  CONFIDENT_MATCH_THRESHOLD, DEFAULT_MATCH_WEIGHTS, feedbackToPartyWeights, MatchingEngine, MatchItemError, parseMatchItem,
  type FeedbackEvent, type FeedbackReason, type MatchItemInput, type MatchWeights,
} from '../matching';
import { FIELD_CODE } from '../entities';
import { appendAudit } from '../../shared/audit/audit-log';
import { assertBroker, bothLanguages, type ItemKind, loadItem, notFoundItem, rejectField, deny, requireActor, tableOf } from './common';
import { expertViews, isMatchableExpert, toExpertItem } from './expert-matching';
import { brokers, canSee, explainableFields, ndaAccepted, owns, privileged, type Viewer, viewerOf, viewItem } from './disclosure';
import { loadPartnerZones, type PartnerZones } from './partner-zones';
import { loadPartyIndustries, withIndustry, type PartyIndustries } from './party-industries';

/**
 * The matching service: two in-memory engines. One holds both directions' indices of demands and offers (offers,
 * queried for a demand; demands, queried for an offer); the other holds registered experts, the second supply side
 * of a demand (expert-matching.ts). Both are built from the database at start and kept current by `refresh` after
 * every write of a demand or offer (the routes call it once the write has committed) and by `sync`, an incremental
 * catch-up on `updated_at` that also picks up file imports and registry edits of people. Results are filtered per
 * viewer: brokers-only demands, unpublished items and withheld fields never reach users without the right.
 * Several instances on one PostgreSQL server tell each other about refreshed items (shared/db/change-feed.ts), so a
 * demand written through one instance is in every instance's index within moments, not only at its next `sync`.
 */
export interface MatchingHandle {
  readonly engine: MatchingEngine;
  /** Registered experts, indexed as this engine's offers. */
  readonly experts: MatchingEngine;
  /**
   * Re-reads one item and updates the index (removes it when retired, closed or unmatchable); call it once the write
   * has committed. Other instances on the same database are told to do the same.
   */
  refresh(kind: ItemKind, id: number): Promise<void>;
  /** Catches up with every demand, offer and person changed since the last sync (with a safety margin). */
  sync(): Promise<number>;
  /** Builds new indices from the database and swaps them in when complete. */
  rebuild(): Promise<{ demands: number; offers: number; experts: number; skipped: number }>;
  size(): { demands: number; offers: number; experts: number };
  /** Stops listening to other instances (app shutdown). */
  close(): Promise<void>;
  /** Zones paired with each zone, as the index currently uses them. */
  readonly partners: PartnerZones;
  /** Each organisation's GB/T 4754 industry, as the index currently uses it (met with IPC codes through the crosswalk). */
  readonly industries: PartyIndustries;
  /** Re-reads the zone pairs and re-indexes the items whose partner zones changed (after a pair is written). */
  reloadPartners(): Promise<number>;
}

const CHANGE_CHANNEL = 'kechuang_matching';
/** Items that stay out of the index: closed ones (and retired ones, by the query). */
const UNMATCHABLE = new Set(['closed']);
const SYNC_MARGIN_SECONDS = 120;
/** Rows read per query while loading an index (keyset pages, so memory stays flat at any size). */
const LOAD_PAGE_ROWS = 5000;
/** Below this many items, analysing on this thread beats starting worker threads. */
const PARALLEL_LOAD_MIN_ITEMS = 20_000;

/** The item with the zones paired with its zone, so the engine counts them as the same partner zone. */
export function withPartnerZones(item: MatchItemInput, partners?: PartnerZones): MatchItemInput {
  if (!partners || item.zone === undefined) return item;
  const paired = partners.of(Number(item.zone));
  return paired.length ? { ...item, partnerZones: paired } : item;
}

export function toMatchItem(kind: ItemKind, row: Row, partners?: PartnerZones): MatchItemInput {
  const fieldCode = row.hightech_field ? FIELD_CODE[String(row.hightech_field)] : undefined;
  const parts = kind === 'demand'
    ? [row.description, row.problem, row.target_indicators, row.acceptance_criteria]
    : [row.summary, row.advantages];
  const item: MatchItemInput = {
    id: String(row.id),
    lang: (row.lang as 'zh-Hans' | 'zh-Hant' | 'en' | null) ?? 'zh-Hans',
    title: String(row.title ?? '').slice(0, 1000),
    text: parts.filter((p) => typeof p === 'string' && p).join('\n'),
    fields: fieldCode ? [fieldCode] : [],
    ipc: row.ipc_code ? [String(row.ipc_code)] : [],
    zone: String(row.zone_id),
    party: `org:${row.organization_id}`,
    explainable: explainableFields(kind, row) as MatchItemInput['explainable'],
  };
  if (kind === 'offer' && row.trl != null) item.trl = Number(row.trl);
  if (kind === 'offer' && row.price_expectation != null) item.price = Number(row.price_expectation);
  if (kind === 'demand' && (row.budget_max != null || row.budget_min != null)) item.budget = Number(row.budget_max ?? row.budget_min);
  return withPartnerZones(item, partners);
}

type SourceKind = ItemKind | 'expert';

/** Where each kind of matchable row comes from, when it may be matched, and how it becomes an engine item. */
const SOURCES: Record<SourceKind, { table: string; matchable: (row: Row) => boolean; toItem: (row: Row, partners: PartnerZones) => MatchItemInput }> = {
  demand: { table: tableOf('demand'), matchable: (r) => !r.retired_at && !UNMATCHABLE.has(String(r.status)), toItem: (r, p) => toMatchItem('demand', r, p) },
  offer: { table: tableOf('offer'), matchable: (r) => !r.retired_at && !UNMATCHABLE.has(String(r.status)), toItem: (r, p) => toMatchItem('offer', r, p) },
  expert: { table: 'people', matchable: isMatchableExpert, toItem: (r, p) => withPartnerZones(toExpertItem(r), p) },
};
const SOURCE_KINDS = Object.keys(SOURCES) as SourceKind[];

interface Engines {
  main: MatchingEngine;
  experts: MatchingEngine;
}

function upsertInto(engines: Engines, kind: SourceKind, item: MatchItemInput) {
  if (kind === 'demand') engines.main.upsertDemand(item);
  else if (kind === 'offer') engines.main.upsertOffer(item);
  else engines.experts.upsertOffer(item);
}

function removeFrom(engines: Engines, kind: SourceKind, id: string) {
  if (kind === 'demand') engines.main.removeDemand(id);
  else if (kind === 'offer') engines.main.removeOffer(id);
  else engines.experts.removeOffer(id);
}

export async function startMatching(db: Db): Promise<MatchingHandle> {
  let engines: Engines = { main: new MatchingEngine(), experts: new MatchingEngine() };
  let cursor: string | null = null;
  let running: Promise<number> | null = null;
  /** Rows left out because they cannot be matched (e.g. text of punctuation only), as "kind:id". */
  let skipped = new Set<string>();
  let feed: ChangeFeed | null = null;
  let partners = await loadPartnerZones(db);
  let industries = await loadPartyIndustries(db);

  const apply = (kind: SourceKind, row: Row) => {
    const id = String(row.id);
    skipped.delete(`${kind}:${id}`);
    if (!SOURCES[kind].matchable(row)) return removeFrom(engines, kind, id);
    try {
      upsertInto(engines, kind, withIndustry(kind, SOURCES[kind].toItem(row, partners), row, industries));
    } catch (err) {
      if (!(err instanceof MatchItemError)) throw err;
      skipped.add(`${kind}:${id}`);
      removeFrom(engines, kind, id);
    }
  };

  const syncPoint = async () =>
    (await db.query<{ t: string }>(`select (now() - interval '${SYNC_MARGIN_SECONDS} seconds')::text as t`))[0]!.t;

  const catchUp = async (): Promise<number> => {
    const now = await syncPoint();
    await industries.refresh(db, { since: cursor! });
    let n = 0;
    for (const kind of SOURCE_KINDS) {
      const rows = await db.query(`select * from ${SOURCES[kind].table} where updated_at >= $1::timestamptz`, [cursor]);
      for (const r of rows) apply(kind, r);
      n += rows.length;
    }
    cursor = now;
    return n;
  };

  /** Valid, matchable items of one kind, read page by page; invalid ones are noted in `left` and left out. */
  async function* matchableItems(kind: SourceKind, left: Set<string>) {
    const { table, matchable, toItem } = SOURCES[kind];
    for (let after = 0; ;) {
      const rows = await db.query(`select * from ${table} where retired_at is null and id > $1 order by id limit ${LOAD_PAGE_ROWS}`, [after]);
      for (const row of rows) {
        if (!matchable(row)) continue;
        try {
          yield parseMatchItem(withIndustry(kind, toItem(row, partners), row, industries));
        } catch (err) {
          if (!(err instanceof MatchItemError)) throw err;
          left.add(`${kind}:${row.id}`);
        }
      }
      if (rows.length < LOAD_PAGE_ROWS) return;
      after = Number(rows[rows.length - 1]!.id);
    }
  }

  const handle: MatchingHandle = {
    get engine() { return engines.main; },
    get experts() { return engines.experts; },
    get partners() { return partners; },
    get industries() { return industries; },
    async reloadPartners() {
      const before = partners;
      partners = await loadPartnerZones(db);
      const zones = (await db.query<{ id: number }>('select id from zones')).map((z) => Number(z.id));
      const changed = zones.filter((z) => before.of(z).join() !== partners.of(z).join());
      if (!changed.length) return 0;
      let n = 0;
      for (const kind of SOURCE_KINDS) {
        const rows = await db.query(`select * from ${SOURCES[kind].table} where zone_id = any($1::int8[])`, [changed]);
        for (const r of rows) apply(kind, r);
        n += rows.length;
      }
      return n;
    },
    async refresh(kind, id) {
      await reread(kind, id);
      // The write has committed; a notice that fails to go out is caught up by the other instances' next sync.
      await feed?.publish({ kind, id }).catch((err: Error) => process.stderr.write(`matching change notice failed: ${err.message}\n`));
    },
    sync() {
      if (cursor === null) return Promise.resolve(0);
      // One catch-up at a time; concurrent callers share it.
      running ??= catchUp().finally(() => { running = null; });
      return running;
    },
    async rebuild() {
      // The current indices keep answering (and syncing) while new ones are built; writes made meanwhile are
      // caught up after the swap, from a point taken before reading began.
      const from = await syncPoint();
      partners = await loadPartnerZones(db);
      industries = await loadPartyIndustries(db);
      const counts = (await db.query<{ items: number; experts: number }>(
        `select (select count(*) from tech_demands where retired_at is null) + (select count(*) from tech_offers where retired_at is null) as items,
                (select count(*) from people where retired_at is null and is_expert) as experts`))[0]!;
      const workersFor = (n: number) => ({ workers: Number(n) < PARALLEL_LOAD_MIN_ITEMS ? 0 : undefined });
      const fresh: Engines = { main: new MatchingEngine(), experts: new MatchingEngine() };
      const left = new Set<string>();
      await fresh.main.rebuild({ demands: matchableItems('demand', left), offers: matchableItems('offer', left) }, workersFor(counts.items));
      await fresh.experts.rebuild({ offers: matchableItems('expert', left) }, workersFor(counts.experts));
      while (running) await running;
      engines = fresh;
      cursor = from;
      skipped = left;
      await handle.sync();
      return { ...handle.size(), skipped: skipped.size };
    },
    size() {
      return { demands: engines.main.demands.size, offers: engines.main.offers.size, experts: engines.experts.offers.size };
    },
    async close() {
      await feed?.close();
      feed = null;
    },
  };
  async function reread(kind: ItemKind, id: number) {
    const row = (await db.query(`select * from ${tableOf(kind)} where id = $1`, [id]))[0];
    if (row?.organization_id != null) await industries.refresh(db, { ids: [Number(row.organization_id)] });
    if (row) apply(kind, row);
  }

  await handle.rebuild();
  feed = await openChangeFeed(db, CHANGE_CHANNEL, ({ kind, id }) => {
    if (kind !== 'demand' && kind !== 'offer') return;
    reread(kind, id).catch((err: Error) => process.stderr.write(`matching refresh from another instance failed: ${err.message}\n`));
  }, () => void handle.sync().catch(() => undefined));
  return handle;
}

// ——— weights per zone ———

const WEIGHT_KEYS = Object.keys(DEFAULT_MATCH_WEIGHTS) as (keyof MatchWeights)[];

/** The weights of the nearest zone (the zone itself, then its ancestors) that has its own, else the defaults. */
export async function weightsForZone(db: Queryable, zoneId: number): Promise<{ weights: MatchWeights; fromZone: number | null }> {
  const rows = await db.query<{ zone_id: number; weights: Partial<MatchWeights> | string; depth: number }>(
    `with recursive up(id, parent_id, depth) as (
       select id, parent_id, 0 from zones where id = $1
       union all select z.id, z.parent_id, up.depth + 1 from zones z join up on z.id = up.parent_id where up.depth < 20)
     select w.zone_id, w.weights, up.depth from up join transfer_match_weights w on w.zone_id = up.id order by up.depth limit 1`, [zoneId]);
  const row = rows[0];
  if (!row) return { weights: { ...DEFAULT_MATCH_WEIGHTS }, fromZone: null };
  const stored = typeof row.weights === 'string' ? JSON.parse(row.weights) : row.weights;
  return { weights: { ...DEFAULT_MATCH_WEIGHTS, ...stored }, fromZone: Number(row.zone_id) };
}

export async function setZoneWeights(db: Db, actor: Actor | null, zoneId: number, input: Record<string, unknown>) {
  const a = await assertBroker(db, actor, zoneId);
  const weights: Partial<MatchWeights> = {};
  for (const [k, v] of Object.entries(input)) {
    if (!WEIGHT_KEYS.includes(k as keyof MatchWeights)) throw rejectField(k, 'transfer.weights.unknown', { options: WEIGHT_KEYS });
    const max = k === 'feedback' ? 1 : 10;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > max) throw rejectField(k, 'transfer.weights.range', { max });
    weights[k as keyof MatchWeights] = v;
  }
  if (weights.text === 0) throw rejectField('text', 'transfer.weights.textZero');
  await db.transaction(async (tx) => {
    const before = (await tx.query<{ weights: unknown }>('select weights from transfer_match_weights where zone_id = $1 for update', [zoneId]))[0];
    await tx.query(
      `insert into transfer_match_weights (zone_id, weights, updated_by) values ($1, $2::jsonb, $3)
       on conflict (zone_id) do update set weights = excluded.weights, updated_by = excluded.updated_by, updated_at = now()`,
      [zoneId, JSON.stringify(weights), a.userId]);
    // The zone's own weights before and after (inherited or default weights are not the zone's: before is then null).
    const own = (w: unknown) => (typeof w === 'string' ? JSON.parse(w) : w) as object;
    await appendAudit(tx, a, { entity: 'match-weights', entityId: zoneId, zoneId, action: 'set-weights', before: before ? own(before.weights) : null, after: weights });
  });
  return weightsForZone(db, zoneId);
}

// ——— feedback ———

export const DECLINE_REASONS = ['wrong_field', 'too_early', 'too_expensive', 'not_novel', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/**
 * Past feedback of a party as engine feedback events about other parties: its cases (accepted, whole party) and its
 * declines made in this direction (a demand's owner declining offers, or an offer's owner declining demands), each
 * with its reason and the declined item's id, field and TRL so that the engine lowers only what shares the fault.
 */
export async function partyFeedback(db: Queryable, organizationId: number, kind: ItemKind = 'demand'): Promise<FeedbackEvent[]> {
  const resultTable = tableOf(kind === 'demand' ? 'offer' : 'demand');
  const trl = kind === 'demand' ? 'r.trl' : 'null::int';
  const declines = await db.query<{ org: number; result_id: number; reason: FeedbackReason | null; hightech_field: string | null; trl: number | null }>(
    `select f.result_org_id as org, f.result_id, f.reason, r.hightech_field, ${trl} as trl from transfer_match_feedback f
     left join ${resultTable} r on r.id = f.result_id where f.party_org_id = $1 and f.query_kind = $2 and f.outcome = 'rejected'`,
    [organizationId, kind]);
  const accepted = await db.query<{ org: number }>(
    `select result_org_id as org from transfer_match_feedback where party_org_id = $1 and outcome = 'accepted'
     union all
     select o.organization_id from transfer_cases c join tech_demands d on d.id = c.demand_id join tech_offers o on o.id = c.offer_id where d.organization_id = $1
     union all
     select d.organization_id from transfer_cases c join tech_demands d on d.id = c.demand_id join tech_offers o on o.id = c.offer_id where o.organization_id = $1`,
    [organizationId]);
  return [
    ...accepted.map((r): FeedbackEvent => ({ party: `org:${r.org}`, outcome: 'accepted' })),
    ...declines.map((r): FeedbackEvent => {
      const field = r.hightech_field ? FIELD_CODE[String(r.hightech_field)] : undefined;
      return {
        party: `org:${r.org}`, outcome: 'rejected', item: String(r.result_id),
        ...(r.reason ? { reason: r.reason } : {}), ...(field ? { fields: [field] } : {}), ...(r.trl != null ? { trl: Number(r.trl) } : {}),
      };
    }),
  ];
}

export async function declineMatch(db: Db, matching: MatchingHandle, actor: Actor | null, kind: ItemKind, id: number, resultId: number, reason: string, note?: string | null) {
  const a = requireActor(actor);
  if (!DECLINE_REASONS.includes(reason as DeclineReason)) throw rejectField('reason', 'transfer.decline.reason', { options: DECLINE_REASONS });
  if (reason === 'other' && !note?.trim()) throw rejectField('note', 'transfer.decline.otherNote');
  const v = await viewerOf(db, a);
  const query = await loadItem(db, kind, id);
  if (!query || !canSee(v, kind, query)) throw notFoundItem(kind, id);
  if (!privileged(v, query)) throw deny('transfer.decline.partiesOnly');
  const otherKind: ItemKind = kind === 'demand' ? 'offer' : 'demand';
  const result = await loadItem(db, otherKind, resultId, { includeRetired: true });
  if (!result) throw notFoundItem(otherKind, resultId);
  const rows = await db.query(
    `insert into transfer_match_feedback (zone_id, query_kind, query_id, result_id, party_org_id, result_org_id, outcome, reason, note, user_id)
     values ($1, $2, $3, $4, $5, $6, 'rejected', $7, $8, $9) returning id, reason, note, at`,
    [query.zone_id, kind, id, resultId, query.organization_id, result.organization_id, reason, note ?? null, a.userId]);
  void matching;
  return rows[0]!;
}

/** Declines, for brokers: in their zones, newest first. */
export async function listFeedback(db: Queryable, actor: Actor | null, zoneId?: number) {
  const v = await viewerOf(db, requireActor(actor));
  if (!v.allZones && v.brokerZones.size === 0) throw deny('transfer.feedback.brokersOnly');
  const rows = await db.query(
    `select f.*, u.username from transfer_match_feedback f left join users u on u.id = f.user_id
     where ($1::int8 is null or f.zone_id = $1) order by f.id desc limit 500`, [zoneId ?? null]);
  return rows.filter((r) => brokers(v, r.zone_id));
}

// ——— matches ———

export interface MatchView {
  id: number;
  code: string;
  kind: ItemKind;
  title: string;
  /** Generated demo data. */
  generated: boolean;
  organization: { id: number } | null;
  score: number;
  confident: boolean;
  why: string[];
  signals?: Record<string, number>;
  declined?: { reason: string; note: string | null };
}

/**
 * The query item with only what this viewer may read of it: a viewer who may not read a field (an NDA tier they have
 * not accepted, a signed-in tier while anonymous) gets matches and explanations computed without it, so that
 * "shared terms" can never name a word that occurs only in a field withheld from them.
 */
async function queryAsSeenBy(db: Queryable, v: Viewer, kind: ItemKind, query: Row): Promise<Row> {
  if (privileged(v, query)) return query;
  const { withheld } = viewItem(v, kind, query, await ndaAccepted(db, v, kind, Number(query.id)));
  const seen: Row = { ...query };
  // The owner stays the party (for feedback and self-matches); only the content is withheld.
  for (const w of withheld) if (w.field !== 'organization_id') seen[w.field] = null;
  return seen;
}

export async function matchesFor(db: Db, matching: MatchingHandle, actor: Actor | null, kind: ItemKind, id: number, limit = 10) {
  const v = await viewerOf(db, actor);
  const query = await loadItem(db, kind, id);
  if (!query || !canSee(v, kind, query)) throw notFoundItem(kind, id);
  await matching.sync();
  const top = Math.min(Math.max(limit, 1), 100);
  const { weights } = await weightsForZone(db, Number(query.zone_id));
  const partyWeights = feedbackToPartyWeights(await partyFeedback(db, Number(query.organization_id), kind));
  const seen = await queryAsSeenBy(db, v, kind, query);
  const item = withIndustry(kind, toMatchItem(kind, seen, matching.partners), seen, matching.industries);
  let response;
  try {
    const options = { top: top * 3 + 20, weights, partyWeights };
    response = kind === 'demand' ? matching.engine.matchOffersForDemand(item, options) : matching.engine.matchDemandsForOffer(item, options);
  } catch (err) {
    if (err instanceof MatchItemError) throw rejectField(err.field, 'transfer.match.unmatchable', { detail: err.detail });
    throw err;
  }
  const otherKind: ItemKind = kind === 'demand' ? 'offer' : 'demand';
  const ids = response.results.map((r) => Number(r.id));
  const rows = ids.length ? await db.query(`select * from ${tableOf(otherKind)} where id = any($1::int8[])`, [ids]) : [];
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  const declined = new Map((await db.query<{ result_id: number; reason: string; note: string | null }>(
    'select result_id, reason, note from transfer_match_feedback where query_kind = $1 and query_id = $2 and outcome = \'rejected\' order by id', [kind, id]))
    .map((r) => [Number(r.result_id), r]));
  const seeAll = privileged(v, query);
  const items: MatchView[] = [];
  for (const r of response.results) {
    const row = byId.get(Number(r.id));
    if (!row || !canSee(v, otherKind, row)) continue;
    const fullResult = privileged(v, row);
    const view = viewItem(v, otherKind, row, false).item;
    const out: MatchView = {
      id: Number(row.id), code: String(row.code), kind: otherKind, title: String(row.title), generated: row.generated === true,
      organization: view.organization_id != null ? { id: Number(view.organization_id) } : null,
      score: r.score, confident: r.confident, why: r.why,
    };
    if (seeAll && fullResult) out.signals = r.signals as Record<string, number>;
    const d = declined.get(Number(row.id));
    if (d && seeAll) out.declined = { reason: d.reason, note: d.note };
    items.push(out);
    if (items.length >= top) break;
  }
  const best = items.reduce((m, x) => Math.max(m, x.score), 0);
  if (kind === 'demand' && items.some((x) => x.confident)) {
    await db.query('insert into transfer_demand_matched (demand_id, zone_id, best_score) values ($1, $2, $3) on conflict (zone_id, demand_id) do nothing', [id, query.zone_id, best]);
  }
  const noConfident = !items.some((x) => x.confident);
  // Registered experts are the second supply side of a demand (an offer's reverse match has none).
  const experts = kind === 'demand'
    ? await expertViews(db, matching.experts.matchOffersForDemand(item, { top: top + 10, weights }).results, top)
    : [];
  return {
    items,
    experts,
    threshold: CONFIDENT_MATCH_THRESHOLD,
    noMatch: items.length === 0,
    noConfidentMatch: noConfident,
    message: items.length === 0 ? bothLanguages('transfer.match.none') : noConfident ? bothLanguages('transfer.match.noConfident') : null,
    owner: owns(v, query),
  };
}
