/**
 * The seed files write a description once for both languages, "中文… / English…" (seed-organizations.ts,
 * seed-zones.ts); the registry keeps each language in its own column (migrations/026). This splits such a text and
 * refuses one that is not exactly that shape, so a new seed entry cannot slip in mixed.
 */
const HAN = /[\u3400-\u9fff]/;

export function splitBilingual(text: string, what: string): { zh: string; en: string } {
  const parts = text.split('/ ');
  const zh = parts[0]?.trim() ?? '';
  const en = parts[1]?.trim() ?? '';
  // The English may quote the Chinese it names (Named “中牧股份”; …), nothing else in Chinese.
  const enUnquoted = en.replace(/“[^”]*”/g, '');
  if (parts.length !== 2 || !HAN.test(zh) || HAN.test(enUnquoted) || !/[A-Za-z]/.test(en)) {
    throw new Error(`demo text of ${what} is not "中文 / English": ${text.slice(0, 80)}`);
  }
  return { zh, en };
}
