/**
 * The client of the host's proxy (SPEC §3; reference: docs/openapi.yaml). No DOM, no Lit: fetch,
 * an injected upload transport (XMLHttpRequest for progress) and Web Crypto only.
 *
 * Every call takes an AbortSignal; every failure is a {@link JseError}, except an abort, which
 * rejects with the signal's reason (an `AbortError` DOMException by default).
 */
import { JseError } from './errors.js';
import { problemFromResponse, parseRetryAfter } from './problem.js';
import { abortReason, isRepeatable, isTransient, withRetry, type RetryPolicy, type Sleep } from './retry.js';
import { TokenProvider } from './token.js';
import type { CreateRequestJson, CreateRequestPart, Me, SignRequest } from './types.js';
import { fetchUpload, xhrUpload, type UploadProgress, type UploadTransport } from './upload.js';

export type { UploadProgress } from './upload.js';

/** Options of {@link ProxyClient}. Give `tokenEndpoint`, or a shared `tokens` provider. */
export interface ProxyClientOptions {
  /** The host's token endpoint (the element's `token-endpoint`). */
  tokenEndpoint?: string;
  /** A token provider to share between clients (else one is made from `tokenEndpoint`). */
  tokens?: TokenProvider;
  /** Overrides the `proxyUrl` the token endpoint returns (the element's `proxy-url`). */
  proxyUrl?: string;
  fetch?: typeof fetch;
  /** How multipart uploads are sent (default: XMLHttpRequest when present, for progress). */
  upload?: UploadTransport;
  retry?: Partial<RetryPolicy>;
  /** Ms to wait for an answer (after the upload, for uploads). Default 30 s. */
  timeout?: number;
  sleep?: Sleep;
  random?: () => number;
}

/** Options every call takes. */
export interface CallOptions {
  signal?: AbortSignal;
  /** This call's retry policy, or `false` for a single attempt. */
  retry?: Partial<RetryPolicy> | false;
}

/** Options of {@link ProxyClient.createRequest}. */
export interface CreateOptions extends CallOptions {
  /** From {@link idempotencyKey}: the same for every retry of the same content. */
  idempotencyKey: string;
  /** Told of the upload's progress (multipart only). */
  onProgress?: (progress: UploadProgress) => void;
}

/** The document to upload (multipart form); its name is the payload's `document.name`. */
export interface CreateUpload extends CreateOptions {
  file: Blob;
}

/** The documents to upload (multipart), one per entry of the payload's `documents`, in order. */
export interface CreateUploadSet extends CreateOptions {
  files: readonly Blob[];
}

/** `getRequest`'s answer: the request, or "not modified" since the ETag given. */
export type RequestSnapshot =
  | { notModified: false; request: SignRequest; etag: string | null; retryAfter?: number }
  | { notModified: true; etag: string | null; retryAfter?: number };

const STATUSES = new Set(['pending', 'signed', 'refused', 'expired', 'cancelled']);

interface Send extends CallOptions {
  method: string;
  path: string;
  accept?: string;
  json?: unknown;
  form?: FormData;
  onProgress?: (progress: UploadProgress) => void;
  idempotencyKey?: string;
  /** A network failure here leaves unknown whether the proxy acted (POST /requests). */
  outcomeMatters?: boolean;
  /** Statuses other than 2xx that are answers, not errors (304). */
  answers?: readonly number[];
  /** Sent as `If-None-Match`. */
  etag?: string;
}

/** Talks to the host's proxy on behalf of the signed-in GED user. */
export class ProxyClient {
  readonly #tokens: TokenProvider;
  readonly #proxyUrl?: string;
  readonly #fetch: typeof fetch;
  readonly #upload: UploadTransport;
  readonly #retry?: Partial<RetryPolicy>;
  readonly #timeout: number;
  readonly #sleep?: Sleep;
  readonly #random?: () => number;

  constructor(options: ProxyClientOptions) {
    const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    if (options.tokens) this.#tokens = options.tokens;
    else if (options.tokenEndpoint) this.#tokens = new TokenProvider({ endpoint: options.tokenEndpoint, fetch: fetchImpl });
    else throw new TypeError('ProxyClient needs a tokenEndpoint or a TokenProvider.');
    if (options.proxyUrl) this.#proxyUrl = options.proxyUrl;
    this.#fetch = fetchImpl;
    this.#upload =
      options.upload ??
      (typeof globalThis.XMLHttpRequest === 'function' ? xhrUpload(globalThis.XMLHttpRequest) : fetchUpload(fetchImpl));
    if (options.retry) this.#retry = options.retry;
    this.#timeout = options.timeout ?? 30_000;
    if (options.sleep) this.#sleep = options.sleep;
    if (options.random) this.#random = options.random;
  }

