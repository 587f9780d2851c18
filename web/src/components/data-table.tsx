import { Table, TableBody, TableCaption, TableFooter, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { type ReactNode, useId, useLayoutEffect, useRef } from 'react';

/** A column header with more than its text: a class (`dsp-num` for amounts) or the sort order it shows (`aria-sort`). */
export interface DataColumnSpec {
  label: ReactNode;
  className?: string;
  sort?: 'ascending' | 'descending' | undefined;
}

/** One column header of a `DataTable`: its text, or a `DataColumnSpec`. */
export type DataColumn = ReactNode | DataColumnSpec;

const isSpec = (c: DataColumn): c is DataColumnSpec => typeof c === 'object' && c !== null && 'label' in c;

/**
 * The text an element shows (a column header as a label beside its cells on a phone), without what
 * is only read out (a hidden “Acties”, a sort order) or only drawn (an `aria-hidden` sort arrow).
 */
function visibleText(header: Element): string {
  const copy = header.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('.dsp-visually-hidden, [aria-hidden="true"]')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A pool reference in a cell's text. */
const REFERENCE = /DP-\d{4}-\d{4}/;

/** A cell that holds only a selection checkbox (no text of its own on screen). */
const isSelectionCell = (cell: HTMLTableCellElement) => !!cell.querySelector('input[type="checkbox"]') && !visibleText(cell);

/**
 * Prepares `table` for the phone layout (decision 124): every body and footer cell gets a
 * `data-label` with its column's header text (column spans counted), shown before the cell's
 * content; in each body row the cell that names the row gets `data-row-title` (the first cell
 * holding a pool reference, else the first cell that is not a selection checkbox), shown on top.
 */
export function labelCells(table: HTMLTableElement): void {
  const headerRow = table.querySelector(':scope > thead > tr');
  if (!headerRow) return;
  const span = (cell: Element) => Number(cell.getAttribute('colspan') ?? 1) || 1;
  const labels: string[] = [];
  for (const header of headerRow.children) for (let i = 0; i < span(header); i += 1) labels.push(visibleText(header));
  for (const row of table.querySelectorAll<HTMLTableRowElement>(':scope > tbody > tr, :scope > tfoot > tr')) {
    let column = 0;
    for (const cell of row.children as HTMLCollectionOf<HTMLTableCellElement>) {
      const label = labels[column] ?? '';
      if (cell.dataset.label !== label) {
        if (label) cell.dataset.label = label;
        else delete cell.dataset.label;
      }
      column += span(cell);
    }
  }
  for (const row of table.querySelectorAll(':scope > tbody > tr')) {
    const cells = [...(row.children as HTMLCollectionOf<HTMLTableCellElement>)];
    const title = cells.find((c) => REFERENCE.test(visibleText(c))) ?? cells.find((c) => !isSelectionCell(c));
    for (const cell of cells) {
      if (cell === title) cell.dataset.rowTitle = '';
      else delete cell.dataset.rowTitle;
    }
  }
}

/**
 * The frame of every table (NL Design System markup): a horizontally scrolling wrapper (a region named
 * by the caption, reachable by keyboard), a caption
 * (hidden but read out unless `showCaption`), one header row of `scope="col"` cells, the body rows
 * the caller renders with `TableRow`/`TableCell`, and an optional footer row.
 *
 * On a phone (below 40rem) every row is a stacked block (decision 124): the cell that names it (the
 * reference, else the first) on top, beside a selection checkbox, a status badge right under it, then
 * each other cell with its column's header as a label (`labelCells`, kept up to date while rows come
 * and go). The markup stays a table, so on a
 * desktop nothing changes and screen readers keep its rows and headers.
 */
export function DataTable({
  caption,
  columns,
  children,
  footer,
  showCaption = false,
  scroll = true,
  className,
  scrollLabel,
}: {
  caption: ReactNode;
  columns: readonly DataColumn[];
  children: ReactNode;
  /** The cells of a footer row (e.g. totals). */
  footer?: ReactNode;
  showCaption?: boolean;
  /** `false`: no scrolling wrapper (the table lays out its own width). */
  scroll?: boolean;
  /** The name of the scrolling region when it should differ from the caption. */
  scrollLabel?: string;
  className?: string;
}) {
  const captionId = useId();
  const ref = useRef<HTMLTableElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    labelCells(element);
    // Rows arrive later (paging, a row's own state) and headers change with the language.
    const observer = new MutationObserver(() => labelCells(element));
    observer.observe(element, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, []);
  const table = (
    <Table ref={ref} className={`dsp-table--stack${className ? ` ${className}` : ''}`}>
      <TableCaption id={captionId} className={showCaption ? undefined : 'dsp-visually-hidden'}>
        {caption}
      </TableCaption>
      <TableHeader>
        <TableRow>
          {columns.map((c, i) => (
            // Columns are fixed per table: their position is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: a table's columns never reorder
            <TableHeaderCell key={i} scope="col" className={isSpec(c) ? c.className : undefined} aria-sort={isSpec(c) ? c.sort : undefined}>
              {isSpec(c) ? c.label : c}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>{children}</TableBody>
      {footer ? (
        <TableFooter>
          <TableRow>{footer}</TableRow>
        </TableFooter>
      ) : null}
    </Table>
  );
  // The scrolling frame is a named region that takes keyboard focus, so a table wider than a phone
  // can be scrolled with the arrow keys (WCAG 2.1.1; axe `scrollable-region-focusable`).
  if (!scroll) return table;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to be scrolled
    <section className="dsp-table-scroll" {...(scrollLabel ? { 'aria-label': scrollLabel } : { 'aria-labelledby': captionId })} tabIndex={0}>
      {table}
    </section>
  );
}
