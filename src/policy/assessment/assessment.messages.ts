/** Server-side texts of policy.assessment (zh-CN and en side by side). en defines the keys; zh must have exactly the same ones. */
const en = {
  'policy.assessment.forbidden': 'You may not see the assessments of this enterprise',
  'policy.assessment.zoneOnly': 'Only an operator of this zone (or a platform admin) may see this',
  'policy.assessment.rulesAdminOnly': 'Only a platform admin or a zone operator may add rule versions',
  'policy.assessment.notEnterprise': 'must be an enterprise (qualifications are for enterprises)',
  'policy.assessment.programme': 'must be one of: {options}',
  'policy.assessment.dateFuture': 'cannot be more than a year in the future',
  'policy.assessment.notFound': 'assessment {id} does not exist',
  'policy.assessment.stale': 'This assessment was saved by someone else in the meantime (now version {current}, you read {sent}); reload and try again',
  'policy.assessment.noVersion': 'no rule version of {programme} is in force on {date}',
  'policy.assessment.badRuleFile': 'the rule file is not valid: {reason}',
  'policy.assessment.ruleFileJson': 'the rule file must be JSON',
  'policy.assessment.ruleVersionExists': 'a rule version "{version}" of {programme} already exists',
  'policy.assessment.ruleFileMissing': 'no file in the multipart field "file"',
  'policy.assessment.programmeMismatch': 'the file is a version of {found}, not of {expected}',
  'policy.assessment.engineUnavailable': 'The rule engine is not available: {reason}',
  'policy.assessment.matchingProgrammeZone': 'programme {id} is not open to enterprises of your zone',
  'policy.assessment.years': 'the year range cannot be longer than 30 years, and from cannot be after to',
} as const;

const zh: Record<keyof typeof en, string> = {
  'policy.assessment.forbidden': '您无权查看该企业的评估',
  'policy.assessment.zoneOnly': '仅本园区运营人员或平台管理员可查看',
  'policy.assessment.rulesAdminOnly': '仅平台管理员或园区运营人员可添加规则版本',
  'policy.assessment.notEnterprise': '必须是企业（资质认定面向企业）',
  'policy.assessment.programme': '必须是以下之一：{options}',
  'policy.assessment.dateFuture': '不能晚于一年之后',
  'policy.assessment.notFound': '评估 {id} 不存在',
  'policy.assessment.stale': '该评估已被他人保存（当前版本 {current}，您读取的是 {sent}），请刷新后重试',
  'policy.assessment.noVersion': '{date} 没有生效的 {programme} 规则版本',
  'policy.assessment.badRuleFile': '规则文件无效：{reason}',
  'policy.assessment.ruleFileJson': '规则文件必须是 JSON',
  'policy.assessment.ruleVersionExists': '{programme} 已存在规则版本“{version}”',
  'policy.assessment.ruleFileMissing': 'multipart 字段 "file" 中没有文件',
  'policy.assessment.programmeMismatch': '该文件是 {found} 的版本，而不是 {expected} 的',
  'policy.assessment.engineUnavailable': '规则引擎不可用：{reason}',
  'policy.assessment.matchingProgrammeZone': '项目 {id} 不面向您所在园区的企业',
  'policy.assessment.years': '年份区间不能超过 30 年，且起始年不能晚于结束年',
};

export const assessmentMessages = { en, zh };
