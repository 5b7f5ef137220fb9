/** Server-side texts of intelligence.clean (zh-CN and en side by side). en defines the keys; zh must have exactly the same ones. */
const en = {
  'intelligence.clean.forbidden': 'Cannot read this document',
} as const;

const zh: Record<keyof typeof en, string> = {
  'intelligence.clean.forbidden': '无法读取该文档',
};

export const cleanMessages = { en, zh };
