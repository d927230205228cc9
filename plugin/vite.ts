/**
 * `jse-sign-request/vite`: pdf.js's worker and assets for Vite apps, with no copying by hand.
 *
 * ```ts
 * // vite.config.ts
 * import { jseSignRequest } from 'jse-sign-request/vite';
 * export default defineConfig({ plugins: [jseSignRequest()] });
 * ```
 *
 * In dev it serves the package's `dist/pdfjs/` folder at `{base}{assetsDir}/pdfjs/`; in the build it
 * emits the same files there. Either way it tells the element where they are (it defines
 * `__JSE_PDFJS_DIR__`, which the element's default location honours), so `configure()` is only for
 * hosts that serve them elsewhere (a CDN). Only pdf.js's own files are emitted (no QuickJS sandbox).
 */
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, UserConfig } from 'vite';

export interface JseSignRequestPluginOptions {
  /**
   * Folder of pdf.js's files in the app, relative to Vite's `base`. Default: `{build.assetsDir}/pdfjs/`
   * (`assets/pdfjs/`).
   */
  dir?: string;
}

/** The package's one pdf.js folder: dist/pdfjs/, beside this plugin's dist/vite/. */
const PDFJS = fileURLToPath(new URL('../pdfjs/', import.meta.url));

const TYPES: Record<string, string> = {
  '.mjs': 'text/javascript',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.icc': 'application/vnd.iccprofile',
};

function files(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

/** The Vite plugin: serves (dev) and emits (build) pdf.js's worker and assets, and points the element at them. */
export function jseSignRequest(options: JseSignRequestPluginOptions = {}): Plugin {
  let devUrl = '/';
  let emitDir = 'assets/pdfjs/';
  return {
    name: 'jse-sign-request',
    config(config: UserConfig, { command }) {
      const base = config.base ?? '/';
      const assetsDir = (config.build?.assetsDir ?? 'assets').replace(/^\/+|\/+$/g, '');
      const dir = (options.dir ?? `${assetsDir}/pdfjs/`).replace(/^\/+/, '').replace(/\/*$/, '/');
      // An absolute base: the URL from the site's root. A relative base ('./'): in the build, relative
      // to the chunk that loads pdf.js, which Vite writes in {assetsDir}/; the dev server serves at '/'.
      const relative = base === '' || base.startsWith('.');
      devUrl = `${relative ? '/' : base.replace(/\/*$/, '/')}${dir}`;
      const url = command === 'serve' || !relative ? devUrl : `./${path.posix.relative(assetsDir, dir)}/`.replace(/^\.\/\.\./, '..');
      const define = { __JSE_PDFJS_DIR__: JSON.stringify(url) };
      emitDir = dir;
      // Vite pre-bundles dependencies in dev: the define must reach the element's modules there too.
      return { define, optimizeDeps: { rolldownOptions: { transform: { define } } } };
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const pathname = decodeURIComponent((req.url ?? '').split('?')[0]);
        if (!pathname.startsWith(devUrl)) return next();
        const file = path.join(PDFJS, pathname.slice(devUrl.length));
        if (!file.startsWith(PDFJS)) return next();
        let size: number;
        try {
          const stat = statSync(file);
          if (!stat.isFile()) return next();
          size = stat.size;
        } catch {
          return next(); // Vite answers 404: the element reports assets_unavailable with this URL
        }
        res.setHeader('Content-Type', TYPES[path.extname(file)] ?? 'application/octet-stream');
        res.setHeader('Content-Length', String(size));
        if (req.method === 'HEAD') return res.end();
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const name of files(PDFJS)) {
        this.emitFile({ type: 'asset', fileName: `${emitDir}${name}`, source: readFileSync(path.join(PDFJS, name)) });
      }
    },
  };
}

export default jseSignRequest;
