import { render, screen, waitFor } from '@testing-library/react';
import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { describe, expect, it } from 'vitest';
import { DataTable } from './data-table.tsx';
import { VisuallyHidden } from './visually-hidden.tsx';

const columns = [
  { label: <VisuallyHidden>Selecteren</VisuallyHidden> },
  'Datum',
  {
    label: (
      <button type="button">
        Kenmerk<span aria-hidden="true"> ↕</span>
      </button>
    ),
    sort: 'ascending' as const,
  },
  'Status',
];

function Rows({ references }: { references: string[] }) {
  return (
    <>
      {references.map((reference) => (
        <TableRow key={reference}>
          <TableCell>
            <input type="checkbox" id={reference} />
            <label htmlFor={reference} className="dsp-visually-hidden">
              Selecteren: {reference}
            </label>
          </TableCell>
          <TableCell>01-12-2026</TableCell>
          <TableCell>{reference}</TableCell>
          <TableCell>ingediend</TableCell>
        </TableRow>
      ))}
    </>
  );
}

// The phone layout (decision 124) shows each cell with its column's header and heads a row with its reference.
describe('DataTable on a phone', () => {
  it('labels every cell with the header text it shows, and marks the cell with the reference as the row’s title', () => {
    render(
      <DataTable caption="Uren" columns={columns}>
        <Rows references={['DP-2026-0004']} />
      </DataTable>,
    );
    const cells = screen.getAllByRole('cell');
    // A hidden header gives no label; a sort arrow drawn beside a header is not part of it.
    expect(cells.map((c) => c.getAttribute('data-label'))).toEqual([null, 'Datum', 'Kenmerk', 'Status']);
    // The reference heads the row, not the checkbox whose hidden label also names it.
    expect(cells.map((c) => c.hasAttribute('data-row-title'))).toEqual([false, false, true, false]);
  });

  it('labels rows that arrive later, and a row without a reference is headed by its first cell', async () => {
    const { rerender } = render(
      <DataTable caption="Namen" columns={['Naam', 'Lengte']}>
        {[]}
      </DataTable>,
    );
    rerender(
      <DataTable caption="Namen" columns={['Naam', 'Lengte']}>
        <TableRow>
          <TableHeaderCell scope="row">Anna</TableHeaderCell>
          <TableCell>1,70 m</TableCell>
        </TableRow>
      </DataTable>,
    );
    await waitFor(() => expect(screen.getByRole('cell').getAttribute('data-label')).toBe('Lengte'));
    expect(screen.getByRole('rowheader').hasAttribute('data-row-title')).toBe(true);
    // The table stays a table with its caption, for screen readers.
    expect(screen.getByRole('table', { name: 'Namen' })).toBeTruthy();
  });
});
