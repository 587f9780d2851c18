import { readFileSync } from 'node:fs';
import { DEFAULT_STRUCTURE_FILE, seedDemo, type Transaction } from '@duidingspool/db';
import { SYSTEM_ORIGIN } from './modules/audit/index.ts';
import { importStructure } from './modules/organisation/index.ts';

/**
 * The demo database: the shipped Oost-Nederland structure, imported through the same structure
 * import as `pnpm admin import-structure` (one path for reference data), then the demo people and
 * the current year's budget (`seedDemo`). Run it inside one transaction; never in production (the
 * callers refuse). Idempotent.
 *
 * @param today `YYYY-MM-DD` in Europe/Amsterdam; decides the current year's budget
 * @throws StructureImportRefused when the shipped file is invalid or removes something in use
 */
export async function seedDemoDatabase(tx: Transaction, options: { today?: string } = {}): Promise<void> {
  await importStructure(tx, readFileSync(DEFAULT_STRUCTURE_FILE), { actorId: null, origin: SYSTEM_ORIGIN, source: 'demo seed' });
  await seedDemo(tx, options);
}
