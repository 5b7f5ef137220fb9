// A small typed i18n: two dictionaries with the same keys, a context holding the current language (persisted in
// localStorage), and helpers to translate keys and to pick the right half of a {zh, en} label from the server.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { setApiLanguage } from '../api/client';
import type { BiLabel } from '../api/types';
import type { MessageKey, Messages } from './zh-CN';
import { interpolate } from './interpolate';

export { interpolate };

export type { Lang } from './interpolate';
import type { Lang } from './interpolate';
export const LANGS: Lang[] = ['zh-CN', 'en'];
export const LANG_STORAGE_KEY = 'kechuang.lang';

// One language at a time: each dictionary is its own chunk, fetched when the language is first used.
const loaders: Record<Lang, () => Promise<Messages>> = {
  'zh-CN': () => import('./zh-CN').then((m) => m.zhCN),
  en: () => import('./en').then((m) => m.en),
};
const dictionaries: Partial<Record<Lang, Messages>> = {};

export async function loadMessages(lang: Lang): Promise<Messages> {
  return (dictionaries[lang] ??= await loaders[lang]());
}

export type TFunction = (key: MessageKey, vars?: Record<string, string | number>) => string;

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
  /** The label in the current language, falling back to the other one. */
  pick: (label: BiLabel | null | undefined) => string;
  /** A name from a record with name_zh / name_en. */
  name: (rec: { name_zh?: unknown; name_en?: unknown; code?: unknown; id?: unknown } | null | undefined) => string;
}

/** A message in `lang` (falling back to the other language while it loads, then to the key). */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const dict = dictionaries[lang] ?? dictionaries[lang === 'en' ? 'zh-CN' : 'en'];
  return interpolate(dict?.[key] ?? key, vars, lang);
}

function initialLang(): Lang {
  try {
    const stored = localStorage.getItem(LANG_STORAGE_KEY);
    if (stored === 'en' || stored === 'zh-CN') return stored;
  } catch {
    // localStorage unavailable: keep the default
  }
  return 'zh-CN';
}

function applyLang(lang: Lang): void {
  setApiLanguage(lang);
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => initialLang());
  // The language whose dictionary is loaded: the page renders once the first one is there, and a switch takes effect
  // when the new dictionary has arrived (no flash of keys).
  const [ready, setReady] = useState<Lang | null>(() => (dictionaries[lang] ? lang : null));

  useEffect(() => {
    let current = true;
    void loadMessages(lang).then(() => {
      if (!current) return;
      applyLang(lang);
      setReady(lang);
    });
    return () => {
      current = false;
    };
  }, [lang]);

  const setLang = useCallback((l: Lang) => {
    try {
      localStorage.setItem(LANG_STORAGE_KEY, l);
    } catch {
      // ignore
    }
    setLangState(l);
  }, []);

  const value = useMemo<I18n | null>(() => {
    if (ready === null) return null;
    const lang = ready;
    const zh = lang === 'zh-CN';
    const pick = (label: BiLabel | null | undefined) => {
      if (!label) return '';
      return (zh ? label.zh || label.en : label.en || label.zh) ?? '';
    };
    return {
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      pick,
      name: (rec) => {
        if (!rec) return '';
        const zhName = typeof rec.name_zh === 'string' ? rec.name_zh : '';
        const enName = typeof rec.name_en === 'string' ? rec.name_en : '';
        const n = zh ? zhName || enName : enName || zhName;
        if (n) return n;
        if (rec.code !== undefined && rec.code !== null && rec.code !== '') return String(rec.code);
        return rec.id !== undefined && rec.id !== null ? `#${String(rec.id)}` : '';
      },
    };
  }, [ready, setLang]);

  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export type { MessageKey, Messages };
