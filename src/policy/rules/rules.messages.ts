/** Server-side texts of policy.rules (zh-CN and en side by side). en defines the keys; zh must have exactly the same ones. */
const en = {
  'policy.rules.forbidden': 'Invalid input for the policy calculator',
} as const;

const zh: Record<keyof typeof en, string> = {
  'policy.rules.forbidden': '政策计算器的输入无效',
};

export const rulesMessages = { en, zh };
