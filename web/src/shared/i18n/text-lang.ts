// The language of a record's own text (a listing's title, a quoted term), for its `lang` attribute: the language the
// record declares (demands and offers carry `lang`: zh-Hans, zh-Hant, en), else what its script says. Interface text
// never goes through this: it is in the reader's language by construction.
const HAN = /[\u3400-\u9fff]/;

export function textLang(text: unknown, declared?: unknown): string | undefined {
  if (typeof declared === 'string' && declared) return declared;
  if (typeof text !== 'string' || !text) return undefined;
  return HAN.test(text) ? 'zh' : /[A-Za-z]/.test(text) ? 'en' : undefined;
}
