import {
  AUDIENCES,
  type DraftRequestFields,
  DraftRequestFieldsSchema,
  EXPECTED_PARTICIPANTS,
  ExpectedParticipantsSchema,
  type InterpretationRequest,
  isoDateToInput,
  MUNICIPAL_REQUEST_TYPES,
  type NewRequestBody,
  REQUEST_TYPE_RULES,
  REQUEST_TYPES,
  type RequestType,
  type RequestTypeField,
  URGENCIES,
  type Urgency,
} from '@duidingspool/shared';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { RadioGroup } from '../../../components/choice-group.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { Loading } from '../../../components/loading.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { ChoicesField, Field, RadioField } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { useMe } from '../../../lib/auth.ts';
import { optionalDateInput, optionalWholeNumberInput, textInput } from '../../../lib/form-inputs.ts';
import { useReferenceData } from '../../../lib/reference-data.ts';
import { useCreateRequest } from '../api/create-request.ts';
import { useSaveDraft } from '../api/draft.ts';
import { useCaseTables } from '../api/get-case-tables.ts';

/** Language codes offered as preferred languages. */
const LANGUAGE_CODES = ['nl', 'en', 'ar', 'ber', 'tr', 'fr', 'de', 'so', 'ti', 'fa', 'ps'] as const;

/** A language's name in the UI language; Berber (`ber`) has no CLDR name and gets its own. */
function languageName(names: Intl.DisplayNames, code: string, t: (key: string) => string): string {
  if (code === 'ber') return t('languages.ber');
  return names.of(code) ?? code;
}

/** What the form holds: the text on screen, and the chosen boxes. */
interface Values {
  type: string;
  caseTableId: string;
  municipalityId: string;
  caseReference: string;
  question: string;
  context: string;
  expertiseAreaCodes: string[];
  urgency: string;
  deliverable: string;
  meetingDate: string;
  languages: string[];
  audiences: string[];
  expectedParticipants: string;
  place: string;
}

type FieldName = keyof Values;

/** What the screen schema gives: each field of the type as the API takes it; a field the type does not have is `undefined`. */
interface Checked {
  caseTableId?: string | undefined;
  municipalityId?: string | undefined;
  caseReference?: string | undefined;
  question?: string | undefined;
  context?: string | undefined;
  expertiseAreaCodes?: string[] | undefined;
  urgency?: Urgency | undefined;
  deliverable?: string | undefined;
  meetingDate?: string | null | undefined;
  languages?: string[] | undefined;
  audiences?: string[] | undefined;
  expectedParticipants?: number | undefined;
  place?: string | undefined;
}

/** The fields in the order of the form (and of the error summary). */
const FIELD_ORDER: FieldName[] = [
  'type',
  'caseTableId',
  'municipalityId',
  'caseReference',
  'question',
  'context',
  'expertiseAreaCodes',
  'urgency',
  'deliverable',
  'meetingDate',
  'audiences',
  'expectedParticipants',
  'place',
  'languages',
];

const fieldId = (name: FieldName) => `request-${name}`;
const IDS = Object.fromEntries(FIELD_ORDER.map((k) => [k, fieldId(k)])) as Record<FieldName, string>;

/** A field the chosen type does not have: whatever it holds is not checked and not sent. */
const notOfType = () => z.unknown().transform(() => undefined);

