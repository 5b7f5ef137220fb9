// Texts of the policy pages, gathered from their parts (zh-CN and en); merged into shared/i18n.
import { programmesZh, programmesEn } from './programmes/i18n';
import { assessmentZh, assessmentEn } from './assessment/i18n';
import { fundsTalentZh, fundsTalentEn } from './funds-talent/i18n';

export const policyZh = {
  'nav.policy': '政策与人才',
  ...programmesZh,
  ...assessmentZh,
  ...fundsTalentZh,
} satisfies Record<string, string>;

export const policyEn: Record<keyof typeof policyZh, string> = {
  'nav.policy': 'Policy & talent',
  ...programmesEn,
  ...assessmentEn,
  ...fundsTalentEn,
};
