/**
 * Opens the document at `src` safely (SPEC §4): learns its size before downloading it, sniffs its
 * type from its first bytes, refuses what cannot be sent (too large, not PDF/PNG/JPEG, encrypted,
 * damaged beyond what pdf.js recovers), and hands pdf.js a URL it can read by ranges — or, for an
 * image, the one-page PDF it becomes (SPEC §3).
 */
import { nameFromUrl } from './names.js';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist/types/src/display/api.js';
import { DocumentPages, type PageGeometryInfo } from './pages.js';
import { DocumentError, damaged, unavailable } from './errors.js';
import { normalizeRotation, shownSize } from './geometry.js';
import { openPdf, rangeTransport, warmUp, type PDFDocumentProxy } from './pdfjs.js';
import { CHUNK_BYTES, Prefetched, fetchAhead } from './prefetch.js';
import { MIME_TYPES, SNIFF_BYTES, sniffType } from './sniff.js';
import { inspectSource, readAll, readRange, readStart, type SourceOptions } from './source.js';
import { DEFAULT_LIMITS, type DocumentLimits, type LoadedDocument } from './types.js';

/** Asks the user for an encrypted PDF's password; resolves `undefined` when they give up. */
export type AskPassword = (request: { incorrect: boolean }) => Promise<string | undefined>;

export interface LoadOptions {
  /** Send cookies to a cross-origin `src` (the `with-credentials` attribute). */
  withCredentials?: boolean;
  /** The proxy's limits (`/me`); the defaults of SPEC §4 for what it does not say. */
  limits?: Partial<DocumentLimits>;
  /** Display name given by the host (`document-name`). */
  name?: string;
  signal?: AbortSignal;
  /** Called for an encrypted PDF's password, only when the limits accept encrypted documents. */
  askPassword?: AskPassword;
  /** Part of the file could not be read after the document opened (a dropped connection, say). */
  onUnavailable?: (error: DocumentError) => void;
}

/**
 * Below this size the file is fetched whole in one request: pdf.js itself only reads by ranges
 * when a file is larger than two of its 64 KiB chunks.
 */
const WHOLE_BELOW = 2 * 65536;

/** pdf.js `PasswordResponses.INCORRECT_PASSWORD` (a constant of the lazily loaded module). */
const INCORRECT_PASSWORD = 2;

/** Opens the document; rejects with a `DocumentError` whose `code` is the `jse-error` code. */
export async function loadDocument(src: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  // pdf.js, its worker and the CSP check start now, alongside the size and type probes below.
  warmUp().catch(() => undefined); // a failure there is reported when the document is opened
  const limits: DocumentLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const url = new URL(src, document.baseURI).href;
  const source: SourceOptions = {
    credentials: options.withCredentials ? 'include' : 'same-origin',
    limit: limits.maxDocumentBytes,
    ...(options.signal ? { signal: options.signal } : {}),
  };

  const info = await inspectSource(url, source);
  if (info.size === 0) throw damaged('the file is empty');
  let whole = info.bytes;
  let head: Uint8Array;
  let prefetched: Prefetched | undefined;
  if (whole) {
    head = whole;
  } else if (!info.ranges || info.size === undefined || info.size <= WHOLE_BELOW) {
    whole = (await readAll(url, source)).bytes;
    head = whole;
  } else {
    // The first chunk whole (pdf.js then has it and does not ask again), and the chunks it asks
    // for next fetched alongside, while its worker loads (prefetch.ts).
    // Both at once: the server said it answers ranges (one that does not after all sends the whole
    // file to the first read, and the reads ahead are then stopped).
    const stop = new AbortController();
    const reading = readStart(url, CHUNK_BYTES, source);
    const ahead = prefetch(url, info.size, reading.then((r) => r.bytes), { ...source, signal: source.signal ? AbortSignal.any([source.signal, stop.signal]) : stop.signal });
    let start: Awaited<typeof reading>;
    try {
      start = await reading;
    } catch (cause) {
      stop.abort();
      throw cause;
    }
    head = start.bytes;
    if (start.complete) {
      whole = start.bytes;
      stop.abort();
    } else {
      prefetched = ahead;
    }
  }
  if (whole?.length === 0) throw damaged('the file is empty');
  const size = whole?.length ?? info.size!;

  const type = sniffType(head.subarray(0, SNIFF_BYTES));
  if (!type || !limits.acceptedTypes.includes(MIME_TYPES[type])) {
    throw new DocumentError('unsupported_document', 'Only PDF, PNG and JPEG files can be sent for signature.');
  }
  const name = options.name ?? info.filename ?? nameFromUrl(url);
  const common = { name, size, mime: MIME_TYPES[type], ...(info.version !== undefined ? { version: info.version } : {}) };

  if (type === 'pdf') {
    const bytes = whole;
    // By ranges we fetch ourselves (see rangeTransport): only what the pages shown need.
    const input = bytes
      ? { data: bytes.slice() }
      : {
          range: await rangeTransport({
            size,
            initial: head,
            ...(prefetched ? { prefetched } : {}),
            read: (begin, end, signal) =>
              readRange(url, begin, end, { ...source, signal: source.signal ? AbortSignal.any([source.signal, signal]) : signal }),
            onFailure: (cause) => options.onUnavailable?.(cause instanceof DocumentError ? cause : unavailable(undefined, cause)),
          }),
        };
    const opened = await openChecked(input, limits, options);
    return {
      ...common,
      type: 'pdf',
      ...opened,
      // As is, byte for byte (an encrypted file the proxy accepts is sent encrypted).
      bytes: bytes ? () => Promise.resolve(bytes.slice()) : () => opened.pdf.getData(),
    };
  }

  whole ??= (await readAll(url, source)).bytes;
  const { imageToPdf } = await import('./image-to-pdf.js');
  let pdfBytes: Uint8Array;
  try {
    pdfBytes = await imageToPdf(whole, type, name);
  } catch (cause) {
    throw damaged('the image cannot be decoded', cause);
  }
  const opened = await openChecked({ data: pdfBytes.slice() }, limits, options);
  return { ...common, type: 'image', ...opened, bytes: () => Promise.resolve(pdfBytes.slice()) };
}

