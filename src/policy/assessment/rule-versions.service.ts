import type { Db, Queryable } from '../../shared/db';
import { type Actor, zoneSubtree } from '../../shared/access/actor';
import { AppError, invalid } from '../../shared/http/errors';
import { requireActor, requireRuleAdmin } from './assessment-access';
import { builtInVersions, parseVersionFile, type RuleVersion } from './engine';
import * as repo from './rule-versions.repository';
import type { Programme } from './tiers';

/**
 * Rule versions: those shipped with the engine (src/policy/rules/versions) and those added from a file by a platform
 * admin (everywhere) or a zone operator (their zone subtree). An added version is validated by the engine's own
 * parser and used by every assessment whose application date falls in its effective period — no code change.
 */

// Stored definitions are parsed once per row (a row never changes: a correction is a new version id).
const parsed = new Map<number, RuleVersion>();

function parseStored(row: repo.StoredRuleVersion): RuleVersion {
  let v = parsed.get(row.id);
  if (!v) {
    v = parseVersionFile(row.definition);
    parsed.set(row.id, v);
  }
  return v;
}

/**
 * Added versions in force for a zone, remembered for a few seconds: every assessment asks, uploads are rare. An
 * upload through this process forgets them at once; another instance's upload is seen within VERSIONS_TTL_MS.
 */
const VERSIONS_TTL_MS = 5_000;
// Per database handle (tests open several databases in one process).
const recentByDb = new WeakMap<Queryable, Map<string, { at: number; versions: RuleVersion[] }>>();

export async function extraVersionsFor(db: Queryable, programme: Programme, zoneId: number | null): Promise<RuleVersion[]> {
  const key = `${programme}:${zoneId ?? ''}`;
  let recent = recentByDb.get(db);
  if (!recent) recentByDb.set(db, (recent = new Map()));
  const hit = recent.get(key);
  if (hit && Date.now() - hit.at < VERSIONS_TTL_MS) return hit.versions;
  const versions = (await repo.versionsForZone(db, programme, zoneId)).map(parseStored);
  recent.set(key, { at: Date.now(), versions });
  return versions;
}

const summary = (v: RuleVersion) => ({
  id: v.id, programme: v.programme, title: v.title, effective: v.effective, status: v.status, confidence: v.confidence, note: v.note ?? null,
  sources: v.sources.map((s) => ({ id: s.id, title: s.title, number: s.number ?? null, level: s.level })),
  conditions: v.conditions.map((c) => ({ id: c.id, title: c.title, source: c.source, confidence: c.confidence })),
  items: v.items.map((i) => ({ id: i.id, title: i.title, max: i.max, source: i.source, confidence: i.confidence })),
  routes: v.routes.map((r) => ({ id: r.id, title: r.title, source: r.source, confidence: r.confidence })),
  verdictRule: v.verdictRule,
});

export async function listRuleVersions(db: Db, actor: Actor | null, programme: Programme | undefined) {
  const a = requireActor(actor);
  let stored: repo.StoredRuleVersion[];
  if (a.role === 'admin') stored = await repo.versionsVisible(db, programme ?? null, null);
  else if (a.role === 'zone_operator') stored = await repo.versionsVisible(db, programme ?? null, a.zoneId === null ? [] : await zoneSubtree(db, a.zoneId));
  else {
    const org = (await db.query<{ zone_id: number }>('select zone_id from organizations where id = $1', [a.organizationId ?? -1]))[0];
    stored = await repo.versionsForZone(db, programme ?? null, org?.zone_id ?? null);
  }
  return {
    items: [
      ...builtInVersions(programme).map((v) => ({ ...summary(v), origin: 'builtin' as const, zone_id: null, uploaded_by: null, uploaded_at: null, file_name: null })),
      ...stored.map((row) => ({ ...summary(parseStored(row)), origin: 'uploaded' as const, zone_id: row.zone_id, uploaded_by: row.uploaded_by, uploaded_at: row.uploaded_at, file_name: row.file_name })),
    ],
  };
}

export function parseJsonFile(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalid([{ field: 'file', key: 'policy.assessment.ruleFileJson' }]);
  }
}

export async function uploadRuleVersion(db: Db, actor: Actor | null, definition: unknown, fileName: string | null, expected?: Programme) {
  const a = requireRuleAdmin(actor);
  const version = parseVersionFile(definition);
  if (expected && version.programme !== expected) throw invalid([{ field: 'file.programme', key: 'policy.assessment.programmeMismatch', params: { found: version.programme, expected } }]);
  const clash = builtInVersions(version.programme).some((v) => v.id === version.id) || await repo.versionIdTaken(db, version.programme, version.id);
  if (clash) throw new AppError('DUPLICATE', 'policy.assessment.ruleVersionExists', { programme: version.programme, version: version.id }, [{ field: 'file.id', key: 'policy.assessment.ruleVersionExists', params: { programme: version.programme, version: version.id } }]);
  const zoneId = a.role === 'admin' ? null : a.zoneId;
  const id = await db.transaction((tx) => repo.insertRuleVersion(tx, {
    programme: version.programme, versionId: version.id, from: version.effective.from, to: version.effective.to, definition, fileName, zoneId, userId: a.userId,
  })).catch((err: { code?: string }) => {
    // Two uploads of the same id at once: the unique key decides, the loser hears why.
    if (err.code === '23505') throw new AppError('DUPLICATE', 'policy.assessment.ruleVersionExists', { programme: version.programme, version: version.id });
    throw err;
  });
  recentByDb.delete(db);
  return { ...summary(version), stored_id: id, origin: 'uploaded' as const, zone_id: zoneId, file_name: fileName };
}
