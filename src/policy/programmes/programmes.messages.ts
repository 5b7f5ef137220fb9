/** Server-side texts of policy.programmes (zh-CN and en side by side). en defines the keys; zh must have exactly the same ones. */
const en = {
  'policy.programmes.forbidden': 'You may not do this with incentive programmes',
} as const;

const zh: Record<keyof typeof en, string> = {
  'policy.programmes.forbidden': '您无权对激励项目执行该操作',
};

export const programmesMessages = { en, zh };
