// `npm run bench`: speed and memory of the element in headless Chromium, each printed as a ratio
// against a baseline measured in the same browser process on the same generated document:
// - open: time from `src` set to `jse-ready` (first page painted) vs pdf.js alone opening the file and
//   rendering page 1 at the same size (the floor any viewer pays);
// - scroll: peak canvas memory and JS heap while scrolling a 120-page document top to bottom vs a
//   naive viewer that renders every page into its own canvas.
// - bundle: what a GED page loads up front (the entry and its static imports) vs all it may load.
// No thresholds: ratios are for people to compare between commits.
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import puppeteer from 'puppeteer-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.html': 'text/html', '.json': 'application/json', '.wasm': 'application/wasm' };

if (!existsSync(path.join(root, 'dist/standalone/jse-sign-request.js'))) {
  console.error('Build first: npm run build');
  process.exit(1);
}

/** Gzip bytes of the standalone bundle a page loads up front (the entry and its static imports) and in all. */
function bundleWeight() {
  const dir = path.join(root, 'dist/standalone');
  const gz = (file) => gzipSync(readFileSync(path.join(dir, file)), { level: 9 }).length;
  const upFront = new Set();
  const visit = (file) => {
    if (upFront.has(file)) return;
    upFront.add(file);
    const code = readFileSync(path.join(dir, file), 'utf8');
    for (const m of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+)["']/g)) visit(m[1]);
  };
  visit('jse-sign-request.js');
  const all = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const sum = (files) => [...files].reduce((n, f) => n + gz(f), 0);
  const worker = gzipSync(readFileSync(path.join(dir, 'pdfjs/build/pdf.worker.min.mjs')), { level: 9 }).length;
  return { upFront: sum(upFront), all: sum(all) + worker };
}

const PAGES = 120;
const documentBytes = await makeDocument(PAGES);

async function makeDocument(pages) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([595.28, 841.89]);
    for (let row = 0; row < 45; row++) page.drawText(`Page ${n} - ligne ${row + 1} - ecriture ${n * 1000 + row}`, { x: 50, y: 800 - row * 17, size: 10, font });
  }
  return doc.save();
}

// Served like a GED serves files (Content-Length, ranges), so both sides load it the same way.
function serveDocument(req, res) {
  const size = documentBytes.length;
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Accept-Ranges', 'bytes');
  const m = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  const start = m ? Number(m[1]) : 0;
  const end = m && m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
  if (m) {
    res.statusCode = 206;
    res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
  }
  res.setHeader('Content-Length', String(end - start + 1));
  res.end(req.method === 'HEAD' ? undefined : Buffer.from(documentBytes.subarray(start, end + 1)));
}

const server = createServer((req, res) => {
  if (req.url.startsWith('/__bench/document.pdf')) return serveDocument(req, res);
  const file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    res.statusCode = 404;
    return res.end();
  }
  res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const executablePath =
  process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1000, height: 900 });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${origin}/bench/page.html`);
  const results = await page.evaluate(() => window.runBench());
  const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
  const weight = bundleWeight();
  console.log(`bundle   loaded up front ${(weight.upFront / 1e3).toFixed(0)} kB gzip vs all it may load (pdf.js and its worker, pdf-lib for images, the parts) ${(weight.all / 1e3).toFixed(0)} kB → ${ratio(weight.upFront, weight.all)}`);
  console.log(`document: ${PAGES} pages, ${(results.bytes / 1e6).toFixed(2)} MB (generated)`);
  console.log(`open     element ${results.open.element.toFixed(0)} ms vs pdf.js alone ${results.open.baseline.toFixed(0)} ms (median of ${results.open.runs}) → ${ratio(results.open.element, results.open.baseline)}`);
  console.log(`scroll   peak canvas pixels: element ${(results.scroll.element.canvasPixels / 1e6).toFixed(1)} MP vs naive ${(results.scroll.baseline.canvasPixels / 1e6).toFixed(1)} MP → ${ratio(results.scroll.element.canvasPixels, results.scroll.baseline.canvasPixels)}`);
  console.log(`scroll   peak live canvases: element ${results.scroll.element.canvases} vs naive ${results.scroll.baseline.canvases}`);
  console.log(`scroll   JS heap after: element ${(results.scroll.element.heap / 1e6).toFixed(1)} MB vs naive ${(results.scroll.baseline.heap / 1e6).toFixed(1)} MB → ${ratio(results.scroll.element.heap, results.scroll.baseline.heap)}`);
} finally {
  await browser.close();
  server.close();
}
