/**
 * The one place pdf.js is imported. Imported dynamically when the first document opens, so the
 * element's own module never pulls pdf.js (or its worker) into a host page that shows no document.
 */
import type * as PdfJs from 'pdfjs-dist';
import type { DocumentInitParameters, PDFDocumentLoadingTask } from 'pdfjs-dist/types/src/display/api.js';
import { resolveAssets } from '../config.js';
import { importPart } from '../api/errors.js';
import { assetsUnavailable } from './errors.js';
import { CHUNK_BYTES, type Prefetched } from './prefetch.js';

export type { PDFDocumentProxy, PDFPageProxy, PageViewport } from 'pdfjs-dist';
type PDFDataRangeTransport = PdfJs.PDFDataRangeTransport;

declare const __JSE_PDFJS_DIR__: string | undefined;

/**
 * The default pdf.js folder (the package's one `dist/pdfjs/`), resolved against this module's URL:
 * from `dist/lib/document/` it is `../../pdfjs/`; the standalone bundle (flat in `dist/standalone/`)
 * and the Vite plugin (`jse-sign-request/vite`, where dependencies are moved by the bundler) define
 * `__JSE_PDFJS_DIR__`, relative or absolute. A variable, not a literal, so bundlers leave it as is.
 */
const PDFJS_DIR = typeof __JSE_PDFJS_DIR__ === 'string' ? __JSE_PDFJS_DIR__ : '../../pdfjs/';

let lib: Promise<typeof PdfJs> | undefined;

/** Loads pdf.js once. */
export function loadPdfJs(): Promise<typeof PdfJs> {
  if (!lib) {
    // Its chunk not arriving is network trouble (retryable), and it is asked again next time.
    const loading = importPart(() => import('pdfjs-dist'));
    lib = loading;
    loading.catch(() => {
      if (lib === loading) lib = undefined;
    });
  }
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
  const { worker, useWasm, assetsBase } = await warmUp();
  const pdfjs = await loadPdfJs();
  return pdfjs.getDocument({
    worker,
    useWasm,
    cMapUrl: `${assetsBase}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${assetsBase}standard_fonts/`,
    wasmUrl: `${assetsBase}wasm/`,
    iccUrl: `${assetsBase}iccs/`,
    enableXfa: false,
    disableRange: false,
    disableAutoFetch: true,
    disableStream: true,
    // The loader's first read and its reads ahead are cut on this chunk size (prefetch.ts).
    rangeChunkSize: CHUNK_BYTES,
    ...params,
  });
}

interface Warm {
  worker: PdfJs.PDFWorker;
  useWasm: boolean;
  assetsBase: string;
}

let warm: { workerSrc: string; ready: Promise<Warm> } | undefined;

/**
 * Starts what every document needs before its bytes arrive — pdf.js's module, its worker (started
 * once and shared by the documents of the page) and the CSP check — so the loader can run it
 * alongside its network probes. The worker starts as soon as pdf.js's module is there, not after
 * the CSP check (a HEAD of the worker's script, `probeWorker`): both go in parallel, and the
 * document waits for both. Idempotent; a `configure()` pointing elsewhere starts afresh.
 */
export function warmUp(): Promise<Warm> {
  const { workerSrc, assetsBase } = resolveAssets(new URL(PDFJS_DIR, import.meta.url).href);
  if (warm?.workerSrc !== workerSrc) {
    const check = probeWorker(workerSrc);
    // The worker's script downloads and compiles while pdf.js's module does.
    const started = startWorker(workerSrc);
    const ready = loadPdfJs().then(async (pdfjs) => {
      pdfjs.GlobalWorkerOptions.workerSrc = workerSrc;
      const [{ useWasm, missing }, worker] = await Promise.all([
        check,
        started.then(
          (raw) => wrapWorker(pdfjs, raw),
          (cause: unknown) => cause as Error,
        ),
      ]);
      // Known missing: said with its HTTP status (the worker's own failure says less).
      if (missing !== undefined) {
        if (!(worker instanceof Error)) worker.destroy();
        throw assetsUnavailable(workerSrc, new Error(`HTTP ${missing}`));
      }
      // A worker that cannot load (404, wrong MIME type, CSP) is the host's setup, not the document:
      // without this, the failure would read as a damaged file.
      if (worker instanceof Error) throw assetsUnavailable(workerSrc, worker);
      return { worker, useWasm, assetsBase };
    });
    warm = { workerSrc, ready };
    ready.catch(() => {
      if (warm?.ready === ready) warm = undefined; // asked again next time
      void started.then((raw) => raw.terminate(), () => undefined); // not left running unused
    });
  }
  return warm.ready.then((w) => {
    if (!w.worker.destroyed) return w;
    warm = undefined; // a worker that died (pdf.js destroys it on fatal errors) is replaced
    return warmUp();
  });
}

/**
 * pdf.js's worker in a `Worker` of our own, handed to pdf.js as its port: pdf.js starting it itself
 * would, when it fails to load, fall back to a main-thread "fake worker" for the rest of the
 * page's life, even once the host fixes the URL. Resolves once the worker said it is ready;
 * rejects if its script does not load or run. Cross-origin, it is imported from a blob: wrapper,
 * as pdf.js does (a worker's script must be same-origin). Needs nothing of pdf.js's module.
 */
