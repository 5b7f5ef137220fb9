// Message templates: placeholders and plural forms (pure, so the server-side tests can check the dictionaries too).
export type Lang = 'zh-CN' | 'en';

const pluralRules: Record<Lang, Intl.PluralRules> = { 'zh-CN': new Intl.PluralRules('zh-CN'), en: new Intl.PluralRules('en') };

/**
 * Fills `{name}` placeholders, and picks plural forms written ICU-style: `{count, plural, one {# contract} other
 * {# contracts}}` (`#` is the number; the category comes from Intl.PluralRules of the language).
 */
export function interpolate(text: string, vars?: Record<string, string | number>, lang: Lang = 'en'): string {
  if (!vars) return text;
  const plurals = text.replace(/\{(\w+), plural, ((?:\w+ \{[^{}]*\} ?)+)\}/g, (m, k: string, forms: string) => {
    if (!(k in vars)) return m;
    const n = Number(vars[k]);
    const byCategory = new Map([...forms.matchAll(/(\w+) \{([^{}]*)\}/g)].map((f) => [f[1]!, f[2]!]));
    const form = byCategory.get(pluralRules[lang].select(n)) ?? byCategory.get('other') ?? '';
    return form.replace(/#/g, String(vars[k]));
  });
  return plurals.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

