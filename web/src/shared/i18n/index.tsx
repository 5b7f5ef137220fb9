// A small typed i18n: two dictionaries with the same keys, a context holding the current language (persisted in
// localStorage), and helpers to translate keys and to pick the right half of a {zh, en} label from the server.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { setApiLanguage } from '../api/client';
import type { BiLabel } from '../api/types';
import { en } from './en';
import { zhCN, type MessageKey, type Messages } from './zh-CN';

export type Lang = 'zh-CN' | 'en';
export const LANGS: Lang[] = ['zh-CN', 'en'];
export const LANG_STORAGE_KEY = 'kechuang.lang';

const dictionaries: Record<Lang, Messages> = { 'zh-CN': zhCN, en };

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

export function interpolate(text: string, vars?: Record<string, string | number>): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  return interpolate(dictionaries[lang][key] ?? key, vars);
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
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    applyLang(l);
    return l;
  });

  useEffect(() => {
    applyLang(lang);
  }, [lang]);

  const setLang = useCallback((l: Lang) => {
    applyLang(l);
    try {
      localStorage.setItem(LANG_STORAGE_KEY, l);
    } catch {
      // ignore
    }
    setLangState(l);
  }, []);

  const value = useMemo<I18n>(() => {
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
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

export type { MessageKey, Messages };
