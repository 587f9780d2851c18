import { InterpretationRequestListQuerySchema } from '@duidingspool/shared';
import { Button } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Field } from '../../../components/schema-field.tsx';
import { useSchemaForm } from '../../../components/schema-form.tsx';
import { useUrlState } from '../../../lib/page-query.ts';

/** What may be searched: the start of a pool reference, as the list's query takes it (letters, digits, dashes; at most 32). */
const referenceStart = InterpretationRequestListQuerySchema.shape.reference.unwrap();

/**
 * Search a list by pool reference (`DP-2026-0004`, or its start): kept in the address as
 * `reference`, so a reload or a shared link keeps it; answers the search for the list's query.
 */
export function useReferenceSearch(): string {
  return useUrlState('reference')[0];
}

/**
 * The search field with its button (one field of the form pattern, without a summary: focus goes to
 * the field when what was typed is no pool reference); a search starts at the first page.
 */
export function ReferenceSearch({ id }: { id: string }) {
  const { t } = useTranslation();
  const [reference, setReference] = useUrlState('reference');
  const schema = useMemo(
    () =>
      z.object({
        reference: z
          .string()
          .trim()
          .refine((text) => text === '' || referenceStart.safeParse(text).success, { params: { text: t('requests.searchInvalid') } })
          .transform((text) => text.toUpperCase()),
      }),
    [t],
  );
  const form = useSchemaForm({
    schema,
    defaultValues: { reference },
    ids: { reference: id },
    labels: { reference: t('requests.searchField') },
    focus: 'field',
  });
  const submit = form.submit((body) => setReference(body.reference, ['page']));
  return (
    <search aria-label={t('requests.searchLabel')}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        className="dsp-inline-search"
        noValidate
      >
        <Field form={form} name="reference" size="small" hint={t('requests.searchHint')} autoComplete="off" />
        <Button type="submit" appearance="secondary-action-button">
          {t('requests.search')}
        </Button>
      </form>
    </search>
  );
}
