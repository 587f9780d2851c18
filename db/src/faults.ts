/**
 * What a database error means for the caller, in one place for both drivers (decision 060):
 * `unavailable` when the database cannot be reached or is going away (the request may succeed
 * later), `disk-full` when the database has no room left to write, otherwise `null` (a fault of
 * the query or the data, not of the database's availability).
 *
 * Recognised, anywhere in the error's `cause` chain (drizzle wraps driver errors):
 * - socket errors: `ECONNREFUSED`, `ECONNRESET`, `ETIMEDOUT`, `EHOSTUNREACH`, `ENETUNREACH`,
 *   `EPIPE`, `ENOTFOUND`, `EAI_AGAIN`;
 * - postgres.js connection states: `CONNECT_TIMEOUT`, `CONNECTION_ENDED`, `CONNECTION_CLOSED`,
 *   `CONNECTION_DESTROYED`;
 * - SQLSTATE class 08 (connection exception), `57P01` admin_shutdown, `57P02` crash_shutdown,
 *   `57P03` cannot_connect_now, `57014` query_canceled (the statement deadline), `53300`
 *   too_many_connections, `53200` out_of_memory;
 * - disk full: SQLSTATE `53100` disk_full, `ENOSPC`, and the embedded database's file-system error
 *   number 51 (ENOSPC in its WebAssembly file system).
 */
export type DatabaseFault = 'unavailable' | 'disk-full';

const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
const DRIVER_CODES = new Set(['CONNECT_TIMEOUT', 'CONNECTION_ENDED', 'CONNECTION_CLOSED', 'CONNECTION_DESTROYED']);
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '57014', '53300', '53200']);
/** errno of ENOSPC in the embedded database's (Emscripten) file system. */
const WASM_ENOSPC = 51;

/** How deep the `cause` chain is followed; drizzle wraps once, a driver maybe once more. */
const MAX_CAUSES = 8;

/** The fault `error` stands for, or null when it is not about the database's availability. */
export function databaseFault(error: unknown): DatabaseFault | null {
  let current: unknown = error;
  for (let i = 0; i < MAX_CAUSES && current !== null && typeof current === 'object'; i++) {
    const e = current as { code?: unknown; errno?: unknown; name?: unknown; message?: unknown; cause?: unknown };
    const code = typeof e.code === 'string' ? e.code : undefined;
    if (code === '53100' || code === 'ENOSPC') return 'disk-full';
    if (e.name === 'ErrnoError' && e.errno === WASM_ENOSPC) return 'disk-full';
    if (code !== undefined && (SOCKET_CODES.has(code) || DRIVER_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) {
      return 'unavailable';
    }
    // postgres.js reports an unreachable host as an AggregateError of per-address socket errors.
    if (current instanceof AggregateError && current.errors.some((inner) => databaseFault(inner) !== null)) {
      return current.errors.map(databaseFault).includes('disk-full') ? 'disk-full' : 'unavailable';
    }
    current = e.cause;
  }
  return null;
}

/**
 * True when `error` (or one of its causes, as drizzle wraps driver errors) is PostgreSQL's unique
 * violation (SQLSTATE 23505) of `constraint`: a race that a look-up before the insert could not
 * exclude, settled by the unique index. Both drivers name the constraint (`constraint_name` in
 * postgres.js, `constraint` in PGlite).
 */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint_name, constraint: c } = e as { code?: string; constraint_name?: string; constraint?: string };
    if (code === '23505' && (constraint_name === constraint || c === constraint)) return true;
  }
  return false;
}
