import {
  IsoDateSchema,
  isoDateToInput,
  type PatchSpecialistProfileBody,
  PatchSpecialistProfileBodySchema,
  type ProfileField,
  parseDutchDate,
  type SpecialistProfile,
  screeningValidUntil,
} from '@duidingspool/shared';
import { Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { ChoicesField, Field } from '../../../components/schema-field.tsx';
import { fieldsOrMessage, useSchemaForm } from '../../../components/schema-form.tsx';
import { today } from '../../../lib/dates.ts';
import { durationInput, optionalDateInput, textInput } from '../../../lib/form-inputs.ts';
import { formatDate, formatHoursMinutes } from '../../../lib/format.ts';
import { useReferenceData } from '../../../lib/reference-data.ts';
import { useUpdateProfile } from '../api/profile.ts';

type ProfileFormField = Exclude<ProfileField, 'absences' | 'conflicts'>;
const FIELD_IDS: Record<ProfileFormField, string> = {
  expertiseAreaCodes: 'profile-expertiseAreaCodes',
  languages: 'profile-languages',
  regionCodes: 'profile-regionCodes',
  capacityMinutesPerMonth: 'profile-capacity',
  screeningDate: 'profile-screeningDate',
  bio: 'profile-bio',
};
const shape = PatchSpecialistProfileBodySchema.shape;

/** Language codes typed as `nl, en, ar`: lower-cased, split on commas and spaces, without repeats. */
const parseLanguages = (input: string) => [
  ...new Set(
    input
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean),
  ),
];

/** Lists compare as sets; anything else by value. */
const same = (a: unknown, b: unknown) => (Array.isArray(a) && Array.isArray(b) ? [...a].sort().join('\u0000') === [...b].sort().join('\u0000') : a === b);

/**
 * The profile form: only the fields the server lists in `editableFields` (the coordinator all of
 * another's profile; the specialist their own languages and bio), sending only what changed. The
 * checks are the profile contract's (shared); the screening's last valid day is shown from the same
 * rule the server applies.
 */
export function ProfileForm({ profile }: { profile: SpecialistProfile }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const update = useUpdateProfile(profile.id);
  const reference = useReferenceData();
  const editable = (f: ProfileFormField) => profile.editableFields.includes(f);
  const schema = useMemo(
    () =>
      z
        .object({
          expertiseAreaCodes: shape.expertiseAreaCodes.unwrap(),
          regionCodes: shape.regionCodes.unwrap(),
          languages: z.string().transform((text, ctx) => {
            const codes = parseLanguages(text);
            if (shape.languages.safeParse(codes).success) return codes;
            ctx.addIssue({ code: 'custom', message: t('profile.languagesInvalid'), params: { text: t('profile.languagesInvalid') } });
            return z.NEVER;
          }),
          capacityMinutesPerMonth: durationInput(shape.capacityMinutesPerMonth.unwrap(), t),
          screeningDate: optionalDateInput(IsoDateSchema, t).refine((date) => date === null || date <= today(), {
            params: { text: t('profile.screeningInFuture') },
          }),
          bio: textInput(shape.bio.unwrap(), t),
        })
        // Only what this form may and did change: a save in another tab meanwhile keeps its own
        // changes, and the audit log names only what changed here.
        .transform(
          (values): PatchSpecialistProfileBody =>
            Object.fromEntries(
              Object.entries(values).filter(
                ([k, v]) => profile.editableFields.includes(k as ProfileFormField) && !same(v, (profile as unknown as Record<string, unknown>)[k]),
              ),
            ),
        ),
    [t, profile],
  );
  const labels: Record<ProfileFormField, string> = {
    expertiseAreaCodes: t('profile.fields.expertiseAreaCodes'),
    languages: t('profile.fields.languages'),
    regionCodes: t('profile.fields.regionCodes'),
    capacityMinutesPerMonth: t('profile.fields.capacity'),
    screeningDate: t('profile.fields.screeningDate'),
    bio: t('profile.fields.bio'),
  };
  const form = useSchemaForm({
    schema,
    defaultValues: {
      expertiseAreaCodes: profile.expertiseAreaCodes,
      regionCodes: profile.regionCodes,
      languages: profile.languages.join(', '),
      capacityMinutesPerMonth: formatHoursMinutes(profile.capacityMinutesPerMonth),
      screeningDate: profile.screeningDate ? isoDateToInput(profile.screeningDate) : '',
      bio: profile.bio,
    },
    ids: FIELD_IDS,
    labels,
  });
  const screening = parseDutchDate(form.rhf.watch('screeningDate'));
  const fields = (Object.keys(FIELD_IDS) as ProfileFormField[]).filter(editable);
  if (fields.length === 0) return null;

  const submit = form.submit((changed) => {
    if (Object.keys(changed).length === 0) return form.succeed(t('profile.saved'));
    update.mutate(changed, { onSuccess: () => form.succeed(t('profile.saved')), onError: (error) => form.fail(error, fieldsOrMessage) });
  });

  const validUntil = editable('screeningDate') && screening ? screeningValidUntil(screening) : null;
  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('profile.submit')} pending={update.isPending} headingLevel={3}>
      {editable('expertiseAreaCodes') && reference.data ? (
        <ChoicesField
          form={form}
          name="expertiseAreaCodes"
          options={reference.data.expertiseAreas
            .filter((a) => !a.retired || profile.expertiseAreaCodes.includes(a.code))
            .map((a) => ({ value: a.code, label: english ? a.nameEn : a.nameNl }))}
        />
      ) : null}
      {editable('regionCodes') && reference.data ? (
        <ChoicesField
          form={form}
          name="regionCodes"
          options={reference.data.safetyRegions
            .filter((r) => !r.retired || profile.regionCodes.includes(r.code))
            .map((r) => ({ value: r.code, label: r.name }))}
        />
      ) : null}
      {editable('languages') ? <Field form={form} name="languages" hint={t('profile.languagesHint')} size="medium" /> : null}
      {editable('capacityMinutesPerMonth') ? (
        <Field form={form} name="capacityMinutesPerMonth" kind="duration" hint={t('profile.capacityHint')} required />
      ) : null}
      {editable('screeningDate') ? (
        <Field
          form={form}
          name="screeningDate"
          kind="date"
          hint={validUntil ? t('profile.validUntil', { date: formatDate(validUntil) }) : t('profile.screeningHint')}
        />
      ) : null}
      {editable('bio') ? <Field form={form} name="bio" kind="textarea" hint={t('profile.bioHint')} /> : null}
      {fields.length < 6 ? <Paragraph className="dsp-muted">{t('profile.ownFieldsOnly')}</Paragraph> : null}
    </FormFrame>
  );
}
