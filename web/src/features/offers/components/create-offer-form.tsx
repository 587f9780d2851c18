import {
  AUDIENCES,
  CaseTableSchema,
  type CreateOfferBody,
  CreateOfferBodySchema,
  EXPECTED_PARTICIPANTS,
  ExpectedParticipantsSchema,
  OFFER_TYPES,
  type OfferType,
  parseDutchDate,
  REQUEST_TYPE_RULES,
} from '@duidingspool/shared';
import { useQuery } from '@tanstack/react-query';
import { Heading } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormFrame } from '../../../components/form-frame.tsx';
import { ChoicesField, Field, RadioField } from '../../../components/schema-field.tsx';
import { fieldsOrMessage, useSchemaForm } from '../../../components/schema-form.tsx';
import { apiRequest } from '../../../lib/api-client.ts';
import { dateInput, requiredChoice, requiredChoices, textInput } from '../../../lib/form-inputs.ts';
import { queryRoots } from '../../../lib/query-roots.ts';
import { useReferenceData, useReferenceLabels } from '../../../lib/reference-data.ts';
import { useCreateOffer } from '../api/offers.ts';

const FIELD_IDS = {
  type: 'offer-type',
  target: 'offer-target',
  caseTableId: 'offer-case-table',
  municipalityId: 'offer-municipality',
  title: 'offer-title',
  description: 'offer-description',
  expertiseAreaCodes: 'offer-expertise',
  deliverable: 'offer-deliverable',
  meetingDate: 'offer-meeting-date',
  audiences: 'offer-audiences',
  expectedParticipants: 'offer-expected-participants',
  place: 'offer-place',
  validUntil: 'offer-valid-until',
};
const shape = CreateOfferBodySchema.shape;

/** Every casustafel in service with its municipalities (a coordinator sees all): the organisations an offer can go to. */
function useOrganisations() {
  return useQuery({
    queryKey: [queryRoots.caseTables, 'offers'],
    queryFn: ({ signal }) => apiRequest('/case-tables', { query: { pageSize: 100 }, schema: z.object({ items: z.array(CaseTableSchema) }), signal }),
    staleTime: 10 * 60 * 1000,
  });
}

/**
 * “Aanbod doen” (coordinator): one kind of work offered to one casustafel or municipality. The form
 * shows the fields of the offered type (`REQUEST_TYPE_RULES`: a training or information session asks
 * for its date, audiences, expected participants and place) and checks them with the shared
 * contract; the server stays the rule (decision 130).
 */
