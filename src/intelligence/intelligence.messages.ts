import { cleanMessages } from './clean/clean.messages';
import { documentsMessages } from './documents/documents.messages';

/** The intelligence domain's server texts, gathered from its parts; merged into src/shared/i18n/messages.ts. */
export const intelligenceMessages = {
  en: { ...cleanMessages.en, ...documentsMessages.en },
  zh: { ...cleanMessages.zh, ...documentsMessages.zh },
};
