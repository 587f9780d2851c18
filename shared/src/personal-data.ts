/**
 * The personal-data guard of DESIGN.md §6 (data minimisation): finds BSNs (9 digits passing the
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

const BSN_CANDIDATE = /(?<![\d.-])(\d{4}[ .-]\d{2}[ .-]\d{3}|\d{3}[ .-]\d{3}[ .-]\d{3}|\d{2}[ .-]\d{3}[ .-]\d{2}[ .-]\d{2}|\d{9})(?![\d])/g;
const IBAN_CANDIDATE = /\b[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]{4}){2,7}(?:[ ]?[A-Za-z0-9]{1,3})?\b/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// jan (at) gmail (dot) com, jan [at] gmail.com, jan(a)gmail.com
const EMAIL_OBFUSCATED =
  /[A-Za-z0-9._%+-]+\s*[([{]\s*(?:at|a|apestaart)\s*[)\]}]\s*[A-Za-z0-9-]+(?:\s*(?:\.|[([{]\s*(?:dot|punt)\s*[)\]}])\s*[A-Za-z0-9-]+)+/gi;
// +31 6 12345678, 0031-20-1234567, 06-12345678, (020) 123 45 67, 0201234567.
const PHONE = /(?<![\d+])(?:(?:\+|00)31[\s-]?(?:\(0\)[\s-]?)?[1-9](?:[\s-]?\d){8}|\(?0[1-9](?:\)?[\s-]?\d){8})(?!\d)/g;
const DATE = /\b(0?[1-9]|[12]\d|3[01])[-/.](0?[1-9]|1[0-2])[-/.](19|20)\d{2}\b/g;
const POSTCODE = /\b[1-9]\d{3}\s?(?!SA|SD|SS)[A-Z]{2}\s+\d{1,5}\b/g;

function scan(text: string, re: RegExp, accept: (m: string) => boolean, kind: PersonalDataKind, severity: 'block' | 'warn', out: PersonalDataFinding[]) {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // Digits inside an IBAN or e-mail address found earlier are not a second finding.
    if (out.some((f) => f.start < end && start < f.end)) continue;
    if (accept(m[0])) out.push({ kind, severity, start, end });
  }
}

// Zero-width and other invisible format characters that could split a number to slip past the guard.
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/**
 * The text as the guard reads it: compatibility forms folded (full-width digits become 0–9) and
 * invisible characters dropped, so `０６１２３４５６７８` or `1112\u200B22333` are still found.
 * Positions of findings refer to this folded text.
 */
export function foldForDetection(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '');
}

/**
 * All findings in `text` (folded by `foldForDetection`; positions refer to the folded text), ordered
 * by position. Blocking kinds: `bsn`, `iban`, `email`, `phone` (DESIGN.md §6); warning kinds:
 * `date`, `postcode`.
 */
export function findPersonalData(input: string): PersonalDataFinding[] {
  const text = foldForDetection(input);
  const out: PersonalDataFinding[] = [];
  scan(text, EMAIL, () => true, 'email', 'block', out);
  scan(text, EMAIL_OBFUSCATED, () => true, 'email', 'block', out);
  scan(text, IBAN_CANDIDATE, isValidIban, 'iban', 'block', out);
  scan(text, BSN_CANDIDATE, (m) => isValidBsn(m.replace(/\D/g, '')), 'bsn', 'block', out);
  scan(text, PHONE, () => true, 'phone', 'block', out);
  scan(text, DATE, () => true, 'date', 'warn', out);
  scan(text, POSTCODE, () => true, 'postcode', 'warn', out);
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
