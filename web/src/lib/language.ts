import { UI_LANGUAGES, type UiLanguage } from '@duidingspool/shared';
import { i18next } from './i18n.ts';

/** Where the browser keeps the language chosen before login (and the last one used). */
export const LANGUAGE_STORAGE_KEY = 'dsp-language';

const isUiLanguage = (value: unknown): value is UiLanguage => typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);

/**
 * The language of a visitor before login: the one they chose in this browser, else the first of the
 * browser's preferred languages that the UI has (`nl-BE` → Dutch, `en-GB` → English), else Dutch.
 * After login the user's own language (`Me.language`, kept on the server) wins.
 */
export function browserLanguage(stored: string | null, preferred: readonly string[]): UiLanguage {
  if (isUiLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isUiLanguage(base)) return base;
  }
  return 'nl';
}

/** The language of this browser's visitor (see `browserLanguage`). */
export function initialLanguage(): UiLanguage {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Storage may be blocked; the browser's languages decide then.
  }
  return browserLanguage(stored, navigator.languages?.length ? navigator.languages : [navigator.language]);
}

/** Switches the UI to `language` (English loads first) and remembers it in this browser. */
export async function switchLanguage(language: UiLanguage): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered in this browser; the server keeps it for a signed-in user.
  }
  if (i18next.language !== language) await i18next.changeLanguage(language);
}
