import { maxLengthOf, REQUIRED_MESSAGE } from '@duidingspool/shared';
import { toNestErrors, validateFieldsNatively } from '@hookform/resolvers';
import type { i18n as I18n } from 'i18next';
import { useRef, useState } from 'react';
import { type DefaultValues, type FieldError, type FieldValues, type Path, type Resolver, type UseFormReturn, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ApiError } from '../lib/api-client.ts';
import { summaryOf } from '../lib/form-errors.ts';
import { fieldErrorText } from '../lib/problem-text.ts';
import type { FormFrameState } from './form-frame.tsx';
import { useErrorMessage } from './problem-alert.tsx';

/** One issue of a zod parse, as `issueText` reads it. */
type Issue = z.core.$ZodIssue;

/**
 * The message of one issue of a form's own check, in the UI's language and in the same words as
 * the server's answer would get (decision 120): a message the form wrote (`params.text`) as it is;
 * a missing value or empty required text as “Dit veld is verplicht.”; text over its maximum as
 * “Gebruik maximaal N tekens.”; any other issue by its code (`fieldErrorText`), never the Dutch
 * phrase a shared schema carries for the server's log in an English UI.
 */
export function issueText(i18n: I18n, issue: Issue): string {
  const params = (issue as { params?: Record<string, unknown> }).params ?? {};
  if (typeof params.text === 'string') return params.text;
  const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined;
  const empty = issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1;
  if (missing || empty || (issue.code === 'custom' && issue.message === REQUIRED_MESSAGE)) return i18n.t('form.required');
  if (issue.code === 'too_big' && issue.origin === 'string') return i18n.t('form.maxLength', { max: Number(issue.maximum) });
  const { code: _code, path: _path, message, input: _input, ...rest } = issue as Issue & { params?: Record<string, unknown> };
  const code = issue.code === 'custom' ? (typeof params.code === 'string' ? params.code : undefined) : issue.code;
  return fieldErrorText(i18n, { pointer: '', message, code, params: issue.code === 'custom' ? params : rest });
}

/**
 * A react-hook-form resolver over a zod screen schema (the text on screen in, the request body
 * out), like `zodResolver` of `@hookform/resolvers` but writing each message with `issueText`:
 * `zodResolver` keeps only zod's `message`, and a message set in a shared schema (the server's
 * Dutch phrase) outranks every error map, so an English UI would show Dutch. `schema` is read
 * through a ref, so a schema rebuilt for another language is used at once.
 */
export function sharedSchemaResolver<In extends FieldValues, Out>(schema: { current: z.ZodType<Out, In> }, i18n: I18n): Resolver<In, unknown, Out> {
  return async (values, _context, options) => {
    const result = await schema.current.safeParseAsync(values);
    if (result.success) {
      if (options.shouldUseNativeValidation) validateFieldsNatively({}, options);
      return { values: result.data, errors: {} };
    }
    const flat: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.');
      flat[path] ??= { type: issue.code, message: issueText(i18n, issue) };
    }
    return { values: {}, errors: toNestErrors(flat, options) };
  };
}

/** The most characters of a text field of a screen schema: of the shared field it ends in (through `.pipe`), or none. */
function textLimitOf(field: z.ZodType): number | undefined {
  try {
    return maxLengthOf(field);
  } catch {
    const out = (field as { _zod: { def: { type: string; out?: z.ZodType } } })._zod.def;
    return out.type === 'pipe' && out.out ? textLimitOf(out.out) : undefined;
  }
}

/** The fields of an object schema, also when it is refined or transformed (the object at the start of its pipes). */
function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = (schema as { _zod: { def: { type: string; in?: z.ZodType; shape?: Record<string, z.ZodType> } } })._zod.def;
  if (def.type === 'pipe' && def.in) return shapeOf(def.in);
  return def.type === 'object' ? def.shape : undefined;
}

/** The fields of a schema form: the names of its screen values. */
type FieldName<V extends FieldValues> = Path<V> & string;

