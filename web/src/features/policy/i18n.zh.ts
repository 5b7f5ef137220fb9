// Texts of the policy pages, gathered from their parts (zh-CN; the English texts are in i18n.en.ts); merged into shared/i18n.
import { programmesZh } from './programmes/i18n.zh';
import { assessmentZh } from './assessment/i18n.zh';
import { fundsTalentZh } from './funds-talent/i18n.zh';

export const policyZh = {
  'nav.policy': '政策与人才',
  ...programmesZh,
  ...assessmentZh,
  ...fundsTalentZh,
} satisfies Record<string, string>;