  /**
   * The proxy's base URL: the `proxy-url` given, else the one the token endpoint answered with.
   * Its origin is the only one connect-page messages are accepted from (SPEC §3 Connect).
   */
  async proxyBase(options: CallOptions = {}): Promise<string> {
    if (this.#proxyUrl) return this.#proxyUrl;
    return (await this.#tokens.authorize(options.signal)).proxyUrl;
  }

  /** `GET /me`: whether the user's Jesignexpert account is linked, who they are, the limits. */
  async me(options: CallOptions = {}): Promise<Me> {
    const response = await this.#send({ ...options, method: 'GET', path: '/me' });
    const body = await readJson(response);
    if (!isRecord(body) || typeof body.connected !== 'boolean') throw unexpected('GET /me');
    if (body.connected ? !isRecord(body.user) : typeof body.connectUrl !== 'string') throw unexpected('GET /me');
    return body as unknown as Me;
  }

  /**
   * `POST /requests`. With `file`, a multipart upload (the PDF in part `document`, the payload
   * without `document.id` in part `request`); without, JSON (the proxy fetches the GED's file).
   *
   * Retried (same key) on network errors, 5xx and 429. When it fails on a network error or a
   * timeout — or after one, on an answer that does not settle it — the error has
   * `code: 'network'` or the last code and `outcomeUnknown: true`: the request may exist, so the
   * draft must be locked to "retry with the same key" or "abandon". Aborting a send leaves the
   * outcome unknown too.
   */
  createRequest(payload: CreateRequestJson, options: CreateOptions): Promise<SignRequest>;
  createRequest(payload: CreateRequestPart, options: CreateUpload | CreateUploadSet): Promise<SignRequest>;
  async createRequest(payload: CreateRequestJson | CreateRequestPart, options: CreateOptions | CreateUpload | CreateUploadSet): Promise<SignRequest> {
    if (!options.idempotencyKey) throw new TypeError('createRequest needs an idempotencyKey.');
    const send: Send = { ...options, method: 'POST', path: '/requests', outcomeMatters: true };
    if ('files' in options) {
      // Several documents (SPEC §10): one `documents` part each, in the order of `documents`.
      if (!('documents' in payload)) throw new TypeError('An upload of several files needs `documents` in the payload.');
      if (payload.documents.length !== options.files.length) throw new TypeError('One file per entry of `documents`.');
      const documents = payload.documents.map((d) => withoutId(d));
      const part: CreateRequestPart = { ...payload, documents };
      const form = new FormData();
      form.append('request', new Blob([JSON.stringify(part)], { type: 'application/json' }), 'request.json');
      options.files.forEach((file, i) => form.append('documents', file, documents[i].name));
      send.form = form;
    } else if ('file' in options) {
      if (!('document' in payload)) throw new TypeError('An upload of one file needs `document` in the payload.');
      // The proxy must never be told to fetch a document by id when the bytes are uploaded.
      const document = withoutId(payload.document);
      const part: CreateRequestPart = { ...payload, document };
      const form = new FormData();
      form.append('request', new Blob([JSON.stringify(part)], { type: 'application/json' }), 'request.json');
      form.append('document', options.file, document.name);
      send.form = form;
    } else {
      send.json = payload;
    }
    const response = await this.#send(send);
    return readRequest(response, 'POST /requests');
  }

  /**
   * `GET /requests/{id}`, conditional on `etag` (`If-None-Match` → `304`). `retryAfter` (ms) is
   * the proxy's wish for the next poll.
   */
  async getRequest(id: string, options: CallOptions & { etag?: string | null } = {}): Promise<RequestSnapshot> {
    const { etag: known, ...call } = options;
    const send: Send = { ...call, method: 'GET', path: `/requests/${segment(id)}`, answers: [304] };
    if (known) send.etag = known;
    const response = await this.#send(send);
    const etag = response.headers.get('etag');
    const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
    const extra = retryAfter === undefined ? {} : { retryAfter };
    if (response.status === 304) {
      await response.body?.cancel();
      return { notModified: true, etag: etag ?? known ?? null, ...extra };
    }
    return { notModified: false, request: await readRequest(response, 'GET /requests/{id}'), etag, ...extra };
  }

  /**
   * `GET /requests/{id}/signed-document`: the signed PDF. Always from the proxy (never from a URL
   * found in an answer), so the token is only ever sent to the proxy. With `index`, document
   * `index` of a request of several documents (`/requests/{id}/documents/{index}/signed-document`).
   */
  async signedDocument(id: string, options: CallOptions & { index?: number } = {}): Promise<Blob> {
    const { index, ...call } = options;
    if (index !== undefined && !(Number.isInteger(index) && index >= 0)) throw new TypeError(`Not a document index: ${String(index)}`);
    const path = index === undefined ? `/requests/${segment(id)}/signed-document` : `/requests/${segment(id)}/documents/${index}/signed-document`;
    const response = await this.#send({ ...call, method: 'GET', path, accept: 'application/pdf' });
    const blob = await response.blob();
    return blob.type ? blob : new Blob([blob], { type: 'application/pdf' });
  }

  /** `DELETE /requests/{id}`: cancels a pending request. */
  async cancel(id: string, options: CallOptions = {}): Promise<void> {
    const response = await this.#send({ ...options, method: 'DELETE', path: `/requests/${segment(id)}` });
    await response.body?.cancel();
  }

  async #send(request: Send): Promise<Response> {
    const { signal } = request;
    const repeatable = request.retry !== false && isRepeatable(request.method, request.idempotencyKey);
    let refreshed = false;
    let unknown = false;
    try {
      return await withRetry(
        async () => {
          for (;;) {
            const auth = await this.#tokens.authorize(signal);
            const headers = new Headers({ Accept: request.accept ?? 'application/json' });
            auth.apply(headers);
            if (request.idempotencyKey) headers.set('Idempotency-Key', request.idempotencyKey);
            if (request.etag) headers.set('If-None-Match', request.etag);
            if (request.json !== undefined) headers.set('Content-Type', 'application/json');
            const url = joinUrl(this.#proxyUrl ?? auth.proxyUrl, request.path);
            let response: Response;
            try {
              response = await this.#transport(url, headers, request);
            } catch (cause) {
              if (signal?.aborted) throw abortReason(signal);
              if (request.outcomeMatters) unknown = true;
              const timedOut = (cause as Error)?.name === 'TimeoutError';
              throw new JseError('network', timedOut ? 'The proxy did not answer in time.' : 'The proxy could not be reached.', {
                outcomeUnknown: request.outcomeMatters ?? false,
                cause,
              });
            }
            if (response.status === 401 && !refreshed) {
              // Expired or revoked token: one new token, one more try; a second 401 is final.
              refreshed = true;
              this.#tokens.invalidate(auth.generation);
              await response.body?.cancel();
              continue;
            }
            if (response.ok || request.answers?.includes(response.status)) return response;
            throw await problemFromResponse(response);
          }
        },
        {
          repeatable,
          ...(request.retry ? { policy: { ...this.#retry, ...request.retry } } : this.#retry ? { policy: this.#retry } : {}),
          ...(signal ? { signal } : {}),
          ...(this.#sleep ? { sleep: this.#sleep } : {}),
          ...(this.#random ? { random: this.#random } : {}),
        },
      );
    } catch (error) {
      // An earlier attempt may have reached the proxy: only a definitive answer settles that.
      if (unknown && error instanceof JseError && !error.outcomeUnknown && (error.code === 'conflict' || isTransient(error))) {
        throw new JseError(error.code, error.message, {
          ...(error.status !== undefined ? { status: error.status } : {}),
          ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}),
          retryable: true,
          outcomeUnknown: true,
          cause: error,
        });
      }
      throw error;
    }
  }

  #transport(url: string, headers: Headers, request: Send): Promise<Response> {
    const { signal } = request;
    if (request.form) {
      return this.#upload({
        url,
        method: request.method,
        headers,
        body: request.form,
        responseTimeout: this.#timeout,
        ...(signal ? { signal } : {}),
        ...(request.onProgress ? { onProgress: request.onProgress } : {}),
      });
    }
    const timeout = AbortSignal.timeout(this.#timeout);
    return this.#fetch(url, {
      method: request.method,
      headers,
      cache: 'no-store',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      ...(request.json !== undefined ? { body: JSON.stringify(request.json) } : {}),
    });
  }
}

/** A document's metadata without the GED id: an uploaded file is never fetched by id. */
function withoutId(document: { id?: string; name: string; version?: string | null }): { name: string; version?: string | null } {
  const { id: _id, ...rest } = document;
  return rest;
}

/** The proxy base and a path, whether or not the base ends with a slash. */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}

/** A request id as one path segment: `.`/`..` would climb out of `/requests/`. */
function segment(id: string): string {
  if (typeof id !== 'string' || id === '' || id === '.' || id === '..') throw new TypeError(`Not a request id: ${String(id)}`);
  return encodeURIComponent(id);
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch (cause) {
    throw new JseError('upstream_unavailable', 'The proxy answered something that is not JSON.', { status: response.status, retryable: false, cause });
  }
}

async function readRequest(response: Response, what: string): Promise<SignRequest> {
  const body = await readJson(response);
  if (
    !isRecord(body) ||
    typeof body.id !== 'string' ||
    typeof body.status !== 'string' ||
    !STATUSES.has(body.status) ||
    !Array.isArray(body.signers) ||
    !Array.isArray(body.fields)
  ) {
    throw unexpected(what);
  }
  return body as unknown as SignRequest;
}

function unexpected(what: string): JseError {
  return new JseError('upstream_unavailable', `Unexpected answer to ${what}.`, { retryable: false });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
