import type { Me, PutLanguageBody, UiLanguage } from '@duidingspool/shared';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../lib/api-client.ts';
import { meQueryOptions } from '../lib/auth.ts';
import { switchLanguage } from '../lib/language.ts';
import { uiLanguage } from '../lib/problem-text.ts';

/** `PUT /me/language`: keeps the user's language on the server (the UI after login and every e-mail to them). */
export function putLanguage(language: UiLanguage): Promise<undefined> {
  return apiRequest('/me/language', { method: 'PUT', body: { language } satisfies PutLanguageBody });
}

/**
 * After login the UI speaks the user's own language (`Me.language`); it follows a change of it, not
 * every render, so a switch made here is not undone while the server is being told.
 */
export function useUserLanguage(me: Me | null): void {
  const language = me?.language;
  useEffect(() => {
    if (language) void switchLanguage(language);
  }, [language]);
}

/**
 * The switch to the other language, in the header on every page: a button named in the language it
 * switches to (with its `lang`). For a signed-in user the choice is kept on the server; before login
 * in this browser.
 */
export function LanguageSwitch({ me }: { me: Me | null }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const other: UiLanguage = uiLanguage(i18n) === 'nl' ? 'en' : 'nl';
  const change = () => {
    if (me) {
      // The cache first, so `useUserLanguage` sees the new language and does not switch back.
      const next: Me = { ...me, language: other };
      queryClient.setQueryData(meQueryOptions().queryKey, next);
      void putLanguage(other).catch(() => queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey }));
    }
    void switchLanguage(other);
  };
  return (
    <Button appearance="subtle-button" className="dsp-language-switch" onClick={change} lang={other}>
      {t(`layout.languageName.${other}`)}
    </Button>
  );
}
