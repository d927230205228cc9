/**
 * Fault injection: the network and the upstream misbehaving on purpose, one call at a time, so a
 * test can show what a client does when a send is lost, a proxy fails or an answer is slow.
 * Pure bookkeeping: the handlers ask `take(route)` on every call and act on what it returns.
 */

/** The sandbox's endpoints, by name. `*` matches every one. */
export type SandboxRoute = 'token' | 'me' | 'create' | 'get' | 'signed-document' | 'cancel';

export type Fault =
  /** The connection drops before the proxy does anything. */
  | { kind: 'drop'; when: 'before' }
  /** The proxy does its work (a create is stored), then the answer is lost. */
  | { kind: 'drop'; when: 'after' }
  /** The proxy answers this status as problem+json (5xx, 429…), optionally with `Retry-After`. */
  | { kind: 'status'; status: number; retryAfter?: number }
  /** The answer waits this long (ms), or until the promise settles. */
  | { kind: 'slow'; wait: number | Promise<unknown> };

interface Armed {
  route: SandboxRoute | '*';
  fault: Fault;
  remaining: number;
}

export interface FaultOptions {
  /** How many calls it affects (default 1; `Infinity` until `clear()`). */
  times?: number;
}

export class SandboxFaults {
  readonly #armed: Armed[] = [];
  readonly #expireTokens: () => void;

  constructor(expireTokens: () => void) {
    this.#expireTokens = expireTokens;
  }

  /**
   * The next calls to `route` lose their connection (the client's `fetch` rejects).
   * With `afterProcessing`, the proxy does the work first: a create is stored, then the client
   * never hears of it — the case an `Idempotency-Key` exists for.
   */
  dropConnection(route: SandboxRoute | '*', options: FaultOptions & { afterProcessing?: boolean } = {}): this {
    return this.#arm(route, { kind: 'drop', when: options.afterProcessing ? 'after' : 'before' }, options);
  }

  /** The next calls to `route` answer `status` (e.g. 503 → `upstream_unavailable`). */
  failWith(route: SandboxRoute | '*', status: number, options: FaultOptions & { retryAfter?: number } = {}): this {
    const fault: Fault = options.retryAfter === undefined ? { kind: 'status', status } : { kind: 'status', status, retryAfter: options.retryAfter };
    return this.#arm(route, fault, options);
  }

  /** The next answers of `route` come after `wait` ms, or once the promise settles (a gate). */
  slow(route: SandboxRoute | '*', wait: number | Promise<unknown>, options: FaultOptions = {}): this {
    return this.#arm(route, { kind: 'slow', wait }, options);
  }

  /** Every token issued so far expires now: the next proxy call answers 401. */
  expireTokens(): this {
    this.#expireTokens();
    return this;
  }

  /** Disarms everything. */
  clear(): void {
    this.#armed.length = 0;
  }

  /** How many faults are still armed (a test can check all were used). */
  get pending(): number {
    return this.#armed.reduce((n, a) => n + (Number.isFinite(a.remaining) ? a.remaining : 1), 0);
  }

  /**
   * The faults that apply to this call, consumed: every armed `slow` first (they add up), then the
   * first drop or status, if any.
   */
  take(route: SandboxRoute): Fault[] {
    const out: Fault[] = [];
    let failure: Fault | undefined;
    for (const armed of [...this.#armed]) {
      if (armed.route !== '*' && armed.route !== route) continue;
      if (armed.fault.kind !== 'slow') {
        if (failure) continue;
        failure = armed.fault;
      } else {
        out.push(armed.fault);
      }
      armed.remaining -= 1;
      if (armed.remaining <= 0) this.#armed.splice(this.#armed.indexOf(armed), 1);
    }
    if (failure) out.push(failure);
    return out;
  }

  #arm(route: SandboxRoute | '*', fault: Fault, options: FaultOptions): this {
    this.#armed.push({ route, fault, remaining: options.times ?? 1 });
    return this;
  }
}
