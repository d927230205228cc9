/**
 * Where pdf.js's worker and assets are served from (SPEC §6).
 *
 * Default: a `pdfjs/` folder beside the module that loads pdf.js, laid out like the
 * `pdfjs-dist` package (`build/pdf.worker.min.mjs`, `cmaps/`, `standard_fonts/`, `wasm/`,
 * `iccs/`). The build copies that folder next to both outputs, so the standalone bundle finds it
 * relative to its own URL, never the host page's root.
 */
export interface JseConfig {
  /** URL of pdf.js's worker module. Default: `{assetsBase}build/pdf.worker.min.mjs`. */
  workerSrc?: string | URL;
  /** URL of a folder laid out like `pdfjs-dist` (`cmaps/`, `standard_fonts/`, `wasm/`, `iccs/`). */
  assetsBase?: string | URL;
}

const config: JseConfig = {};

/**
 * Points the element at pdf.js's worker and assets, for hosts that serve them from a CDN, from
 * their own bundler's output, or that need them on the page's origin for a strict CSP.
 * Call it before the first document opens; later calls apply to documents opened afterwards.
 */
export function configure(options: JseConfig): void {
  if (options.workerSrc !== undefined) config.workerSrc = options.workerSrc;
  if (options.assetsBase !== undefined) config.assetsBase = options.assetsBase;
}

/** @internal The resolved locations, against a default base (the pdf.js loader's own URL). */
export function resolveAssets(defaultBase: string): { workerSrc: string; assetsBase: string } {
  const base = new URL(String(config.assetsBase ?? defaultBase), document.baseURI).href;
  const assetsBase = base.endsWith('/') ? base : `${base}/`;
  const workerSrc = new URL(String(config.workerSrc ?? `${assetsBase}build/pdf.worker.min.mjs`), document.baseURI).href;
  return { workerSrc, assetsBase };
}
