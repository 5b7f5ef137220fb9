import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import '../../src/app/entities';
import type { Db } from '../../src/shared/db';
import { migrate } from '../../src/shared/db/migrate';
import { openPglite } from '../../src/shared/db/pglite-db';
import { openPostgres } from '../../src/shared/db/postgres-db';
import { loadDemo } from '../../src/registry/demo/load-demo';
import { loadShippedFrameworks } from '../../src/evaluation/indicators/evaluation.routes';
import { BACKENDS, SERVER_URL } from '../helpers/test-db';
import { distributionProblems } from '../helpers/distribution-check';
import { TABLE_CLASSES } from './table-classes';

/**
 * A database left by the release before migrations/030 (migrated to the last migration before 030 — 022 when 030 was written —, demo data, and rows in the tables 030 gives
 * a zone_id or re-keys) upgrades in place: nothing is lost, new zone_id columns are filled from their parents, rows are
 * put in their owner's zone, and afterwards one UPDATE moves an organisation with everything that belongs to it.
 */
/** The newest migration before 030: the demo loader of this release needs the columns 023–029 added. */
const BEFORE_030 = readdirSync(new URL('../../migrations/', import.meta.url))
  .filter((f) => /^\d{3}_.+\.sql$/.test(f) && f < '030').sort().at(-1)!;

