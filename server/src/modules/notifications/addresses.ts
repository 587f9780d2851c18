// Strict e-mail address handling for outgoing mail (header safety). Only a bare RFC 5322
// addr-spec in its dot-atom form is accepted: no quoted local parts, comments, display names, angle
// brackets, groups, lists, domain literals or whitespace — each of those is a way to make a
// lenient parser see another domain than the one we checked.

const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
/** A bare dot-atom addr-spec, anchored at both ends; exported for the ReDoS test of every pattern. */
export const ADDR_SPEC = new RegExp(`^(${ATOM}(?:\\.${ATOM})*)@(${LABEL}(?:\\.${LABEL})+)$`);

/** A parsed address: the local part and the lower-cased domain. */
export interface StrictAddress {
  address: string;
  local: string;
  domain: string;
}

/**
 * Parses `input` as one bare address (`local@domain.tld`, max 254 characters); anything else —
 * quotes, comments, `<…>`, several `@`, commas, whitespace, non-ASCII — gives null.
 */
export function parseStrictAddress(input: string): StrictAddress | null {
  if (input.length > 254) return null;
  const m = ADDR_SPEC.exec(input);
  if (!m) return null;
  const local = m[1] as string;
  const domain = (m[2] as string).toLowerCase();
  if (local.length > 64) return null;
  return { address: `${local}@${domain}`, local, domain };
}

/**
 * Parses `MAIL_ALLOWED_DOMAINS` (`a.nl, b.nl`) into lower-case domains; an empty value means no
 * restriction (undefined). @throws Error on an entry that is no domain name
 */
export function parseAllowedDomains(value: string | undefined): string[] | undefined {
  if (!value || value.trim() === '') return undefined;
  const domains = value
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter(Boolean);
  for (const d of domains) {
    if (!parseStrictAddress(`x@${d}`)) throw new Error(`MAIL_ALLOWED_DOMAINS: '${d}' is no domain name`);
  }
  return domains;
}

/**
 * The strictly parsed address when it may receive mail: always when `allowed` is undefined,
 * otherwise only when its domain equals an allowed domain exactly (a subdomain must be listed too).
 */
export function allowedRecipient(input: string, allowed: readonly string[] | undefined): StrictAddress | null {
  const parsed = parseStrictAddress(input);
  if (!parsed) return null;
  if (allowed && !allowed.includes(parsed.domain)) return null;
  return parsed;
}

/**
 * A display name safe for a header: control characters (CR, LF, …), quotes, backslashes, angle
 * brackets, `@`, commas, semicolons, parentheses and colons removed, whitespace collapsed, at most
 * 64 characters. nodemailer then encodes it (RFC 2047) as a quoted phrase.
 */
export function sanitizeDisplayName(name: string): string {
  return (
    name
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
      .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029"\\<>@,;:()[\]]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 64)
      .trim()
  );
}
