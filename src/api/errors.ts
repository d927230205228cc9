import type { JseErrorCode, ValidationProblem } from './types.js';

/** Codes whose failure may succeed if the same call is made again later. */
const RETRYABLE: ReadonlySet<JseErrorCode> = new Set<JseErrorCode>([
  'document_unavailable',
  'token_failed',
  'rate_limited',
  'upstream_unavailable',
  'network',
  'contacts_unavailable',
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

/** Options of {@link toJseError}. */
export interface ClassifyOptions {
  /**
   * The failure interrupted a call that may have reached the proxy (`POST /requests`): an abort
   * or a timeout then leaves its outcome unknown.
   */
  outcomeUnknown?: boolean;
}

/**
 * The one reading of a failure, used wherever something may throw (loading, sending, following,
 * the account step): a `JseError` is kept as it is; an abort or a timeout (a `DOMException`
 * `AbortError`/`TimeoutError`) is `network`, retryable; anything else — a `TypeError`, a
 * `RangeError`, a thrown string — is the element's own fault, `internal_error`, not retryable,
 * and never passed off as network trouble. (Failures to reach the proxy or the token endpoint are
 * already `JseError`s from the client; a lazily loaded chunk that did not arrive is read by
 * {@link partUnavailable} where it is imported.)
 */
export function toJseError(cause: unknown, options: ClassifyOptions = {}): JseError {
  if (cause instanceof JseError) return cause;
  const name = errorName(cause);
  if (name === 'AbortError' || name === 'TimeoutError') {
    const message = name === 'TimeoutError' ? 'The operation timed out.' : 'The operation was aborted.';
    return new JseError('network', message, { retryable: true, outcomeUnknown: options.outcomeUnknown ?? false, cause });
  }
  return new JseError('internal_error', describe(cause), { retryable: false, cause });
}

/**
 * A lazily loaded part of the widget (a chunk: the payload builder, the parts, the loader) that
 * did not arrive — offline, or a redeployed bundle: `network`, retryable. Use it only around the
 * `import()` itself, so that a fault of the module's code is not read as a missing chunk.
 */
export function partUnavailable(cause: unknown): JseError {
  if (cause instanceof JseError) return cause;
  return new JseError('network', 'Part of the widget could not be loaded.', { retryable: true, cause });
}

/** `import()` of a part of the widget, its failure read by {@link partUnavailable}. */
export function importPart<T>(load: () => Promise<T>): Promise<T> {
  return load().catch((cause: unknown) => {
    throw partUnavailable(cause);
  });
}

function errorName(cause: unknown): string | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const name = (cause as { name?: unknown }).name;
  return typeof name === 'string' ? name : undefined;
}

/** `TypeError: x is not a function`, for the developer who reads the event or the console. */
function describe(cause: unknown): string {
  if (cause instanceof Error) return cause.message ? `${cause.name}: ${cause.message}` : cause.name;
  try {
    return `Thrown: ${String(cause)}`;
  } catch {
    return 'Thrown: a value that cannot be printed.';
  }
}
