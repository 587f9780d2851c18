import { parseDuration, parseDutchDate, parseEuros, rangeOf } from '@duidingspool/shared';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { hasBlockingPersonalData } from '../components/personal-data-warning.tsx';
import { formatCents, formatMinutes } from './format.ts';

/**
 * The fields of a form's screen schema (docs/decisions/125-one-form-pattern.md): each takes the
 * text a person typed and gives the value the API takes, checked by the field's schema from
 * `shared/` (the same one the server runs). A message the form writes itself is put in the issue's
 * `params.text`, in the UI's language; every other issue is written from its code
 * (`issueText` in web/src/components/schema-form.tsx).
 */

/** A zod issue whose message the form wrote (`params.text`). */
const own = (ctx: z.RefinementCtx, text: string) => ctx.addIssue({ code: 'custom', message: text, params: { text } });

/** The bounds of a number field of a contract, or none when it has no two bounds. */
function boundsOf(field: z.ZodType): { min: number; max: number } | null {
  try {
    return rangeOf(field);
  } catch {
    return null;
  }
}

/**
 * A number typed as text, read by `parse` and checked against the bounds of `field` before `field`
 * itself runs: the one shape of `durationInput` and `amountInput`. `messages` are the form's own
 * texts: unreadable (and, when set, empty) input, and the range with its bounds formatted by `show`.
 */
function numberInput<F extends z.ZodType<number, number>>(
  field: F,
  parse: (text: string) => number | null,
  show: (value: number) => string,
  messages: { empty?: string; invalid: string; range: (min: string, max: string) => string },
) {
  const bounds = boundsOf(field);
  return z
    .string()
    .transform((text, ctx) => {
      if (messages.empty !== undefined && !text.trim()) {
        own(ctx, messages.empty);
        return z.NEVER;
      }
      const value = parse(text);
      if (value === null) {
        own(ctx, messages.invalid);
        return z.NEVER;
      }
      if (bounds && (value < bounds.min || value > bounds.max)) {
        own(ctx, messages.range(show(bounds.min), show(bounds.max)));
        return z.NEVER;
      }
      return value;
    })
    .pipe(field);
}

/**
 * A duration typed as `4:30`, `4,5` or `4` (one rule: `parseDuration` in shared), given as minutes
 * to `field` (e.g. `LogTimeBodySchema.shape.minutes`). Empty or unreadable: “Vul een duur in…”;
 * outside the field's range: the range in hours, from the same schema.
 */
export function durationInput<F extends z.ZodType<number, number>>(field: F, t: TFunction) {
  return numberInput(field, parseDuration, formatMinutes, {
    invalid: t('form.durationInvalid'),
    range: (min, max) => t('form.durationRange', { min, max }),
  });
}

/** An amount typed as `1.234,56` (one rule: `parseEuros` in shared), given as cents to `field`, with its range from that schema. */
export function amountInput<F extends z.ZodType<number, number>>(field: F, t: TFunction) {
  return numberInput(field, parseEuros, formatCents, {
    empty: t('form.required'),
    invalid: t('form.amountInvalid'),
    range: (min, max) => t('form.amountRange', { min, max }),
  });
}

/** The number in `typed` when it is digits only within `bounds`, else an issue (empty: required). */
function readWholeNumber(typed: string, ctx: z.RefinementCtx, bounds: { min: number; max: number }, t: TFunction): number {
  if (!typed.trim()) {
    own(ctx, t('form.required'));
    return z.NEVER;
  }
  const value = /^\s*\d{1,9}\s*$/.test(typed) ? Number(typed.trim()) : null;
  if (value === null || value < bounds.min || value > bounds.max) {
    own(ctx, t('form.wholeNumberRange', bounds));
    return z.NEVER;
  }
  return value;
}

/**
 * A whole number typed as digits (e.g. a count of working days), given as a number to `field`;
 * empty: “Dit veld is verplicht.”; unreadable or outside the field's bounds: one message with the
 * range from the same schema (“Vul een geheel getal in van 1 tot en met 10.”).
 */
export function wholeNumberInput<F extends z.ZodType<number, number>>(field: F, t: TFunction) {
  const bounds = rangeOf(field);
  return z
    .string()
    .transform((typed, ctx) => readWholeNumber(typed, ctx, bounds, t))
    .pipe(field);
}

/** As `wholeNumberInput`, but empty is allowed and given as `undefined` (e.g. a category nobody came from). */
export function optionalWholeNumberInput<F extends z.ZodType<number, number>>(field: F, t: TFunction) {
  const bounds = rangeOf(field);
  return z
    .string()
    .transform((typed, ctx) => (typed.trim() ? readWholeNumber(typed, ctx, bounds, t) : undefined))
    .pipe(field.optional());
}