/** The form's values for a draft being edited (or an empty new request). */
function initialValues(draft: InterpretationRequest | undefined): Values {
  if (!draft)
    return {
      type: 'case-interpretation',
      caseTableId: '',
      municipalityId: '',
      caseReference: '',
      question: '',
      context: '',
      expertiseAreaCodes: [],
      urgency: 'regular',
      deliverable: '',
      meetingDate: '',
      languages: ['nl'],
      audiences: [],
      expectedParticipants: '',
      place: '',
    };
  return {
    type: draft.type,
    caseTableId: draft.caseTableId ?? '',
    municipalityId: draft.municipalityId ?? '',
    caseReference: draft.caseReference,
    question: draft.question,
    context: draft.context ?? '',
    expertiseAreaCodes: draft.expertiseAreaCodes,
    urgency: draft.urgency,
    deliverable: draft.deliverable ?? '',
    meetingDate: draft.meetingDate ? isoDateToInput(draft.meetingDate) : '',
    languages: draft.languages,
    audiences: draft.audiences,
    expectedParticipants: draft.expectedParticipants === null ? '' : String(draft.expectedParticipants),
    place: draft.place ?? '',
  };
}

/**
 * The “Nieuw verzoek” form, also for editing a draft (`draft`), on the one form pattern
 * (docs/decisions/125-one-form-pattern.md). It introduces the chosen kind of request
 * (`newRequest.intros.<type>`), asks first what kind of request it is and then shows
 * that type's fields (`REQUEST_TYPE_RULES`, decision 095): a member of a casustafel asks every type
 * through it, a member of a municipality the non-case types on its behalf. Every field is read
 * through the draft's shared field (`DraftRequestFieldsSchema`: limits shown as character counts,
 * personal data refused, a date as `dd-mm-jjjj` that warns when it lies in the past). “Opslaan als
 * concept” needs only the casustafel (or, for a municipality, the municipality); “Indienen” also
 * needs the type's required fields (`REQUEST_TYPE_RULES[type].required`) and the municipality. The
 * server's refusals land on the fields by pointer. Calls `onCreated` with the saved request (a
 * draft, or submitted with “Indienen”).
 */
