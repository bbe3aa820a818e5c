/**
 * Words for the values the common screens show, by value: look one up with the value
 * (`tasksKinds[task.kind]()`). Typed by the domain's own union where the API
 * has one, so a new value without words fails the type check.
 */
import type { Locale } from '$i18n/locales.js';
import { m } from '$i18n/paraglide/messages.js';

/** `common.action.*` */
export const commonAction = {
  create: m.common_action_create,
  update: m.common_action_update,
  delete: m.common_action_delete,
  exported: m.common_action_exported,
  erased: m.common_action_erased
};

/** `common.languages.*` */
export const commonLanguages: Record<Locale, () => string> = {
  en: m.common_languages_en,
  de: m.common_languages_de,
  nl: m.common_languages_nl
};
