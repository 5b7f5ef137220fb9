/** Server-side texts of funds and talent evaluation (zh-CN and en). en defines the keys; zh must have exactly the same ones. */
const en = {
  'policy.funds.forbidden': 'You may not do this with funds',
} as const;

const zh: Record<keyof typeof en, string> = {
  'policy.funds.forbidden': '您无权对资金执行该操作',
};

export const fundsTalentMessages = { en, zh };
