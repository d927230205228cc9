/**
 * The token for the proxy (SPEC §3): `POST {token-endpoint}` with the page's cookies →
 * `{ token, expiresIn, proxyUrl }`. The token lives only in a private field of this object and
 * leaves it only as an `Authorization` header on a request to the proxy: never in a URL, never in
 * storage, never in a value handed back to callers.
 * Pure: fetch and the clock are injected.
 */
import { JseError } from './errors.js';
import { abortReason } from './retry.js';

/** Options of {@link TokenProvider}. */
export interface TokenProviderOptions {
  /** The host's token endpoint (the element's `token-endpoint`). */
  endpoint: string;
  fetch?: typeof fetch;
  /** Clock in ms (default `Date.now`). */
  now?: () => number;
  /**
   * Renew this long (ms) before expiry, so a token does not expire on its way to the proxy.
   * Capped at a quarter of the token's lifetime for very short-lived tokens. Default 30 s.
   */
  refreshMargin?: number;
}

interface Held {
  token: string;
  proxyUrl: string;
  /** When to stop using it (ms, clock of `now`). */
  renewAt: number;
  generation: number;
}

/** A way to authorise one request, without revealing the token. */
export interface Authorization {
  /** The proxy base URL given with this token. */
  readonly proxyUrl: string;
  /** Identifies the token, so a 401 invalidates this one and not a newer one. */
  readonly generation: number;
  /** Sets `Authorization: Bearer …` on the headers of a request to the proxy. */
  apply(headers: Headers): void;
}

/** Fetches, caches and renews the proxy token. One fetch at a time, shared by concurrent callers. */
export class TokenProvider {
  readonly #endpoint: string;
  readonly #fetch: typeof fetch;
  readonly #now: () => number;
  readonly #margin: number;
  #held?: Held;
  #pending?: Promise<Held>;
  #generation = 0;

  constructor(options: TokenProviderOptions) {
    this.#endpoint = options.endpoint;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#now = options.now ?? Date.now;
    this.#margin = options.refreshMargin ?? 30_000;
  }

  /** Number of tokens fetched so far (for diagnostics and tests; not the token). */
  get fetched(): number {
    return this.#generation;
  }

  /**
   * A valid authorization, fetching a token when none is held or it is about to expire.
   * Rejects with `token_failed` (or the signal's reason).
   */
  async authorize(signal?: AbortSignal): Promise<Authorization> {
    if (signal?.aborted) throw abortReason(signal);
    const held = this.#held && this.#now() < this.#held.renewAt ? this.#held : await this.#shared(signal);
    const { token, proxyUrl, generation } = held;
    return {
      proxyUrl,
      generation,
      apply: (headers) => headers.set('Authorization', `Bearer ${token}`),
    };
  }

  /** Forgets the token of `generation` (the proxy refused it); a newer one is kept. */
  invalidate(generation?: number): void {
    if (this.#held && (generation === undefined || this.#held.generation === generation)) this.#held = undefined;
  }

  /** One fetch in flight for everyone; a caller's abort stops its wait, not the others'. */
  #shared(signal?: AbortSignal): Promise<Held> {
    this.#pending ??= this.#request().finally(() => {
      this.#pending = undefined;
    });
    const pending = this.#pending;
    if (!signal) return pending;
    return new Promise<Held>((resolve, reject) => {
      const onAbort = () => reject(abortReason(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  async #request(): Promise<Held> {
    const asked = this.#now();
    let response: Response;
    try {
      response = await this.#fetch(this.#endpoint, {
        method: 'POST',
        credentials: 'include',
        cache: 'no-store',
        headers: { Accept: 'application/json' },
      });
    } catch (cause) {
      throw new JseError('token_failed', 'The token endpoint could not be reached.', { cause });
    }
    if (!response.ok) {
      throw new JseError('token_failed', `The token endpoint answered ${response.status}.`, { status: response.status });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      throw new JseError('token_failed', 'The token endpoint did not answer JSON.', { status: response.status, cause });
    }
    const { token, expiresIn, proxyUrl } = (body ?? {}) as Record<string, unknown>;
    if (typeof token !== 'string' || token === '' || typeof expiresIn !== 'number' || !(expiresIn > 0) || typeof proxyUrl !== 'string') {
      throw new JseError('token_failed', 'The token endpoint answered without {token, expiresIn, proxyUrl}.', {
        status: response.status,
        retryable: false,
      });
    }
    const lifetime = expiresIn * 1000;
    // Counted from when we asked, not when the answer came: the server's clock started earlier.
    const renewAt = asked + lifetime - Math.min(this.#margin, lifetime / 4);
    this.#generation += 1;
    this.#held = { token, proxyUrl, renewAt, generation: this.#generation };
    return this.#held;
  }
}
