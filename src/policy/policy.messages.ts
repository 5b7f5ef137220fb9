import { rulesMessages } from './rules/rules.messages';
import { programmesMessages } from './programmes/programmes.messages';
import { assessmentMessages } from './assessment/assessment.messages';
import { fundsTalentMessages } from './funds/funds-talent.messages';

/** The policy domain's server texts, gathered from its parts; merged into src/shared/i18n/messages.ts. */
export const policyMessages = {
  en: { ...rulesMessages.en, ...programmesMessages.en, ...assessmentMessages.en, ...fundsTalentMessages.en },
  zh: { ...rulesMessages.zh, ...programmesMessages.zh, ...assessmentMessages.zh, ...fundsTalentMessages.zh },
};
