import {
  CreateInterpretationRequestBodySchema,
  DELIVERABLES,
  type DraftRequestFields,
  type InterpretationRequest,
  isIsoDate,
  maxLengthOf,
  type NewRequestBody,
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
import { useReferenceData } from '../../../lib/reference-data.ts';
import { useCreateRequest } from '../api/create-request.ts';
import { useSaveDraft } from '../api/draft.ts';
import { useCaseTables } from '../api/get-case-tables.ts';

/** The text limits of the contract. */
const MAX = {
  caseReference: maxLengthOf(CreateInterpretationRequestBodySchema.shape.caseReference),
  question: maxLengthOf(CreateInterpretationRequestBodySchema.shape.question),
  context: maxLengthOf(CreateInterpretationRequestBodySchema.shape.context),
};

/** Language codes offered as preferred languages. */
const LANGUAGE_CODES = ['nl', 'en', 'ar', 'ber', 'tr', 'fr', 'de', 'so', 'ti', 'fa', 'ps'] as const;

/** A language's name in the UI language; Berber (`ber`) has no CLDR name and gets its own. */
function languageName(names: Intl.DisplayNames, code: string, t: (key: string) => string): string {
  if (code === 'ber') return t('languages.ber');
  return names.of(code) ?? code;
}

type FieldName =
  | 'caseTableId'
  | 'municipalityId'
  | 'caseReference'
  | 'question'
  | 'context'
  | 'expertiseAreaCodes'
  | 'urgency'
  | 'deliverable'
  | 'meetingDate'
  | 'languages';

interface FormState {
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
}

const FIELD_ORDER: FieldName[] = [
  'caseTableId',
  'municipalityId',
  'caseReference',
  'question',
  'context',
  'expertiseAreaCodes',
  'urgency',
  'deliverable',
  'meetingDate',
  'languages',
];

const fieldId = (name: FieldName) => `request-${name}`;

/** The form's state for a draft being edited (or an empty new request). */
function initialState(draft: InterpretationRequest | undefined): FormState {
  if (!draft)
    return {
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
    };
  return {
    caseTableId: draft.caseTableId,
    municipalityId: draft.municipalityId ?? '',
    caseReference: draft.caseReference,
    question: draft.question,
    context: draft.context ?? '',
    expertiseAreaCodes: draft.expertiseAreaCodes,
    urgency: draft.urgency,
    deliverable: draft.deliverable ?? '',
    meetingDate: draft.meetingDate ?? '',
    languages: draft.languages,
  };
}

/**
 * The “Nieuw verzoek” form, also for editing a draft (`draft`). “Indienen” validates the whole
 * request with the shared contract before sending; “Opslaan als concept” saves whatever is filled
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
  const createRequest = useCreateRequest();
  const saveDraft = useSaveDraft(draft?.id ?? '');
  const create = draft ? saveDraft : createRequest;
  const [form, setForm] = useState<FormState>(() => initialState(draft));

  const tables = caseTables.data?.items ?? [];
  const selectedTable = tables.find((c) => c.id === form.caseTableId);
  const municipalities = selectedTable?.municipalities ?? [];

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
      return next;
    });
  };

  const labels: Record<FieldName, string> = {
    caseTableId: t('newRequest.caseTable'),
    municipalityId: t('newRequest.municipality'),
    caseReference: t('newRequest.caseReference'),
    question: t('newRequest.question'),
    context: t('newRequest.context'),
    expertiseAreaCodes: t('newRequest.expertiseAreas'),
    urgency: t('newRequest.urgency'),
    deliverable: t('newRequest.deliverable'),
    meetingDate: t('newRequest.meetingDate'),
    languages: t('newRequest.languages'),
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
            : fieldId(k),
    ]),
  ) as Record<FieldName, string>;
  const problem = useProblemForm(ids, labels);
  const { errors } = problem;

  const languageNames = useMemo(() => new Intl.DisplayNames([i18n.language], { type: 'language' }), [i18n.language]);

  /** The whole rule for “Indienen”; for a draft only the casustafel, the limits, a valid date and no personal data. */
  const validate = (submit: boolean): Partial<Record<FieldName, string>> => {
    const e: Partial<Record<FieldName, string>> = {};
    if (!form.caseTableId) e.caseTableId = t('newRequest.errors.caseTable');
    if (submit && !form.municipalityId) e.municipalityId = t('newRequest.errors.municipality');
    if (submit && !form.caseReference.trim()) e.caseReference = t('form.required');
    else if (form.caseReference.length > MAX.caseReference) e.caseReference = t('form.maxLength', { max: MAX.caseReference });
    if (submit && !form.question.trim()) e.question = t('form.required');
    else if (form.question.length > MAX.question) e.question = t('form.maxLength', { max: MAX.question });
    if (form.context.length > MAX.context) e.context = t('form.maxLength', { max: MAX.context });
    if (submit && form.expertiseAreaCodes.length === 0) e.expertiseAreaCodes = t('newRequest.errors.expertise');
    if (submit && !form.deliverable) e.deliverable = t('newRequest.errors.deliverable');
    if (form.meetingDate && !isIsoDate(form.meetingDate)) e.meetingDate = t('form.invalidDate');
    for (const key of ['caseReference', 'question', 'context'] as const) {
      if (!e[key] && hasBlockingPersonalData(form[key])) e[key] = t('personalData.fieldError');
    }
    return e;
  };

  /** What is filled in, as a draft's fields (a cleared text field is sent empty, so it is cleared). */
  const toFields = (): DraftRequestFields => ({
    ...(form.municipalityId ? { municipalityId: form.municipalityId } : {}),
    caseReference: form.caseReference.trim(),
    question: form.question,
    ...(form.context.trim() || draft ? { context: form.context } : {}),
    expertiseAreaCodes: form.expertiseAreaCodes,
    urgency: form.urgency,
    ...(form.deliverable ? { deliverable: form.deliverable as NonNullable<DraftRequestFields['deliverable']> } : {}),
    ...(form.meetingDate ? { meetingDate: form.meetingDate } : {}),
    ...(form.languages.length ? { languages: form.languages } : {}),
  });

  const toBody = (submit: boolean): NewRequestBody => ({ caseTableId: form.caseTableId, ...toFields(), ...(followUpOfId ? { followUpOfId } : {}), submit });

  const send = (submit: boolean) => {
    problem.begin();
    const found = validate(submit);
    if (submit && Object.keys(found).length === 0) {
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

  if (caseTables.isPending || referenceData.isPending) return <Loading />;
  if (caseTables.isError) return <ProblemAlert error={caseTables.error} />;
  if (referenceData.isError) return <ProblemAlert error={referenceData.error} />;
  if (tables.length === 0) return <Paragraph>{t('newRequest.noCaseTables')}</Paragraph>;

  const english = i18n.language === 'en';

  return (
    <form onSubmit={onSubmit} noValidate className="dsp-form">
      <ErrorSummary errors={problem.frame.summary} general={problem.frame.general} focusKey={problem.frame.focusKey} />
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
      <SelectField
        id={fieldId('municipalityId')}
        label={labels.municipalityId}
        value={form.municipalityId}
        onChange={(v) => set('municipalityId', v)}
        placeholder={selectedTable ? t('form.choose') : t('newRequest.chooseCaseTableFirst')}
        options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
        error={errors.municipalityId}
        disabled={!selectedTable}
        required
      />
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
      <TextareaField
        id={fieldId('question')}
        label={labels.question}
        description={t('newRequest.questionHint')}
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
        description={t('newRequest.contextHint')}
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
        options={DELIVERABLES.map((d) => ({ value: d, label: t(`deliverable.${d}`) }))}
        error={errors.deliverable}
        required
      />
      <TextField
        id={fieldId('meetingDate')}
        label={labels.meetingDate}
        description={t('newRequest.meetingDateHint')}
        type="date"
        value={form.meetingDate}
        onChange={(v) => set('meetingDate', v)}
        error={errors.meetingDate}
        size="small"
      />
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
