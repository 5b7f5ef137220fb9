import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, openTestDb, type TestDb } from '../helpers/test-db';
import { assessAll } from '../../src/policy/assessment/assess-all';
import { assessRows, emptyCounts, addCounts } from '../../src/policy/assessment/batch-assess';
import { compiledInForce, explainCompiled } from '../../src/policy/assessment/engine';
import { caseFactsOf, caseFromRegistry, mergeCase } from '../../src/policy/assessment/registry-case';
import { loadRegistryFacts } from '../../src/policy/assessment/registry-facts.repository';
import type { AssessedOrganization } from '../../src/policy/assessment/assessment-access';
import { runAssessment } from '../../src/policy/assessment/assessment.service';
import { aggregateCasesText, rowsFromText } from '../../src/policy/assessment/registry-cases.batch';
import { PROGRAMMES } from '../../src/policy/assessment/tiers';
import { eligibleForProgrammes, loadOrgFacts } from '../../src/policy/programmes/eligibility.repository';
import { eligibilityRules, evaluateEligibility, yearsNeeded } from '../../src/policy/programmes/eligibility';
import { AppError } from '../../src/shared/http/errors';
import type { PolicyCaseInput } from '../../src/policy/rules/case';
import type { Actor } from '../../src/shared/access/actor';
import { registerAssessAllCommand } from '../../src/policy/assessment/assess-all.cli';
import { runCommand } from '../helpers/run-command';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The batch paths against the one-enterprise paths on a generated registry (rows marked generated): the
 * self-assessment of every enterprise (SQL aggregation, compact text, the verdict-only engine path) must give each
 * enterprise the verdict the one-enterprise assessment gives it, and the one-pass totals of many incentive programmes
 * must equal the per-organisation evaluation.
 */
const DATE = '2025-06-30';
const N = 240;
const admin: Actor = { userId: 1, username: 'admin', role: 'admin', zoneId: null, organizationId: null };
const STATEMENTS: PolicyCaseInput = {
  flags: { residentInMainland: true, independentLegalPerson: true, isSme: true, notProhibitedIndustry: true, noMajorIncident: true, goodStanding: true, coreIpOwned: true, inKeyTechField: true },
  nicheYears: 3, digitalLevel: 2, leadingProductField: 'key_link', years: [{ year: 2024, totalAssets: 5000 }],
};
/** A deterministic fraction in [0, 1) of the row number and a stream, in SQL. */
const rnd = (g: string, k: number) => `((((${g})::int8 * 2654435761 + ${k * 40503}) % 1000003)::float8 / 1000003)`;

async function generate(db: TestDb['db']): Promise<void> {
  await db.query(`insert into zones (code, kind, name_zh, name_en, generated) values ('FP-Z', 'park', '快速路径测试园区', 'Fast-path test zone', true)`);
  await db.query(`insert into organizations (code, zone_id, kind, name_zh, founded_year, generated)
    select 'FP' || g, (select id from zones where code = 'FP-Z'), case when g % 23 = 0 then 'university' else 'enterprise' end, '生成企业' || g,
           case when g % 41 = 0 then null else 2000 + (g % 25) end, true from generate_series(1, ${N}) g`);
  // Statistics with awkward values too: many decimals, nulls, zero revenue, a missing year.
  await db.query(`insert into annual_statistics (code, zone_id, organization_id, year, operating_revenue, rd_expense, staff, rd_staff, generated)
    select 'FPS' || o.id || '-' || y, o.zone_id, o.id, y,
           case when o.id % 37 = 0 then 0 when o.id % 31 = 0 then null else round((exp(5.5 + power(${rnd('o.id', 2)}, 2) * 5.5) * (1 + (y - 2019) * 0.05))::numeric, 1 + (o.id % 8)::int) end,
           case when o.id % 29 = 0 then null else round((exp(5.5 + power(${rnd('o.id', 2)}, 2) * 5.5) * (0.005 + power(${rnd('o.id', 4)}, 2) * 0.12))::numeric, 2) end,
           case when o.id % 43 = 0 then null else greatest(5, (20 + ${rnd('o.id', 5)} * 600)::int) end,
           greatest(1, (${rnd('o.id', 6)} * 150)::int), true
      from organizations o, generate_series(2019, 2024) y where o.code like 'FP%' and not (o.id % 17 = 0 and y = 2023)`);
  await db.query(`insert into qualifications (code, zone_id, organization_id, type, level, valid_from, valid_to, generated)
    select 'FPQ' || o.id || '-' || q.type, o.zone_id, o.id, q.type, q.level, q.valid_from, q.valid_to, true from organizations o,
      lateral (values ('tech_sme', null, date '2024-05-01', date '2024-12-31', ${rnd('o.id', 7)} < 0.3),
                      ('hightech_enterprise', null, date '2023-11-01', date '2026-10-31', ${rnd('o.id', 8)} < 0.15),
                      ('srdi_sme', null, date '2023-07-01', null::date, ${rnd('o.id', 9)} < 0.2),
                      ('provincial_key_lab', 'provincial', date '2020-01-01', null::date, ${rnd('o.id', 10)} < 0.1),
                      ('enterprise_tech_center', 'municipal', date '2021-01-01', date '2024-01-01', ${rnd('o.id', 11)} < 0.1))
        as q(type, level, valid_from, valid_to, held) where q.held and o.code like 'FP%'`);
  await db.query(`insert into achievements (code, zone_id, organization_id, kind, title, year, converted, generated)
    select 'FPA' || o.id || '-' || i, o.zone_id, o.id, (array['invention_patent','utility_model','software_copyright','standard','design_patent','paper'])[1 + (o.id + i) % 6],
           '生成成果', case when i = 5 then null else 2026 - (i % 6)::int end, (o.id + i) % 3 = 0, true
      from organizations o, generate_series(1, (o.id % 7)::int) i where o.code like 'FP%'`);
}

