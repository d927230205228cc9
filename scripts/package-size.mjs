// What the package weighs: the `npm pack` tarball, what it unpacks to (by top folder), and — given a
// host's node_modules (`--installed <dir>`, as scripts/examples-check.mjs passes after installing the
// tarball) — what a host really installs with it, dependency by dependency.
// Fails when the unpacked package passes 8 MB (issue #14), or when a file is shipped twice.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LIMIT = 8_000_000;
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;

const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const byFolder = new Map();
for (const f of pack.files) {
  const top = f.path.split('/').slice(0, f.path.startsWith('dist/') ? 2 : 1).join('/');
  byFolder.set(top, (byFolder.get(top) ?? 0) + f.size);
}
console.log(`${pack.filename}: ${mb(pack.size)} packed, ${mb(pack.unpackedSize)} unpacked, ${pack.entryCount} files`);
for (const [folder, size] of [...byFolder].sort((a, b) => b[1] - a[1])) console.log(`  ${folder.padEnd(28)} ${mb(size)}`);
const maps = pack.files.filter((f) => f.path.endsWith('.map'));
console.log(`  source maps: ${maps.length} (dist/lib only, TypeScript sources inlined)`);

let failed = false;
if (pack.unpackedSize > LIMIT) {
  console.error(`unpacked size ${mb(pack.unpackedSize)} is over ${mb(LIMIT)}`);
  failed = true;
}
const workers = pack.files.filter((f) => f.path.endsWith('pdf.worker.min.mjs'));
if (workers.length !== 1) {
  console.error(`pdf.js's worker is shipped ${workers.length} times: ${workers.map((w) => w.path).join(', ')}`);
  failed = true;
}
for (const map of maps) {
  const { sources, sourcesContent } = JSON.parse(readFileSync(path.join(root, map.path), 'utf8'));
  if (!sourcesContent || sourcesContent.length !== sources.length || sourcesContent.some((s) => typeof s !== 'string')) {
    console.error(`${map.path} points at sources it does not carry`);
    failed = true;
  }
}

const at = process.argv.indexOf('--installed');
if (at > -1) {
  const modules = path.resolve(process.argv[at + 1]);
  const du = (dir) => {
    let total = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) total += du(full);
      else if (entry.isFile()) total += statSync(full).size;
    }
    return total;
  };
  const lock = JSON.parse(readFileSync(path.join(modules, '.package-lock.json'), 'utf8'));
  // What installing jse-sign-request adds: itself and the packages only it needs (not the host's own).
  const ours = Object.entries(lock.packages).filter(([, p]) => !p.dev);
  const rows = ours
    .filter(([key]) => key.startsWith('node_modules/') && key.split('node_modules/').length === 2)
    .map(([key]) => [key.slice('node_modules/'.length), du(path.join(path.dirname(modules), key))]);
  const wanted = new Set(['jse-sign-request', ...dependencyClosure(lock, 'node_modules/jse-sign-request')]);
  const mine = rows.filter(([name]) => wanted.has(name)).sort((a, b) => b[1] - a[1]);
  const total = mine.reduce((s, [, n]) => s + n, 0);
  console.log(`\nwhat a host installs with jse-sign-request (from ${path.relative(process.cwd(), modules)}): ${mb(total)} on disk, ${mine.length} packages`);
  for (const [name, size] of mine) console.log(`  ${name.padEnd(28)} ${mb(size)}`);
}
process.exit(failed ? 1 : 0);

/** Names of the packages installed because `key` depends on them (runtime dependencies, transitively). */
function dependencyClosure(lock, key) {
  const seen = new Set();
  const visit = (k) => {
    for (const dep of Object.keys(lock.packages[k]?.dependencies ?? {})) {
      if (seen.has(dep)) continue;
      seen.add(dep);
      visit(lock.packages[`${k}/node_modules/${dep}`] ? `${k}/node_modules/${dep}` : `node_modules/${dep}`);
    }
  };
  visit(key);
  return seen;
}