async function openAt022(backend: 'pglite' | 'postgres'): Promise<{ db: Db; schema: string; drop(): Promise<void> }> {
  if (backend === 'pglite') {
    const db = await openPglite();
    await migrate(db, { upTo: BEFORE_030 });
    return { db, schema: 'public', drop: () => db.close() };
  }
  const schema = `t_up030_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query('create extension if not exists btree_gin schema public').catch((err: { code?: string }) => {
    if (err.code !== '23505' && err.code !== '42710') throw err;
  });
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(SERVER_URL);
  url.search = `?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const db = await openPostgres(url.toString());
  await migrate(db, { upTo: BEFORE_030 });
  return {
    db, schema,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: SERVER_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

const one = async (db: Db, sql: string, params: unknown[] = []) => Number(Object.values((await db.query(sql, params))[0]!)[0]);

async function rowCounts(db: Db, schema: string): Promise<Record<string, number>> {
  const tables = (await db.query<{ name: string }>(
    `select relname as name from pg_class where relnamespace = $1::regnamespace and relkind = 'r' and relname <> 'schema_migrations' order by 1`, [schema])).map((r) => r.name);
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = await one(db, `select count(*) from ${t}`);
  return out;
}

describe.each(BACKENDS)('upgrading a 022 database with demo data to 030 (%s)', (backend) => {
  it('keeps every row, fills and aligns zone_id, and then moves an organisation with one statement', async () => {
    const { db, schema, drop } = await openAt022(backend);
    try {
      await loadShippedFrameworks(db);
      await loadDemo(db, { generatedOrganizations: 20 });
      const zone = (code: string) => one(db, 'select id from zones where code = $1', [code]);
      const province = await zone('CN-GS');
      const org = await one(db, 'select organization_id from qualifications order by id limit 1');
      const newArea = await one(db, 'select zone_id from organizations where id = $1', [org]);
      const other = await one(db, 'select min(id) from zones where id <> $1', [newArea]);
      const person = await one(db, 'select min(id) from people');
      const demand = await one(db, 'select min(id) from tech_demands');
      const offer = await one(db, 'select min(id) from tech_offers');
      const demandZone = await one(db, 'select zone_id from tech_demands where id = $1', [demand]);

      // Rows as the 022 release wrote them: a province programme with its ledger and an application of the org,
      // funds, talent, an assessment, a case and its stage.
      const programme = await one(db, `insert into policy_programmes (code, zone_id, name_zh, name_en, amount_rule, budget_fen, opens_on, closes_on)
        values ('PP-UP', $1, '升级', 'Upgrade', '{}', 100000, '2024-01-01', '2024-12-31') returning id`, [province]);
      await db.query(`insert into policy_ledger_accounts (programme_id, kind) values ($1, 'appropriation'), ($1, 'budget')`, [programme]);
      await db.query(`insert into policy_ledger_entries (programme_id, debit_account_id, credit_account_id, amount_fen, kind)
        select $1, b.id, a.id, 100000, 'allocation' from policy_ledger_accounts a, policy_ledger_accounts b
        where a.programme_id = $1 and a.kind = 'appropriation' and b.programme_id = $1 and b.kind = 'budget'`, [programme]);
      const application = await one(db, `insert into policy_applications (programme_id, organization_id, zone_id, figures, eligibility, computed_fen)
        values ($1, $2, $3, '{}', '[]', 5000) returning id`, [programme, org, newArea]);
      const pool = await one(db, `insert into risk_pools (code, zone_id, name_zh, size_fen, balance_fen, share_bp, loan_cap_fen, valid_from)
        values ('RP-UP', $1, '池', 1000, 1000, 5000, 500, '2024-01-01') returning id`, [newArea]);
      await db.query('insert into risk_pool_banks (pool_id, organization_id) values ($1, $2)', [pool, org]);
      await db.query(`insert into risk_pool_movements (pool_id, kind, amount_fen, balance_after_fen) values ($1, 'endowment', 1000, 1000)`, [pool]);
      const scheme = await one(db, `insert into voucher_schemes (code, zone_id, name_zh, face_value_fen, budget_fen, validity_days, issue_from, issue_to, categories)
        values ('VS-UP', $1, '券', 100, 1000, 30, '2024-01-01', '2024-12-31', '{testing}') returning id`, [newArea]);
      await db.query(`insert into voucher_providers (scheme_id, organization_id, categories) values ($1, $2, '{testing}')`, [scheme, org]);
      const talent = await one(db, `insert into talent_programmes (code, zone_id, name_zh) values ('TP-UP', $1, '萃英') returning id`, [newArea]);
      await db.query(`insert into talent_memberships (programme_id, person_id, since) values ($1, $2, '2024-01-01')`, [talent, person]);
      const team = await one(db, `insert into talent_teams (zone_id, name_zh, leader_person_id) values ($1, '团队', $2) returning id`, [newArea, person]);
      await db.query('insert into talent_team_members (team_id, person_id) values ($1, $2)', [team, person]);
      const assessment = await one(db, `insert into policy_assessments (organization_id, zone_id, programme) values ($1, $2, 'hnte') returning id`, [org, newArea]);
      await db.query(`insert into policy_assessment_versions (assessment_id, version, application_date, rules_version, qualifies, inputs, result)
        values ($1, 1, '2024-06-01', 'v', false, '{}', '{}')`, [assessment]);
      const caseId = await one(db, `insert into transfer_cases (code, zone_id, demand_id, offer_id) values ('TC-UP', $1, $2, $3) returning id`, [demandZone, demand, offer]);
      await db.query(`insert into transfer_case_stages (case_id, zone_id, stage) values ($1, $2, 'introduced')`, [caseId, demandZone]);
      // The 022 release moved an organisation's registry records with it, but not its applications or assessments.
      await db.query('update organizations set zone_id = $2 where id = $1', [org, other]);
      for (const t of ['qualifications', 'achievements', 'annual_statistics', 'tech_demands', 'tech_offers']) {
        await db.query(`update ${t} set zone_id = $2 where organization_id = $1`, [org, other]);
      }
      const before = await rowCounts(db, schema);

      expect(await migrate(db)).toContain('030_distributable_by_zone.sql');

      const after = await rowCounts(db, schema);
      for (const [table, n] of Object.entries(before)) expect(after[table], table).toBe(n);
      expect(await distributionProblems(db, schema, TABLE_CLASSES)).toEqual([]);
      // New zone_id columns come from their parents; drifted rows are back in their owner's zone.
      expect(await one(db, 'select count(distinct zone_id) from policy_ledger_accounts where programme_id = $1', [programme])).toBe(1);
      expect(await one(db, 'select zone_id from policy_ledger_entries where programme_id = $1', [programme])).toBe(province);
      expect(await one(db, 'select zone_id from risk_pool_banks where pool_id = $1', [pool])).toBe(newArea);
      expect(await one(db, 'select zone_id from risk_pool_movements where pool_id = $1', [pool])).toBe(newArea);
      expect(await one(db, 'select zone_id from voucher_providers where scheme_id = $1', [scheme])).toBe(newArea);
      expect(await one(db, 'select zone_id from talent_memberships where programme_id = $1', [talent])).toBe(newArea);
      expect(await one(db, 'select zone_id from talent_team_members where team_id = $1', [team])).toBe(newArea);
      expect(await one(db, 'select zone_id from policy_applications where id = $1', [application])).toBe(other);
      expect(await one(db, 'select zone_id from policy_assessment_versions where assessment_id = $1', [assessment])).toBe(other);

      // One statement moves the organisation and, through the zone-carrying keys, what belongs to it.
      await db.query('update organizations set zone_id = $2 where id = $1', [org, newArea]);
      for (const t of ['qualifications', 'achievements', 'annual_statistics', 'tech_demands', 'tech_offers', 'policy_applications', 'policy_assessments']) {
        expect(await one(db, `select count(*) from ${t} where organization_id = $1 and zone_id <> $2`, [org, newArea]), t).toBe(0);
      }
      expect(await one(db, 'select count(*) from qualifications where organization_id = $1', [org])).toBeGreaterThan(0);
      expect(await one(db, 'select zone_id from policy_assessment_versions where assessment_id = $1', [assessment])).toBe(newArea);
      // A key by zone refuses a record in another zone than its organisation's.
      await expect(db.query(`insert into qualifications (code, zone_id, organization_id, type, valid_from) values ('Q-UP-X', $1, $2, 'hnte', '2024-01-01')`, [other, org]))
        .rejects.toMatchObject({ code: '23503' });
    } finally {
      await drop();
    }
  }, 180_000);
});
