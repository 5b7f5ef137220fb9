/** Server texts of the shared HTTP layer (idempotent retries), zh-CN and en. en defines the keys; zh the same ones. */
const en = {
  'idempotency.key': 'Idempotency-Key must be 8 to 200 visible ASCII characters',
  'idempotency.inProgress': 'A request with this Idempotency-Key is still being processed; retry in a moment',
  'idempotency.reused': 'This Idempotency-Key was already used for a different request ({method} {url}); use a new key',
} as const;

const zh: Record<keyof typeof en, string> = {
  'idempotency.key': 'Idempotency-Key 须为 8 至 200 个可见 ASCII 字符',
  'idempotency.inProgress': '使用该 Idempotency-Key 的请求仍在处理中，请稍后重试',
  'idempotency.reused': '该 Idempotency-Key 已用于另一请求（{method} {url}），请使用新的键',
};

export const httpMessages = { en, zh };
