/**
 * The one place pdf.js is imported. Imported dynamically when the first document opens, so the
 * element's own module never pulls pdf.js (or its worker) into a host page that shows no document.
 */
import type * as PdfJs from 'pdfjs-dist';
import type { DocumentInitParameters, PDFDocumentLoadingTask } from 'pdfjs-dist/types/src/display/api.js';
import { resolveAssets } from '../config.js';

export type { PDFDocumentProxy, PDFPageProxy, PageViewport } from 'pdfjs-dist';

declare const __JSE_PDFJS_DIR__: string | undefined;

/**
 * Where the build puts the `pdfjs/` asset folder relative to this module once built:
 * the standalone bundle is flat (`./pdfjs/`), the ES package keeps `document/` (`../pdfjs/`).
 */
const PDFJS_DIR = typeof __JSE_PDFJS_DIR__ === 'string' ? __JSE_PDFJS_DIR__ : '../pdfjs/';

let lib: Promise<typeof PdfJs> | undefined;

/** Loads pdf.js once. */
export function loadPdfJs(): Promise<typeof PdfJs> {
  lib ??= import('pdfjs-dist');
  return lib;
}

/** True once pdf.js has been requested (tests check the element does not do it eagerly). */
export function isPdfJsRequested(): boolean {
  return lib !== undefined;
}

/**
 * Starts loading a PDF with the project's settings: worker and assets from `configure()`,
 * scripting off, the JavaScript decoders where WebAssembly is refused (pdf.js falls back itself).
 *
 * Range loading: pdf.js asks for 64 KiB ranges when the server allows it, and with
 * `disableAutoFetch` and `disableStream` it fetches only what the pages shown need — no
 * background download of the rest (the full bytes come only when sending needs them, `getData()`).
 */
export async function openPdf(params: DocumentInitParameters): Promise<PDFDocumentLoadingTask> {
  const pdfjs = await loadPdfJs();
  const { workerSrc, assetsBase } = resolveAssets(new URL(PDFJS_DIR, import.meta.url).href);
  pdfjs.GlobalWorkerOptions.workerSrc = workerSrc;
  return pdfjs.getDocument({
    cMapUrl: `${assetsBase}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${assetsBase}standard_fonts/`,
    wasmUrl: `${assetsBase}wasm/`,
    iccUrl: `${assetsBase}iccs/`,
    enableXfa: false,
    disableRange: false,
    disableAutoFetch: true,
    disableStream: true,
    ...params,
  });
}
