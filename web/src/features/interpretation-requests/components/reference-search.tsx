import { Button } from '@utrecht/component-library-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form-field.tsx';
import { useUrlState } from '../../../lib/page-query.ts';

/** What may be searched: the start of a pool reference (letters, digits, dashes), as the API takes it. */
const REFERENCE_START = /^[A-Za-z0-9-]{0,32}$/;

/**
 * Search a list by pool reference (`DP-2026-0004`, or its start): kept in the address as
 * `reference`, so a reload or a shared link keeps it; answers the search for the list's query.
 */
export function useReferenceSearch(): string {
  return useUrlState('reference')[0];
}

/** The search field with its button; a search starts at the first page. */
export function ReferenceSearch({ id }: { id: string }) {
  const { t } = useTranslation();
  const [reference, setReference] = useUrlState('reference');
  const [typed, setTyped] = useState(reference);
  const [error, setError] = useState<string | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = typed.trim();
    if (!REFERENCE_START.test(value)) {
      setError(t('requests.searchInvalid'));
      return;
    }
    setError(undefined);
    setReference(value.toUpperCase(), ['page']);
  };
  return (
    <search aria-label={t('requests.searchLabel')}>
      <form onSubmit={submit} className="dsp-inline-search" noValidate>
        <TextField
          id={id}
          label={t('requests.searchField')}
          value={typed}
          onChange={setTyped}
          size="small"
          description={t('requests.searchHint')}
          error={error}
        />
        <Button type="submit" appearance="secondary-action-button">
          {t('requests.search')}
        </Button>
      </form>
    </search>
  );
}
