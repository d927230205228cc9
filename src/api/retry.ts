/**
 * Bounded retries with exponential backoff and full jitter (SPEC §3, §4: "retry safe, never two
 * requests"). Only calls that are safe to repeat are retried: a GET, a DELETE (cancelling twice
 * cancels once), or a POST carrying its Idempotency-Key. An unkeyed POST is never repeated.
 * Pure: time and randomness are injected so tests drive them.
 */
import { JseError } from './errors.js';

/** How hard to try. */
export interface RetryPolicy {
  /** Retries after the first attempt (so at most `retries + 1` attempts). */
  retries: number;
  /** First backoff ceiling, in ms; doubles each retry. */
  baseDelay: number;
  /** Backoff ceiling, in ms. */
  maxDelay: number;
  /**
   * The longest `Retry-After` (ms) worth waiting for inside one call; a longer one ends the call
   * with the error (its `retryAfter` tells the UI when to offer trying again).
   */
  maxRetryAfter: number;
}

export const DEFAULT_RETRY: Readonly<RetryPolicy> = { retries: 3, baseDelay: 500, maxDelay: 8000, maxRetryAfter: 30000 };

/** Waits `ms`, rejecting with the signal's reason when aborted. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** The rejection value for an aborted signal (an `AbortError` when the signal gave none). */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Whether repeating this call cannot create or change anything twice. */
export function isRepeatable(method: string, idempotencyKey?: string | null): boolean {
  const m = method.toUpperCase();
  if (m === 'GET' || m === 'HEAD' || m === 'DELETE' || m === 'PUT') return true;
  return m === 'POST' && typeof idempotencyKey === 'string' && idempotencyKey.length > 0;
}

/** Whether an error is a transient one: network, 5xx, 429. */
export function isTransient(error: unknown): error is JseError {
  return (
    error instanceof JseError &&
    (error.code === 'network' || error.code === 'rate_limited' || error.code === 'upstream_unavailable')
  );
}

/** Full jitter: a random delay in [0, min(maxDelay, baseDelay·2^retry)]. `retry` counts from 0. */
export function backoffDelay(retry: number, policy: Pick<RetryPolicy, 'baseDelay' | 'maxDelay'>, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelay, policy.baseDelay * 2 ** retry);
  return Math.round(random() * ceiling);
}

export interface RetryOptions {
  policy?: Partial<RetryPolicy>;
  /** Whether the call may be repeated at all ({@link isRepeatable}). */
  repeatable: boolean;
  signal?: AbortSignal;
  sleep?: Sleep;
  random?: () => number;
  /** Told before each wait, for logs and tests. */
  onRetry?: (info: { retry: number; delay: number; error: JseError }) => void;
}

/**
 * Runs `attempt` until it succeeds, fails with a non-transient error, the budget is spent, or the
 * signal aborts. With `Retry-After`, waits at least that long (never less: the proxy asked).
 */
export async function withRetry<T>(attempt: (index: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const policy = { ...DEFAULT_RETRY, ...options.policy };
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  for (let index = 0; ; index++) {
    if (options.signal?.aborted) throw abortReason(options.signal);
    try {
      return await attempt(index);
    } catch (error) {
      if (options.signal?.aborted) throw abortReason(options.signal);
      if (!options.repeatable || !isTransient(error) || index >= policy.retries) throw error;
      if (error.retryAfter !== undefined && error.retryAfter > policy.maxRetryAfter) throw error;
      const jittered = backoffDelay(index, policy, random);
      const delay = error.retryAfter !== undefined ? Math.max(error.retryAfter, jittered) : jittered;
      options.onRetry?.({ retry: index + 1, delay, error });
      await sleep(delay, options.signal);
    }
  }
}
