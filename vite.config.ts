/**
 * Two jobs: `npm start` serves the demo (demo/, msw's worker from public/, pdf.js assets at
 * /pdfjs/ straight from the installed package), and `npm run build` uses it for the standalone
 * bundle (scripts/build.mjs) — one ES module plus lazy chunks, flat in dist/standalone/, that
 * finds pdf.js's worker and assets in ../pdfjs/ (the package's dist/pdfjs/).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { gedFiles } from './demo/ged-server.js';

const root = path.dirname(fileURLToPath(import.meta.url));
const pdfjsDist = path.join(root, 'node_modules/pdfjs-dist');

/** Serves node_modules/pdfjs-dist at /pdfjs/ in the dev server: the demo's `configure({ assetsBase })`. */
function pdfjsAssets(): Plugin {
  return {
    name: 'jse-pdfjs-assets',
    configureServer(server) {
      server.middlewares.use('/pdfjs/', (req, res, next) => {
        const file = path.join(pdfjsDist, decodeURIComponent((req.url ?? '').split('?')[0]));
        if (!file.startsWith(pdfjsDist) || !existsSync(file) || !statSync(file).isFile()) return next();
        const type = file.endsWith('.mjs') || file.endsWith('.js') ? 'text/javascript' : file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
        res.setHeader('Content-Type', type);
        createReadStream(file).pipe(res);
      });
    },
  };
}

export default defineConfig(({ command }) =>
  command === 'serve'
    ? {
        root: path.join(root, 'demo'),
        publicDir: path.join(root, 'public'),
        plugins: [pdfjsAssets(), gedFiles()],
        // The demo's host code imports the package by its name, as an integrator's does.
        resolve: { alias: [{ find: /^jse-sign-request$/, replacement: path.join(root, 'src/index.ts') }] },
        server: {
          port: 5173,
          strictPort: false,
          open: false,
          // Transformed while the server starts, before the first visit asks for them.
          warmup: { clientFiles: ['./main.ts', './connect.ts'] },
        },
        // Every dependency the demo and the element import, known up front: the first visit is
        // neither held by a discovery scan nor reloaded when Vite finds one more.
        optimizeDeps: {
          entries: ['index.html', 'connect.html'],
          include: [
            'lit',
            'lit/decorators.js',
            'lit/directive.js',
            'lit/directives/if-defined.js',
            'lit/directives/live.js',
            'lit/directives/repeat.js',
            'msw',
            'msw/browser',
            'pdf-lib',
            'pdfjs-dist',
            'libphonenumber-js/max',
          ],
        },
      }
    : {
        root,
        publicDir: false,
        base: './',
        // The package's one pdf.js folder, dist/pdfjs/, beside dist/standalone/.
        define: { __JSE_PDFJS_DIR__: JSON.stringify('../pdfjs/') },
        build: {
          outDir: 'dist/standalone',
          emptyOutDir: true,
          target: 'es2022',
          // No maps: this bundle is for production pages, and its maps (4 MB, mostly pdf.js) would
          // double the package. dist/lib ships maps with their TypeScript sources inlined.
          sourcemap: false,
          minify: true,
          lib: {
            entry: path.join(root, 'src/index.ts'),
            formats: ['es'],
            fileName: () => 'jse-sign-request.js',
          },
          rolldownOptions: {
            preserveEntrySignatures: 'allow-extension',
            // Lib mode leaves ES output unminified; the standalone bundle is for production pages.
            output: {
              chunkFileNames: '[name]-[hash].js',
              assetFileNames: '[name]-[hash][extname]',
              minify: true,
              // What the entry imports statically comes in one chunk, not a dozen: a browser asks
              // for six at a time per host, and every wave is a round trip before the element can
              // start loading the document (issue 13). The lazy parts stay chunks of their own.
              codeSplitting: { groups: [{ name: 'element', tags: ['$initial'] }] },
            },
          },
        },
      },
);
