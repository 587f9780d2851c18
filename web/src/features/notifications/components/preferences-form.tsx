import type { NotificationMode, NotificationPreference } from '@duidingspool/shared';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioGroup } from '../../../components/choice-group.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { QueryFallback } from '../../../components/query-view.tsx';
import { StatusMessage } from '../../../components/status-message.tsx';
import { usePreferences, useSavePreferences } from '../api/preferences.ts';

/** Per event a choice: immediately, in the daily digest, or off. Security mails are not listed. */
export function PreferencesForm() {
  const { t } = useTranslation();
  const prefs = usePreferences();
  const save = useSavePreferences();
  const [modes, setModes] = useState<Record<string, NotificationMode>>({});
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(() => {
    if (prefs.data) setModes(Object.fromEntries(prefs.data.items.map((i) => [i.event, i.mode])));
  }, [prefs.data]);

  if (!prefs.isSuccess) return <QueryFallback query={prefs} />;

  const options = (['immediate', 'digest', 'off'] as const).map((value) => ({ value, label: t(`preferences.mode.${value}`) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const items: NotificationPreference[] = prefs.data.items.map((i) => ({ event: i.event, mode: modes[i.event] ?? i.mode }));
    save.mutate({ items }, { onSuccess: () => setSaved(t('preferences.saved')) });
  };

  return (
    <form onSubmit={submit} noValidate>
      {save.isError ? <ProblemAlert error={save.error} /> : null}
      {prefs.data.items.length === 0 ? <Paragraph>{t('preferences.none')}</Paragraph> : null}
      {prefs.data.items.map((item) => (
        <RadioGroup
          key={item.event}
          id={`pref-${item.event}`}
          legend={t(`mailEvents.${item.event}`)}
          options={options}
          value={modes[item.event] ?? item.mode}
          onChange={(value) => setModes((m) => ({ ...m, [item.event]: value as NotificationMode }))}
        />
      ))}
      <Paragraph>{t('preferences.security')}</Paragraph>
      <StatusMessage message={saved} />
      <Button type="submit" appearance="primary-action-button" disabled={save.isPending || prefs.data.items.length === 0}>
        {t('preferences.save')}
      </Button>
    </form>
  );
}
