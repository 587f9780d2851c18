import {
  isIsoDate,
  LanguageCodeSchema,
  MAX_BIO_LENGTH,
  MAX_CAPACITY_MINUTES_PER_MONTH,
  type PatchSpecialistProfileBody,
  type ProfileField,
  type SpecialistProfile,
  screeningValidUntil,
} from '@duidingspool/shared';
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../../components/choice-group.tsx';
import { ShortField, TextareaField, TextField } from '../../../components/form-field.tsx';
import { FormFrame, fieldsOrMessage, useProblemForm } from '../../../components/problem-form.tsx';
import { today } from '../../../lib/dates.ts';
import { formatDate, formatHoursMinutes, parseDuration } from '../../../lib/format.ts';
import { useReferenceData } from '../../../lib/reference-data.ts';
import { useUpdateProfile } from '../api/profile.ts';

type Field = Exclude<ProfileField, 'absences' | 'conflicts'>;
const FIELD_IDS: Record<Field, string> = {
  expertiseAreaCodes: 'profile-expertiseAreaCodes',
  languages: 'profile-languages',
  regionCodes: 'profile-regionCodes',
  capacityMinutesPerMonth: 'profile-capacity',
  screeningDate: 'profile-screeningDate',
  bio: 'profile-bio',
};

/** Language codes typed as `nl, en, ar`: lower-cased, split on commas and spaces, without repeats. */
const parseLanguages = (input: string) => [
  ...new Set(
    input
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean),
  ),
];

/**
 * The profile form: only the fields the server lists in `editableFields` (the coordinator all of
 * another's profile; the specialist their own languages and bio), sending only what changed. The
 * screening's last valid day is shown from the same rule the server applies (shared).
 */
