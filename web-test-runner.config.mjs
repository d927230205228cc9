// Tests run in Debian's Chromium (or CHROME_PATH) against the real element and real pdf.js.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileServer } from './test/server/file-server.mjs';
import { inputCommands } from './test/server/input-commands.mjs';
import { slowProxy } from './test/server/slow-proxy.mjs';
import { copies } from './test/server/copies.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(root, process.env.JSE_FIXTURES ?? '../shared/fixtures');

function chromePath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  const candidates = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error('No Chromium or Chrome found: install one (apt-get install chromium) or set CHROME_PATH.');
  return found;
}

/**
 * pdf-lib's ES build imports JSON and CommonJS (pako), which the dev server does not convert:
 * its single-file ES bundle is the same code, ready for the browser. (Vite handles both.)
 */
function pdfLibBundle() {
  return {
    name: 'pdf-lib-bundle',
    resolveImport({ source }) {
      if (source === 'pdf-lib') return '/node_modules/pdf-lib/dist/pdf-lib.esm.js';
    },
  };
}

export default {
  rootDir: root,
  files: ['test/**/*.test.ts', 'src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  concurrency: 1,
  // Lit's dev build (the 'development' condition msw needs) announces itself in every file.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  testsFinishTimeout: 10 * 60 * 1000,
  testFramework: { config: { timeout: 20000 } },
  browserStartTimeout: 60000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: path.join(root, 'tsconfig.json'), target: 'es2022' }), pdfLibBundle(), inputCommands()],
  middleware: [
    // msw's worker must be served from the site root (its scope); the demo keeps it in public/.
    (ctx, next) => {
      if (ctx.path === '/mockServiceWorker.js') ctx.path = '/public/mockServiceWorker.js';
      return next();
    },
    copies(),
    fileServer({ root, fixtures }),
    slowProxy(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromePath(),
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-dev-shm-usage',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-features=Translate,MediaRouter,OptimizationHints',
        ],
      },
    }),
  ],
};
