// CI (issue 14): the three apps of examples/, built as an integrator builds them, from the package's
// `npm pack` tarball — never from the source tree:
//   1. packs the package (dist/ must be built: `npm run build`) and copies each example to a temporary
//      folder outside the repository (so nothing resolves from the repository's node_modules);
//   2. installs each: `npm ci` from its committed lockfile, then the fresh tarball with `--no-save`
//      (the lockfile names ../jse-sign-request.tgz without an integrity, which changes with every
//      pack); checks that what is installed is byte for byte this tarball;
//   3. type checks each (tsc -b, vue-tsc -b with strictTemplates), and compiles its type-tests/ alone,
//      which must fail with exactly the errors its `expect TSxxxx` comments announce (a handler of
//      another event is a type error, in React's JSX and in Vue templates);
//   4. builds the Vite apps, serves each build (and the plain page) with a strict Content-Security-Policy
//      on every response, opens it in headless Chromium and waits for the element's `jse-ready`, shown
//      by the app's own handler; runs docs/testing.md's example (examples/react-vite/testing.html,
//      whose src/testing-guide.ts must equal the guide's block) to the signed PDF;
//   5. runs the React app's Vite dev server and opens it too (the plugin serves pdf.js in dev);
//   6. prints the package's sizes and what a host installs with it (scripts/package-size.mjs).
// Exits non-zero with what it saw otherwise. Options: --keep (keep the temporary folder),
// --only <example>; --pack only writes examples/jse-sign-request.tgz (to run an example by hand);
// --relock rewrites the examples' lockfiles in place (after a dependency change).
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = path.join(root, 'examples');
const TARBALL = 'jse-sign-request.tgz'; // what the examples' package.json name: file:../jse-sign-request.tgz
const CSP = "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'";
const START = Date.now();
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const env = {
  ...process.env,
  // Nothing in the examples may download a browser; npm stays quiet unless something fails.
  PUPPETEER_SKIP_DOWNLOAD: '1',
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  npm_config_loglevel: 'error',
};

/** What each example is checked with. */
const EXAMPLES = [
  {
    name: 'react-vite',
    typecheck: ['npm', 'run', 'typecheck'],
    typeTests: ['node_modules/.bin/tsc', '-p', 'tsconfig.type-tests.json', '--noEmit'],
    build: ['node_modules/.bin/vite', 'build', '--logLevel', 'warn'],
    serve: 'dist',
    pages: [
      { path: '/', wait: { '#wrapper-status': /lettre-de-mission\.pdf: 1 page/, '#element-status': /lettre-de-mission\.pdf: 1 page/ } },
      { path: '/testing.html', wait: { '#testing-status': /^passed$/ }, fail: /^failed/, timeout: 120_000, what: "docs/testing.md's example" },
    ],
    dev: { path: '/', wait: { '#wrapper-status': /lettre-de-mission\.pdf: 1 page/, '#element-status': /lettre-de-mission\.pdf: 1 page/ } },
  },
  {
    name: 'vue-vite',
    typecheck: ['npm', 'run', 'typecheck'],
    typeTests: ['node_modules/.bin/vue-tsc', '-p', 'tsconfig.type-tests.json', '--noEmit'],
    build: ['node_modules/.bin/vite', 'build', '--logLevel', 'warn'],
    serve: 'dist',
    pages: [{ path: '/', wait: { '#status': /lettre-de-mission\.pdf: 1 page/ } }],
  },
  {
    name: 'plain-html',
    server: 'server.mjs', // the example's own server (it sends the CSP header)
    pages: [{ path: '/', wait: { '#status': /lettre-de-mission\.pdf: 1 page/ } }],
  },
].filter((e) => !only || e.name === only);

const problems = [];
const log = (msg) => console.log(`[${((Date.now() - START) / 1000).toFixed(0).padStart(3)}s] ${msg}`);
const fail = (msg) => {
  problems.push(msg);
  console.error(`  ✗ ${msg}`);
};

/** Runs a command; resolves with its output, rejects (with the output) when it exits non-zero. */
async function run(cmd, cmdArgs, cwd, { allowFailure = false } = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(cmd, cmdArgs, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
    if (allowFailure && typeof error.code === 'number') return { code: error.code, output };
    throw new Error(`${[cmd, ...cmdArgs].join(' ')} failed in ${path.relative(os.tmpdir(), cwd)}:\n${output || error.message}`);
  }
}

