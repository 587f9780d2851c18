import { Table, TableBody, TableCaption, TableFooter, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { type ReactNode, useId } from 'react';

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
 * The frame of every table (NL Design System markup): a horizontally scrolling wrapper (a region named
 * by the caption, reachable by keyboard), a caption
 * (hidden but read out unless `showCaption`), one header row of `scope="col"` cells, the body rows
 * the caller renders with `TableRow`/`TableCell`, and an optional footer row.
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
  const table = (
    <Table className={className}>
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