function startWorker(workerSrc: string): Promise<Worker> {
  return new Promise((resolve, reject) => {
    let raw: Worker;
    let url = workerSrc;
    try {
      if (new URL(workerSrc, location.href).origin !== location.origin) {
        url = URL.createObjectURL(new Blob([`await import(${JSON.stringify(new URL(workerSrc, location.href).href)});`], { type: 'text/javascript' }));
      }
      raw = new Worker(url, { type: 'module' });
    } catch (cause) {
      reject(cause instanceof Error ? cause : new Error(String(cause)));
      return;
    }
    const done = new AbortController();
    const finish = () => {
      done.abort();
      if (url !== workerSrc) URL.revokeObjectURL(url);
    };
    raw.addEventListener(
      'message',
      (e: MessageEvent<{ action?: string } | null>) => {
        if (e.data?.action !== 'ready') return;
        finish();
        resolve(raw);
      },
      { signal: done.signal },
    );
    raw.addEventListener(
      'error',
      (e) => {
        finish();
        raw.terminate();
        reject(new Error(e.message || 'the worker script did not load'));
      },
      { signal: done.signal },
    );
  });
}

/** pdf.js's handle on a worker started by `startWorker`. */
function wrapWorker(pdfjs: typeof PdfJs, raw: Worker): PdfJs.PDFWorker {
  const worker = new pdfjs.PDFWorker({ port: raw } as unknown as ConstructorParameters<typeof pdfjs.PDFWorker>[0]);
  // pdf.js does not terminate a worker it was given: ours goes with its PDFWorker.
  const destroy = worker.destroy.bind(worker);
  worker.destroy = () => {
    destroy();
    raw.terminate();
  };
  return worker;
}

const workerChecks = new Map<string, Promise<{ useWasm: boolean; missing?: number }>>();

/**
 * Whether the worker is there (`missing`: the HTTP status of a definite refusal such as 404) and
 * whether it may compile WebAssembly. A worker obeys the CSP of its own script's response;
 * under one without 'wasm-unsafe-eval' pdf.js would try WebAssembly, be refused — a violation the
 * host's CSP reporting would log on every scan — and only then use its JavaScript decoders. Reading
 * the header (same-origin HEAD, once per worker URL) lets us ask for the JavaScript decoders
 * straight away. Unknown (cross-origin, HEAD refused): let pdf.js try WebAssembly.
 */
function probeWorker(workerSrc: string): Promise<{ useWasm: boolean; missing?: number }> {
  let check = workerChecks.get(workerSrc);
  if (!check) {
    check = fetch(workerSrc, { method: 'HEAD', credentials: 'same-origin' })
      .then((response) => {
        // 405/501: the server only refuses HEAD; the worker itself may well be there.
        if (!response.ok && response.status !== 405 && response.status !== 501) {
          workerChecks.delete(workerSrc); // asked again next time: the host may have fixed it
          return { useWasm: true, missing: response.status };
        }
        return { useWasm: wasmAllowedBy(response.headers.get('Content-Security-Policy')) };
      })
      .catch(() => ({ useWasm: true }));
    workerChecks.set(workerSrc, check);
  }
  return check;
}

/**
 * Whether a Content-Security-Policy lets scripts compile WebAssembly: `script-src` (else
 * `default-src`) must allow 'wasm-unsafe-eval' or 'unsafe-eval'; no such directive allows it.
 * Several policies (comma-separated) must all allow it.
 */
export function wasmAllowedBy(header: string | null): boolean {
  if (!header) return true;
  return header.split(',').every((policy) => {
    const directives = new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map((parts) => [parts[0].toLowerCase(), parts.slice(1).map((v) => v.toLowerCase())] as const),
    );
    const sources = directives.get('script-src') ?? directives.get('default-src');
    return !sources || sources.includes("'wasm-unsafe-eval'") || sources.includes("'unsafe-eval'");
  });
}

/** A file pdf.js reads by ranges through us: its size, its first bytes, and a way to read a range. */
export interface RangeSource {
  size: number;
  /** The start of the file, already fetched (the sniffing read). */
  initial: Uint8Array;
  read(begin: number, end: number, signal: AbortSignal): Promise<Uint8Array>;
  /** A range could not be read after every attempt: pages needing it cannot be drawn. */
  onFailure?(cause: unknown): void;
  /** Ranges fetched ahead (prefetch.ts): pdf.js's requests for them are answered from these. */
  prefetched?: Prefetched;
}

/** Attempts per range before giving up on it (a dropped connection on a long session is normal). */
const RANGE_ATTEMPTS = 3;

/**
 * Hands pdf.js the file by ranges that we fetch. Given a URL, pdf.js first sends a plain GET for
 * the whole file just to read its headers and aborts it once they arrive; by then a fast server
 * has pushed much of the body (the test server counted the whole 6 MB sent on localhost). We
 * already know the size and that ranges work (the loader's HEAD and sniffing probe), so pdf.js
 * gets a transport: no whole-file request at all, and only the ranges a page needs.
 */
export async function rangeTransport(source: RangeSource): Promise<PDFDataRangeTransport> {
  const pdfjs = await loadPdfJs();
  const transport = new pdfjs.PDFDataRangeTransport(source.size, source.initial);
  const stop = new AbortController();
  transport.requestDataRange = (begin: number, end: number) => {
    void (async () => {
      const ahead = source.prefetched?.take(begin, end);
      if (ahead) {
        try {
          const bytes = await ahead;
          if (!stop.signal.aborted) transport.onDataRange(begin, bytes);
          return;
        } catch {
          if (stop.signal.aborted) return; // else: fetched as any other range
        }
      }
      for (let attempt = 1; ; attempt++) {
        try {
          const bytes = await source.read(begin, end, stop.signal);
          if (!stop.signal.aborted) transport.onDataRange(begin, bytes);
          return;
        } catch (cause) {
          if (stop.signal.aborted) return;
          if (attempt >= RANGE_ATTEMPTS) {
            // pdf.js has no error path for a transport (the pages needing this range would stay
            // blank): the owner is told, and shows the failure with a retry.
            source.onFailure?.(cause);
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
        }
      }
    })();
  };
  transport.abort = () => stop.abort();
  return transport;
}
