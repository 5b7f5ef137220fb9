import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ProgrammeId } from './case';
import { type Assessment, type AssessmentSummary, type CompiledVersion, compileVersion } from './compile';
import { prepareCase } from './prepare';
import { type FieldIssue, PolicyInputError, parseCase } from './validate';
import { type RuleVersion, parseRuleVersion } from './version-schema';

/**
 * The rule engine's entry points: which version is in force, assess one case with its trace, and the compiled form
 * for batches. Versions are the JSON files in ./versions plus any the caller passes (e.g. uploaded by a zone admin).
 */

const versionsDir = join(import.meta.dirname, 'versions');

function loadBuiltIn(): RuleVersion[] {
  return readdirSync(versionsDir).filter((f) => f.endsWith('.json')).sort().map((file) => {
    try {
      return parseRuleVersion(JSON.parse(readFileSync(join(versionsDir, file), 'utf8')));
    } catch (error) {
      throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

const builtIn: RuleVersion[] = loadBuiltIn();
const compiledCache = new WeakMap<RuleVersion, CompiledVersion>();

/** Compiles once per version object; later calls reuse the closures. */
export function compiled(version: RuleVersion): CompiledVersion {
  let c = compiledCache.get(version);
  if (!c) {
    c = compileVersion(version);
    compiledCache.set(version, c);
  }
  return c;
}

export interface VersionInfo {
  id: string;
  programme: ProgrammeId;
  title: RuleVersion['title'];
  effective: RuleVersion['effective'];
  status: RuleVersion['status'];
  confidence: RuleVersion['confidence'];
}

export function listVersions(extraVersions: RuleVersion[] = []): VersionInfo[] {
  return [...builtIn, ...extraVersions].map((v) => ({ id: v.id, programme: v.programme, title: v.title, effective: v.effective, status: v.status, confidence: v.confidence }));
}

export function builtInVersion(id: string): RuleVersion | undefined {
  return builtIn.find((v) => v.id === id);
}

/**
 * The version in force on `date`: the one whose period contains it; where periods overlap, the one starting latest
 * (the later notice prevails); a version added by the caller wins over a built-in one with the same start.
 */
export function versionInForce(programme: ProgrammeId, date: string, extraVersions: RuleVersion[] = []): RuleVersion | undefined {
  let best: RuleVersion | undefined;
  for (const v of [...builtIn, ...extraVersions]) {
    if (v.programme !== programme || v.effective.from > date || (v.effective.to !== null && v.effective.to < date)) continue;
    if (!best || v.effective.from >= best.effective.from) best = v;
  }
  return best;
}

export interface AssessOptions {
  /** Application date (overrides the case's applicationDate). */
  date?: string;
  extraVersions?: RuleVersion[];
  /** Use this version instead of the one in force (e.g. a 2022 re-examination after 2026). */
  versionId?: string;
}

function pickVersion(programme: ProgrammeId, date: string, options: AssessOptions): RuleVersion {
  const all = [...builtIn, ...(options.extraVersions ?? [])];
  const version = options.versionId ? all.find((v) => v.id === options.versionId && v.programme === programme) : versionInForce(programme, date, options.extraVersions);
  if (!version) throw new PolicyInputError([{ field: options.versionId ? 'version' : 'applicationDate', key: 'policy.rules.field.noVersion', params: { programme, date } }]);
  return version;
}

/** Assesses one case (raw JSON) with its full trace. Bad or missing inputs throw PolicyInputError, never a verdict. */
export function assess(programme: ProgrammeId, input: unknown, options: AssessOptions = {}): Assessment {
  const c = parseCase(input, options.date);
  const prepared = prepareCase(c, options.date);
  const version = pickVersion(programme, prepared.date, options);
  const result = compiled(version).explain(prepared);
  const issues: FieldIssue[] = result.issues.map((i) => ({ field: i.field, key: 'policy.rules.field.outsideBand', params: { band: i.band, low: i.low, high: i.high } }));
  for (const field of result.missing) issues.push({ field, key: 'policy.rules.field.requiredFor', params: { programme } });
  if (issues.length > 0) throw new PolicyInputError(issues);
  return result;
}

/**
 * For batches: a function from a validated case to the cheap summary (no text), with the version chosen per case date.
 * Prepare a case once with prepareCase and pass it to several programmes' assessors.
 */
export function summaryAssessor(programme: ProgrammeId, extraVersions: RuleVersion[] = []): (prepared: ReturnType<typeof prepareCase>) => AssessmentSummary {
  let lastDate = '';
  let lastCompiled: CompiledVersion | undefined;
  return (prepared) => {
    if (prepared.date !== lastDate) {
      const version = versionInForce(programme, prepared.date, extraVersions);
      lastCompiled = version ? compiled(version) : undefined;
      lastDate = prepared.date;
    }
    if (!lastCompiled) return { program: programme, rulesVersion: '', qualifies: false, verdict: 'incomplete', score: null, uncertain: [] };
    return lastCompiled.summary(prepared);
  };
}
