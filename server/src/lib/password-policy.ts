import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@duidingspool/shared';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { AppError } from '../errors.ts';

/**
 * Words of the product and its region that a password must not be built from, whoever sets it:
 * an attacker guesses them first.
 */
export const PRODUCT_WORDS = [
  'duidingspool',
  'duiding',
  'expertisecentrum',
  'oost-nederland',
  'oostnederland',
  'arnhem',
  'gemeente',
  'gelderland',
  'overijssel',
  'radicalisering',
  'extremisme',
  'casustafel',
  'veiligheidshuis',
];

// zxcvbn-ts with the common package — its `passwords` dictionary is the list of the most used
// (breached) passwords, plus keyboard patterns, sequences, repeats, dates and l33t variants — and
// the Dutch word lists (common words, names, Wikipedia), so `welkom welkom welkom` or
// `wachtwoord123!` count as the few words they are, as the form's hint promises. Loaded and built
// on the first check (about half a second, ~20 MiB; the modules alone ~5 MiB of heap, decision
// 074): a server that sets no password never pays for it. The English lists would add another
// second and ~45 MiB for a Dutch-speaking pool; left out.
let zxcvbn: Promise<ZxcvbnFactory> | undefined;
const estimator = () =>
  (zxcvbn ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-nl-be')]).then(
    ([{ ZxcvbnFactory }, common, dutch]) =>
      new ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...dutch.dictionary, product: PRODUCT_WORDS },
        graphs: common.adjacencyGraphs,
      }),
  ));

/** The lowest zxcvbn score (0–4) a new password must reach. */
export const MIN_PASSWORD_SCORE = 3;

/**
 * Refuses a new password that is shorter than 12 characters, longer than 128, or guessable: on
 * the common/breached password list, made of the user's own e-mail or name, or otherwise scoring
 * below 3 in zxcvbn (ASVS 2.1.1, 2.1.7; docs/design.md §6). No composition rules (ASVS 2.1.9).
 *
 * @param userInputs the user's e-mail and name, which the password must not be built from
 * @throws AppError 400 `weak-password` with a pointer at `pointer` (the promise rejects)
 */
export async function assertStrongPassword(password: string, userInputs: string[], pointer = '/newPassword'): Promise<void> {
  const fail = (message: string) => new AppError('weak-password', `Kies een ander wachtwoord: ${message}.`, { errors: [{ in: 'body', pointer, message }] });
  if ([...password].length < PASSWORD_MIN_LENGTH) throw fail(`minimaal ${PASSWORD_MIN_LENGTH} tekens`);
  if (password.length > PASSWORD_MAX_LENGTH) throw fail(`maximaal ${PASSWORD_MAX_LENGTH} tekens`);
  // The whole input, its parts, and the parts run together (`jan.jansen@…` → `janjansen`).
  const inputs = userInputs
    .flatMap((u) => [u, u.split('@')[0] ?? '', ...u.split(/[@.\s_-]+/)])
    .flatMap((u) => [u, u.replace(/[@.\s_-]+/g, '')])
    .filter((u) => u.length >= 3);
  const result = (await estimator()).check(password, inputs);
  const listed = result.sequence.some((m) => m.pattern === 'dictionary' && m.dictionaryName === 'passwords' && m.token.length >= password.length - 2);
  if (listed) throw fail('dit wachtwoord staat op de lijst van veelgebruikte of gelekte wachtwoorden');
  if (result.score < MIN_PASSWORD_SCORE) throw fail('te makkelijk te raden; gebruik bijvoorbeeld een zin van vier of meer woorden');
}
