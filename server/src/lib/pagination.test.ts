// One way to answer a list (docs/design.md §7: `{items, page, pageSize, total}`): `page()` runs the
// page query and the count and builds the shape; no module builds it by hand. The module sources
// are read and every hand-made piece of the scaffolding fails with its file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  it('asks for the window of the page and answers the contract’s shape with the total of the count', async () => {
    const windows: unknown[] = [];
    const result = await page(
      { page: 3, pageSize: 20 },
      async (window) => {
        windows.push(window);
        return [{ v: 1 }, { v: 2 }];
      },
      async () => [{ n: '45' }],
      (row) => row.v * 10,
    );
    expect(windows).toEqual([{ limit: 20, offset: 40 }]);
    expect(result).toEqual({ items: [10, 20], page: 3, pageSize: 20, total: 45 });
  });

  it('takes a count given as a number, and an empty count as 0', async () => {
    const none = async () => [];
    const asNumber = await page(
      { page: 1, pageSize: 5 },
      none,
      async () => 7,
      (r) => r,
    );
    const empty = await page({ page: 1, pageSize: 5 }, none, none, (r) => r);
    expect([asNumber.total, empty.total]).toEqual([7, 0]);
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
