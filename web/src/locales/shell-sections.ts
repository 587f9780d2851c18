/**
 * Sections of the locale files the first chunk carries (`web/src/locales/nl.json?shell`, made by
 * `localeShell` in web/vite.config.ts): what the app shell, the login page and the error pages
 * show, the field errors the API may return there, and the personal-data warning every text field
 * can carry, the text of each problem type and the names of the fields a problem may name. The other sections come with the pages
 * (`loadAllTexts` in `src/lib/i18n.ts`). A test on the built SPA
 * (server/test/spa-assets.test.ts) checks that the first chunk asks for no text outside these.
 */
export const SHELL_SECTIONS: readonly string[] = [
  'app',
  'layout',
  'nav',
  'login',
  'common',
  'errors',
  'notFound',
  'noAccess',
  'form',
  'fieldErrors',
  'personalData',
  'problems',
  'problemExtras',
  'format',
  'fieldNames',
  'footer',
];
