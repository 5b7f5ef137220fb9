import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { ActorFor, WithDb } from '../../shared/cli/cli-context';
import { AppError, type FieldIssue, forbidden } from '../../shared/http/errors';
import { caseInputSchema, type PolicyCaseInput } from '../rules/case';
import { zoneForActor } from './assessment-access';
import { isoDate } from './assessment.schemas';
import { assessAll } from './assess-all';
import { compiledInForce } from './engine';
import { extraVersionsFor } from './rule-versions.service';
import { PROGRAMMES } from './tiers';

/**
 * `kechuang assess-all [--zone CODE] [--date YYYY-MM-DD] [--statements FILE] [--workers N] [--as USER]`: every
 * enterprise of a zone's subtree (or, for an admin without --zone, of every zone) self-assessed against the five
 * programmes on registry data, the rule version in force on the date (added versions of the zone included). Prints
 * one JSON object: the counts per programme and verdict. Progress goes to stderr. The policy benchmark's assess_all
 * times this path (src/policy/assessment/assess-all.ts).
 */
interface Options { zone?: string; date: string; statements?: string; workers: string; as?: string }

const invalid = (issues: FieldIssue[]) => new AppError('VALIDATION', 'problem.validation', {}, issues);

function readStatements(file: string): PolicyCaseInput {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw invalid([{ field: '--statements', key: 'policy.assessment.statementsFile', params: { reason: err instanceof Error ? err.message : String(err) } }]);
  }
  const parsed = caseInputSchema.safeParse(json);
  if (!parsed.success) {
    throw invalid(parsed.error.issues.map((i) => ({ field: `--statements ${i.path.join('.')}`, key: 'policy.assessment.statementsField', params: { reason: i.message } })));
  }
  // The fields as written, not the parse with its defaults (empty lists would replace the registry's lists): the
  // self-assessment API merges a given case the same way.
  return json as PolicyCaseInput;
}

export function registerAssessAllCommand(program: Command, withDb: WithDb, actorFor: ActorFor): void {
  program
    .command('assess-all')
    .description('self-assess every enterprise of a zone (or of every zone) against the five programmes on registry data; prints counts per programme and verdict as JSON')
    .option('--zone <code>', "zone code: the zone and its sub-zones (default: every zone for an admin, the operator's own zone)")
    .option('--date <YYYY-MM-DD>', 'application date', new Date().toISOString().slice(0, 10))
    .option('--statements <file>', 'JSON with case fields every enterprise is taken to state (flags, niche years, …), as in the self-assessment form')
    .option('--workers <n>', 'worker threads', '2')
    .option('--as <username>', 'act as this user (default: the first admin)')
    .action((opts: Options) => withDb(async (db) => {
      const issues: FieldIssue[] = [];
      if (!isoDate.safeParse(opts.date).success) issues.push({ field: '--date', key: 'field.date', params: {} });
      const workers = Number(opts.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64) issues.push({ field: '--workers', key: 'field.min', params: { min: 1 } });
      if (issues.length) throw invalid(issues);
      const given = opts.statements ? readStatements(opts.statements) : undefined;
      const actor = await actorFor(db, opts.as);
      let zoneId: number | null = null;
      if (opts.zone) {
        const zone = (await db.query<{ id: number }>('select id from zones where code = $1', [opts.zone]))[0];
        if (!zone) throw invalid([{ field: '--zone', key: 'field.unknownRef', params: { entity: 'zone', value: opts.zone } }]);
        zoneId = Number(zone.id);
      }
      // An admin without --zone assesses every zone; anyone else their own zone's subtree at most (organisation users
      // and other zones are refused by zoneForActor; a user without a zone has nothing to assess).
      if (zoneId === null && actor.role !== 'admin') {
        if (actor.zoneId === null) throw forbidden('policy.assessment.zoneOnly');
        zoneId = actor.zoneId;
      }
      const zoneIds = zoneId === null ? null : await zoneForActor(db, actor, zoneId);
      const extra = await Promise.all(PROGRAMMES.map((p) => extraVersionsFor(db, p, zoneId)));
      const started = Date.now();
      const result = await assessAll(db, {
        date: opts.date, zoneIds, given, workers, extraDefinitions: extra.flat(),
        onProgress: (n) => process.stderr.write(`\r${n} enterprises assessed`),
      });
      process.stderr.write(`\r${result.enterprises} enterprises assessed in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
      const rulesVersions = Object.fromEntries(PROGRAMMES.map((p, i) => [p, compiledInForce(p, opts.date, extra[i]!).version.id]));
      process.stdout.write(`${JSON.stringify({ date: opts.date, zone: opts.zone ?? null, enterprises: result.enterprises, rulesVersions, counts: result.counts })}\n`);
    }));
}
