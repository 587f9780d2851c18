import { STATUS_LABELS } from '@duidingspool/shared';
import i18next from 'i18next';
import resourcesToBackend from 'i18next-resources-to-backend';
import { initReactI18next } from 'react-i18next';
import nl from '../locales/nl.json';

/**
 * Translations. Dutch is the language of the UI and is in the first chunk; English, the
 * alternative, is loaded when the language changes to it (`i18next.changeLanguage('en')` resolves
 * once it is there), so no visitor downloads both. The names of statuses (`status.request.*`,
 * `status.assignment.*`, `status.timeEntry.*`, `status.extension.*`, `status.notification.*`) come
 * from shared/ (`STATUS_LABELS`), where the server reads them too.
 */
const loadLanguage = async (language: string) =>
  language === 'en' ? { ...(await import('../locales/en.json')).default, status: STATUS_LABELS.en } : null;

void i18next
  .use(initReactI18next)
  .use(resourcesToBackend(loadLanguage))
  .init({
    lng: 'nl',
    fallbackLng: 'nl',
    supportedLngs: ['nl', 'en'],
    resources: { nl: { translation: { ...nl, status: STATUS_LABELS.nl } } },
    // Dutch is bundled above; only the other language comes from `loadLanguage`.
    partialBundledLanguages: true,
    // Dutch needs no loading, so the first render already has its texts.
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });

export { i18next };
