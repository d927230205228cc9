/**
 * The user's link to Jesignexpert (SPEC §1 step 2, §3 Account and Connect): `GET /me` when the
 * element has a token endpoint; when the account is not linked, the connect step — a popup opened
 * from the user's click (a link to a new tab when it is blocked) — and three ways of learning that
 * linking succeeded: the proxy page's `postMessage` (accepted only from the proxy's origin), the
 * `jse-connect` BroadcastChannel (same origin by construction), and `/me` every 2 s while the step
 * is shown, because the opener is often lost after the provider's pages. A message only triggers a
 * `/me` check: the proxy's answer decides, never the message itself.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ProxyClient } from '../api/client.js';
import { JseError, toJseError } from '../api/errors.js';
import type { Limits, Person } from '../api/types.js';
import { timing } from '../internal/timing.js';
import { isSafeConnectUrl } from './connect-url.js';

export type AccountState =
  | { kind: 'unknown' }
  | { kind: 'checking' }
  | { kind: 'connected'; user: Person; limits: Limits }
  | { kind: 'disconnected'; connectUrl: string; popup: 'idle' | 'open' | 'blocked' }
  | { kind: 'error'; error: JseError };

export interface AccountCallbacks {
  client(): ProxyClient | undefined;
  /** The account must be linked (fired once per disconnected spell). */
  onConnectRequired(connectUrl: string): void;
  /** `/me` answered connected; `linked` is true when it was not connected before (the user just linked it). */
  onConnected(user: Person, limits: Limits, linked: boolean): void;
  onError(error: JseError): void;
  /** Between two `/me` checks while the connect step is shown, in ms; default src/internal/timing.ts's (2 s). */
  pollInterval?: number;
}

export const CONNECT_MESSAGE = 'jse:connected';
export const CONNECT_CHANNEL = 'jse-connect';

export class AccountController implements ReactiveController {
  state: AccountState = { kind: 'unknown' };
  #abort?: AbortController;
  #watch?: { stop(): void };
  #popup: Window | null = null;
  #wasDisconnected = false;
  /** The `/me` check in flight, if any: polls wait for it instead of aborting it (a slow `/me` still lands). */
  #inFlight?: Promise<AccountState>;
  /** A linking message came while a check was in flight: check again once it is done. */
  #recheckAfter = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly callbacks: AccountCallbacks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Also after a move in the DOM that aborted a check in flight ('checking').
    if (this.state.kind !== 'connected') void this.check();
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#stopWatching();
  }

  get connected(): boolean {
    return this.state.kind === 'connected';
  }

  /**
   * Asks `/me` and moves to connected, disconnected (the connect step) or error. A new call (the
   * configuration changed, the user retries) aborts the one in flight; the connect step's polls do not.
   */
  check(): Promise<AccountState> {
    const run = this.#check();
    this.#inFlight = run;
    void run.finally(() => {
      if (this.#inFlight !== run) return;
      this.#inFlight = undefined;
      if (this.#recheckAfter) {
        this.#recheckAfter = false;
        if (this.state.kind === 'disconnected' && this.#watch) void this.check();
      }
    });
    return run;
  }

  async #check(): Promise<AccountState> {
    const client = this.callbacks.client();
    if (!client) {
      this.#set({ kind: 'unknown' });
      return this.state;
    }
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    if (this.state.kind !== 'disconnected') this.#set({ kind: 'checking' });
    try {
      const me = await client.me({ signal: abort.signal });
      if (abort.signal.aborted) return this.state;
      if (me.connected) {
        const linked = this.#wasDisconnected;
        this.#wasDisconnected = false;
        this.#stopWatching();
        this.#popup = null;
        this.#set({ kind: 'connected', user: me.user, limits: me.limits });
        this.callbacks.onConnected(me.user, me.limits, linked);
      } else if (!isSafeConnectUrl(me.connectUrl, document.baseURI)) {
        // Never opened nor linked: the proxy's answer is wrong, as a malformed one would be.
        this.#stopWatching();
        throw new JseError('upstream_unavailable', `The proxy's connectUrl is refused: only https: (http: on localhost) is opened.`, {
          retryable: false,
        });
      } else {
        const first = this.state.kind !== 'disconnected';
        const popup = this.state.kind === 'disconnected' ? this.state.popup : 'idle';
        this.#set({ kind: 'disconnected', connectUrl: me.connectUrl, popup });
        this.#wasDisconnected = true;
        if (first) this.callbacks.onConnectRequired(me.connectUrl);
        this.#startWatching(client);
      }
    } catch (cause) {
      if (abort.signal.aborted) return this.state;
      const error = toJseError(cause);
      // While the connect step is shown, a failed poll is not worth an error: the next one may pass.
      if (this.state.kind === 'disconnected' && error.retryable) return this.state;
      this.#set({ kind: 'error', error });
      this.callbacks.onError(error);
    }
    return this.state;
  }

  /**
   * Opens the connect page in a popup. Call it from the user's click (browsers block popups
   * opened later); when the popup is blocked, the step offers a link to open it in a new tab.
   */
  openConnect(): void {
    if (this.state.kind !== 'disconnected' || !isSafeConnectUrl(this.state.connectUrl, document.baseURI)) return;
    const features = 'popup=yes,width=520,height=720';
    // No `noopener`: the proxy's final page needs `window.opener` to tell us it is done.
    this.#popup = window.open(this.state.connectUrl, 'jse-connect', features);
    this.#set({ ...this.state, popup: this.#popup ? 'open' : 'blocked' });
  }

  #startWatching(client: ProxyClient): void {
    if (this.#watch) return;
    let stopped = false;
    let origin: string | undefined;
    void client
      .proxyBase()
      .then((base) => (origin = new URL(base, document.baseURI).origin))
      .catch(() => undefined);
    // A poll never aborts the check in flight (a `/me` slower than the interval would never land);
    // a message during one asks for another check right after it (that one may predate the link).
    const recheck = (message = false) => {
      if (stopped) return;
      if (!this.#inFlight) void this.check();
      else if (message) this.#recheckAfter = true;
    };
    const onMessage = (event: MessageEvent) => {
      if (origin === undefined || event.origin !== origin) return;
      if ((event.data as { type?: unknown } | null)?.type === CONNECT_MESSAGE) recheck(true);
    };
    window.addEventListener('message', onMessage);
    const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CONNECT_CHANNEL) : undefined;
    if (channel) {
      channel.onmessage = (event: MessageEvent) => {
        if ((event.data as { type?: unknown } | null)?.type === CONNECT_MESSAGE) recheck(true);
      };
    }
    const timer = setInterval(() => recheck(), this.callbacks.pollInterval ?? timing.connectPoll);
    this.#watch = {
      stop: () => {
        stopped = true;
        window.removeEventListener('message', onMessage);
        channel?.close();
        clearInterval(timer);
      },
    };
  }

  #stopWatching(): void {
    this.#watch?.stop();
    this.#watch = undefined;
  }

  #set(state: AccountState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
