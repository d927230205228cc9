import type { JseErrorCode, ValidationProblem } from './types.js';

/** Codes whose failure may succeed if the same call is made again later. */
const RETRYABLE: ReadonlySet<JseErrorCode> = new Set<JseErrorCode>([
  'document_unavailable',
  'token_failed',
  'rate_limited',
  'upstream_unavailable',
  'network',
]);

/** Options of {@link JseError}. */
export interface JseErrorOptions {
  status?: number;
  retryable?: boolean;
  errors?: ValidationProblem[];
  /**
   * Set on a `network` failure of `POST /requests`: the proxy may or may not have created the
   * request. The draft must then be locked: retry with the same Idempotency-Key, or abandon.
   */
  outcomeUnknown?: boolean;
  /** Milliseconds the proxy asked to wait (`Retry-After`) before trying again. */
  retryAfter?: number;
  /** `assets_unavailable`: the URL of the pdf.js file that could not be loaded. */
  url?: string;
  cause?: unknown;
}

/**
 * The one error type the element rejects with and reports in `jse-error`.
 * Plain data plus `Error`, so hosts can log it or `structuredClone` its fields.
 */
export class JseError extends Error {
  override readonly name = 'JseError';
  readonly code: JseErrorCode;
  readonly retryable: boolean;
  readonly status?: number;
  readonly errors?: ValidationProblem[];
  /** True when a send failed in a way that leaves unknown whether the request was created. */
  readonly outcomeUnknown: boolean;
  /** Milliseconds the proxy asked to wait before trying again, when it said so. */
  readonly retryAfter?: number;
  /** `assets_unavailable`: the URL of the pdf.js file that could not be loaded. */
  readonly url?: string;

  constructor(code: JseErrorCode, message: string, options: JseErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE.has(code);
    this.outcomeUnknown = options.outcomeUnknown ?? false;
    if (options.status !== undefined) this.status = options.status;
    if (options.errors !== undefined) this.errors = options.errors;
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
    if (options.url !== undefined) this.url = options.url;
  }

  /** The `jse-error` event detail. */
  toDetail(): JseErrorDetail {
    const detail: JseErrorDetail = { code: this.code, message: this.message, retryable: this.retryable };
    if (this.status !== undefined) detail.status = this.status;
    if (this.url !== undefined) detail.url = this.url;
    return detail;
  }
}

/** Detail of the `jse-error` event. */
export interface JseErrorDetail {
  code: JseErrorCode;
  message: string;
  retryable: boolean;
  status?: number;
  /**
   * `assets_unavailable`: the pdf.js file (worker or asset) that could not be loaded — a setup
   * problem of the host page (see `configure()` and the Vite plugin), not of the document.
   */
  url?: string;
}
