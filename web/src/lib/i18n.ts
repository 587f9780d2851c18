import { STATUS_LABELS } from '@duidingspool/shared';
import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import shell from '../locales/nl.json?shell';

/**
 * Translations. Dutch is the default language of the UI, English the other (the switch in the
 * header, `src/lib/language.ts`); the first chunk carries only the Dutch texts of
 * the app shell, the login page and the error pages (`SHELL_SECTIONS` in `src/locales/shell-sections.ts`). The
 * other Dutch texts arrive with the first page that needs them (`loadAllTexts`, awaited by the
 * router before a page renders). English is loaded whole when the language
 * changes to it (`i18next.changeLanguage('en')` resolves once it is there). The names of statuses
 * (`status.request.*`, `status.assignment.*`, `status.timeEntry.*`, `status.extension.*`,
 * `status.notification.*`) come from shared/ (`STATUS_LABELS`), where the server reads them too.
 */
const loadLanguage = async (language: string) => (language === 'en' ? { ...(await import('../locales/en.json')).default, status: STATUS_LABELS.en } : null);

void i18next
  .use(initReactI18next)
  .use(resourcesToBackend(loadLanguage))
  .init({
    lng: 'nl',
    fallbackLng: 'nl',
    supportedLngs: ['nl', 'en'],
    resources: { nl: { translation: { ...shell, status: STATUS_LABELS.nl } } },
    // The shell's Dutch is bundled above; English comes from `loadLanguage`.
    partialBundledLanguages: true,
    // The shell's Dutch needs no loading, so the first render already has its texts.
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });

// What follows the language outside the texts: the page's `<html lang>` (screen readers pronounce
// by it); zod's messages follow it from `zod-language.ts`, loaded with the pages.
i18next.on('languageChanged', (language) => {
  const lng = language.startsWith('en') ? 'en' : 'nl';
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
});

let allTexts: Promise<void> | undefined;

/**
 * Adds every Dutch text to the shell's; loads them once, later calls share that load. The shell's
 * sections are whole sections of the same file, so the sections are put beside the status names as
 * they are (a shallow merge) instead of merged key by key, and without i18next's defensive copy (the
 * module's texts are changed by nobody): the same texts for less work while the first page waits.
 */
export function loadAllTexts(): Promise<void> {
  allTexts ??= import('../locales/nl.json').then((m) => {
    i18next.addResourceBundle('nl', 'translation', m.default, false, true, { skipCopy: true });
  });
  return allTexts;
}

export { i18next };