const sha512 = (file) => `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;

/** `npm pack` of the package as built, as `dest/jse-sign-request.tgz`. */
async function pack(dest) {
  if (!existsSync(path.join(root, 'dist/lib/index.js')) || !existsSync(path.join(root, 'dist/standalone/jse-sign-request.js'))) {
    throw new Error('dist/ is not built: run `npm run build` first');
  }
  const { output } = await run('npm', ['pack', '--json', '--pack-destination', dest], root);
  const [info] = JSON.parse(output.slice(output.indexOf('[')));
  const tarball = path.join(dest, TARBALL);
  cpSync(path.join(dest, info.filename), tarball);
  rmSync(path.join(dest, info.filename));
  return { tarball, info };
}

/** The committed lockfile must not pin the tarball's integrity: it changes with every pack. */
function checkLockfile(dir, name) {
  const lock = JSON.parse(readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
  const entry = lock.packages?.['node_modules/jse-sign-request'];
  if (!entry) return fail(`${name}: package-lock.json does not install jse-sign-request`);
  if (entry.resolved !== `file:../${TARBALL}`) fail(`${name}: package-lock.json resolves jse-sign-request to ${entry.resolved}, not file:../${TARBALL}`);
  if (entry.integrity) fail(`${name}: package-lock.json pins the tarball's integrity (it changes with every pack): run \`node scripts/check-examples.mjs --relock\``);
}

/** Removes the tarball's integrity from an example's lockfile (npm writes it; see checkLockfile). */
function unpinTarball(dir) {
  const file = path.join(dir, 'package-lock.json');
  const lock = JSON.parse(readFileSync(file, 'utf8'));
  delete lock.packages['node_modules/jse-sign-request'].integrity;
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
}

/** docs/testing.md's "A test in a few lines" block, and the React example's copy of it. */
function checkTestingGuide() {
  const md = readFileSync(path.join(root, 'docs/testing.md'), 'utf8');
  const section = md.slice(md.indexOf('## A test in a few lines'));
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) return fail('docs/testing.md: no ```ts block under "## A test in a few lines"');
  const copy = path.join(examplesDir, 'react-vite/src/testing-guide.ts');
  const text = readFileSync(copy, 'utf8');
  const body = text.slice(text.indexOf('\n') + 1); // after its one-line header
  if (body !== block) fail(`examples/react-vite/src/testing-guide.ts is not docs/testing.md's example: copy the block again (after the header line)`);
}

