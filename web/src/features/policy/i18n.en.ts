// The English texts of the policy pages: the same keys as i18n.zh.ts (each language is its own chunk).
import type { policyZh } from './i18n.zh';
import { programmesEn } from './programmes/i18n.en';
import { assessmentEn } from './assessment/i18n.en';
import { fundsTalentEn } from './funds-talent/i18n.en';

export const policyEn: Record<keyof typeof policyZh, string> = {
  'nav.policy': 'Policy & talent',
  ...programmesEn,
  ...assessmentEn,
  ...fundsTalentEn,
};
