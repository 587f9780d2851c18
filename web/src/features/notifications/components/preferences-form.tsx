import { NotificationModeSchema, type NotificationPreference, PutNotificationPreferencesBodySchema } from '@duidingspool/shared';
import { Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { QueryFallback } from '../../../components/query-view.tsx';
import { RadioField } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { usePreferences, useSavePreferences } from '../api/preferences.ts';

/** Per event a choice: immediately, in the daily digest, or off. Security mails are not listed. */
export function PreferencesForm() {
  const { t } = useTranslation();
  const prefs = usePreferences();
  if (!prefs.isSuccess) return <QueryFallback query={prefs} />;
  if (prefs.data.items.length === 0) return <Paragraph>{t('preferences.none')}</Paragraph>;
  return <PreferencesChoices items={prefs.data.items} />;
}

/** The choices of the events the user gets mail about, sent as one list (`PutNotificationPreferencesBodySchema`). */
function PreferencesChoices({ items }: { items: NotificationPreference[] }) {
  const { t } = useTranslation();
  const save = useSavePreferences();
  const events = useMemo(() => items.map((i) => i.event), [items]);
  const schema = useMemo(
    () =>
      z
        .record(z.string(), NotificationModeSchema)
        .transform((modes) => ({ items: events.map((event) => ({ event, mode: modes[event] })) }))
        .pipe(PutNotificationPreferencesBodySchema),
    [events],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: Object.fromEntries(items.map((i) => [i.event, i.mode])),
    ids: Object.fromEntries(events.map((event) => [event, `pref-${event}`])),
    labels: Object.fromEntries(events.map((event) => [event, t(`mailEvents.${event}`)])),
  });
  const options = (['immediate', 'digest', 'off'] as const).map((value) => ({ value, label: t(`preferences.mode.${value}`) }));
  const submit = form.submit((body) => save.mutate(body, { onSuccess: () => form.succeed(t('preferences.saved')), onError: (error) => form.fail(error) }));

  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('preferences.save')} pending={save.isPending}>
      {events.map((event) => (
        <RadioField key={event} form={form} name={event} options={options} />
      ))}
      <Paragraph>{t('preferences.security')}</Paragraph>
    </FormFrame>
  );
}
