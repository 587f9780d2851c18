import type { UseQueryResult } from '@tanstack/react-query';
import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { Loading } from './loading.tsx';
import { PageHeading } from './page-heading.tsx';
import { Pagination } from './pagination.tsx';
import { ProblemAlert } from './problem-alert.tsx';
import { StatusMessage } from './status-message.tsx';

/**
 * What a query shows before it has data: “Laden…” while it loads, the problem when it failed (under
 * `problemHeading` when given). For
 * components that return early: `if (!query.isSuccess) return <QueryFallback query={query} />;`.
 */
export function QueryFallback({
  query,
  problemHeading,
}: {
  query: Pick<UseQueryResult<unknown>, 'isPending' | 'error'>;
  /** A screen's `<h1>` above the problem (e.g. “Verzoek niet gevonden”), for a page that has no heading without its data. */
  problemHeading?: string;
}) {
  if (query.isPending) return <Loading />;
  if (problemHeading === undefined) return <ProblemAlert error={query.error} />;
  return (
    <>
      <PageHeading>{problemHeading}</PageHeading>
      <ProblemAlert error={query.error} />
    </>
  );
}

/**
 * The states of one query on screen: “Laden…” while it loads, the problem when it fails, the
 * `empty` text when `isEmpty(data)`, else `children(data)`.
 */
export function QueryView<T>({
  query,
  children,
  empty,
  isEmpty,
  announceEmpty = false,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** Shown in a paragraph when `isEmpty(data)` holds. */
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  /** Read out the empty text when it appears (a list that empties as the user works through it). */
  announceEmpty?: boolean;
}) {
  if (!query.isSuccess) return <QueryFallback query={query} />;
  if (empty !== undefined && isEmpty?.(query.data)) return <Paragraph role={announceEmpty ? 'status' : undefined}>{empty}</Paragraph>;
  return <>{children(query.data)}</>;
}

/**
 * A list answer of the API (`page()` on the server): one page of items, its number and size, and
 * the total — "more than `total`" when `totalIsLowerBound` (counting stops at 1,000, decision 071).
 */
export interface PageData<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  totalIsLowerBound?: boolean | undefined;
  nextCursor?: string | undefined;
}

/**
 * A paged list screen: the states of `QueryView` (loading, problem, `empty` when the list has no
 * items at all), then `children(items)` (usually a `DataTable`) and the previous/next pagination
 * (the page size is the one the server answered with).
 */
export function PagedList<T>({
  query,
  page,
  onPageChange,
  paginationLabel,
  empty,
  announceEmpty,
  status,
  children,
}: {
  query: UseQueryResult<PageData<T>>;
  /** The page asked for, from 1. */
  page: number;
  onPageChange: (page: number) => void;
  /** The accessible name of the pagination navigation. */
  paginationLabel: string;
  /** Shown instead of the list when it has no items at all; without it an empty table is shown. */
  empty?: ReactNode;
  announceEmpty?: boolean;
  /** The success message of an action on a row, in a live region above the list (`undefined`: no region). */
  status?: string | null;
  children: (items: T[], data: PageData<T>) => ReactNode;
}) {
  const list = (
    <QueryView query={query} empty={empty} isEmpty={(data) => data.total === 0} announceEmpty={announceEmpty}>
      {(data) => (
        <>
          {children(data.items, data)}
          <Pagination
            page={page}
            pageSize={data.pageSize}
            total={data.total}
            totalIsLowerBound={data.totalIsLowerBound}
            onPageChange={onPageChange}
            label={paginationLabel}
          />
        </>
      )}
    </QueryView>
  );
  return status === undefined ? (
    list
  ) : (
    <>
      <StatusMessage message={status} />
      {list}
    </>
  );
}