export function ProfileForm({ profile }: { profile: SpecialistProfile }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const update = useUpdateProfile(profile.id);
  const reference = useReferenceData();
  const editable = (f: Field) => profile.editableFields.includes(f);
  const [expertise, setExpertise] = useState<string[]>(profile.expertiseAreaCodes);
  const [languages, setLanguages] = useState(profile.languages.join(', '));
  const [regions, setRegions] = useState<string[]>(profile.regionCodes);
  const [capacity, setCapacity] = useState(formatHoursMinutes(profile.capacityMinutesPerMonth));
  const [screeningDate, setScreeningDate] = useState(profile.screeningDate ?? '');
  const [bio, setBio] = useState(profile.bio);
  const labels: Record<Field, string> = {
    expertiseAreaCodes: t('profile.fields.expertiseAreaCodes'),
    languages: t('profile.fields.languages'),
    regionCodes: t('profile.fields.regionCodes'),
    capacityMinutesPerMonth: t('profile.fields.capacity'),
    screeningDate: t('profile.fields.screeningDate'),
    bio: t('profile.fields.bio'),
  };
  const form = useProblemForm(FIELD_IDS, labels);
  const fields = (Object.keys(FIELD_IDS) as Field[]).filter(editable);
  if (fields.length === 0) return null;

  const submit = () => {
    form.begin();
    const e: Partial<Record<Field, string>> = {};
    const body: PatchSpecialistProfileBody = {};
    if (editable('expertiseAreaCodes')) body.expertiseAreaCodes = expertise;
    if (editable('regionCodes')) body.regionCodes = regions;
    if (editable('languages')) {
      const codes = parseLanguages(languages);
      if (codes.some((c) => !LanguageCodeSchema.safeParse(c).success)) e.languages = t('profile.languagesInvalid');
      body.languages = codes;
    }
    if (editable('capacityMinutesPerMonth')) {
      const minutes = parseDuration(capacity);
      if (minutes === null || minutes > MAX_CAPACITY_MINUTES_PER_MONTH) {
        e.capacityMinutesPerMonth = t('profile.capacityInvalid', { max: formatHoursMinutes(MAX_CAPACITY_MINUTES_PER_MONTH) });
      } else body.capacityMinutesPerMonth = minutes;
    }
    if (editable('screeningDate')) {
      if (screeningDate === '') body.screeningDate = null;
      else if (!isIsoDate(screeningDate)) e.screeningDate = t('form.invalidDate');
      else if (screeningDate > today()) e.screeningDate = t('profile.screeningInFuture');
      else body.screeningDate = screeningDate;
    }
    if (editable('bio')) {
      if (bio.length > MAX_BIO_LENGTH) e.bio = t('profile.bioTooLong', { max: MAX_BIO_LENGTH });
      body.bio = bio;
    }
    if (!form.check(e)) return;
    // Only what this form changed: a save in another tab meanwhile keeps its own changes, and the
    // audit log names only what changed here.
    const same = (a: unknown, b: unknown) => (Array.isArray(a) && Array.isArray(b) ? [...a].sort().join('\u0000') === [...b].sort().join('\u0000') : a === b);
    const changed = Object.fromEntries(
      Object.entries(body).filter(([k, v]) => !same(v, (profile as unknown as Record<string, unknown>)[k])),
    ) as PatchSpecialistProfileBody;
    if (Object.keys(changed).length === 0) return form.succeed(t('profile.saved'));
    update.mutate(changed, { onSuccess: () => form.succeed(t('profile.saved')), onError: (error) => form.fail(error, fieldsOrMessage) });
  };

  const validUntil = editable('screeningDate') && isIsoDate(screeningDate) ? screeningValidUntil(screeningDate) : null;
  return (
    <FormFrame frame={form.frame} onSubmit={submit} submitLabel={t('profile.submit')} pending={update.isPending} headingLevel={3}>
      {editable('expertiseAreaCodes') && reference.data ? (
        <CheckboxGroup
          id={FIELD_IDS.expertiseAreaCodes}
          legend={labels.expertiseAreaCodes}
          options={reference.data.expertiseAreas
            .filter((a) => !a.retired || profile.expertiseAreaCodes.includes(a.code))
            .map((a) => ({ value: a.code, label: english ? a.nameEn : a.nameNl }))}
          value={expertise}
          onChange={setExpertise}
          error={form.errors.expertiseAreaCodes}
        />
      ) : null}
      {editable('regionCodes') && reference.data ? (
        <CheckboxGroup
          id={FIELD_IDS.regionCodes}
          legend={labels.regionCodes}
          options={reference.data.safetyRegions
            .filter((r) => !r.retired || profile.regionCodes.includes(r.code))
            .map((r) => ({ value: r.code, label: r.name }))}
          value={regions}
          onChange={setRegions}
          error={form.errors.regionCodes}
        />
      ) : null}
      {editable('languages') ? (
        <TextField {...form.field('languages')} description={t('profile.languagesHint')} value={languages} onChange={setLanguages} size="medium" />
      ) : null}
      {editable('capacityMinutesPerMonth') ? (
        <ShortField {...form.field('capacityMinutesPerMonth')} description={t('profile.capacityHint')} value={capacity} onChange={setCapacity} />
      ) : null}
      {editable('screeningDate') ? (
        <TextField
          {...form.field('screeningDate')}
          type="date"
          size="small"
          description={validUntil ? t('profile.validUntil', { date: formatDate(validUntil) }) : t('profile.screeningHint')}
          value={screeningDate}
          onChange={setScreeningDate}
        />
      ) : null}
      {editable('bio') ? (
        <TextareaField
          {...form.field('bio')}
          description={t('profile.bioHint', { max: MAX_BIO_LENGTH })}
          value={bio}
          onChange={setBio}
          maxLength={MAX_BIO_LENGTH}
        />
      ) : null}
      {fields.length < 6 ? <Paragraph className="dsp-muted">{t('profile.ownFieldsOnly')}</Paragraph> : null}
    </FormFrame>
  );
}