export function CreateOfferForm() {
  const { t } = useTranslation();
  const create = useCreateOffer();
  const reference = useReferenceData();
  const labels = useReferenceLabels();
  const organisations = useOrganisations();
  const tables = organisations.data?.items ?? [];
  const municipalities = useMemo(() => {
    const byId = new Map<string, string>();
    for (const table of tables) for (const m of table.municipalities) byId.set(m.id, m.name);
    return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }, [tables]);

  const schema = useMemo(
    () =>
      z
        .object({
          type: z.enum(OFFER_TYPES),
          target: z.enum(['case-table', 'municipality']),
          caseTableId: z.string(),
          municipalityId: z.string(),
          title: textInput(shape.title, t, { personalData: true }),
          description: textInput(shape.description, t, { personalData: true }),
          expertiseAreaCodes: requiredChoices(t('offers.form.expertiseRequired')).pipe(shape.expertiseAreaCodes),
          deliverable: requiredChoice(t),
          meetingDate: z.string(),
          audiences: z.array(z.string()),
          expectedParticipants: z.string(),
          place: z.string(),
          validUntil: dateInput(shape.validUntil, t),
        })
        .superRefine((v, ctx) => {
          const say = (path: string, text: string) => ctx.addIssue({ code: 'custom', path: [path], message: text, params: { text } });
          if (v.target === 'case-table' && !v.caseTableId) say('caseTableId', t('form.choose'));
          if (v.target === 'municipality' && !v.municipalityId) say('municipalityId', t('form.choose'));
          const rule = REQUEST_TYPE_RULES[v.type];
          if (rule.fields.includes('meetingDate') && v.meetingDate.trim() && parseDutchDate(v.meetingDate) === null) say('meetingDate', t('form.invalidDate'));
          if (rule.required.includes('meetingDate') && !v.meetingDate.trim()) say('meetingDate', t('form.required'));
          if (rule.required.includes('audiences') && v.audiences.length === 0) say('audiences', t('offers.form.audiencesRequired'));
          if (
            rule.required.includes('expectedParticipants') &&
            !ExpectedParticipantsSchema.safeParse(Number(v.expectedParticipants.trim() || Number.NaN)).success
          )
            say('expectedParticipants', t('form.wholeNumberRange', EXPECTED_PARTICIPANTS));
          if (rule.required.includes('place') && !v.place.trim()) say('place', t('form.required'));
        })
        .transform((v): CreateOfferBody => {
          const rule = REQUEST_TYPE_RULES[v.type];
          const has = (field: (typeof rule.fields)[number]) => rule.fields.includes(field);
          const meetingDate = v.meetingDate.trim() ? parseDutchDate(v.meetingDate) : null;
          return {
            type: v.type,
            ...(v.target === 'case-table' ? { caseTableId: v.caseTableId } : { municipalityId: v.municipalityId }),
            title: v.title,
            description: v.description,
            expertiseAreaCodes: v.expertiseAreaCodes,
            deliverable: v.deliverable as CreateOfferBody['deliverable'],
            ...(has('meetingDate') && meetingDate ? { meetingDate } : {}),
            ...(has('audiences') ? { audiences: v.audiences as CreateOfferBody['audiences'] } : {}),
            ...(has('expectedParticipants') ? { expectedParticipants: Number(v.expectedParticipants.trim()) } : {}),
            ...(has('place') ? { place: v.place.trim() } : {}),
            validUntil: v.validUntil,
          };
        }),
    [t],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: {
      type: 'training' as OfferType,
      target: 'case-table' as const,
      caseTableId: '',
      municipalityId: '',
      title: '',
      description: '',
      expertiseAreaCodes: [],
      deliverable: REQUEST_TYPE_RULES.training.deliverables[0],
      meetingDate: '',
      audiences: [],
      expectedParticipants: '',
      place: '',
      validUntil: '',
    },
    ids: FIELD_IDS,
    labels: {
      type: t('offers.fields.type'),
      target: t('offers.fields.target'),
      caseTableId: t('offers.fields.caseTableId'),
      municipalityId: t('offers.fields.municipalityId'),
      title: t('offers.fields.title'),
      description: t('offers.fields.description'),
      expertiseAreaCodes: t('offers.fields.expertiseAreaCodes'),
      deliverable: t('offers.fields.deliverable'),
      meetingDate: t('offers.fields.meetingDate'),
      audiences: t('offers.fields.audiences'),
      expectedParticipants: t('offers.fields.expectedParticipants'),
      place: t('offers.fields.place'),
      validUntil: t('offers.fields.validUntil'),
    },
  });
  const type = form.rhf.watch('type');
  const target = form.rhf.watch('target');
  const rule = REQUEST_TYPE_RULES[type];
  const has = (field: (typeof rule.fields)[number]) => rule.fields.includes(field);

  const submit = form.submit((body) =>
    create.mutate(body, {
      onSuccess: (made) => {
        form.succeed(t('offers.form.made', { title: made.title, to: made.caseTableName ?? made.municipalityName ?? '' }));
        form.rhf.reset();
      },
      onError: (error) => form.fail(error, fieldsOrMessage),
    }),
  );

  return (
    <section aria-labelledby="offer-create-heading">
      <Heading level={2} id="offer-create-heading">
        {t('offers.form.heading')}
      </Heading>
      <FormFrame
        frame={form.frame}
        onSubmit={submit}
        submitLabel={t('offers.form.submit')}
        pending={create.isPending}
        headingLevel={3}
        labelledBy="offer-create-heading"
      >
        <Field
          form={form}
          name="type"
          kind="select"
          required
          hint={t(`offers.typeHints.${type}`)}
          options={OFFER_TYPES.map((value) => ({ value, label: t(`requestTypes.types.${value}`) }))}
          onValueChange={(value) => form.rhf.setValue('deliverable', REQUEST_TYPE_RULES[value as OfferType].deliverables[0] ?? '')}
        />
        <RadioField
          form={form}
          name="target"
          options={[
            { value: 'case-table', label: t('offers.form.targetCaseTable') },
            { value: 'municipality', label: t('offers.form.targetMunicipality') },
          ]}
        />
        {target === 'case-table' ? (
          <Field
            form={form}
            name="caseTableId"
            kind="select"
            required
            placeholder={t('form.choose')}
            options={tables.filter((c) => !c.retired).map((c) => ({ value: c.id, label: c.name }))}
          />
        ) : (
          <Field
            form={form}
            name="municipalityId"
            kind="select"
            required
            placeholder={t('form.choose')}
            options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
          />
        )}
        <Field form={form} name="title" required checkPersonalData />
        <Field form={form} name="description" kind="textarea" hint={t('offers.form.descriptionHint')} rows={5} required checkPersonalData />
        <ChoicesField
          form={form}
          name="expertiseAreaCodes"
          options={(reference.data?.expertiseAreas ?? []).map((a) => ({ value: a.code, label: labels.expertiseArea(a.code) }))}
        />
        <Field
          form={form}
          name="deliverable"
          kind="select"
          required
          options={rule.deliverables.map((value) => ({ value, label: t(`deliverable.${value}`) }))}
        />
        {has('meetingDate') ? <Field form={form} name="meetingDate" kind="date" required={rule.required.includes('meetingDate')} warnIfPast /> : null}
        {has('audiences') ? (
          <ChoicesField form={form} name="audiences" options={AUDIENCES.map((a) => ({ value: a, label: t(`requestTypes.audience.${a}`) }))} />
        ) : null}
        {has('expectedParticipants') ? (
          <Field
            form={form}
            name="expectedParticipants"
            inputMode="numeric"
            size="small"
            required
            hint={t('requestTypes.expectedParticipantsHint', EXPECTED_PARTICIPANTS)}
          />
        ) : null}
        {has('place') ? <Field form={form} name="place" required hint={t('requestTypes.placeHint')} checkPersonalData /> : null}
        <Field form={form} name="validUntil" kind="date" required hint={t('offers.form.validUntilHint')} />
      </FormFrame>
    </section>
  );
}
