/** Server-side texts of policy.assessment (zh-CN and en side by side). en defines the keys; zh must have exactly the same ones. */
const en = {
  'policy.assessment.forbidden': 'You may not see the assessments of this enterprise',
} as const;

const zh: Record<keyof typeof en, string> = {
  'policy.assessment.forbidden': '您无权查看该企业的评估',
};

export const assessmentMessages = { en, zh };
