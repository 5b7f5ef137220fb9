export { translate, localeFrom, type Locale, type MessageKey, type Label } from './messages';
