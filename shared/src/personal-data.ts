/**
 * The personal-data guard of docs/design.md §6 (data minimisation): finds BSNs (9 digits passing the
 * 11-test), IBANs (mod-97), e-mail addresses and Dutch phone numbers in free text, and warns of
 * dates that look like a date of birth and of postcode + house number. Used by the server (which
 * refuses text with a `block` finding) and by the UI (which warns while typing). Browser-safe.
 */

export type PersonalDataKind = 'bsn' | 'iban' | 'email' | 'phone' | 'date' | 'postcode';

/** One finding: what kind, how serious, and where in the text (UTF-16 offsets). */
export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** `block`: the server refuses the text; `warn`: the UI asks the user to check it. */
  severity: 'block' | 'warn';
  start: number;
  end: number;
}

/** True for 9 digits passing the BSN 11-test (Σ dᵢ·(9−i) for i<8, minus d₈, divisible by 11). */
export function isValidBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** True for an IBAN (spaces allowed) whose check digits pass ISO 13616 mod-97. */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/\s+/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const code = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of code) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

// Every regular expression below runs in time linear in the length of the text (docs/design.md §6,
// docs/decisions/040-input-in-linear-time-and-visible-text.md). The ones searched over the whole
// text match at most a few dozen characters from any position (BSN, IBAN, phone, date), or read a
// run of spaces only after four digits and two letters, so once per run (postcode). The two e-mail patterns have parts without a length
// limit, so they are never searched unanchored (that would try again from every letter of a long
// run: quadratic, 'a.' × 25,000 took seconds): a scanner visits each `@` or opening bracket once
// and tries a sticky pattern from there. `regular-expressions.test.ts` checks every pattern with a
// ReDoS checker; `personal-data.test.ts` times the guard on adversarial text.

/** The domain of an e-mail address, tried right after an `@`: letters and digits of any script (IDN domains, look-alike letters). */
const EMAIL_DOMAIN = /[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/uy;
// jan (at) gmail (dot) com, jan [at] gmail.com, jan(a)gmail.com: tried from each opening bracket
// that follows a local part (and optional spaces).
const EMAIL_OBFUSCATED_REST = /[([{]\s*(?:at|a|apestaart)\s*[)\]}]\s*[\p{L}\p{N}-]+(?:\s*(?:\.|[([{]\s*(?:dot|punt)\s*[)\]}])\s*[\p{L}\p{N}-]+)+/iuy;
const WHITESPACE = /\s/;

// Nine digits, each pair at most one space, dot or hyphen apart: 111222333, 1112.22.333, 111 222 333,
// 1 1 1 2 2 2 3 3 3 and every other grouping (the 11-test then decides).
const BSN_CANDIDATE = /(?<![\d.-])\d(?:[ .-]?\d){8}(?!\d)/g;
const IBAN_CANDIDATE = /\b[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]{4}){2,7}(?:[ ]?[A-Za-z0-9]{1,3})?\b/g;
// +31 6 12345678, 0031-20-1234567, 06-12345678, (020) 123 45 67, 0201234567.
const PHONE = /(?<![\d+])(?:(?:\+|00)31[\s.-]?(?:\(0\)[\s.-]?)?[1-9](?:[\s.-]?\d){8}|\(?0[\s.-]?[1-9](?:\)?[\s.-]?\d){8})(?!\d)/g;
const DATE = /\b(0?[1-9]|[12]\d|3[01])[-/.](0?[1-9]|1[0-2])[-/.](19|20)\d{2}\b/g;
const POSTCODE = /\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\s+\d{1,5}\b/g;

// Zero-width and other invisible format characters that could split a number to slip past the guard.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/**
 * The characters of the local part of an e-mail address, by char code: `[A-Za-z0-9._%+-]` and any
 * other letter or digit, so that an address written with a look-alike letter from another script
 * (`jаn@exаmple.nl` with a Cyrillic `а`, which NFKC does not fold) is still one.
 */
const LOCAL = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-') LOCAL[ch.charCodeAt(0)] = 1;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const isLocal = (code: number) => (code < 128 ? LOCAL[code] === 1 : LETTER_OR_DIGIT.test(String.fromCharCode(code)));
/** JavaScript's `\s`, by char code (ASCII spaces compared, the rest left to `WHITESPACE`). */
const isWhitespace = (code: number) => code === 32 || (code >= 9 && code <= 13) || (code >= 128 && WHITESPACE.test(String.fromCharCode(code)));

/** A match of a pattern: `[start, end)` in UTF-16 offsets. */
type Span = [number, number];

/** Matches of a global pattern, as `RegExp.prototype.exec` finds them one after another. */
function matchesOf(text: string, re: RegExp): Span[] {
  const spans: Span[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/**
 * Where a local part that ends at `end` (exclusive) starts, searching back no further than
 * `floor`: the leftmost start an unanchored search from `floor` would find. -1 when there is none.
 */
function localPartStart(text: string, end: number, floor: number): number {
  let start = end;
  while (start > floor && isLocal(text.charCodeAt(start - 1))) start--;
  return start < end ? start : -1;
}

/**
 * E-mail addresses, `jan.jansen@example.nl`: the same matches, in the same order, as an unanchored
 * search for `[A-Za-z0-9._%+-]+@` followed by `EMAIL_DOMAIN`, in linear time. Every match holds
 * exactly one `@` and starts at the start of the local run before it (or where the previous match
 * ended).
 */
function emailAddresses(text: string): Span[] {
  const spans: Span[] = [];
  let floor = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at < floor) continue;
    const start = localPartStart(text, at, floor);
    if (start < 0) continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    if (!EMAIL_DOMAIN.test(text)) continue;
    floor = EMAIL_DOMAIN.lastIndex;
    spans.push([start, floor]);
  }
  return spans;
}

