#!/usr/bin/env node
/**
 * Generates src/api/wire.gen.ts from docs/openapi.yaml (the single source of truth of the wire
 * format) with openapi-typescript.
 *   node scripts/gen-api-types.mjs          write the file
 *   node scripts/gen-api-types.mjs --check  exit 1 when the committed file differs from what the
 *                                           OpenAPI file generates (CI: `npm run check:api`)
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const spec = path.join(root, 'docs/openapi.yaml');
const out = path.join(root, 'src/api/wire.gen.ts');

const BANNER = `/**
 * GENERATED from docs/openapi.yaml by scripts/gen-api-types.mjs (openapi-typescript).
 * Do not edit: change the OpenAPI file and run \`npm run gen:api\`.
 * Use the named aliases of src/api/types.ts rather than these structures directly.
 */
/* eslint-disable */
`;

const ast = await openapiTS(pathToFileURL(spec), {
  alphabetize: false,
  exportType: false,
  // A schema default is what the proxy may omit, not a promise it always sends the property.
  defaultNonNullable: false,
});
const generated = BANNER + astToString(ast);

if (process.argv.includes('--check')) {
  const current = await readFile(out, 'utf8').catch(() => '');
  if (current !== generated) {
    console.error('src/api/wire.gen.ts is stale: run `npm run gen:api` and commit the result.');
    process.exit(1);
  }
  console.log('src/api/wire.gen.ts is current.');
} else {
  await writeFile(out, generated);
  console.log(`wrote ${path.relative(root, out)}`);
}
