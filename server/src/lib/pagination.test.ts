// One way to answer a list (docs/design.md §7: `{items, page, pageSize, total}`): `page()` runs the
// page query and the count and builds the shape; no module builds it by hand. The module sources
// are read and every hand-made piece of the scaffolding fails with its file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIST_TOTAL_CAP } from '@duidingspool/shared';
import { describe, expect, it } from 'vitest';
import { page } from './pagination.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const MODULES = join(ROOT, 'server', 'src', 'modules');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Signs of a list response built by hand: the window computed, the count unpacked, the page echoed. */
const SCAFFOLDING = [/\bpageWindow\(/, /\bcount\?\.n\b/, /\bpage:\s*(q|request\.query|query)\.page\b/, /\btotal:\s*(count|Number\()/];

describe('page()', () => {
  it('asks for the window of the page plus one row and answers the contract’s shape with the total of the count', async () => {
    const windows: unknown[] = [];
    const caps: number[] = [];
    const result = await page(
      { page: 3, pageSize: 2 },
      async (window) => {
        windows.push(window);
        return [{ v: 1 }, { v: 2 }, { v: 3 }];
      },
      async (cap) => {
        caps.push(cap);
        return [{ n: '45' }];
      },
      (row) => row.v * 10,
    );
    // Rule: the page's rows, then one more to know whether the list goes on; the count is capped.
    expect(windows).toEqual([{ limit: 3, offset: 4, after: undefined }]);
    expect(caps).toEqual([LIST_TOTAL_CAP]);
    expect(result).toEqual({ items: [10, 20], page: 3, pageSize: 2, total: 45 });
  });

  it('needs no count on the last page reached by number: the total is the rows before it plus those on it', async () => {
    let counted = 0;
    const count = async () => {
      counted += 1;
      return 99;
    };
    const last = await page(
      { page: 3, pageSize: 20 },
      async () => [{ v: 1 }, { v: 2 }],
      count,
      (r) => r.v,
    );
    const empty = await page(
      { page: 1, pageSize: 20 },
      async () => [],
      count,
      (r) => r,
    );
    expect([last.total, empty.total, counted]).toEqual([42, 0, 0]);
  });

  it('counts past an empty page behind the end, and takes a count given as a number or an empty count as 0', async () => {
    const none = async () => [];
    const asNumber = await page(
      { page: 4, pageSize: 5 },
      none,
      async () => 7,
      (r) => r,
    );
    const empty = await page({ page: 2, pageSize: 5 }, none, none, (r) => r);
    expect([asNumber.total, empty.total]).toEqual([7, 0]);
  });

  it('answers the cap and `totalIsLowerBound` when the count passes the cap, and neither when it reaches it', async () => {
    const full = async () => Array.from({ length: 6 }, (_, v) => ({ v }));
    const over = await page(
      { page: 1, pageSize: 5 },
      full,
      async (cap) => cap + 1,
      (r) => r.v,
    );
    const at = await page(
      { page: 1, pageSize: 5 },
      full,
      async (cap) => cap,
      (r) => r.v,
    );
    expect([over.total, over.totalIsLowerBound]).toEqual([LIST_TOTAL_CAP, true]);
    expect([at.total, 'totalIsLowerBound' in at]).toEqual([LIST_TOTAL_CAP, false]);
  });

  it('refuses a cursor on a list that does not page by cursor', async () => {
    await expect(
      page(
        { page: 1, pageSize: 5, after: 'abc' },
        async () => [],
        async () => 0,
        (r) => r,
      ),
    ).rejects.toMatchObject({ type: 'validation-failed' });
  });

  it('is the only builder of a list response in the modules', () => {
    const found: string[] = [];
    for (const file of sources(MODULES)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          for (const pattern of SCAFFOLDING) if (pattern.test(line)) found.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
