/**
 * RFC 9457 `application/problem+json` answers of the proxy → {@link JseError} (SPEC §3).
 * Pure: works on a fetch `Response`, no DOM.
 */
import { JseError } from './errors.js';
import type { ProblemCode, ValidationCode, ValidationProblem } from './types.js';

/** The proxy's status → code table (SPEC §3). A problem's own known `code` wins over it. */
export const STATUS_CODES: Readonly<Record<number, ProblemCode>> = {
  400: 'invalid_request',
  401: 'token_failed',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'document_too_large',
  415: 'unsupported_document',
  422: 'invalid_request',
  429: 'rate_limited',
  502: 'upstream_unavailable',
  503: 'upstream_unavailable',
  504: 'upstream_unavailable',
};

const CODES: ReadonlySet<string> = new Set<ProblemCode>([
  'document_too_large',
  'unsupported_document',
  'encrypted_document',
  'damaged_document',
  'document_unavailable',
  'token_failed',
  'not_connected',
  'invalid_request',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'upstream_unavailable',
  'network',
]);

const VALIDATION_CODES: ReadonlySet<string> = new Set<ValidationCode>([
  'required',
  'invalid_email',
  'duplicate_email',
  'invalid_phone',
  'not_mobile',
  'no_field',
  'unknown_signer',
  'outside_page',
  'unknown_document',
  'out_of_range',
]);

/** The code for an HTTP status when the body says nothing usable. */
export function codeForStatus(status: number): ProblemCode {
  const code = STATUS_CODES[status];
  if (code) return code;
  // A 500 or any other 5xx is the proxy's or Jesignexpert's trouble, worth trying again later.
  if (status >= 500) return 'upstream_unavailable';
  return 'invalid_request';
}

/** Whether a status means "try again later" (the retry policy's only HTTP triggers). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * `Retry-After` in milliseconds from `now`: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Reads a failed answer of the proxy into a typed error. Never throws: a body that is not a
 * problem (an HTML error page of a gateway, say) still gives the status's code.
 */
export async function problemFromResponse(response: Response, now: number = Date.now()): Promise<JseError> {
  const status = response.status;
  let body: unknown;
  const type = response.headers.get('content-type') ?? '';
  if (/[/+]json\b/i.test(type)) {
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
  }
  const problem = isRecord(body) ? body : {};
  const code = typeof problem.code === 'string' && CODES.has(problem.code) ? (problem.code as ProblemCode) : codeForStatus(status);
  const message =
    (typeof problem.detail === 'string' && problem.detail) ||
    (typeof problem.title === 'string' && problem.title) ||
    `The proxy answered ${status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  const errors = readValidationProblems(problem.errors);
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'), now);
  return new JseError(code, message, {
    status,
    // Otherwise the code decides (JseError's table): a 409 or a 422 will not pass by waiting.
    ...(isRetryableStatus(status) ? { retryable: true } : {}),
    ...(errors ? { errors } : {}),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
  });
}

/** Keeps the well-formed entries of a problem's `errors`; undefined when there are none. */
export function readValidationProblems(value: unknown): ValidationProblem[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const problems: ValidationProblem[] = [];
  for (const entry of value) {
    if (!isRecord(entry)) continue;
    const { path, code, message } = entry;
    if (typeof path !== 'string' || typeof code !== 'string' || !VALIDATION_CODES.has(code)) continue;
    problems.push({ path, code: code as ValidationCode, message: typeof message === 'string' ? message : '' });
  }
  return problems.length > 0 ? problems : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
