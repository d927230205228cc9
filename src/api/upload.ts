/**
 * The multipart upload with progress. fetch gives no upload progress, so this one module uses
 * XMLHttpRequest, taken as an injected constructor: the rest of the client stays on fetch and
 * pure. The answer is handed back as a fetch `Response`, so status, problems and headers are read
 * the same way as for every other call.
 */
import { abortReason } from './retry.js';

/**
 * Upload progress: `total` is null while the browser gives no measurable progress (the UI then
 * shows an indeterminate bar). `loaded === total` once the body has been sent.
 */
export interface UploadProgress {
  loaded: number;
  total: number | null;
}

/** One upload. */
export interface UploadRequest {
  url: string;
  method: string;
  headers: Headers;
  body: FormData;
  signal?: AbortSignal;
  onProgress?: (progress: UploadProgress) => void;
  /**
   * Ms to wait for the answer once the body is sent (the upload itself may take minutes on a slow
   * line, so it is not timed). Expiry rejects with a `TimeoutError` DOMException.
   */
  responseTimeout?: number;
}

/** Sends an upload; rejects with a `TypeError` on a network error, like fetch. */
export type UploadTransport = (request: UploadRequest) => Promise<Response>;

/** Statuses whose Response must have no body (Fetch standard "null body status"). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** An upload transport on XMLHttpRequest, with upload progress events. */
export function xhrUpload(XHR: typeof XMLHttpRequest): UploadTransport {
  return (request) =>
    new Promise<Response>((resolve, reject) => {
      const { signal, onProgress } = request;
      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      const xhr = new XHR();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        finish();
        xhr.abort();
        reject(abortReason(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });

      xhr.open(request.method, request.url, true);
      xhr.responseType = 'blob';
      request.headers.forEach((value, name) => xhr.setRequestHeader(name, value));

      // Indeterminate until the browser reports a measurable progress (some never do).
      onProgress?.({ loaded: 0, total: null });
      xhr.upload.onprogress = (event) => {
        onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : null });
      };
      xhr.upload.onload = (event) => {
        if (event.lengthComputable) onProgress?.({ loaded: event.total, total: event.total });
        if (request.responseTimeout !== undefined) {
          timer = setTimeout(() => {
            finish();
            xhr.abort();
            reject(new DOMException('No answer in time after the upload.', 'TimeoutError'));
          }, request.responseTimeout);
        }
      };
      xhr.onload = () => {
        finish();
        const status = xhr.status;
        if (status < 200 || status > 599) {
          reject(new TypeError(`Upload failed (status ${status}).`));
          return;
        }
        resolve(
          new Response(NULL_BODY.has(status) ? null : (xhr.response as Blob | null), {
            status,
            statusText: xhr.statusText,
            headers: parseHeaders(xhr.getAllResponseHeaders()),
          }),
        );
      };
      xhr.onerror = () => {
        finish();
        reject(new TypeError('Network error during the upload.'));
      };
      xhr.ontimeout = () => {
        finish();
        reject(new DOMException('The upload timed out.', 'TimeoutError'));
      };
      xhr.send(request.body);
    });
}

/**
 * An upload transport on fetch, for environments without XMLHttpRequest: progress stays
 * indeterminate until the answer.
 */
export function fetchUpload(fetchImpl: typeof fetch): UploadTransport {
  return async (request) => {
    request.onProgress?.({ loaded: 0, total: null });
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      cache: 'no-store',
      ...(request.signal ? { signal: request.signal } : {}),
    });
    return response;
  };
}

function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}
