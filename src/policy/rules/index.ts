/** Public API of the policy rule engine (pure: no database). See src/policy/README.md. */
export { caseInputSchema, programmeIds, type PolicyCase, type PolicyCaseInput, type ProgrammeId, type YearFacts, type IpItem, type Qualification } from './case';
export { compileVersion, type Assessment, type AssessmentSummary, type CompiledVersion, type Verdict, type Advice, type ConditionResult, type ItemResult } from './compile';
export { assess, compiled, listVersions, summaryAssessor, versionInForce, builtInVersion, type AssessOptions, type VersionInfo } from './engine';
export { prepareCase, type PreparedCase } from './prepare';
export { parseRuleVersion, ruleVersionSchema, RuleVersionError, type RuleVersion } from './version-schema';
export { parseCase, PolicyInputError, type FieldIssue } from './validate';
export { caseJsonSchema, caseSchemaFor, superDeductionJsonSchema } from './json-schema';
export { calculateSuperDeduction, parseSuperDeductionInput, type SuperDeductionResult, type SuperDeductionLine } from './super-deduction/calculate';
export { superDeductionInputSchema, type SuperDeductionInput, type SuperDeductionInputRaw } from './super-deduction/schema';
export { rulesText, type RulesLocale } from './rules.messages';