/** The hint of a `wholeNumberInput` over `field`: its range, shown before submit (“Een geheel getal van 1 tot en met 10.”). */
export function wholeNumberHint(field: z.ZodType, t: TFunction): string {
  return t('form.wholeNumberHint', rangeOf(field));
}

/** A date typed as `dd-mm-jjjj` (the NL Design System date pattern; `parseDutchDate` in shared), given as `YYYY-MM-DD` to `field`. */
export function dateInput<F extends z.ZodType<string, string>>(field: F, t: TFunction) {
  return z
    .string()
    .transform((text, ctx) => {
      if (!text.trim()) {
        own(ctx, t('form.required'));
        return z.NEVER;
      }
      const iso = parseDutchDate(text);
      if (iso === null) {
        own(ctx, t('form.invalidDate'));
        return z.NEVER;
      }
      return iso;
    })
    .pipe(field);
}

/** As `dateInput`, but empty is allowed and given as `null` (e.g. “no screening”). */
export function optionalDateInput<F extends z.ZodType<string, string>>(field: F, t: TFunction) {
  return z.union([
    z
      .string()
      .regex(/^\s*$/)
      .transform(() => null),
    dateInput(field, t),
  ]);
}

/**
 * Free text, trimmed, checked by `field` (its maximum and refused characters) and refused when it
 * holds personal data the server refuses (BSN, IBAN, e-mail address, phone number), with the same
 * message as the warning below the field.
 */
export function textInput<F extends z.ZodType<string, string>>(field: F, t: TFunction, opts: { personalData?: boolean } = {}) {
  return z
    .string()
    .trim()
    .refine((text) => !(opts.personalData && hasBlockingPersonalData(text)), { params: { text: t('personalData.fieldError') } })
    .pipe(field);
}

/** A required choice of a select with an empty first option: empty gives “Maak een keuze” or `message`. */
export function requiredChoice(t: TFunction, message?: string) {
  return z.string().refine((value) => value.length > 0, { params: { text: message ?? t('form.choose') } });
}

/** A required choice of checkboxes: none chosen gives `message`. */
export function requiredChoices(message: string) {
  return z.array(z.string()).refine((values) => values.length > 0, { params: { text: message } });
}

/**
 * A value checked by `field` of a shared contract, with one message of the form's own for any
 * refusal (`empty` when nothing was typed, if given): for fields whose every refusal means the same
 * to the user (an e-mail address, a code of six digits).
 */
export function checkedBy<F extends z.ZodType<unknown, string>>(field: F, text: string, empty?: string) {
  return z.string().transform((value, ctx): z.output<F> => {
    if (empty !== undefined && !value.trim()) {
      own(ctx, empty);
      return z.NEVER;
    }
    const result = field.safeParse(value);
    if (!result.success) {
      own(ctx, text);
      return z.NEVER;
    }
    return result.data;
  });
}

/** A field the form does not send in its current state (e.g. the code before the server asks for it): always valid, sent as `undefined`. */
export const notSent = () => z.string().transform(() => undefined);

/**
 * Text read by `parse` (e.g. a year, a list of percentages, a correction in minutes) and checked by
 * `field` of a shared contract, with one message of the form's own for any refusal (`text`), or
 * `empty` when nothing was typed, if given: for values whose every refusal means the same to the
 * user. `parse` returns `null` for what it cannot read.
 */
export function parsedBy<T, F extends z.ZodType<unknown, T>>(parse: (text: string) => T | null, field: F, text: string, empty?: string) {
  return z.string().transform((value, ctx): z.output<F> => {
    if (empty !== undefined && !value.trim()) {
      own(ctx, empty);
      return z.NEVER;
    }
    const parsed = parse(value);
    const result = parsed === null ? null : field.safeParse(parsed);
    if (!result?.success) {
      own(ctx, text);
      return z.NEVER;
    }
    return result.data;
  });
}

/** A required free-text field: `textInput` over `field`, and empty (after trimming) gives “Dit veld is verplicht.” or `message`. */
export function requiredTextInput<F extends z.ZodType<string, string>>(field: F, t: TFunction, opts: { personalData?: boolean; message?: string } = {}) {
  return z
    .string()
    .refine((text) => text.trim().length > 0, { params: { text: opts.message ?? t('form.required') } })
    .pipe(textInput(field, t, opts));
}
