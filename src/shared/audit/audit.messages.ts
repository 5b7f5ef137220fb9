/** Server texts of the audit view, zh-CN and en. en defines the keys; zh the same ones. */
const en = {
  'audit.scope': 'You may not do this: the audit log is for platform admins and zone operators',
} as const;

const zh: Record<keyof typeof en, string> = {
  'audit.scope': '无权操作：审计日志仅供平台管理员和园区运营方查看',
};

export const auditMessages = { en, zh };
