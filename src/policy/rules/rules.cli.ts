import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { programmeIds, type ProgrammeId } from './case';
import type { Assessment } from './compile';
import { assess } from './engine';
import { type RulesLocale, rulesText } from './rules.messages';
import { caseJsonSchema, superDeductionJsonSchema } from './json-schema';
import { calculateSuperDeduction } from './super-deduction/calculate';
import { PolicyInputError } from './validate';
import { RuleVersionError, type RuleVersion, parseRuleVersion } from './version-schema';

/** Exit code for bad input (commander uses 1 for its own usage errors). */
const BAD_INPUT_EXIT_CODE = 2;

function parseDateOption(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('must be a date YYYY-MM-DD');
  return value;
}

function readJson(path: string, field: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new PolicyInputError([{ field, key: 'policy.rules.field.file', params: { detail: error instanceof Error ? error.message : String(error) } }]);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PolicyInputError([{ field, key: 'policy.rules.field.json', params: { detail: error instanceof Error ? error.message : String(error) } }]);
  }
}

function readVersions(paths: string[]): RuleVersion[] {
  return paths.map((path) => {
    try {
      return parseRuleVersion(readJson(path, '--rules'));
    } catch (error) {
      if (error instanceof RuleVersionError) {
        throw new PolicyInputError(error.issues.map((i) => ({ field: `--rules ${path}: ${i.field}`, key: 'policy.rules.field.invalid', params: { detail: i.message } })));
      }
      throw error;
    }
  });
}

const pick = (text: { zh: string; en: string }, lang: RulesLocale) => (lang === 'zh-CN' ? text.zh : text.en);

/** The assessment as printed: the contract fields first, texts in the chosen language. */
function localise(a: Assessment, lang: RulesLocale) {
  return {
    program: a.program,
    rulesVersion: a.rulesVersion,
    qualifies: a.qualifies,
    score: a.score,
    verdict: a.verdict,
    uncertain: a.uncertainRules.map((u) => ({ id: u.id, reason: pick(u.reason, lang) })),
    date: a.date,
    versionStatus: a.versionStatus,
    versionConfidence: a.versionConfidence,
    conditions: a.conditions.map((c) => ({
      id: c.id, pass: c.pass, value: c.value, threshold: c.threshold, source: c.source,
      title: pick(c.title, lang), arithmetic: pick(c.arithmetic, lang), confidence: c.confidence,
    })),
    items: a.items.map((i) => ({
      id: i.id, points: i.points, max: i.max, band: i.band, value: i.value, group: i.group, assumed: i.assumed,
      title: pick(i.title, lang), source: i.source, confidence: i.confidence,
    })),
    groups: a.groups.map((g) => ({ ...g, title: pick(g.title, lang) })),
    routes: a.routes.map((r) => ({
      id: r.id, pass: r.pass, title: pick(r.title, lang), source: r.source, confidence: r.confidence,
      ...(r.checks ? { checks: r.checks.map((c) => ({ id: c.id, pass: c.pass, value: c.value, threshold: c.threshold, arithmetic: pick(c.arithmetic, lang), source: c.source })) } : {}),
    })),
    assumptions: a.assumptions,
    advice: a.advice.map((x) => ({ kind: x.kind, id: x.id, text: pick(x.text, lang), ...(x.gain !== undefined ? { gain: x.gain } : {}), ...(x.amount !== undefined ? { amount: x.amount } : {}) })),
  };
}

function fail(command: Command, error: unknown, lang: RulesLocale): never {
  if (error instanceof PolicyInputError) {
    const header = rulesText(lang, 'policy.rules.invalidInput', { count: error.issues.length });
    command.error([header, ...error.lines(lang).map((l) => `  ${l}`)].join('\n'), { exitCode: BAD_INPUT_EXIT_CODE, code: 'policy.bad-input' });
  }
  throw error;
}

const langOption = () => new Option('--lang <lang>', 'language of texts and errors').choices(['zh-CN', 'en']).default('en');

/** Adds `assess` and `super-deduction` (pure, on files, no database) to the kechuang CLI. */
export function registerRuleCommands(program: Command): void {
  program
    .command('assess')
    .description('qualification self-assessment of one enterprise case (JSON file); prints one JSON object')
    .addArgument(program.createArgument('[program]', 'programme').choices([...programmeIds]))
    .option('--input <file>', 'case JSON (see src/policy/README.md and --schema)')
    .option('--date <YYYY-MM-DD>', 'application date (default: the case\'s applicationDate)', parseDateOption)
    .addOption(new Option('--schema <program>', 'print the input JSON Schema of a programme and exit').choices([...programmeIds]))
    .option('--rules <files...>', 'extra rule-version files (JSON) to consider')
    .option('--rules-version <id>', 'use this rule version instead of the one in force (e.g. a re-examination under old rules)')
    .addOption(langOption())
    .action(function (this: Command, programme: ProgrammeId | undefined, options: { input?: string; date?: string; schema?: ProgrammeId; rules?: string[]; rulesVersion?: string; lang: RulesLocale }) {
      if (options.schema) {
        process.stdout.write(`${JSON.stringify(caseJsonSchema(options.schema), null, 2)}\n`);
        return;
      }
      if (!programme) this.error('missing programme: assess <hnte|tech-sme|innovative-sme|srdi|little-giant> --input case.json', { exitCode: BAD_INPUT_EXIT_CODE, code: 'policy.usage' });
      if (!options.input) this.error('missing --input <file>', { exitCode: BAD_INPUT_EXIT_CODE, code: 'policy.usage' });
      try {
        const extraVersions = readVersions(options.rules ?? []);
        const result = assess(programme, readJson(options.input, '--input'), { date: options.date, extraVersions, versionId: options.rulesVersion });
        process.stdout.write(`${JSON.stringify(localise(result, options.lang))}\n`);
      } catch (error) {
        fail(this, error, options.lang);
      }
    });

  program
    .command('super-deduction')
    .description('R&D super-deduction (研发费用加计扣除) of one tax year from a JSON file; prints one JSON object')
    .option('--input <file>', 'input JSON (see src/policy/README.md and --schema)')
    .option('--schema', 'print the input JSON Schema and exit')
    .addOption(langOption())
    .action(function (this: Command, options: { input?: string; schema?: boolean; lang: RulesLocale }) {
      if (options.schema) {
        process.stdout.write(`${JSON.stringify(superDeductionJsonSchema(), null, 2)}\n`);
        return;
      }
      if (!options.input) this.error('missing --input <file>', { exitCode: BAD_INPUT_EXIT_CODE, code: 'policy.usage' });
      try {
        const result = calculateSuperDeduction(readJson(options.input, '--input'));
        const lang = options.lang;
        process.stdout.write(`${JSON.stringify({
          ...result,
          lines: result.lines.map((l) => ({ id: l.id, label: pick(l.label, lang), amount: l.amount, formula: l.formula, source: l.source })),
          uncertain: result.uncertain.map((u) => ({ id: u.id, reason: pick(u.reason, lang) })),
        })}\n`);
      } catch (error) {
        fail(this, error, options.lang);
      }
    });
}