/** Runs the type tests: the command must fail with exactly the `expect TSxxxx` errors of type-tests/. */
async function typeTests(example, dir) {
  const expected = new Set();
  for (const file of readdirSync(path.join(dir, 'type-tests'))) {
    readFileSync(path.join(dir, 'type-tests', file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const m = /expect (TS\d+)/.exec(line);
        if (m) expected.add(`type-tests/${file}:${i + 1} ${m[1]}`);
      });
  }
  const [cmd, ...rest] = example.typeTests;
  const { code, output } = await run(path.join(dir, cmd), rest, dir, { allowFailure: true });
  const seen = new Set([...output.matchAll(/^(type-tests\/[^(\s]+)\((\d+),\d+\): error (TS\d+)/gm)].map((m) => `${m[1]}:${m[2]} ${m[3]}`));
  const missing = [...expected].filter((e) => !seen.has(e));
  const unexpected = [...seen].filter((e) => !expected.has(e));
  if (code === 0 || missing.length || unexpected.length || !expected.size) {
    fail(`${example.name}: type-tests/ should fail with exactly ${[...expected].join(', ') || '(none marked)'}; exit ${code}, missing ${missing.join(', ') || 'none'}, unexpected ${unexpected.join(', ') || 'none'}\n${output}`);
  } else {
    log(`  ${example.name}: type-tests fail as expected (${[...expected].join(', ')})`);
  }
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.pdf': 'application/pdf', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };

/** A static server for a build, with the strict CSP on every response (workers take theirs from it). */
function serveStatic(dir) {
  const server = createServer((req, res) => {
    let file = path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!file.startsWith(dir)) return res.writeHead(403).end();
    try {
      if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Length': statSync(file).size, 'Content-Security-Policy': CSP });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'Content-Security-Policy': CSP }).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) })));
}

/** Starts a command that prints its URL (the plain page's server, Vite's dev server); resolves once it has. */
function startServer(cmd, cmdArgs, cwd, extraEnv, pattern) {
  const child = spawn(cmd, cmdArgs, { cwd, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${cmd} printed no URL in 60 s:\n${output}`)), 60_000);
    const onData = (data) => {
      output += data;
      const m = pattern.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1].replace(/\/$/, ''), output: () => output, close: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill('SIGTERM')))) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${cmd} exited (${code}):\n${output}`)));
  });
}

function freePort() {
  return new Promise((resolve) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Opens a page and waits until each selector's text matches; reports page errors and CSP violations. */
async function openPage(browser, label, url, spec) {
  const page = await browser.newPage();
  const seen = [];
  const responses = [];
  page.on('pageerror', (e) => seen.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(`CSP: ${m.text()}`);
  });
  page.on('response', (r) => responses.push(`${r.status()} ${r.url()}`));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`), true);
  });
  const timeout = spec.timeout ?? 60_000;
  const deadline = Date.now() + timeout;
  let texts = {};
  try {
    await page.goto(url, { waitUntil: 'load', timeout });
    for (;;) {
      // Polled with evaluate, so a reload (Vite's dev server optimizing dependencies) does not break it.
      texts = await page
        .evaluate((selectors) => Object.fromEntries(selectors.map((s) => [s, document.querySelector(s)?.textContent ?? null])), Object.keys(spec.wait))
        .catch(() => texts);
      const done = Object.entries(spec.wait).every(([s, re]) => re.test(texts[s] ?? ''));
      const failed = spec.fail && Object.values(texts).some((t) => spec.fail.test(t ?? ''));
      if (done || failed || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const errorText = await page.evaluate(() => document.querySelector('[role="status"]')?.textContent ?? '').catch(() => '');
    const ok = Object.entries(spec.wait).every(([s, re]) => re.test(texts[s] ?? ''));
    if (!ok) fail(`${label}: ${spec.what ?? 'jse-ready'} not seen at ${url}: ${JSON.stringify(texts)}${errorText ? `; the page shows "${errorText}"` : ''}`);
    for (const s of seen) fail(`${label}: ${s}`);
    if (ok && !seen.length) log(`  ${label}: ${Object.values(texts).join(' · ')}`);
    return { ok, responses };
  } finally {
    await page.close();
  }
}

async function relock() {
  const { tarball } = await pack(examplesDir);
  for (const example of EXAMPLES) {
    const dir = path.join(examplesDir, example.name);
    log(`${example.name}: npm install (writes package-lock.json)`);
    await run('npm', ['install'], dir);
    unpinTarball(dir);
  }
  log(`relocked; ${path.relative(root, tarball)} stays for running the examples by hand`);
}

async function check() {
  const work = mkdtempSync(path.join(os.tmpdir(), 'jse-examples-'));
  const browserArgs = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
  let browser;
  try {
    log('npm pack');
    const { tarball, info } = await pack(work);
    log(`  ${info.filename}: ${(info.size / 1e6).toFixed(2)} MB packed, ${(info.unpackedSize / 1e6).toFixed(2)} MB unpacked, ${info.entryCount} files`);
    const integrity = sha512(tarball);
    checkTestingGuide();
    for (const example of EXAMPLES) {
      const from = path.join(examplesDir, example.name);
      checkLockfile(from, example.name);
      cpSync(from, path.join(work, example.name), { recursive: true, filter: (src) => !/(^|[/\\])(node_modules|dist)([/\\]|$)/.test(path.relative(from, src)) });
    }

    log(`install (${EXAMPLES.map((e) => e.name).join(', ')}): npm ci, then the fresh tarball`);
    await Promise.all(
      EXAMPLES.map(async (example) => {
        const dir = path.join(work, example.name);
        await run('npm', ['ci', '--prefer-offline'], dir);
        await run('npm', ['install', '--no-save', '--prefer-offline', `../${TARBALL}`], dir);
        const installed = JSON.parse(readFileSync(path.join(dir, 'node_modules/.package-lock.json'), 'utf8')).packages['node_modules/jse-sign-request'];
        if (installed?.integrity !== integrity) fail(`${example.name}: installed jse-sign-request is not this tarball (${installed?.integrity ?? 'none'})`);
        if (existsSync(path.join(dir, 'node_modules/jse-sign-request/src'))) fail(`${example.name}: the installed package has the source tree`);
      }),
    );

    log('type check, type tests, build');
    await Promise.all(
      EXAMPLES.filter((e) => e.typecheck || e.build).map(async (example) => {
        const dir = path.join(work, example.name);
        if (example.typecheck) {
          const [cmd, ...rest] = example.typecheck;
          await run(cmd, rest, dir);
          log(`  ${example.name}: type check passes`);
        }
        if (example.typeTests) await typeTests(example, dir);
        if (example.build) {
          const [cmd, ...rest] = example.build;
          await run(path.join(dir, cmd), rest, dir);
          if (!existsSync(path.join(dir, 'dist/assets/pdfjs/build/pdf.worker.min.mjs'))) fail(`${example.name}: the build has no assets/pdfjs/build/pdf.worker.min.mjs (jse-sign-request/vite)`);
          log(`  ${example.name}: built`);
        }
      }),
    );

    const puppeteer = (await import('puppeteer-core')).default;
    const executablePath = process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
    browser = await puppeteer.launch({ executablePath, headless: true, args: browserArgs });
    log('open each in Chromium (strict CSP on every response)');
    for (const example of EXAMPLES) {
      const dir = path.join(work, example.name);
      const server = example.server
        ? await startServer(process.execPath, [example.server], dir, { PORT: '0' }, /(http:\/\/127\.0\.0\.1:\d+)\//)
        : await serveStatic(path.join(dir, example.serve));
      try {
        for (const spec of example.pages) await openPage(browser, `${example.name} ${spec.path}`, `${server.url}${spec.path}`, spec);
      } finally {
        await server.close();
      }
    }

    for (const example of EXAMPLES.filter((e) => e.dev)) {
      const dir = path.join(work, example.name);
      log(`${example.name}: Vite dev server`);
      const port = await freePort();
      const dev = await startServer(path.join(dir, 'node_modules/.bin/vite'), ['--host', '127.0.0.1', '--port', String(port), '--strictPort'], dir, {}, /Local:\s+(http:\/\/127\.0\.0\.1:\d+)\//);
      try {
        const { ok, responses } = await openPage(browser, `${example.name} (vite dev) ${example.dev.path}`, `${dev.url}${example.dev.path}`, { ...example.dev, timeout: 90_000 });
        const worker = responses.find((r) => r.includes('/assets/pdfjs/build/pdf.worker.min.mjs'));
        if (ok && !worker?.startsWith('200 ')) fail(`${example.name} (vite dev): pdf.js's worker was not served from /assets/pdfjs/ (${worker ?? 'not requested'})`);
        else if (ok) log(`  ${example.name} (vite dev): ${worker}`);
      } finally {
        await dev.close();
      }
    }
    await browser.close();
    browser = undefined;

    const host = EXAMPLES.find((e) => e.name === 'plain-html') ?? EXAMPLES[0];
    if (host) {
      const { code, output } = await run(process.execPath, [path.join(root, 'scripts/package-size.mjs'), '--installed', path.join(work, host.name, 'node_modules')], root, { allowFailure: true });
      console.log(output.trimEnd());
      if (code !== 0) fail('scripts/package-size.mjs: the package is over its limits (above)');
    }
  } finally {
    await browser?.close();
    if (args.includes('--keep')) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

try {
  if (args.includes('--pack')) log(`wrote ${path.relative(root, (await pack(examplesDir)).tarball)}: now \`npm ci\` in an example`);
  else await (args.includes('--relock') ? relock() : check());
} catch (error) {
  fail(error.message);
}
if (problems.length) {
  console.error(`\nexamples: ${problems.length} problem(s)`);
  process.exit(1);
}
log(`examples ok: ${EXAMPLES.map((e) => e.name).join(', ')}`);