/**
 * Obfuscated e-mail addresses, `jan (at) gmail (dot) com`: the same matches as an unanchored search
 * for `[A-Za-z0-9._%+-]+\s*` followed by `EMAIL_OBFUSCATED_REST`, in linear time. Every match has
 * one first bracket, right after its local part and optional spaces.
 */
function obfuscatedEmailAddresses(text: string): Span[] {
  const spans: Span[] = [];
  let floor = 0;
  for (let bracket = floor; bracket < text.length; bracket++) {
    const code = text.charCodeAt(bracket);
    if (code !== 0x28 && code !== 0x5b && code !== 0x7b) continue; // ( [ {
    let localEnd = bracket;
    while (localEnd > floor && isWhitespace(text.charCodeAt(localEnd - 1))) localEnd--;
    const start = localPartStart(text, localEnd, floor);
    if (start < 0) continue;
    EMAIL_OBFUSCATED_REST.lastIndex = bracket;
    if (!EMAIL_OBFUSCATED_REST.test(text)) continue;
    floor = EMAIL_OBFUSCATED_REST.lastIndex;
    spans.push([start, floor]);
    bracket = floor - 1;
  }
  return spans;
}

/**
 * The text as the guard reads it: compatibility forms folded (full-width digits become 0–9), the
 * digits of other scripts read as 0–9 (`١١١٢٢٢٣٣٣`) and invisible characters dropped, so
 * `０６１２３４５６７８` or `1112\u200B22333` are still found.
 * Positions of findings refer to this folded text.
 */
export function foldForDetection(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(OTHER_DIGIT, asciiDigit);
}

/** A decimal digit of another script than 0–9 (Arabic-Indic `١`, Persian `۱`, Devanagari `१` …), which NFKC leaves as it is. */
const OTHER_DIGIT = /[^\P{Nd}0-9]/gu;
const DECIMAL_DIGIT = /\p{Nd}/u;

/**
 * The ASCII digit of a decimal digit of any script. Unicode puts each script's digits 0–9 in a run
 * that starts at a code point ending in 0 or 6 (U+0660, U+0966, U+09E6 …): the run's zero is the
 * code point ending in 0 when that one is a digit, else the one ending in 6. A character outside
 * that shape stays as it is.
 */
function asciiDigit(digit: string): string {
  const cp = digit.codePointAt(0) ?? 0;
  const group = cp - (cp % 16);
  const zero = DECIMAL_DIGIT.test(String.fromCodePoint(group)) ? group : group + 6;
  const value = cp - zero;
  return value >= 0 && value <= 9 ? String(value) : digit;
}

/**
 * All findings in `input` (folded by `foldForDetection`; positions refer to the folded text),
 * ordered by position. Blocking kinds: `bsn`, `iban`, `email`, `phone` (docs/design.md §6); warning
 * kinds: `date`, `postcode`. Runs in time linear in the length of the text, so it is safe on every
 * keystroke and on the longest field the API accepts (50,000 characters: well under 50 ms).
 */
export function findPersonalData(input: string): PersonalDataFinding[] {
  const text = foldForDetection(input);
  const out: PersonalDataFinding[] = [];
  const covered = new Uint8Array(text.length);
  const overlaps = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (covered[i] === 1) return true;
    return false;
  };
  const take = (spans: Span[], kind: PersonalDataKind, severity: 'block' | 'warn', accept?: (found: string) => boolean) => {
    for (const [start, end] of spans) {
      // Digits inside an IBAN or e-mail address found earlier are not a second finding.
      if (overlaps(start, end)) continue;
      if (accept && !accept(text.slice(start, end))) continue;
      covered.fill(1, start, end);
      out.push({ kind, severity, start, end });
    }
  };
  take(emailAddresses(text), 'email', 'block');
  take(obfuscatedEmailAddresses(text), 'email', 'block');
  take(matchesOf(text, IBAN_CANDIDATE), 'iban', 'block', isValidIban);
  // Phone numbers before BSNs: nine digits of a phone number (`+31 20 123 4567`) may pass the 11-test.
  take(matchesOf(text, PHONE), 'phone', 'block');
  take(matchesOf(text, BSN_CANDIDATE), 'bsn', 'block', (m) => isValidBsn(m.replace(/\D/g, '')));
  take(matchesOf(text, DATE), 'date', 'warn');
  take(matchesOf(text, POSTCODE), 'postcode', 'warn');
  return out.sort((a, b) => a.start - b.start);
}

/** Dutch labels for each kind, for messages to users. */
export const PERSONAL_DATA_LABELS: Record<PersonalDataKind, string> = {
  bsn: 'een burgerservicenummer (BSN)',
  iban: 'een IBAN-rekeningnummer',
  email: 'een e-mailadres',
  phone: 'een telefoonnummer',
  date: 'een datum (mogelijk een geboortedatum)',
  postcode: 'een postcode met huisnummer',
};
