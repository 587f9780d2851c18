import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { TableCell, TableRow } from '@utrecht/component-library-react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api-client.ts';
import { usePaging } from '../lib/page-query.ts';
import { DataTable } from './data-table.tsx';
import { PagedList } from './query-view.tsx';

const NAMES = ['Anna', 'Bram', 'Cas', 'Dirk', 'Eva'];

/** A list of `NAMES` two per page, answered the way the API's `page()` answers, or failing with `fail`. */
function Harness({ names, fail }: { names: readonly string[]; fail?: unknown }) {
  const paging = usePaging();
  const query = useQuery({
    queryKey: ['names', names, paging.page, fail === undefined],
    queryFn: async () => {
      if (fail !== undefined) throw fail;
      const pageSize = 2;
      return { items: names.slice((paging.page - 1) * pageSize, paging.page * pageSize), page: paging.page, pageSize, total: names.length };
    },
    retry: false,
  });
  return (
    <PagedList query={query} {...paging} paginationLabel="Namen bladeren" empty="Geen namen." status={null}>
      {(items) => (
        <DataTable caption="Namen" columns={['Naam', { label: 'Lengte', className: 'dsp-num' }]}>
          {items.map((n) => (
            <TableRow key={n}>
              <TableCell>{n}</TableCell>
              <TableCell className="dsp-num">{n.length}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </PagedList>
  );
}

function renderList(props: Parameters<typeof Harness>[0]) {
  const client = new QueryClient();
  return render(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <Harness {...props} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('PagedList with DataTable', () => {
  it('loads, then shows the page as a captioned table with column headers and pages on', async () => {
    const user = userEvent.setup();
    renderList({ names: NAMES });
    expect(screen.getByText('Laden…')).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Namen' });
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Naam', 'Lengte']);
    expect(screen.getByRole('columnheader', { name: 'Lengte' }).className).toContain('dsp-num');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(screen.getByText('Pagina 1 van 3 (5 in totaal)')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Volgende pagina' }));
    expect(await screen.findByText('Cas')).toBeTruthy();
    expect(screen.getByText('Pagina 2 van 3 (5 in totaal)')).toBeTruthy();
  });

  it('says so when the list is empty, without a table or pagination', async () => {
    renderList({ names: [] });
    expect(await screen.findByText('Geen namen.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('navigation', { name: 'Namen bladeren' })).toBeNull();
  });

  it("shows the UI's message for the problem's type when the list cannot be read", async () => {
    renderList({ names: NAMES, fail: new ApiError({ type: 'forbidden', title: 'Geen toegang', status: 403, detail: 'Dit overzicht is niet voor u.' }) });
    expect(await screen.findByText('U heeft geen rechten voor deze actie.')).toBeTruthy();
    expect(screen.queryByText('Dit overzicht is niet voor u.')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
