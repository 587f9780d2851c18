import { z } from 'zod';
import { isIsoDate } from '../dates.ts';

/** Object ids are UUIDs. */
export const IdSchema = z.uuid();
export const IdParamsSchema = z.strictObject({ id: IdSchema });

/** A calendar date `YYYY-MM-DD` that exists (rejects `2019-02-30`). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'verwacht een datum als JJJJ-MM-DD')
  .refine(isIsoDate, 'deze datum bestaat niet')
  .meta({ format: 'date' });

/** An instant as an ISO 8601 string in UTC. */
export const InstantSchema = z.iso.datetime({ offset: true });

/** Free text with a length limit and no control characters other than tab and newlines. */
export const text = (max: number) =>
  z
    .string()
    .max(max, `maximaal ${max} tekens`)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
    .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), 'bevat stuurtekens');

/** Non-empty free text (after trimming). */
export const requiredText = (max: number) => text(max).refine((s) => s.trim().length > 0, 'is verplicht');

/** `page` (from 1) and `pageSize` (1–100, default 20) query parameters. */
export const PageQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/** A page of a list: `{items, page, pageSize, total}` (DESIGN.md §7). */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });

/** Integer euro cents (DESIGN.md §5). */
export const CentsSchema = z.number().int();
/** Integer minutes. */
export const MinutesSchema = z.number().int();