export function NewRequestForm({
  onCreated,
  draft,
  followUpOfId,
}: {
  onCreated: (request: InterpretationRequest, submitted: boolean) => void;
  draft?: InterpretationRequest;
  /** The earlier request this new one follows up (“vervolg op DP-…”). */
  followUpOfId?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const caseTables = useCaseTables();
  const referenceData = useReferenceData();
  const me = useMe();
  const createRequest = useCreateRequest();
  const saveDraft = useSaveDraft(draft?.id ?? '');
  const create = draft ? saveDraft : createRequest;
  // Which button sent the form: “Indienen” checks the whole request, “Opslaan als concept” only the organisation and the limits.
  const submitting = useRef(true);

  const tables = caseTables.data?.items ?? [];
  const ownMunicipalities = me.data?.municipalityMemberships ?? [];
  // The types this user may ask for: all through a casustafel, the non-case ones for a municipality.
  const allowedTypes: readonly RequestType[] = tables.length > 0 ? REQUEST_TYPES : ownMunicipalities.length > 0 ? MUNICIPAL_REQUEST_TYPES : [];

  // The type on screen: its fields, labels and schema follow it at once.
  const [type, setType] = useState<RequestType>(draft?.type ?? 'case-interpretation');
  const rule = REQUEST_TYPE_RULES[type];
  const has = (field: RequestTypeField) => rule.fields.includes(field);
  // A municipality asks without a casustafel: for a non-case type when the user is a member of one (a draft keeps its own).
  const forMunicipality = draft ? draft.caseTableId === null : !rule.caseContent && ownMunicipalities.length > 0;

  const schema = useMemo(() => {
    const draftField = DraftRequestFieldsSchema.shape;
    const required = (field: RequestTypeField) => REQUEST_TYPE_RULES[type].required.includes(field);
    const fields = REQUEST_TYPE_RULES[type].fields;
    /** On “Indienen”, a required field of the type must hold something. */
    const filled = <T extends string | string[]>(field: RequestTypeField, text: string) =>
      z.custom<T>().refine((v) => !(submitting.current && required(field)) || (Array.isArray(v) ? v.length > 0 : v.trim().length > 0), { params: { text } });
    const ofType = <S extends z.ZodType>(field: RequestTypeField, make: () => S) => (fields.includes(field) ? make() : notOfType());
    return z.object({
      type: z.string(),
      caseTableId: forMunicipality ? notOfType() : z.string().refine((v) => v.length > 0, { params: { text: t('newRequest.errors.caseTable') } }),
      municipalityId: z
        .string()
        .refine((v) => !(submitting.current || forMunicipality) || v.length > 0, { params: { text: t('newRequest.errors.municipality') } })
        .transform((v) => v || undefined),
      caseReference: ofType('caseReference', () =>
        filled<string>('caseReference', t('form.required')).pipe(textInput(draftField.caseReference.unwrap(), t, { personalData: true })),
      ),
      question: ofType('question', () =>
        filled<string>('question', t('form.required')).pipe(textInput(draftField.question.unwrap(), t, { personalData: true })),
      ),
      context: ofType('context', () => textInput(draftField.context.unwrap(), t, { personalData: true })),
      expertiseAreaCodes: ofType('expertiseAreaCodes', () =>
        filled<string[]>('expertiseAreaCodes', t('newRequest.errors.expertise')).pipe(z.array(z.string())),
      ),
      urgency: ofType('urgency', () => z.enum(URGENCIES)),
      deliverable: ofType('deliverable', () => filled<string>('deliverable', t('newRequest.errors.deliverable')).transform((v) => v || undefined)),
      meetingDate: ofType('meetingDate', () => filled<string>('meetingDate', t('form.required')).pipe(optionalDateInput(draftField.meetingDate.unwrap(), t))),
      languages: ofType('languages', () => z.array(z.string())),
      audiences: ofType('audiences', () => filled<string[]>('audiences', t('form.required')).pipe(z.array(z.string()))),
      expectedParticipants: ofType('expectedParticipants', () =>
        filled<string>('expectedParticipants', t('form.required')).pipe(optionalWholeNumberInput(ExpectedParticipantsSchema, t)),
      ),
      place: ofType('place', () => filled<string>('place', t('form.required')).pipe(textInput(draftField.place.unwrap(), t, { personalData: true }))),
    }) as unknown as z.ZodType<Checked, Values>;
  }, [t, type, forMunicipality]);

  const session = rule.reach;
  const labels: Record<FieldName, string> = {
    type: t('requestTypes.legend'),
    caseTableId: t('newRequest.caseTable'),
    municipalityId: t('newRequest.municipality'),
    caseReference: t('newRequest.caseReference'),
    question: rule.caseContent ? t('newRequest.question') : t(`requestTypes.question.${type}`),
    context: t('newRequest.context'),
    expertiseAreaCodes: t('newRequest.expertiseAreas'),
    urgency: t('newRequest.urgency'),
    deliverable: t('newRequest.deliverable'),
    meetingDate: rule.caseContent ? t('newRequest.meetingDate') : session ? t('requestTypes.sessionDate') : t('requestTypes.wantedDate'),
    languages: t('newRequest.languages'),
    audiences: t('requestTypes.audiences'),
    expectedParticipants: t('requestTypes.expectedParticipants'),
    place: t('requestTypes.place'),
  };
  const form = useSchemaForm<Values, Checked>({ schema, defaultValues: initialValues(draft), ids: IDS, labels });
  const { setValue, watch } = form.rhf;
  const caseTableId = watch('caseTableId');
  const municipalityId = watch('municipalityId');

  const selectedTable = tables.find((c) => c.id === caseTableId);
  const municipalities = forMunicipality
    ? ownMunicipalities.map((m) => ({ id: m.municipalityId, name: m.municipalityName }))
    : (selectedTable?.municipalities ?? []);

  // Another type asks for other deliverables, and maybe another requesting organisation.
  const chooseType = (next: RequestType) => {
    if (next === type) return;
    setType(next);
    setValue('type', next);
    setValue('deliverable', '');
    setValue('municipalityId', '');
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: `chooseType` only sets the type and its dependent fields
  useEffect(() => {
    const first = allowedTypes[0];
    if (!draft && first && !allowedTypes.includes(type)) chooseType(first);
  }, [allowedTypes, type, draft]);

  useEffect(() => {
    const only = tables.length === 1 ? tables[0] : undefined;
    if (only && !caseTableId) setValue('caseTableId', only.id);
  }, [tables, caseTableId, setValue]);

  useEffect(() => {
    const only = municipalities.length === 1 ? municipalities[0] : undefined;
    if (only && municipalityId !== only.id) setValue('municipalityId', only.id);
  }, [municipalities, municipalityId, setValue]);

  const languageNames = useMemo(() => new Intl.DisplayNames([i18n.language], { type: 'language' }), [i18n.language]);

  /**
   * The type's fields as a draft's fields: a cleared text field is sent empty, so it is cleared;
   * only the type's own fields are sent (the server refuses any other, 400 naming it).
   */
  const toFields = (v: Checked): DraftRequestFields => {
    const all: Record<string, unknown> = {
      ...(v.municipalityId ? { municipalityId: v.municipalityId } : {}),
      caseReference: v.caseReference,
      question: v.question,
      ...(v.context || draft ? { context: v.context } : {}),
      expertiseAreaCodes: v.expertiseAreaCodes,
      urgency: v.urgency,
      ...(v.deliverable ? { deliverable: v.deliverable } : {}),
      ...(v.meetingDate ? { meetingDate: v.meetingDate } : {}),
      ...(v.languages?.length ? { languages: v.languages } : {}),
      audiences: v.audiences,
      ...(v.expectedParticipants !== undefined ? { expectedParticipants: v.expectedParticipants } : {}),
      ...(v.place || (draft && draft.place !== null) ? { place: v.place } : {}),
    };
    return Object.fromEntries(
      Object.entries(all).filter(([k, value]) => value !== undefined && (k === 'municipalityId' || rule.fields.includes(k as RequestTypeField))),
    ) as DraftRequestFields;
  };

  const send = (submit: boolean) => {
    submitting.current = submit;
    form.submit((checked) => {
      const done = {
        onSuccess: (request: InterpretationRequest) => onCreated(request, submit),
        onError: (error: Error) => form.fail(error),
      };
      if (draft) saveDraft.mutate({ fields: toFields(checked), submit }, done);
      else {
        const body: NewRequestBody = {
          type,
          ...(forMunicipality || !checked.caseTableId ? {} : { caseTableId: checked.caseTableId }),
          ...toFields(checked),
          ...(followUpOfId ? { followUpOfId } : {}),
          submit,
        };
        createRequest.mutate(body, done);
      }
    })();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    send(submitter?.value !== 'draft');
  };

  if (caseTables.isPending || referenceData.isPending || me.isPending) return <Loading />;
  if (caseTables.isError) return <ProblemAlert error={caseTables.error} />;
  if (referenceData.isError) return <ProblemAlert error={referenceData.error} />;
  if (allowedTypes.length === 0) return <Paragraph>{t('newRequest.noCaseTables')}</Paragraph>;

  const english = i18n.language === 'en';

  return (
    <form onSubmit={onSubmit} noValidate className="dsp-form">
      {/* What this kind of request is for and what to leave out: per type, never “a case” for a training. */}
      <Paragraph id="request-type-intro">{t(`newRequest.intros.${type}`)}</Paragraph>
      <ErrorSummary errors={form.frame.summary} general={form.frame.general} focusKey={form.frame.focusKey} />
      {draft ? (
        <Paragraph>
          {labels.type}: <strong>{t(`requestTypes.types.${type}`)}</strong>
        </Paragraph>
      ) : (
        <RadioGroup
          id={IDS.type}
          legend={labels.type}
          description={t(`requestTypes.hints.${type}`)}
          options={allowedTypes.map((value) => ({ value, label: t(`requestTypes.types.${value}`) }))}
          value={type}
          onChange={(v) => chooseType(v as RequestType)}
          error={form.rhf.formState.errors.type?.message}
        />
      )}
      {forMunicipality ? null : (
        <Field
          form={form}
          name="caseTableId"
          kind="select"
          placeholder={t('form.choose')}
          options={tables.map((c) => ({ value: c.id, label: c.name }))}
          onValueChange={() => setValue('municipalityId', '')}
          disabled={!!draft}
          required
        />
      )}
      <Field
        form={form}
        name="municipalityId"
        kind="select"
        hint={forMunicipality ? t('requestTypes.onBehalfOfMunicipality') : undefined}
        placeholder={selectedTable || forMunicipality ? t('form.choose') : t('newRequest.chooseCaseTableFirst')}
        options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
        disabled={forMunicipality ? !!draft : !selectedTable}
        required
      />
      {has('caseReference') ? (
        <Field form={form} name="caseReference" hint={t('newRequest.caseReferenceHint')} size="medium" autoComplete="off" required checkPersonalData />
      ) : null}
      <Field
        form={form}
        name="question"
        kind="textarea"
        hint={rule.caseContent ? t('newRequest.questionHint') : t('requestTypes.questionHint')}
        rows={6}
        required
        checkPersonalData
      />
      <Field
        form={form}
        name="context"
        kind="textarea"
        hint={rule.caseContent ? t('newRequest.contextHint') : t('requestTypes.contextHint')}
        rows={6}
        checkPersonalData
      />
      <ChoicesField
        form={form}
        name="expertiseAreaCodes"
        hint={t('newRequest.expertiseHint')}
        options={referenceData.data.expertiseAreas.filter((a) => !a.retired).map((a) => ({ value: a.code, label: english ? a.nameEn : a.nameNl }))}
      />
      <RadioField
        form={form}
        name="urgency"
        options={[
          { value: 'regular', label: t('urgency.regular') },
          { value: 'urgent', label: t('urgency.urgent') },
        ]}
      />
      <Field
        form={form}
        name="deliverable"
        kind="select"
        placeholder={t('form.choose')}
        options={rule.deliverables.map((d) => ({ value: d, label: t(`deliverable.${d}`) }))}
        required
      />
      <Field
        form={form}
        name="meetingDate"
        kind="date"
        hint={rule.caseContent ? t('newRequest.meetingDateHint') : session ? t('requestTypes.sessionDateHint') : t('requestTypes.wantedDateHint')}
        required={session}
        warnIfPast
      />
      {has('audiences') ? (
        <ChoicesField form={form} name="audiences" options={AUDIENCES.map((a) => ({ value: a, label: t(`requestTypes.audience.${a}`) }))} />
      ) : null}
      {has('expectedParticipants') ? (
        <Field
          form={form}
          name="expectedParticipants"
          hint={t('requestTypes.expectedParticipantsHint', EXPECTED_PARTICIPANTS)}
          inputMode="numeric"
          size="small"
          autoComplete="off"
          required
        />
      ) : null}
      {has('place') ? <Field form={form} name="place" hint={t('requestTypes.placeHint')} size="medium" required checkPersonalData /> : null}
      <ChoicesField form={form} name="languages" options={LANGUAGE_CODES.map((c) => ({ value: c, label: languageName(languageNames, c, t) }))} />
      <ButtonGroup>
        <Button type="submit" name="action" value="submit" appearance="primary-action-button" disabled={create.isPending}>
          {t('newRequest.submit')}
        </Button>
        <Button type="submit" name="action" value="draft" appearance="secondary-action-button" disabled={create.isPending}>
          {draft && draft.status !== 'draft' ? t('newRequest.saveChanges') : t('newRequest.saveDraft')}
        </Button>
      </ButtonGroup>
      {create.isPending ? <Loading label={t('common.saving')} /> : null}
    </form>
  );
}
