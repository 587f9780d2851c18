import { CASE_CONTENT_FIELDS } from '@duidingspool/db';
import { findPersonalData, PERSONAL_DATA_LABELS } from '@duidingspool/shared';
import { AppError } from '../errors.ts';

const caseContent = new Set(CASE_CONTENT_FIELDS);

/**
 * Refuses free text that holds a BSN, IBAN, e-mail address or phone number (docs/design.md §6) with
 * 422 `personal-data-detected` and one pointer per offending field. Warning-only kinds (dates,
 * postcodes) pass: the UI asks the user about those.
 *
 * Only fields declared as case content (`CASE_CONTENT_FIELDS`, from the request data declaration)
 * may be checked: a free-text field that needs this guard is case content, so it must also be
 * declared there — which is what purges it and keeps it out of the logs.
 *
 * @param fields body field name → text (undefined fields are skipped)
 * @throws AppError `personal-data-detected`
 * @throws Error when a field name is not declared as case content (a programming error)
 */
export function assertNoPersonalData(fields: Record<string, string | null | undefined>): void {
  for (const name of Object.keys(fields)) {
    if (!caseContent.has(name)) throw new Error(`${name} is not declared as case content in db/src/schema/request-data.ts`);
  }
  refusePersonalData(fields);
}

/**
 * The same refusal for the one free-text field that is not case content: a specialist's
 * professional bio (docs/design.md §6). It describes the specialist, not a case, so it is not
 * purged with case content; but nobody's BSN, IBAN, e-mail address or phone number goes into it.
 *
 * @param fields `{ bio }`
 * @throws AppError `personal-data-detected`
 */
export function assertNoPersonalDataInProfile(fields: { bio?: string | undefined; note?: string | undefined }): void {
  refusePersonalData(fields);
}

/**
 * The same refusal for the texts of a knowledge product (title, summary): knowledge shared across
 * the region is never about a person, and nobody's BSN, IBAN, e-mail address or phone number goes
 * into it. Not case content: it is not purged with the requests.
 *
 * @param fields `{ title, summary, file }` (`file`: the file's name, reported on `/file`)
 * @throws AppError `personal-data-detected`
 */
export function assertNoPersonalDataInKnowledge(fields: { title?: string | undefined; summary?: string | undefined; file?: string | undefined }): void {
  refusePersonalData(fields);
}

/**
 * Refuses personal data in the free text of a coordinator's offer or of the answer to it (decision
 * 130): an offer of work to an organisation is never about a person, and nobody's BSN, IBAN, e-mail
 * address or phone number goes into it. Not case content: offers are not purged with the requests.
 *
 * @param fields `{ title, description, place }` of an offer, or `{ reason }` of a declined one
 * @throws AppError `personal-data-detected`
 */
export function assertNoPersonalDataInOffer(fields: {
  title?: string | undefined;
  description?: string | undefined;
  place?: string | undefined;
  reason?: string | undefined;
}): void {
  refusePersonalData(fields);
}

/** Refuses `fields` whose text holds a blocking kind of personal data, one pointer per field. */
function refusePersonalData(fields: Record<string, string | null | undefined>): void {
  const errors = [];
  for (const [name, value] of Object.entries(fields)) {
    if (!value) continue;
    const kinds = [
      ...new Set(
        findPersonalData(value)
          .filter((f) => f.severity === 'block')
          .map((f) => f.kind),
      ),
    ];
    if (kinds.length > 0) {
      errors.push({
        in: 'body' as const,
        pointer: `/${name}`,
        message: `bevat ${kinds.map((k) => PERSONAL_DATA_LABELS[k]).join(' en ')}`,
        code: 'personal-data',
        params: { kinds },
      });
    }
  }
  if (errors.length > 0) {
    throw new AppError(
      'personal-data-detected',
      `Verwijder persoonsgegevens uit ${errors.map((e) => e.pointer).join(', ')}: de duidingspool bewaart geen BSN, IBAN, e-mailadressen of telefoonnummers van betrokkenen.`,
      { errors },
    );
  }
}
