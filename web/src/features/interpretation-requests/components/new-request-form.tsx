import {
  AUDIENCES,
  CreateInterpretationRequestBodySchema,
  type DraftRequestFields,
  EXPECTED_PARTICIPANTS,
  type InterpretationRequest,
  isIsoDate,
  MUNICIPAL_REQUEST_TYPES,
  maxLengthOf,
  missingTypeFields,
  type NewRequestBody,
  REQUEST_TYPE_RULES,
  REQUEST_TYPES,
  type RequestType,
  type RequestTypeField,
} from '@duidingspool/shared';
import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup, choiceId, RadioGroup } from '../../../components/choice-group.tsx';
import { ErrorSummary } from '../../../components/error-summary.tsx';
import { SelectField, TextareaField, TextField } from '../../../components/form-field.tsx';
import { Loading } from '../../../components/loading.tsx';
import { hasBlockingPersonalData } from '../../../components/personal-data-warning.tsx';
import { ProblemAlert } from '../../../components/problem-alert.tsx';
import { useProblemForm } from '../../../components/problem-form.tsx';
import { useMe } from '../../../lib/auth.ts';
import { useReferenceData } from '../../../lib/reference-data.ts';
import { useCreateRequest } from '../api/create-request.ts';
import { useSaveDraft } from '../api/draft.ts';
import { useCaseTables } from '../api/get-case-tables.ts';

/** The text limits of the contract. */
const MAX = {
  caseReference: maxLengthOf(CreateInterpretationRequestBodySchema.shape.caseReference),
  question: maxLengthOf(CreateInterpretationRequestBodySchema.shape.question),
  context: maxLengthOf(CreateInterpretationRequestBodySchema.shape.context),
  place: 200,
};

/** Language codes offered as preferred languages. */
const LANGUAGE_CODES = ['nl', 'en', 'ar', 'ber', 'tr', 'fr', 'de', 'so', 'ti', 'fa', 'ps'] as const;

/** A language's name in the UI language; Berber (`ber`) has no CLDR name and gets its own. */
function languageName(names: Intl.DisplayNames, code: string, t: (key: string) => string): string {
  if (code === 'ber') return t('languages.ber');
  return names.of(code) ?? code;
}

type FieldName =
  | 'type'
  | 'caseTableId'
  | 'municipalityId'
  | 'caseReference'
  | 'question'
  | 'context'
  | 'expertiseAreaCodes'
  | 'urgency'
  | 'deliverable'
  | 'meetingDate'
  | 'languages'
  | 'audiences'
  | 'expectedParticipants'
  | 'place';

interface FormState {
  type: RequestType;
  caseTableId: string;
  municipalityId: string;
  caseReference: string;
  question: string;
  context: string;
  expertiseAreaCodes: string[];
  urgency: 'regular' | 'urgent';
  deliverable: string;
  meetingDate: string;
  languages: string[];
  audiences: string[];
  expectedParticipants: string;
  place: string;
}

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

/** The form's state for a draft being edited (or an empty new request). */
function initialState(draft: InterpretationRequest | undefined, type: RequestType): FormState {
  if (!draft)
    return {
      type,
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
    meetingDate: draft.meetingDate ?? '',
    languages: draft.languages,
    audiences: draft.audiences,
    expectedParticipants: draft.expectedParticipants === null ? '' : String(draft.expectedParticipants),
    place: draft.place ?? '',
  };
}

