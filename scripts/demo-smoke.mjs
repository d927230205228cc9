// CI: the README's `npm start` really serves a working demo. Starts the Vite dev server on a free
// port, opens the demo in headless Chromium, opens a document with its pen icon, and waits for the
// widget's `jse-ready` in the demo's event log, then for the connect step (the demo's account starts
// unlinked). Exits non-zero with what it saw otherwise.
import { existsSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { createServer } from 'vite';

const executablePath =
  process.env.CHROME_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
const server = await createServer({ configFile: 'vite.config.ts', server: { port: 0, strictPort: false }, logLevel: 'warn' });
await server.listen();
const url = server.resolvedUrls.local[0];
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const problems = [];
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('button.pen', { timeout: 60000 });
  await page.evaluate(() => document.querySelector('button.pen').click());
  const log = () => page.evaluate(() => document.querySelector('#log').innerText);
  await page.waitForFunction(() => document.querySelector('#log').innerText.includes('jse-ready'), { timeout: 60000 }).catch(() => undefined);
  await page.waitForFunction(() => document.querySelector('#log').innerText.includes('jse-connect-required'), { timeout: 30000 }).catch(() => undefined);
  const seen = await log();
  for (const event of ['jse-ready', 'jse-connect-required']) if (!seen.includes(event)) problems.push(`no ${event} in the demo's log`);
  if (problems.length) console.error(`demo log:\n${seen}`);
} finally {
  await browser.close();
  await server.close();
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`demo ok at ${url}: a document opened, jse-ready and the connect step seen`);
