/** `{limit, offset}` for 1-based `page` and `pageSize`. */
export const pageWindow = (q: { page: number; pageSize: number }) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

/** An instant from the database as an ISO string (both drivers give Date or string). */
export const iso = (v: Date | string): string => (v instanceof Date ? v : new Date(v)).toISOString();
export const isoOrNull = (v: Date | string | null): string | null => (v === null ? null : iso(v));
