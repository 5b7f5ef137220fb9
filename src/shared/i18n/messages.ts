/**
 * Server-side texts a person reads (problem titles and field errors). The web app keeps its own dictionary;
 * both exist in zh-CN and en, and the `Messages` type makes a missing translation a compile error.
 */
const en = {
  'problem.validation': 'The request is invalid',
  'problem.notFound': '{entity} {id} does not exist',
  'problem.conflict': 'This record was changed by someone else (now version {current}, you sent {sent}); reload and try again',
  'problem.unauthenticated': 'Sign in first',
  'problem.csrf': 'Missing or wrong CSRF token (header x-csrf-token)',
  'problem.badLogin': 'Wrong user name or password',
  'problem.rateLimited': 'Too many attempts; try again in {seconds} s',
  'problem.duplicate': 'A record with this {field} already exists',
  'problem.reference': '{field} refers to a record that does not exist',
  'problem.internal': 'Something went wrong on the server; the error has been logged',
  'problem.import': 'The file has {count} invalid rows; nothing was written',
  'problem.file': 'Cannot read the file: {reason}',
  'field.required': 'is required',
  'field.type': 'must be {type}',
  'field.enum': 'must be one of: {options}',
  'field.min': 'must be at least {min}',
  'field.max': 'must be at most {max}',
  'field.maxLength': 'must be at most {max} characters',
  'field.date': 'must be a date YYYY-MM-DD',
  'field.unknownRef': 'no {entity} with code or id "{value}"',
  'field.creditCode.format': 'must be 18 characters of digits and capital letters (no I, O, S, V, Z)',
  'field.creditCode.check': 'check character should be "{expected}", not "{actual}" (GB 32100-2015)',
  'field.validRange': 'valid_to must not be before valid_from',
  'field.readOnly': 'cannot be set directly',
  'field.unknown': 'is not a field of {entity}',
  'scope.zone': 'You may not do this: the record is outside your zone',
  'scope.organization': 'You may not do this: the record does not belong to your organisation',
  'scope.role': 'You may not do this: your role cannot change {entity}',
  'evaluation.notPublished': 'The indicator values of {zones} for {year} are not published yet; sign in with a role that may see them, or ask the zone operator to publish them',
} as const;

export type MessageKey = keyof typeof en;
type Messages = Record<MessageKey, string>;

const zhCN: Messages = {
  'problem.validation': '请求无效',
  'problem.notFound': '{entity} {id} 不存在',
  'problem.conflict': '该记录已被他人修改（当前版本 {current}，您提交的是 {sent}），请刷新后重试',
  'problem.unauthenticated': '请先登录',
  'problem.csrf': 'CSRF 令牌缺失或错误（请求头 x-csrf-token）',
  'problem.badLogin': '用户名或密码错误',
  'problem.rateLimited': '尝试次数过多，请 {seconds} 秒后再试',
  'problem.duplicate': '已存在 {field} 相同的记录',
  'problem.reference': '{field} 引用的记录不存在',
  'problem.internal': '服务器出错，错误已记录',
  'problem.import': '文件中有 {count} 行无效，未写入任何数据',
  'problem.file': '无法读取文件：{reason}',
  'field.required': '为必填项',
  'field.type': '应为{type}',
  'field.enum': '应为以下之一：{options}',
  'field.min': '不能小于 {min}',
  'field.max': '不能大于 {max}',
  'field.maxLength': '不能超过 {max} 个字符',
  'field.date': '应为日期 YYYY-MM-DD',
  'field.unknownRef': '找不到代码或编号为“{value}”的{entity}',
  'field.creditCode.format': '应为 18 位数字或大写字母（不含 I、O、S、V、Z）',
  'field.creditCode.check': '校验码应为“{expected}”，而不是“{actual}”（GB 32100-2015）',
  'field.validRange': '有效期止不能早于有效期起',
  'field.readOnly': '不能直接设置',
  'field.unknown': '不是{entity}的字段',
  'scope.zone': '您无权执行此操作：该记录不在您管理的园区范围内',
  'scope.organization': '您无权执行此操作：该记录不属于您的机构',
  'scope.role': '您无权执行此操作：您的角色不能修改{entity}',
  'evaluation.notPublished': '{zones} 的 {year} 年指标值尚未发布；请以有权查看的身份登录，或请园区运营方发布',
};

export type Locale = 'zh-CN' | 'en';
const catalogues: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Picks zh-CN or en from an Accept-Language header; English unless Chinese is preferred. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'en';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
}

export interface Label {
  zh: string;
  en: string;
}
