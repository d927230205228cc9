/**
 * Fetching the file at `src` without downloading what will be refused (SPEC §4): its size is
 * learnt first (HEAD; where HEAD is refused, as presigned URLs do, a one-byte `Range` probe), and
 * a download whose size is unknown stops as soon as it passes the limit.
 */
import { DocumentError, tooLarge, unavailable } from './errors.js';
import { contentLength, filenameFromDisposition, totalFromContentRange, versionOf, type HeaderSource } from './http.js';

export interface SourceOptions {
  /** `include` only when the host set `with-credentials`; `same-origin` otherwise. */
  credentials: RequestCredentials;
  /** Refuse a file larger than this many bytes. */
  limit: number;
  signal?: AbortSignal;
}

/** What is known about the file before its body is downloaded. */
export interface SourceInfo {
  /** Size in bytes, when the server said it. */
  size?: number;
  /** `ETag`, else `Last-Modified`. */
  version?: string;
  /** From `Content-Disposition`. */
  filename?: string;
  /** The server answers `Range` requests (pdf.js can then fetch only the pages shown). */
  ranges: boolean;
  /** The whole file, when a probe already brought it (a server that ignores `Range`). */
  bytes?: Uint8Array;
}

/** Statuses that say the file is not there, so asking again another way is pointless. */
const GONE = new Set([404, 410]);

/**
 * Learns the file's size, version and name, refusing it (`document_too_large`) when the size is
 * known to pass the limit. Never downloads more than the limit.
 */
export async function inspectSource(url: string, options: SourceOptions): Promise<SourceInfo> {
  const head = await attempt(url, options, { method: 'HEAD' });
  if (head instanceof Response) {
    const size = contentLength(head.headers);
    if (size !== undefined) {
      checkSize(size, options.limit);
      return { ...describe(head.headers), size, ranges: head.headers.get('accept-ranges')?.toLowerCase() === 'bytes' };
    }
  } else if (head.status !== undefined && GONE.has(head.status)) {
    throw head;
  }

  const probe = await attempt(url, options, { headers: { Range: 'bytes=0-0' } });
  if (probe instanceof Response) {
    if (probe.status === 206) {
      void probe.body?.cancel();
      const size = totalFromContentRange(probe.headers.get('content-range'));
      if (size !== undefined) {
        checkSize(size, options.limit);
        return { ...describe(probe.headers), size, ranges: true };
      }
    } else {
      // The server ignored Range: this is the whole file, read it (within the limit) rather than ask twice.
      const bytes = await readBody(probe, options);
      return { ...describe(probe.headers), size: bytes.length, ranges: false, bytes };
    }
  } else if (probe.status !== undefined && GONE.has(probe.status)) {
    throw probe;
  }

  // Neither HEAD nor the probe told the size: download, stopping at the limit.
  const bytes = await readAll(url, options);
  return { size: bytes.bytes.length, ranges: false, bytes: bytes.bytes, ...bytes.info };
}

/** Downloads the whole file; stops as soon as it passes the limit. */
export async function readAll(url: string, options: SourceOptions): Promise<{ bytes: Uint8Array; info: Omit<SourceInfo, 'ranges'> }> {
  const response = await attempt(url, options, {});
  if (!(response instanceof Response)) throw response;
  return { bytes: await readBody(response, options), info: describe(response.headers) };
}

/**
 * The first `count` bytes (one `Range` request). A server that ignores `Range` sends the whole
 * file: it is then read whole (within the limit) and `complete` is true.
 */
/**
 * Bytes [begin, end) of the file by a `Range` request: what pdf.js asks for to show a page
 * (see `rangeTransport` in pdfjs.ts). A server that answers 200 instead is read whole (within the
 * limit) and cut.
 */
export async function readRange(url: string, begin: number, end: number, options: SourceOptions): Promise<Uint8Array> {
  const response = await attempt(url, options, { headers: { Range: `bytes=${begin}-${end - 1}` } });
  if (!(response instanceof Response)) throw response;
  if (response.status === 206) return readBody(response, { ...options, limit: end - begin }, false);
  return (await readBody(response, options)).slice(begin, end);
}

export async function readStart(url: string, count: number, options: SourceOptions): Promise<{ bytes: Uint8Array; complete: boolean }> {
  const response = await attempt(url, options, { headers: { Range: `bytes=0-${count - 1}` } });
  if (!(response instanceof Response)) throw response;
  if (response.status !== 206) return { bytes: await readBody(response, options), complete: true };
  return { bytes: await readBody(response, { ...options, limit: count }, false), complete: false };
}

function checkSize(size: number, limit: number): void {
  if (size > limit) throw tooLarge(size, limit);
}

function describe(headers: HeaderSource): Omit<SourceInfo, 'ranges' | 'size'> {
  const version = versionOf(headers);
  const filename = filenameFromDisposition(headers.get('content-disposition'));
  return { ...(version !== undefined ? { version } : {}), ...(filename !== undefined ? { filename } : {}) };
}

/** One request; a failure comes back (not thrown) as the error it would be, so callers can try another way. */
async function attempt(url: string, options: SourceOptions, init: RequestInit): Promise<Response | DocumentError> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: options.credentials, cache: 'no-cache', signal: options.signal ?? null });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    return unavailable(undefined, cause);
  }
  if (!response.ok) {
    void response.body?.cancel();
    return unavailable(response.status);
  }
  return response;
}

/**
 * Reads a body, refusing it as soon as it is known to pass `limit`: from `Content-Length` before
 * reading anything, else while streaming. `strict` false just stops at the limit (a range read).
 */
async function readBody(response: Response, options: SourceOptions, strict = true): Promise<Uint8Array> {
  const declared = contentLength(response.headers);
  if (strict && declared !== undefined && declared > options.limit) {
    void response.body?.cancel();
    throw tooLarge(declared, options.limit);
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      if (received > options.limit) {
        void reader.cancel();
        // The declared length (if any) was under the limit, so it was wrong: the real size is unknown.
        if (strict) throw tooLarge(undefined, options.limit);
        break;
      }
    }
  } catch (cause) {
    if (cause instanceof DocumentError || options.signal?.aborted) throw cause;
    throw unavailable(undefined, cause);
  }
  const bytes = new Uint8Array(strict ? received : Math.min(received, options.limit));
  let at = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - at);
    bytes.set(part, at);
    at += part.length;
    if (at >= bytes.length) break;
  }
  return bytes;
}