/** What `useSchemaForm` gives a form: react-hook-form's methods plus ids, labels, messages and the frame. */
export interface SchemaForm<V extends FieldValues, Out> {
  /** react-hook-form's form (register, control, reset, setValue…). */
  rhf: UseFormReturn<V, unknown, Out>;
  /** Element id of each field, for labels, `aria-describedby` and the summary's links. */
  ids: Record<FieldName<V>, string>;
  /** The label of each field (also the summary's words). */
  labels: Record<FieldName<V>, string>;
  /** The screen schema's most characters for a field, when it has one (shown as a character count). */
  maxLengthOf: (name: FieldName<V>) => number | undefined;
  /**
   * The submit handler for `FormFrame`: clears the general and success messages, runs the screen
   * schema and calls `onValid` with the request body, else shows the errors, calls `onInvalid` and focuses the summary.
   */
  submit: (onValid: (body: Out) => void, onInvalid?: () => void) => () => void;
  /** Shows a failed call: the server's field errors on this form's fields, the rest as the general message; focuses the summary. */
  fail: (error: unknown, adjust?: (error: unknown, fieldErrors: Partial<Record<FieldName<V>, string>>, message: string) => string | null) => void;
  /** Shows a general message without a call, focusing the summary. */
  failWith: (message: string) => void;
  /** Sets the success message (`null` clears it). */
  succeed: (message: string | null) => void;
  /** Props of `FormFrame`. */
  frame: FormFrameState;
}

/**
 * One form on react-hook-form over a zod screen schema whose fields are the `shared/` contract's
 * (docs/decisions/125-one-form-pattern.md). Validates on submit, then again on every change, so an
 * error clears as soon as the input is fixed; the error summary takes focus after a failed submit
 * (not the first field: the summary says what to fix and links to each field). The server stays the
 * rule: its field errors (`errors[].pointer`) are shown on the fields by name, in words written by
 * the client (decision 120). `ids` and `labels` give the summary its order.
 */
export function useSchemaForm<V extends FieldValues, Out>({
  schema,
  defaultValues,
  ids,
  labels,
  focus = 'summary',
}: {
  schema: z.ZodType<Out, V>;
  defaultValues: DefaultValues<V>;
  ids: Record<FieldName<V>, string>;
  labels: Record<FieldName<V>, string>;
  /** What takes focus after a failed submit: the error summary, or (in an `InlineForm`, which has none) the first field in error. */
  focus?: 'summary' | 'field';
}): SchemaForm<V, Out> {
  const { i18n } = useTranslation();
  const errorMessage = useErrorMessage();
  const schemaRef = useRef(schema);
  schemaRef.current = schema;
  const [resolver] = useState(() => sharedSchemaResolver<V, Out>(schemaRef, i18n));
  const rhf = useForm<V, unknown, Out>({ resolver, defaultValues, mode: 'onSubmit', reValidateMode: 'onChange', shouldFocusError: focus === 'field' });
  const [general, setGeneral] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const focusSummary = () => setAttempt((a) => a + 1);
  const errors = rhf.formState.errors;
  const messages: Partial<Record<FieldName<V>, string>> = {};
  for (const name of Object.keys(ids) as FieldName<V>[]) {
    const message = (errors[name] as FieldError | undefined)?.message;
    if (message) messages[name] = message;
  }
  const shape = shapeOf(schema);
  return {
    rhf,
    ids,
    labels,
    maxLengthOf: (name) => {
      const field = shape?.[name];
      return field ? textLimitOf(field) : undefined;
    },
    submit: (onValid, onInvalid) => () => {
      setDone(null);
      setGeneral(null);
      void rhf.handleSubmit(onValid, () => {
        onInvalid?.();
        focusSummary();
      })();
    },
    fail: (error, adjust) => {
      const fieldErrors: Partial<Record<FieldName<V>, string>> = {};
      if (error instanceof ApiError) {
        for (const [key, message] of Object.entries(error.fieldErrors)) if (key in ids) fieldErrors[key as FieldName<V>] = message;
      }
      const message = errorMessage(error, { except: Object.keys(ids) });
      const shown = adjust ? adjust(error, fieldErrors, message) : message;
      // In an `InlineForm` (no summary) the first field the server refused takes focus, as after the form's own check.
      let first = true;
      for (const [name, text] of Object.entries(fieldErrors) as [FieldName<V>, string][]) {
        rhf.setError(name, { type: 'server', message: text }, { shouldFocus: focus === 'field' && first });
        first = false;
      }
      setGeneral(shown);
      focusSummary();
    },
    failWith: (message) => {
      setGeneral(message);
      focusSummary();
    },
    succeed: setDone,
    frame: { summary: summaryOf(ids, labels, messages), general, focusKey: attempt, done },
  };
}

/** A `fail` adjustment: the server's field errors alone when there are any, else its general message. */
export const fieldsOrMessage = (_error: unknown, fieldErrors: Record<string, string | undefined>, message: string): string | null =>
  Object.keys(fieldErrors).length > 0 ? null : message;
