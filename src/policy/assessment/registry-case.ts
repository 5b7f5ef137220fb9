import type { Label } from '../../shared/i18n';
import type { IpItem, PolicyCaseInput, Qualification, YearFacts } from '../rules/case';
import type { QualificationSpan, RegistryFacts, StatisticsYear } from './registry-facts.repository';

/**
 * Turns what the registry knows into the engine's case, and says where every prefilled value came from, so the page
 * can show it beside the field. Everything the registry cannot know (expert-judged points, revenue splits, flags
 * only the enterprise can state) is left out: the engine then applies its documented defaults and says so, and the
 * page asks for it.
 */
export interface Provenance {
  path: string;
  source: Label;
}

export interface PrefilledCase {
  case: PolicyCaseInput;
  provenance: Provenance[];
}

/** Registry qualification types → the engine's qualification kinds (others are not ladder titles). */
const QUALIFICATION_KIND: Record<string, Qualification['kind']> = {
  hightech_enterprise: 'hnte', tech_sme: 'tech_sme', innovative_sme: 'innovative_sme', srdi_sme: 'srdi_sme', little_giant: 'little_giant',
};

/** Registry achievement kinds that are IP, with their class (S2 §三(二); trademarks and papers are not IP here). */
interface IpKind { class: IpItem['class']; kind: NonNullable<IpItem['kind']>; item: IpItem }
const ipItem = (k: Pick<IpKind, 'class' | 'kind'>): IpItem =>
  ({ class: k.class, kind: k.kind, selfDeveloped: true, usedInPreviousHnte: false, highValue: false, relatedToMainProduct: true, appliedWithBenefit: false });
const ipKind = (cls: IpItem['class'], kind: IpKind['kind']): IpKind => ({ class: cls, kind, item: Object.freeze(ipItem({ class: cls, kind })) });
const IP_KIND: Record<string, IpKind> = {
  invention_patent: ipKind('I', 'invention'),
  new_variety: ipKind('I', 'plant_variety'),
  utility_model: ipKind('II', 'utility_model'),
  design_patent: ipKind('II', 'design'),
  software_copyright: ipKind('II', 'software'),
};

/** R&D institutions recorded as qualifications, and the level each one is at least. */
const INSTITUTION_LEVEL: Record<string, 'national' | 'provincial' | 'municipal' | null> = {
  national_key_lab: 'national', provincial_key_lab: 'provincial', engineering_center: null, enterprise_tech_center: null,
};
const LEVEL_RANK = { national: 3, provincial: 2, municipal: 1 } as const;

/** Fiscal years a case carries: the rules read at most the three before the application year; five leave room. */
export const CASE_YEARS = 5;

const num = (v: string | number | null): number | undefined => (v === null || v === undefined ? undefined : Number(v));


function yearOf(s: StatisticsYear): YearFacts {
  const y: YearFacts = { year: s.year };
  const revenue = num(s.operating_revenue);
  const rd = num(s.rd_expense);
  if (revenue !== undefined) y.salesRevenue = revenue;
  if (rd !== undefined) y.rdExpense = rd;
  if (s.staff !== null) y.staffAvg = s.staff;
  // The registry records R&D staff (研发人员), a part of the S&T staff (科技人员): a lower bound, hence a safe one.
  if (s.rd_staff !== null) { y.techStaffAvg = s.rd_staff; y.rdStaffAvg = s.rd_staff; }
  return y;
}

function institutionLevel(quals: readonly QualificationSpan[], date: string): 'national' | 'provincial' | 'municipal' | undefined {
  let best: 'national' | 'provincial' | 'municipal' | undefined;
  for (const q of quals) {
    if (!(q.type in INSTITUTION_LEVEL) || q.valid_from > date || (q.valid_to !== null && q.valid_to < date)) continue;
    const level = INSTITUTION_LEVEL[q.type] ?? (q.level === 'national' || q.level === 'provincial' || q.level === 'municipal' ? q.level : 'municipal');
    if (!best || LEVEL_RANK[level] > LEVEL_RANK[best]) best = level;
  }
  return best;
}

