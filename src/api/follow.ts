/**
 * Following a request while the widget is open (SPEC §1.7, §3 "Follow"): conditional GETs
 * (`ETag` / `304`), a slower pace while the tab is hidden, backoff with jitter on failures, the
 * proxy's `Retry-After` honoured, and a stop. The durable path is the host's backend; this only
 * makes the page update at once.
 * Pure: visibility, time and randomness are inputs (no `document`).
 */
import { type JseError, toJseError } from './errors.js';
import type { RequestSnapshot } from './client.js';
import { realSleep, type Sleep } from './retry.js';
import type { RequestStatus, SignRequest } from './types.js';

/** Page visibility as the host sees it (`document.visibilityState`). */
export type Visibility = 'visible' | 'hidden';

/** Pace of the polls, in ms. */
export interface FollowIntervals {
  /** Between polls while the page is visible. Default 5 s. */
  visible: number;
  /** Between polls while hidden. Default 60 s. */
  hidden: number;
  /** Ceiling of the backoff after failures. Default 120 s. */
  max: number;
}

export const DEFAULT_INTERVALS: Readonly<FollowIntervals> = { visible: 5_000, hidden: 60_000, max: 120_000 };

/** Options of {@link follow}. */
export interface FollowOptions {
  client: { getRequest(id: string, options?: { signal?: AbortSignal; etag?: string | null; retry?: false }): Promise<RequestSnapshot> };
  id: string;
  /** The request as last seen (just created, say): the first poll then waits one interval. */
  request?: SignRequest;
  /** Its ETag, when known. */
  etag?: string | null;
  /** Asked before each wait; default: always visible. */
  visibility?: () => Visibility;
  /** Told of every new representation of the request (never of a 304). */
  onUpdate: (request: SignRequest) => void;
  /** Told of failed polls; `fatal` ones (not found, forbidden…) end the following. */
  onError?: (error: JseError, info: { fatal: boolean }) => void;
  intervals?: Partial<FollowIntervals>;
  sleep?: Sleep;
  random?: () => number;
}

/** A running follow. */
export interface Follower {
  /** Stops polling at once (an in-flight poll is aborted). `done` resolves with undefined. */
  stop(): void;
  /** Polls now instead of waiting (the tab became visible, the user asked). */
  wake(): void;
  /** Resolves with the request in its final status, or undefined when stopped or failed fatally. */
  readonly done: Promise<SignRequest | undefined>;
}

const FINAL: ReadonlySet<RequestStatus> = new Set<RequestStatus>(['signed', 'refused', 'expired', 'cancelled']);

/** Whether a request will not change any more. */
export function isFinal(status: RequestStatus): boolean {
  return FINAL.has(status);
}

/** Starts following `id`. */
export function follow(options: FollowOptions): Follower {
  const intervals = { ...DEFAULT_INTERVALS, ...options.intervals };
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const visibility = options.visibility ?? (() => 'visible' as const);
  const life = new AbortController();
  let nap: AbortController | undefined;
  let etag = options.etag ?? null;

  const base = () => (visibility() === 'hidden' ? intervals.hidden : intervals.visible);
  // ±10 % so that many open widgets do not poll in step.
  const jittered = (ms: number) => Math.round(ms * (0.9 + 0.2 * random()));

  const wait = async (ms: number) => {
    nap = new AbortController();
    try {
      await sleep(ms, AbortSignal.any([life.signal, nap.signal]));
    } catch {
      // Woken or stopped: the loop checks which.
    } finally {
      nap = undefined;
    }
  };

  const run = async (): Promise<SignRequest | undefined> => {
    if (options.request && isFinal(options.request.status)) return options.request;
    let failures = 0;
    if (options.request) await wait(jittered(base()));
    while (!life.signal.aborted) {
      let delay: number;
      let snapshot: RequestSnapshot;
      try {
        snapshot = await options.client.getRequest(options.id, { signal: life.signal, etag, retry: false });
      } catch (cause) {
        if (life.signal.aborted) return undefined;
        const error = toJseError(cause);
        if (!error.retryable) {
          options.onError?.(error, { fatal: true });
          return undefined;
        }
        options.onError?.(error, { fatal: false });
        failures += 1;
        // Equal jitter: at least half the exponential step, so failures really slow the pace.
        const step = Math.min(intervals.max, base() * 2 ** failures);
        delay = Math.max(Math.round(step / 2 + (step / 2) * random()), error.retryAfter ?? 0);
        await wait(delay);
        continue;
      }
      if (life.signal.aborted) return undefined;
      failures = 0;
      etag = snapshot.etag ?? etag;
      if (!snapshot.notModified) {
        // Outside the try: a throwing onUpdate is not a failed poll to retry.
        options.onUpdate(snapshot.request);
        if (isFinal(snapshot.request.status)) return snapshot.request;
      }
      delay = Math.max(jittered(base()), snapshot.retryAfter ?? 0);
      await wait(delay);
    }
    return undefined;
  };

  // A throwing onUpdate is the caller's bug: reported, and it ends the following rather than
  // leaving an unhandled rejection behind.
  const done = run().catch((cause: unknown) => {
    life.abort();
    const error = toJseError(cause);
    options.onError?.(error, { fatal: true });
    return undefined;
  });
  return {
    stop: () => life.abort(),
    wake: () => nap?.abort(),
    done,
  };
}