/**
 * Starts fetching ahead what pdf.js reads first (prefetch.ts): the last chunk, the cross-reference
 * section, the catalog and the page tree down to page 1 and its contents, while its worker loads.
 */
function prefetch(url: string, size: number, head: Promise<Uint8Array>, source: SourceOptions): Prefetched {
  const ahead = new Prefetched();
  void fetchAhead(size, head, (begin, end) => readRange(url, begin, end, source), ahead);
  return ahead;
}

type Opened = Pick<LoadedDocument, 'pdf' | 'pages' | 'encrypted' | 'destroy'>;

/** Opens in pdf.js, then refuses encryption unless accepted, and reads page 1's geometry (the others on demand). */
async function openChecked(
  input: { data: Uint8Array } | { range: Awaited<ReturnType<typeof rangeTransport>> },
  limits: DocumentLimits,
  options: LoadOptions,
): Promise<Opened> {
  const task = await openPdf(input);
  const destroy = () => task.destroy();
  options.signal?.addEventListener('abort', () => void destroy(), { once: true });
  const password = watchPassword(task, limits, options);
  let pdf: PDFDocumentProxy;
  try {
    pdf = await task.promise;
  } catch (cause) {
    void destroy();
    if (options.signal?.aborted) throw cause;
    throw password.refusal() ?? fromPdfJs(cause);
  }
  try {
    // pdf.js opens owner-only encryption (empty user password) without a word: look for /Encrypt.
    const encrypted = password.used() || (await hasEncryption(pdf));
    if (encrypted && !limits.acceptsEncrypted) throw encryptedError();
    const pages = new DocumentPages(pdf.numPages, await readPage(pdf, 1), (n) => readPage(pdf, n));
    return { pdf, pages, encrypted, destroy };
  } catch (cause) {
    void destroy();
    if (cause instanceof DocumentError || options.signal?.aborted) throw cause;
    throw fromPdfJs(cause);
  }
}

/** Answers pdf.js's password requests: refused up front unless encrypted files are accepted. */
function watchPassword(task: PDFDocumentLoadingTask, limits: DocumentLimits, options: LoadOptions) {
  let refusal: DocumentError | undefined;
  let used = false;
  task.onPassword = (update: (password: string | Error) => void, reason: number) => {
    if (!limits.acceptsEncrypted || !options.askPassword) {
      refusal = encryptedError();
      update(refusal);
      return;
    }
    options.askPassword({ incorrect: reason === INCORRECT_PASSWORD }).then(
      (given) => {
        if (given === undefined) {
          refusal = new DocumentError('encrypted_document', 'The document is encrypted and no password was given.');
          update(refusal);
        } else {
          used = true;
          update(given);
        }
      },
      (cause: unknown) => update(cause instanceof Error ? cause : new Error(String(cause))),
    );
  };
  return { refusal: () => refusal, used: () => used };
}

function encryptedError(): DocumentError {
  return new DocumentError('encrypted_document', 'The PDF is encrypted: save an unprotected copy, then try again.');
}

/** True when the PDF has an /Encrypt dictionary, whatever its permissions and passwords. */
async function hasEncryption(pdf: PDFDocumentProxy): Promise<boolean> {
  const { info } = await pdf.getMetadata();
  return Boolean((info as { EncryptFilterName?: string | null }).EncryptFilterName);
}

/**
 * One page's geometry. Only what the page needs is fetched (its dictionary, and the page tree on
 * the way): the pages are not read all at once, which on a book fetches most of the file.
 */
async function readPage(pdf: PDFDocumentProxy, n: number): Promise<PageGeometryInfo> {
  const page = await pdf.getPage(n);
  const view = [...page.view] as PageGeometryInfo['view'];
  const rotation = normalizeRotation(page.rotate);
  return { view, rotation, ...shownSize({ view, rotation }) };
}

/** pdf.js's failures in our codes: its HTTP errors are the file being unreachable, the rest damage. */
function fromPdfJs(cause: unknown): DocumentError {
  const error = cause as { name?: string; message?: string; status?: number } | undefined;
  if (error?.name === 'ResponseException') return unavailable(error.status || undefined, cause);
  if (error?.name === 'PasswordException') return encryptedError();
  return damaged(error?.message ?? String(cause), cause);
}
