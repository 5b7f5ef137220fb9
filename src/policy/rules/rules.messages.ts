/** Server-side texts of policy.rules (zh-CN and en side by side). en defines the keys; zh must have exactly the same ones. */
const en = {
  'policy.rules.forbidden': 'Invalid input for the policy calculator',
  'policy.rules.invalidInput': 'The input has {count} invalid field(s); no verdict was given',
  'policy.rules.field.required': 'is required',
  'policy.rules.field.requiredFor': 'is required to decide {programme}',
  'policy.rules.field.type': 'must be {type}',
  'policy.rules.field.min': 'must be at least {min}',
  'policy.rules.field.max': 'must be at most {max}',
  'policy.rules.field.enum': 'must be one of: {options}',
  'policy.rules.field.date': 'must be a date YYYY-MM-DD',
  'policy.rules.field.decimals': 'must have at most 6 decimals',
  'policy.rules.field.unknown': 'is not a known field',
  'policy.rules.field.invalid': 'is invalid: {detail}',
  'policy.rules.field.futureDate': 'lies in the future ({date}); today is {today}',
  'policy.rules.field.registrationAfterApplication': 'is after the application date {date}',
  'policy.rules.field.rdAboveRevenue': 'R&D ({rd}) is larger than sales revenue ({revenue})',
  'policy.rules.field.partAboveWhole': '{part} ({partValue}) is larger than {whole} ({wholeValue})',
  'policy.rules.field.duplicateYear': 'year {year} appears more than once',
  'policy.rules.field.monthsMismatch': 'must cover the same months as staffMonthly ({months})',
  'policy.rules.field.outsideBand': 'expert points must lie in band {band} ({low}–{high}) computed from the facts',
  'policy.rules.field.noVersion': 'no {programme} rules are in force on {date}',
  'policy.rules.field.json': 'is not valid JSON: {detail}',
  'policy.rules.field.file': 'cannot be read: {detail}',
  'policy.rules.field.unit': 'must be 万元: the thresholds of the built-in rules are in 万元 (give amounts in 万元)',
} as const;

const zh: Record<keyof typeof en, string> = {
  'policy.rules.forbidden': '政策计算器的输入无效',
  'policy.rules.invalidInput': '输入有 {count} 处字段错误，未给出结论',
  'policy.rules.field.required': '为必填项',
  'policy.rules.field.requiredFor': '为判定 {programme} 所必需',
  'policy.rules.field.type': '应为 {type}',
  'policy.rules.field.min': '不得小于 {min}',
  'policy.rules.field.max': '不得大于 {max}',
  'policy.rules.field.enum': '应为以下之一：{options}',
  'policy.rules.field.date': '应为日期 YYYY-MM-DD',
  'policy.rules.field.decimals': '最多 6 位小数',
  'policy.rules.field.unknown': '不是已知字段',
  'policy.rules.field.invalid': '无效：{detail}',
  'policy.rules.field.futureDate': '晚于今天（{date}；今天是 {today}）',
  'policy.rules.field.registrationAfterApplication': '晚于申请日期 {date}',
  'policy.rules.field.rdAboveRevenue': '研发费用（{rd}）大于销售收入（{revenue}）',
  'policy.rules.field.partAboveWhole': '{part}（{partValue}）大于 {whole}（{wholeValue}）',
  'policy.rules.field.duplicateYear': '年度 {year} 出现多次',
  'policy.rules.field.monthsMismatch': '须与 staffMonthly 覆盖相同月数（{months}）',
  'policy.rules.field.outsideBand': '专家打分须在按事实算出的 {band} 档范围内（{low}–{high}）',
  'policy.rules.field.noVersion': '{date} 没有生效的 {programme} 规则',
  'policy.rules.field.json': '不是有效的 JSON：{detail}',
  'policy.rules.field.file': '无法读取：{detail}',
  'policy.rules.field.unit': '须为万元：内置规则的门槛以万元计（请以万元填写金额）',
};

export const rulesMessages = { en, zh };
export type RulesMessageKey = keyof typeof en;
export type RulesLocale = 'zh-CN' | 'en';

/** Local translation, so the pure engine and its CLI need no server i18n. */
export function rulesText(locale: RulesLocale, key: RulesMessageKey, params: Record<string, string | number> = {}): string {
  const template: string = locale === 'zh-CN' ? zh[key] : en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
