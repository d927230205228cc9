// Builds the two outputs (README "Scripts"): dist/lib (ES modules + d.ts, for hosts with a bundler)
// and dist/standalone (one <script type="module"> for hosts without a build step). Both find
// pdf.js's worker and assets in one dist/pdfjs/ folder laid out like the pdfjs-dist package (SPEC §6),
// exported as `jse-sign-request/pdfjs/*`; then the integration files generated from the manifest.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

rmSync(path.join(root, 'dist'), { recursive: true, force: true });
// The JavaScript without comments (its source maps carry the commented TypeScript); the d.ts keep the JSDoc.
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
run(bin('tsc'), ['-p', 'tsconfig.build-types.json']);
run(bin('tsc'), ['-p', 'tsconfig.plugin.json']); // dist/vite: the Vite plugin (Node)
run(bin('vite'), ['build', '--logLevel', 'warn']);

const pdfjs = path.join(root, 'node_modules/pdfjs-dist');
{
  const dest = path.join(root, 'dist/pdfjs');
  mkdirSync(path.join(dest, 'build'), { recursive: true });
  cpSync(path.join(pdfjs, 'build/pdf.worker.min.mjs'), path.join(dest, 'build/pdf.worker.min.mjs'));
  cpSync(path.join(pdfjs, 'LICENSE'), path.join(dest, 'LICENSE'));
  for (const dir of ['cmaps', 'standard_fonts', 'iccs']) cpSync(path.join(pdfjs, dir), path.join(dest, dir), { recursive: true });
  // Scripting stays off, so pdf.js's QuickJS sandbox is not shipped.
  cpSync(path.join(pdfjs, 'wasm'), path.join(dest, 'wasm'), { recursive: true, filter: (src) => !/quickjs/i.test(src) });
}
run(process.execPath, [path.join(root, 'scripts/gen-integrations.mjs')]);
console.log('built dist/lib, dist/standalone, dist/pdfjs and dist/integrations');
