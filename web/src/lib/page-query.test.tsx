import { act, render, screen } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { usePaging, useUrlState } from './page-query.ts';

let setStatus: (value: string, reset?: readonly string[]) => void = () => {};
let setPage: (page: number) => void = () => {};

function Probe() {
  const [status, set] = useUrlState('status', 'triage');
  const paging = usePaging();
  setStatus = set;
  setPage = paging.onPageChange;
  const location = useLocation();
  return (
    <p>
      {status} {paging.page} {location.search}
    </p>
  );
}

const renderAt = (url: string) =>
  render(
    <MemoryRouter initialEntries={[url]}>
      <Probe />
    </MemoryRouter>,
  );

describe('list state in the address', () => {
  it('reads the filter and page from the address, with defaults', () => {
    renderAt('/triage?status=open&page=3');
    expect(screen.getByText('open 3 ?status=open&page=3')).toBeTruthy();
  });

  it('changes a filter and drops the page in one step; the default leaves the parameter out', () => {
    renderAt('/triage?status=open&page=3&sort=-reference');
    act(() => setStatus('all', ['page']));
    expect(screen.getByText('all 1 ?status=all&sort=-reference')).toBeTruthy();
    act(() => setPage(2));
    act(() => setStatus('triage'));
    expect(screen.getByText('triage 2 ?sort=-reference&page=2')).toBeTruthy();
  });

  it('reads a page that is no number as the first', () => {
    renderAt('/triage?page=abc');
    expect(screen.getByText(/^triage 1/)).toBeTruthy();
  });
});