describe.each(BACKENDS)('policy batch fast paths on %s', (backend) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb(backend);
    await generate(t.db);
  }, 120_000);
  afterAll(async () => { await t?.drop(); });

  it('assesses every enterprise with the verdict the one-enterprise assessment gives it', async () => {
    const ids = (await t.db.query<{ id: number }>(`select id from organizations where kind = 'enterprise' order by id`)).map((r) => Number(r.id));
    const text = await aggregateCasesText(t.db, ids[0]!, ids[ids.length - 1]!, 2025, null);
    const rows = rowsFromText(text);
    expect(rows.map((r) => r.id)).toEqual(ids);
    const versions = PROGRAMMES.map((programme) => ({ programme, compiled: compiledInForce(programme, DATE, []) }));
    const tally = { compared: 0, qualifies: 0, inputErrors: 0 };
    for (const given of [undefined, STATEMENTS]) {
      for (const row of rows) {
        const batch = assessRows([row], DATE, versions, given);
        for (const programme of PROGRAMMES) {
          const verdict = (Object.entries(batch[programme]!).find(([, n]) => n === 1) ?? [])[0];
          try {
            const one = await runAssessment(t.db, admin, { organization_id: row.id, programme, date: DATE, case: given });
            expect({ id: row.id, programme, given: !!given, verdict }).toEqual({ id: row.id, programme, given: !!given, verdict: one.result.verdict });
            tally.compared++;
            if (verdict === 'qualifies' || verdict === 'qualifies_unverified') tally.qualifies++;
          } catch (err) {
            // Inputs it needs and contradictory registry figures (R&D above zero revenue) are field errors there, not a
            // verdict; the engine's full trace of the same merged case (what previews and matching show) is the reference.
            if (!(err instanceof AppError) || err.code !== 'VALIDATION') throw err;
            const org = (await t.db.query<AssessedOrganization>('select * from organizations where id = $1', [row.id]))[0]!;
            const merged = mergeCase(caseFromRegistry(caseFactsOf(await loadRegistryFacts(t.db, org), DATE), DATE, false).case, given);
            expect({ id: row.id, programme, verdict }).toEqual({ id: row.id, programme, verdict: explainCompiled(compiledInForce(programme, DATE, []), merged, DATE).verdict });
            tally.inputErrors++;
          }
        }
      }
    }
    expect(tally.compared + tally.inputErrors).toBe(rows.length * PROGRAMMES.length * 2);
    expect(tally.compared, JSON.stringify(tally)).toBeGreaterThan(rows.length);
    expect(tally.qualifies).toBeGreaterThan(10);

    // The pooled run over id ranges (worker threads, ranges smaller than the registry) counts the same verdicts.
    const expected = emptyCounts(PROGRAMMES);
    addCounts(expected, assessRows(rows, DATE, versions, STATEMENTS));
    const pooled = await assessAll(t.db, { date: DATE, workers: 2, rangeSize: 97, given: STATEMENTS });
    expect(pooled.enterprises).toBe(rows.length);
    expect(pooled.counts).toEqual(expected);

    // The command line runs the same pool: as an admin on the zone, with the statements from a file.
    const dir = mkdtempSync(join(tmpdir(), 'assess-all-'));
    writeFileSync(join(dir, 'statements.json'), JSON.stringify(STATEMENTS));
    const orgUser: Actor = { userId: 2, username: 'org', role: 'org_user', zoneId: null, organizationId: ids[0]! };
    const cli = (actor: Actor, ...args: string[]) => runCommand((program) => registerAssessAllCommand(program, (work) => work(t.db), async () => actor), ['assess-all', ...args]);
    const run = await cli(admin, '--zone', 'FP-Z', '--date', DATE, '--statements', join(dir, 'statements.json'), '--workers', '1');
    const printed = JSON.parse(run.stdout) as { enterprises: number; counts: unknown; rulesVersions: Record<string, string> };
    expect(printed).toMatchObject({ enterprises: rows.length, counts: expected });
    expect(Object.keys(printed.rulesVersions).sort()).toEqual([...PROGRAMMES].sort());
    await expect(cli(orgUser, '--zone', 'FP-Z', '--date', DATE)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // An operator: their own zone by default (the same counts), another zone refused, no zone nothing to assess.
    const zoneId = Number((await t.db.query<{ id: number }>(`select id from zones where code = 'FP-Z'`))[0]!.id);
    const otherZone = Number((await t.db.query<{ id: number }>(`insert into zones (code, kind, name_zh, name_en, generated) values ('FP-Y', 'park', '另一园区', 'Other zone', true) returning id`))[0]!.id);
    const operator = (zone: number | null): Actor => ({ userId: 3, username: 'op', role: 'zone_operator', zoneId: zone, organizationId: null });
    const own = JSON.parse((await cli(operator(zoneId), '--date', DATE, '--statements', join(dir, 'statements.json'), '--workers', '1')).stdout) as { enterprises: number; counts: unknown };
    expect(own).toMatchObject({ enterprises: rows.length, counts: expected });
    await expect(cli(operator(otherZone), '--zone', 'FP-Z', '--date', DATE)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(cli(operator(null), '--date', DATE)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(cli(admin, '--date', '2025-02-30')).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ field: '--date' }] });
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ flags: { isSme: 'yes' } }));
    await expect(cli(admin, '--zone', 'FP-Z', '--date', DATE, '--statements', join(dir, 'bad.json'))).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(cli(admin, '--zone', 'NO-SUCH-ZONE', '--date', DATE)).rejects.toMatchObject({ code: 'VALIDATION', issues: [{ field: '--zone' }] });
  }, 600_000);

  it('counts the enterprises of many programmes in one pass as the per-organisation evaluation does', async () => {
    const zone = Number((await t.db.query<{ id: number }>(`select id from zones where code = 'FP-Z'`))[0]!.id);
    const raw = [
      [{ kind: 'org_kind', in: ['enterprise'] }, { kind: 'statistic', field: 'rd_expense', op: '>=', value: 30, year: -1 }],
      [{ kind: 'statistic', field: 'rd_intensity', op: '>', value: 2.5, year: -1 }, { kind: 'qualification', type: 'hightech_enterprise' }],
      [{ kind: 'statistic', field: 'operating_revenue', op: '<=', value: 2000, year: -2 }, { kind: 'statistic', field: 'staff', op: '>=', value: 100, year: -1 }],
      [{ kind: 'founded_before', date: '2012-06-01' }, { kind: 'qualification', type: 'tech_sme', on: '2024-12-31' }],
      [{ kind: 'statistic', field: 'operating_revenue', op: '=', value: 0, year: -1 }],
      [],
    ];
    const programmes = raw.map((r) => ({ zone_id: zone, rules: eligibilityRules.parse(r) }));
    const batch = await eligibleForProgrammes(t.db, programmes, DATE, { limit: 50 });
    const all = (await t.db.query<{ id: number }>('select id from organizations order by id')).map((r) => Number(r.id));
    for (const [i, g] of programmes.entries()) {
      const facts = await loadOrgFacts(t.db, all, zone, yearsNeeded(g.rules, { kind: 'fixed', amount_fen: 1 }, DATE));
      const eligible = all.filter((id) => evaluateEligibility(g.rules, facts.get(id)!, DATE).eligible);
      expect({ i, total: batch[i]!.total, ids: batch[i]!.ids }).toEqual({ i, total: eligible.length, ids: eligible.slice(0, 50) });
    }
    expect(batch.filter((b) => b.total > 0 && b.total < all.length).length).toBeGreaterThan(3);
  }, 120_000);
});