/** The registry's facts reduced to what a case needs: the same for one enterprise on a page and a million in a batch. */
export interface CaseFacts {
  name: string;
  foundedYear: number | null;
  statistics: readonly StatisticsYear[];
  qualifications: readonly QualificationSpan[];
  /** IP items by registry achievement kind (only kinds in IP_KIND count), granted up to the application year. */
  ipCounts: Readonly<Record<string, number>>;
  convertedLast3Years: number;
  standardDrafting: boolean;
}

/** Reduces one enterprise's registry facts as the batch SQL does (registry-cases.batch.ts). */
export function caseFactsOf(facts: RegistryFacts, applicationDate: string): CaseFacts {
  const appYear = Number(applicationDate.slice(0, 4));
  const ipCounts: Record<string, number> = {};
  let converted = 0;
  for (const a of facts.achievements) {
    if (a.kind in IP_KIND && (a.year === null || a.year <= appYear)) ipCounts[a.kind] = (ipCounts[a.kind] ?? 0) + 1;
    if (a.converted && a.year !== null && a.year >= appYear - 3 && a.year < appYear) converted++;
  }
  return {
    name: facts.organization.name_zh, foundedYear: facts.organization.founded_year, statistics: facts.statistics, qualifications: facts.qualifications,
    ipCounts, convertedLast3Years: converted, standardDrafting: facts.achievements.some((a) => a.kind === 'standard'),
  };
}

const NO_NOTE = () => undefined;

/** The case, and (unless `withProvenance` is false, as in batches) where each prefilled value came from. */
export function caseFromRegistry(f: CaseFacts, applicationDate: string, withProvenance = true): PrefilledCase {
  const provenance: Provenance[] = [];
  // Batches skip provenance: the texts below are built only when kept (a million cases would build them for nothing).
  const note = withProvenance ? (path: string, zh: string, en: string) => { provenance.push({ path, source: { zh, en } }); } : NO_NOTE;
  const appYear = Number(applicationDate.slice(0, 4));
  const years: YearFacts[] = [];
  const ip: IpItem[] = [];
  const qualifications: Qualification[] = [];
  // Every list present (empty when unknown), so the case is also valid for the engine's batch path without parsing.
  const c: PolicyCaseInput = { unit: '万元', name: f.name, applicationDate, years, ip, qualifications, awards: [], standards: [], financing: [], flags: {} };

  if (f.foundedYear !== null) {
    // The registry keeps the founding year only: its last day is the latest the registration can be, so a
    // registration-period test passed on it is passed for certain.
    c.registrationDate = `${f.foundedYear}-12-31`;
    if (withProvenance) note('registrationDate', `登记库：成立年份 ${f.foundedYear}（按当年最后一天保守计）`, `registry: founded ${f.foundedYear} (taken as its last day, the safe side)`);
  }
  for (const s of f.statistics) {
    if (s.year >= appYear || s.year < appYear - CASE_YEARS) continue;
    years.push(yearOf(s));
    if (withProvenance) note(`years.${s.year}`, `登记库：${s.year} 年度统计（营业收入、研发费用、从业人员；研发人员作科技人员的下限）`,
      `registry: annual statistics ${s.year} (revenue, R&D, staff; R&D staff as a lower bound of S&T staff)`);
  }
  let classI = 0;
  for (const kind in f.ipCounts) {
    const k = IP_KIND[kind];
    if (!k) continue;
    const n = f.ipCounts[kind]!;
    if (k.class === 'I') classI += n;
    // Batches share one frozen item per kind (read only there); a case a person sees gets items of its own.
    for (let i = 0; i < n; i++) ip.push(withProvenance ? ipItem(k) : k.item);
  }
  if (ip.length && withProvenance) {
    note('ip', `登记库：${ip.length} 项知识产权（Ⅰ类 ${classI}，Ⅱ类 ${ip.length - classI}），默认自主研发、与主要产品相关`,
      `registry: ${ip.length} IP items (Class I ${classI}, Class II ${ip.length - classI}), assumed self-developed and related to the main products`);
  }
  for (const q of f.qualifications) {
    const kind = QUALIFICATION_KIND[q.type];
    if (kind) qualifications.push(q.valid_to ? { kind, validFrom: q.valid_from, validTo: q.valid_to } : { kind, validFrom: q.valid_from });
  }
  if (qualifications.length && withProvenance) note('qualifications', `登记库：${qualifications.length} 条资质认定记录`, `registry: ${qualifications.length} qualification records`);

  const level = institutionLevel(f.qualifications, applicationDate);
  if (level) {
    c.rdInstitution = level;
    note('rdInstitution', '登记库：研发机构资质（重点实验室、工程技术研究中心、企业技术中心）', 'registry: R&D institution qualifications (key labs, engineering centres, enterprise technology centres)');
  }
  if (f.convertedLast3Years) {
    c.conversionsLast3Years = f.convertedLast3Years;
    if (withProvenance) note('conversionsLast3Years', `登记库：近三年已转化的科技成果 ${f.convertedLast3Years} 项`, `registry: ${f.convertedLast3Years} results converted in the last three years`);
  }
  if (f.standardDrafting) {
    c.flags!.standardDrafting = true;
    note('flags.standardDrafting', '登记库：参与制定的标准', 'registry: standards the enterprise helped draft');
  }
  return { case: c, provenance };
}