/**
 * The “Nieuw verzoek” form, also for editing a draft (`draft`). It introduces the chosen kind of
 * request (`newRequest.intros.<type>`), asks first what kind of request it is and then shows that type's fields (`REQUEST_TYPE_RULES`, decision 095): a member of a
 * casustafel asks every type through it, a member of a municipality the non-case types on its
 * behalf. “Indienen” validates the whole request with the shared rules before sending; “Opslaan als concept” saves whatever is filled
 * in (only the casustafel is required; limits and the personal-data check still apply). Warns while
 * typing when free text seems to hold personal data and refuses to send blocking findings. Calls
 * `onCreated` with the saved request (a draft, or submitted with “Indienen”).
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

  const tables = caseTables.data?.items ?? [];
  const ownMunicipalities = me.data?.municipalityMemberships ?? [];
  // The types this user may ask for: all through a casustafel, the non-case ones for a municipality.
  const allowedTypes: readonly RequestType[] = tables.length > 0 ? REQUEST_TYPES : ownMunicipalities.length > 0 ? MUNICIPAL_REQUEST_TYPES : [];
  const [form, setForm] = useState<FormState>(() => initialState(draft, 'case-interpretation'));
  const rule = REQUEST_TYPE_RULES[form.type];
  const has = (field: RequestTypeField) => rule.fields.includes(field);
  // A municipality asks without a casustafel: for a non-case type when the user is a member of one (a draft keeps its own).
  const forMunicipality = draft ? draft.caseTableId === null : !rule.caseContent && ownMunicipalities.length > 0;
  const selectedTable = tables.find((c) => c.id === form.caseTableId);
  const municipalities = forMunicipality
    ? ownMunicipalities.map((m) => ({ id: m.municipalityId, name: m.municipalityName }))
    : (selectedTable?.municipalities ?? []);

  useEffect(() => {
    const first = allowedTypes[0];
    if (!draft && first && !allowedTypes.includes(form.type)) setForm((f) => ({ ...f, type: first, deliverable: '' }));
  }, [allowedTypes, form.type, draft]);

  useEffect(() => {
    const only = tables.length === 1 ? tables[0] : undefined;
    if (only && !form.caseTableId) setForm((f) => ({ ...f, caseTableId: only.id }));
  }, [tables, form.caseTableId]);

  useEffect(() => {
    const only = municipalities.length === 1 ? municipalities[0] : undefined;
    if (only && form.municipalityId !== only.id) setForm((f) => ({ ...f, municipalityId: only.id }));
  }, [municipalities, form.municipalityId]);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    setForm((f) => {
      const next = { ...f, [key]: value };
      if (key === 'caseTableId' && value !== f.caseTableId) next.municipalityId = '';
      // Another type asks for other deliverables, and maybe another requesting organisation.
      if (key === 'type' && value !== f.type) {
        next.deliverable = '';
        next.municipalityId = '';
      }
      return next;
    });
  };

  const session = rule.reach;
  const labels: Record<FieldName, string> = {
    type: t('requestTypes.legend'),
    caseTableId: t('newRequest.caseTable'),
    municipalityId: t('newRequest.municipality'),
    caseReference: t('newRequest.caseReference'),
    question: rule.caseContent ? t('newRequest.question') : t(`requestTypes.question.${form.type}`),
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
  // The summary links a group of boxes to its first (or chosen) box.
  const ids = Object.fromEntries(
    FIELD_ORDER.map((k) => [
      k,
      k === 'expertiseAreaCodes'
        ? choiceId(fieldId(k), form.expertiseAreaCodes[0] ?? referenceData.data?.expertiseAreas.find((a) => !a.retired)?.code ?? '')
        : k === 'urgency'
          ? choiceId(fieldId(k), form.urgency)
          : k === 'languages'
            ? choiceId(fieldId(k), LANGUAGE_CODES[0])
            : k === 'type'
              ? choiceId(fieldId(k), form.type)
              : k === 'audiences'
                ? choiceId(fieldId(k), form.audiences[0] ?? AUDIENCES[0])
                : fieldId(k),
    ]),
  ) as Record<FieldName, string>;
  const problem = useProblemForm(ids, labels);
  const { errors } = problem;

  const languageNames = useMemo(() => new Intl.DisplayNames([i18n.language], { type: 'language' }), [i18n.language]);

  /** The whole rule for “Indienen”; for a draft only the casustafel, the limits, a valid date and no personal data. */
  const validate = (submit: boolean): Partial<Record<FieldName, string>> => {
    const e: Partial<Record<FieldName, string>> = {};
    if (!forMunicipality && !form.caseTableId) e.caseTableId = t('newRequest.errors.caseTable');
    if ((submit || forMunicipality) && !form.municipalityId) e.municipalityId = t('newRequest.errors.municipality');
    if (has('expectedParticipants') && form.expectedParticipants.trim()) {
      const n = Number(form.expectedParticipants);
      if (!Number.isInteger(n) || n < EXPECTED_PARTICIPANTS.min || n > EXPECTED_PARTICIPANTS.max)
        e.expectedParticipants = t('requestTypes.errors.expectedParticipants', EXPECTED_PARTICIPANTS);
    }
    if (form.place.length > MAX.place) e.place = t('form.maxLength', { max: MAX.place });
    if (submit && !rule.caseContent) {
      for (const issue of missingTypeFields(form.type, toFields())) {
        const key = issue.path[0] as FieldName;
        if (!e[key])
          e[key] =
            key === 'expertiseAreaCodes' ? t('newRequest.errors.expertise') : key === 'deliverable' ? t('newRequest.errors.deliverable') : t('form.required');
      }
    }
    if (submit && has('caseReference') && !form.caseReference.trim()) e.caseReference = t('form.required');
    else if (form.caseReference.length > MAX.caseReference) e.caseReference = t('form.maxLength', { max: MAX.caseReference });
    if (submit && !form.question.trim()) e.question = t('form.required');
    else if (form.question.length > MAX.question) e.question = t('form.maxLength', { max: MAX.question });
    if (form.context.length > MAX.context) e.context = t('form.maxLength', { max: MAX.context });
    if (submit && form.expertiseAreaCodes.length === 0) e.expertiseAreaCodes = t('newRequest.errors.expertise');
    if (submit && !form.deliverable) e.deliverable = t('newRequest.errors.deliverable');
    if (form.meetingDate && !isIsoDate(form.meetingDate)) e.meetingDate = t('form.invalidDate');
    for (const key of ['caseReference', 'question', 'context', 'place'] as const) {
      if (!e[key] && hasBlockingPersonalData(form[key])) e[key] = t('personalData.fieldError');
    }
    return e;
  };

  /** What is filled in, as a draft's fields (a cleared text field is sent empty, so it is cleared). */
  /** Only the type's own fields are sent: the server refuses any other (400 naming it). */
  const toFields = (): DraftRequestFields => {
    const all: DraftRequestFields = {
      ...(form.municipalityId ? { municipalityId: form.municipalityId } : {}),
      caseReference: form.caseReference.trim(),
      question: form.question,
      ...(form.context.trim() || draft ? { context: form.context } : {}),
      expertiseAreaCodes: form.expertiseAreaCodes,
      urgency: form.urgency,
      ...(form.deliverable ? { deliverable: form.deliverable as NonNullable<DraftRequestFields['deliverable']> } : {}),
      ...(form.meetingDate ? { meetingDate: form.meetingDate } : {}),
      ...(form.languages.length ? { languages: form.languages } : {}),
      audiences: form.audiences as NonNullable<DraftRequestFields['audiences']>,
      ...(form.expectedParticipants.trim() ? { expectedParticipants: Number(form.expectedParticipants) } : {}),
      ...(form.place.trim() || (draft && draft.place !== null) ? { place: form.place } : {}),
    };
    return Object.fromEntries(Object.entries(all).filter(([k]) => k === 'municipalityId' || rule.fields.includes(k as RequestTypeField))) as DraftRequestFields;
  };

  const toBody = (submit: boolean): NewRequestBody => ({
    type: form.type,
    ...(forMunicipality ? {} : { caseTableId: form.caseTableId }),
    ...toFields(),
    ...(followUpOfId ? { followUpOfId } : {}),
    submit,
  });

  const send = (submit: boolean) => {
    problem.begin();
    const found = validate(submit);
    if (submit && rule.caseContent && Object.keys(found).length === 0) {
      const parsed = CreateInterpretationRequestBodySchema.safeParse({ caseTableId: form.caseTableId, ...toFields(), submit });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const key = issue.path[0] as FieldName | undefined;
          if (key && FIELD_ORDER.includes(key) && !found[key]) found[key] = issue.message;
        }
      }
    }
    if (!problem.check(found)) return;
    const done = {
      onSuccess: (request: InterpretationRequest) => onCreated(request, submit),
      onError: (error: Error) => problem.fail(error),
    };
    if (draft) saveDraft.mutate({ fields: toFields(), submit }, done);
    else createRequest.mutate(toBody(submit), done);
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
      <Paragraph id="request-type-intro">{t(`newRequest.intros.${form.type}`)}</Paragraph>
      <ErrorSummary errors={problem.frame.summary} general={problem.frame.general} focusKey={problem.frame.focusKey} />
      {draft ? (
        <Paragraph>
          {labels.type}: <strong>{t(`requestTypes.types.${form.type}`)}</strong>
        </Paragraph>
      ) : (
        <RadioGroup
          id={fieldId('type')}
          legend={labels.type}
          description={t(`requestTypes.hints.${form.type}`)}
          options={allowedTypes.map((type) => ({ value: type, label: t(`requestTypes.types.${type}`) }))}
          value={form.type}
          onChange={(v) => set('type', v as RequestType)}
          error={errors.type}
        />
      )}
      {forMunicipality ? null : (
        <SelectField
          id={fieldId('caseTableId')}
          label={labels.caseTableId}
          value={form.caseTableId}
          onChange={(v) => set('caseTableId', v)}
          placeholder={t('form.choose')}
          options={tables.map((c) => ({ value: c.id, label: c.name }))}
          error={errors.caseTableId}
          disabled={!!draft}
          required
        />
      )}
      <SelectField
        id={fieldId('municipalityId')}
        label={labels.municipalityId}
        description={forMunicipality ? t('requestTypes.onBehalfOfMunicipality') : undefined}
        value={form.municipalityId}
        onChange={(v) => set('municipalityId', v)}
        placeholder={selectedTable || forMunicipality ? t('form.choose') : t('newRequest.chooseCaseTableFirst')}
        options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
        error={errors.municipalityId}
        disabled={forMunicipality ? !!draft : !selectedTable}
        required
      />
      {has('caseReference') ? (
        <TextField
          id={fieldId('caseReference')}
          label={labels.caseReference}
          description={t('newRequest.caseReferenceHint')}
          value={form.caseReference}
          onChange={(v) => set('caseReference', v)}
          error={errors.caseReference}
          required
          maxLength={MAX.caseReference}
          size="medium"
          autoComplete="off"
          checkPersonalData
        />
      ) : null}
      <TextareaField
        id={fieldId('question')}
        label={labels.question}
        description={rule.caseContent ? t('newRequest.questionHint') : t('requestTypes.questionHint')}
        value={form.question}
        onChange={(v) => set('question', v)}
        error={errors.question}
        required
        rows={6}
        checkPersonalData
      />
      <TextareaField
        id={fieldId('context')}
        label={labels.context}
        description={rule.caseContent ? t('newRequest.contextHint') : t('requestTypes.contextHint')}
        value={form.context}
        onChange={(v) => set('context', v)}
        error={errors.context}
        rows={6}
        checkPersonalData
      />
      <CheckboxGroup
        id={fieldId('expertiseAreaCodes')}
        legend={labels.expertiseAreaCodes}
        description={t('newRequest.expertiseHint')}
        options={referenceData.data.expertiseAreas.filter((a) => !a.retired).map((a) => ({ value: a.code, label: english ? a.nameEn : a.nameNl }))}
        value={form.expertiseAreaCodes}
        onChange={(v) => set('expertiseAreaCodes', v)}
        error={errors.expertiseAreaCodes}
      />
      <RadioGroup
        id={fieldId('urgency')}
        legend={labels.urgency}
        options={[
          { value: 'regular', label: t('urgency.regular') },
          { value: 'urgent', label: t('urgency.urgent') },
        ]}
        value={form.urgency}
        onChange={(v) => set('urgency', v as FormState['urgency'])}
        error={errors.urgency}
      />
      <SelectField
        id={fieldId('deliverable')}
        label={labels.deliverable}
        value={form.deliverable}
        onChange={(v) => set('deliverable', v)}
        placeholder={t('form.choose')}
        options={rule.deliverables.map((d) => ({ value: d, label: t(`deliverable.${d}`) }))}
        error={errors.deliverable}
        required
      />
      <TextField
        id={fieldId('meetingDate')}
        label={labels.meetingDate}
        description={rule.caseContent ? t('newRequest.meetingDateHint') : session ? t('requestTypes.sessionDateHint') : t('requestTypes.wantedDateHint')}
        type="date"
        value={form.meetingDate}
        onChange={(v) => set('meetingDate', v)}
        error={errors.meetingDate}
        size="small"
        required={session}
      />
      {has('audiences') ? (
        <CheckboxGroup
          id={fieldId('audiences')}
          legend={labels.audiences}
          options={AUDIENCES.map((a) => ({ value: a, label: t(`requestTypes.audience.${a}`) }))}
          value={form.audiences}
          onChange={(v) => set('audiences', v)}
          error={errors.audiences}
        />
      ) : null}
      {has('expectedParticipants') ? (
        <TextField
          id={fieldId('expectedParticipants')}
          label={labels.expectedParticipants}
          description={t('requestTypes.expectedParticipantsHint', EXPECTED_PARTICIPANTS)}
          value={form.expectedParticipants}
          onChange={(v) => set('expectedParticipants', v)}
          error={errors.expectedParticipants}
          inputMode="numeric"
          size="small"
          required
        />
      ) : null}
      {has('place') ? (
        <TextField
          id={fieldId('place')}
          label={labels.place}
          description={t('requestTypes.placeHint')}
          value={form.place}
          onChange={(v) => set('place', v)}
          error={errors.place}
          maxLength={MAX.place}
          size="medium"
          required
          checkPersonalData
        />
      ) : null}
      <CheckboxGroup
        id={fieldId('languages')}
        legend={labels.languages}
        options={LANGUAGE_CODES.map((c) => ({ value: c, label: languageName(languageNames, c, t) }))}
        value={form.languages}
        onChange={(v) => set('languages', v)}
        error={errors.languages}
      />
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
