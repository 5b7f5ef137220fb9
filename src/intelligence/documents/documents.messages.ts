/** Server-side texts of intelligence.documents (zh-CN and en side by side). en defines the keys; zh must have exactly the same ones. */
const en = {
  'intelligence.documents.forbidden': 'You may not do this with documents',
} as const;

const zh: Record<keyof typeof en, string> = {
  'intelligence.documents.forbidden': '您无权对文档执行该操作',
};

export const documentsMessages = { en, zh };