/**
 * What the user entered over what the registry knows: given fields win; fiscal years merge by year and field;
 * lists given replace the registry's; flags and expert points merge key by key.
 */
export function mergeCase(base: PolicyCaseInput, given: PolicyCaseInput | undefined): PolicyCaseInput {
  return given ? mergerFor(given)(base) : base;
}

/**
 * mergeCase with `given` fixed: what `given` contributes is stripped once, so a batch that merges the same
 * statements into a million registry cases does that work once, not per case. `inPlace`: the base (a case the
 * caller built for this merge alone) and its fiscal years are written over instead of copied.
 */
export function mergerFor(given: PolicyCaseInput, opts: { inPlace?: boolean } = {}): (base: PolicyCaseInput) => PolicyCaseInput {
  const inPlace = opts.inPlace === true;
  const top = stripUndefined(given);
  const givenYears = (given.years ?? []).map((y) => ({ year: y.year, fields: stripUndefined(y) }));
  const givenFlags = stripUndefined(given.flags ?? {});
  const givenHnte = stripUndefined(given.expert?.hnte ?? {});
  const givenSrdi = stripUndefined(given.expert?.srdi ?? {});
  const yearsGiven = new Map(givenYears.map((y) => [y.year, y.fields]));
  // Merged flags depend only on the base's flags, which in a batch take a handful of values (registry facts such as
  // standard drafting): each combination is merged once and shared, frozen, by every case that has it.
  const flagsFor = new Map<string, Readonly<NonNullable<PolicyCaseInput['flags']>>>();
  const mergedFlags = (base: PolicyCaseInput['flags']) => {
    const own = base ?? {};
    let key = '';
    for (const k in own) key += `${k}=${String((own as Record<string, unknown>)[k])};`;
    let flags = flagsFor.get(key);
    if (!flags) {
      flags = Object.freeze(Object.assign({}, own, givenFlags));
      if (flagsFor.size < 256) flagsFor.set(key, flags);
    }
    return flags;
  };
  // Object.assign and plain loops rather than object spreads: this runs once per enterprise in a batch of a million,
  // and V8 copies a spread of two objects far more slowly.
  return (base) => {
    // Read before the base may be written over (in place, `top` replaces years, flags and expert).
    const { years: baseYears, flags: baseFlags, expert: baseExpert } = base;
    const out: PolicyCaseInput = Object.assign(inPlace ? base : {}, base, top);
    const years: YearFacts[] = [];
    let pending = yearsGiven.size;
    for (const y of baseYears ?? []) {
      const g = yearsGiven.get(y.year);
      if (g) { years.push(Object.assign(inPlace ? y : {}, y, g)); pending--; } else years.push(inPlace ? y : Object.assign({}, y));
    }
    if (pending > 0) {
      const seen = new Set(years.map((y) => y.year));
      for (const y of givenYears) if (!seen.has(y.year)) { seen.add(y.year); years.push(Object.assign({ year: y.year }, y.fields)); }
    }
    out.years = years.sort((a, b) => a.year - b.year);
    out.flags = mergedFlags(baseFlags);
    if (baseExpert || given.expert) {
      out.expert = { hnte: Object.assign({}, baseExpert?.hnte, givenHnte), srdi: Object.assign({}, baseExpert?.srdi, givenSrdi) };
    }
    return out;
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
