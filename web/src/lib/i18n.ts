import { STATUS_LABELS } from '@duidingspool/shared';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import nl from '../locales/nl.json';

/**
 * Translation resources; Dutch is the language of the UI, English the alternative. The names of
 * statuses (`status.request.*`, `status.assignment.*`, `status.timeEntry.*`, `status.extension.*`,
 * `status.notification.*`) come from shared/ (`STATUS_LABELS`), where the server reads them too.
 */
export const resources = {
  nl: { translation: { ...nl, status: STATUS_LABELS.nl } },
  en: { translation: { ...en, status: STATUS_LABELS.en } },
} as const;

void i18next.use(initReactI18next).init({
  lng: 'nl',
  fallbackLng: 'nl',
  supportedLngs: ['nl', 'en'],
  resources,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18next };
