import { AppError, invalid } from '../../shared/http/errors';
import type { PolicyCaseInput, PolicyCase } from '../rules/case';
import type { Assessment, AssessmentSummary, CompiledVersion } from '../rules/compile';
import { assess, builtInVersion, compiled, listVersions, versionInForce } from '../rules/engine';
import { prepareCase, type PreparedCase } from '../rules/prepare';
import { calculateSuperDeduction, type SuperDeductionResult } from '../rules/super-deduction/calculate';
import { PolicyInputError } from '../rules/validate';
import { parseRuleVersion, RuleVersionError, type RuleVersion } from '../rules/version-schema';
import type { Programme } from './tiers';

/**
 * The one place this folder calls the pure rule engine (src/policy/rules): one assessment with its full trace, and
 * the compiled batch form for many enterprises. Engine errors become field errors (400) naming the case path.
 */
export type { Assessment, AssessmentSummary, CompiledVersion, PreparedCase, RuleVersion };

export function builtInVersions(programme?: Programme): RuleVersion[] {
  return listVersions().filter((v) => !programme || v.programme === programme).map((v) => builtInVersion(v.id)!);
}

/** Validates a version file as the engine does; each problem becomes a field error under `file.`. */
export function parseVersionFile(json: unknown): RuleVersion {
  try {
    return parseRuleVersion(json);
  } catch (err) {
    if (err instanceof RuleVersionError) throw invalid(err.issues.map((i) => ({ field: `file.${i.field}`, key: 'policy.assessment.badRuleFile', params: { reason: i.message } })));
    throw err;
  }
}

/** One enterprise with the full trace; missing or contradictory inputs are field errors (under `case.`), not a verdict. */
export function assessOne(programme: Programme, input: PolicyCaseInput, date: string, extraVersions: readonly RuleVersion[]): Assessment {
  try {
    return assess(programme, input, { date, extraVersions: [...extraVersions] });
  } catch (err) {
    if (err instanceof PolicyInputError) {
      throw invalid(err.issues.map((i) => ({ field: i.field === 'applicationDate' ? 'date' : `case.${i.field}`, key: i.key, params: i.params })));
    }
    throw err;
  }
}

/** The compiled version in force on the date; a 400 naming the date when none is. */
export function compiledInForce(programme: Programme, date: string, extraVersions: readonly RuleVersion[]): CompiledVersion {
  const version = versionInForce(programme, date, [...extraVersions]);
  if (!version) throw new AppError('VALIDATION', 'policy.assessment.noVersion', { programme, date }, [{ field: 'date', key: 'policy.assessment.noVersion', params: { programme, date } }]);
  return compiled(version);
}

/**
 * The batch path: no trace, a few microseconds per enterprise. Cases assembled from the registry carry every list
 * the engine reads (registry-case.ts), so they skip the parser that a user's input goes through.
 */
export function summarise(version: CompiledVersion, input: PolicyCaseInput, date: string): AssessmentSummary {
  return version.summary(prepareRegistryCase(input, date));
}

/** A registry case turned into exact integers once, to be summarised by several programmes. */
export function prepareRegistryCase(input: PolicyCaseInput, date: string): PreparedCase {
  return prepareCase(input as PolicyCase, date);
}

/** The full trace without the input checks: for registry-only previews, where an incomplete verdict is an answer. */
export function explainCompiled(version: CompiledVersion, input: PolicyCaseInput, date: string): Assessment {
  return version.explain(prepareCase(input as PolicyCase, date));
}

/** The R&D super-deduction calculator; bad input is a field error naming the input path. */
export function superDeduction(input: unknown): SuperDeductionResult {
  try {
    return calculateSuperDeduction(input);
  } catch (err) {
    if (err instanceof PolicyInputError) throw invalid(err.issues.map((i) => ({ field: i.field, key: i.key, params: i.params })));
    throw err;
  }
}
