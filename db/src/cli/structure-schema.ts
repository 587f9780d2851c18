// `pnpm docs:structure-schema`: writes docs/structure-file.schema.json, the JSON Schema generated
// from the structure file's zod schema (db/src/structure-file.ts), formatted by Biome as `pnpm lint`
// expects. Run it after changing the schema; db/src/structure-file.test.ts fails while the committed
// file differs from the generated one.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from '../paths.ts';
import { structureFileJsonSchema } from '../structure-file.ts';

const target = join(REPOSITORY_ROOT, 'docs', 'structure-file.schema.json');
writeFileSync(target, structureFileJsonSchema());
execFileSync(join(REPOSITORY_ROOT, 'node_modules', '.bin', 'biome'), ['format', '--write', target], { cwd: REPOSITORY_ROOT, stdio: 'inherit' });
console.log(`written: ${target}`);
