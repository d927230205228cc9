/**
 * Following one request while the element is open (SPEC §1.7, §2, §3 "Follow", "Signed file",
 * "Cancel"): attach by id (`request-id`) or take over a request just created, poll it with ETags
 * through `follow()` (slower while the tab is hidden, woken when it shows again, `Retry-After`
 * honoured), stop when the element is removed, and turn what changes into the public events.
 *
 * The durable path is the host's backend; this only makes the page update at once.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ProxyClient } from '../api/client.js';
import { JseError, toJseError } from '../api/errors.js';
import { follow, type Follower, type Visibility } from '../api/follow.js';
import { timing, type FollowTiming } from '../internal/timing.js';
import type { SignRequest } from '../api/types.js';
import {
  JseCancelledEvent,
  JseErrorEvent,
  JseExpiredEvent,
  JseRefusedEvent,
  JseSignedEvent,
  JseSignerSignedEvent,
  JseStatusEvent,
} from '../events.js';
import { format, type Lang, type MessageKey } from '../i18n/messages.js';
import { RequestWatch, isOutcome, type StatusChange } from './transitions.js';


/** What the controller is doing, for rendering. */
export type StatusPhase =
  | { kind: 'idle' }
  /** Fetching the request named by `request-id`. */
  | { kind: 'attaching'; requestId: string }
  /** Showing the request (pending and followed, or final). */
  | { kind: 'watching'; request: SignRequest }
  /** The request could not be fetched (not found, forbidden, proxy down…). */
  | { kind: 'failed'; requestId: string; error: JseError };

export interface StatusControllerOptions {
  /** The proxy client of the moment (undefined without `token-endpoint`). */
  client: () => ProxyClient | undefined;
  /** Fires a public event on the element. */
  emit: (event: Event) => void;
  /** The user's language, for the messages that `jse-error` carries. */
  lang: () => Lang;
  /** Paces, clock and visibility of the follow; default: src/internal/timing.ts's `timing.follow` when used. */
  timing?: FollowTiming;
}

/** Options of {@link StatusController.follow}. */
export interface FollowRequestOptions {
  /**
   * `false` (the sender just created it and fired `jse-pending`): nothing is announced now.
   * `true` (a draft restored after sending): `jse-status`, then its outcome if final.
   */
  announce: boolean;
}

/** Follows one request for its host element. */
export class StatusController implements ReactiveController {
  #phase: StatusPhase = { kind: 'idle' };
  #watch?: RequestWatch;
  #etag: string | null = null;
  #follower?: Follower;
  /** The request to show; kept while disconnected so that a reconnection resumes it. */
  #target?: { id: string };
  #attachAbort?: AbortController;
  #connected = false;
  /** A poll failed and the next has not succeeded yet (shown as "retrying", reported once). */
  #trouble?: JseError;
  #cancelling = false;
  #generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: StatusControllerOptions,
  ) {
    host.addController(this);
  }

  /** The follow's paces: the option, else the internal module's (read when used, so tests may tune it). */
  get #timing(): FollowTiming {
    return this.options.timing ?? timing.follow;
  }

  /** What to render. */
  get phase(): StatusPhase {
    return this.#phase;
  }

  /** Whether the element shows a request (or is fetching one) rather than a draft. */
  get active(): boolean {
    return this.#phase.kind !== 'idle';
  }

  /** The request as last seen. */
  get request(): SignRequest | undefined {
    return this.#watch?.request;
  }

  /** The failure of the last poll while polls keep being retried; cleared by the next success. */
  get trouble(): JseError | undefined {
    return this.#trouble;
  }

  /** A `DELETE` is in flight. */
  get cancelling(): boolean {
    return this.#cancelling;
  }

  /** Whether polls are running (for tests and the view). */
  get following(): boolean {
    return this.#follower !== undefined;
  }

  /**
   * Attaches to an existing request (`request-id`): fetches it, fires `jse-status`, then its
   * outcome event when it is already final, and follows it while it is pending. Attaching to the
   * request already shown does nothing. Failures are shown, fired as `jse-error`, and resolve
   * (the returned promise never rejects).
   */
  async attach(requestId: string): Promise<void> {
    if (this.#target?.id === requestId && this.#phase.kind !== 'failed') return;
    this.#reset();
    this.#target = { id: requestId };
    if (this.#connected) await this.#fetchAndAttach(requestId);
  }

  /**
   * Follows a request this element has just created (or restored): no request is made now, the
   * first poll waits one interval. With `announce: false`, `jse-pending` (fired by the sender)
   * is the only announcement; later transitions are announced as they are seen.
   */
  follow(request: SignRequest, etag: string | null = null, options: FollowRequestOptions = { announce: false }): void {
    this.#reset();
    this.#target = { id: request.id };
    this.#etag = etag;
    this.#watch = new RequestWatch(request, options.announce ? 'attach' : 'quiet');
    this.#phase = { kind: 'watching', request };
    this.#fire(this.#watch.initial());
    if (this.#connected) this.#startFollowing();
    this.host.requestUpdate();
  }

  /** Forgets the request: polls stop and the element shows its draft again. */
  detach(): void {
    this.#reset();
    this.host.requestUpdate();
  }

  /** Tries again after a failed attach. */
  retry(): Promise<void> {
    const id = this.#phase.kind === 'failed' ? this.#phase.requestId : undefined;
    return id === undefined ? Promise.resolve() : this.attach(id);
  }

  /** Polls now (the user asked, or the tab became visible). */
  refresh(): void {
    this.#follower?.wake();
  }

  /**
   * Cancels the request (`DELETE`) while it is pending, then fetches it again so that
   * `jse-cancelled` comes from the state the proxy reports. Rejects with a `JseError` (also fired
   * as `jse-error`) when there is nothing to cancel or the proxy refuses.
   */
  async cancel(): Promise<void> {
    const watch = this.#watch;
    const client = this.options.client();
    if (!watch || !client) {
      throw this.#report(new JseError('not_found', this.#t('status.error.noRequest'), { retryable: false }));
    }
    if (watch.request.status !== 'pending') {
      throw this.#report(new JseError('conflict', this.#t('status.error.notCancellable'), { retryable: false }));
    }
    const generation = this.#generation;
    this.#cancelling = true;
    this.host.requestUpdate();
    let failure: unknown;
    try {
      await client.cancel(watch.id);
    } catch (error) {
      failure = error;
    }
    try {
      // Whether the DELETE succeeded or not (a 409: it was signed meanwhile), show the real state.
      if (generation === this.#generation) await this.#refetch(client, watch);
    } catch (error) {
      failure ??= error;
    } finally {
      this.#cancelling = false;
      this.host.requestUpdate();
    }
    if (failure !== undefined) {
      const error = toJseError(failure);
      throw this.#report(this.#localized(error));
    }
  }

  /** The signed PDF (document `index` of a request of several), fetched from the proxy with the token. */
  download(requestId = this.#watch?.id, index?: number): Promise<Blob> {
    const client = this.options.client();
    if (!client || requestId === undefined) return Promise.reject(new JseError('not_found', this.#t('status.error.noRequest'), { retryable: false }));
    return index === undefined ? client.signedDocument(requestId) : client.signedDocument(requestId, { index });
  }

  /**
   * The signed PDF for the status view's download button. A failure the user sees is also an
   * event (SPEC §2): it rejects with the error in the user's words (the view says "the download
   * failed: <message>") and fires `jse-error` with that same sentence. `download()` stays quiet:
   * the host calling it gets the rejection itself.
   */
  async downloadForUser(index?: number): Promise<Blob> {
    try {
      return await this.download(undefined, index);
    } catch (error) {
      const jse = toJseError(error);
      const shown = this.#localized(jse);
      this.#report(
        new JseError(shown.code, this.#t('status.downloadFailed', { detail: shown.message }), {
          retryable: shown.retryable,
          ...(shown.status !== undefined ? { status: shown.status } : {}),
          cause: jse,
        }),
      );
      throw shown;
    }
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibility);
    if (!this.#target) return;
    if (this.#watch) this.#startFollowing();
    else if (this.#phase.kind !== 'failed') void this.#fetchAndAttach(this.#target.id);
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    // No request after removal: the in-flight attach and the polls stop now.
    this.#attachAbort?.abort();
    this.#attachAbort = undefined;
    this.#stopFollowing();
  }

  #onVisibility = (): void => {
    if (this.#visibility() === 'visible') this.#follower?.wake();
  };

  #visibility(): Visibility {
    return this.#timing.visibility?.() ?? (document.visibilityState === 'hidden' ? 'hidden' : 'visible');
  }

  async #fetchAndAttach(requestId: string): Promise<void> {
    const generation = this.#generation;
    const client = this.options.client();
    if (!client) {
      this.#fail(requestId, new JseError('token_failed', this.#t('status.error.noEndpoint'), { retryable: false }));
      return;
    }
    this.#attachAbort?.abort();
    const abort = new AbortController();
    this.#attachAbort = abort;
    this.#phase = { kind: 'attaching', requestId };
    this.host.requestUpdate();
    try {
      const snapshot = await client.getRequest(requestId, { signal: abort.signal });
      if (generation !== this.#generation || abort.signal.aborted) return;
      if (snapshot.notModified) throw new JseError('upstream_unavailable', 'Unexpected 304 without an ETag.', { retryable: true });
      this.#etag = snapshot.etag;
      this.#watch = new RequestWatch(snapshot.request, 'attach');
      this.#phase = { kind: 'watching', request: snapshot.request };
      this.host.requestUpdate();
      this.#fire(this.#watch.initial());
      if (this.#connected) this.#startFollowing();
    } catch (error) {
      if (generation !== this.#generation || abort.signal.aborted) return;
      const jse = toJseError(error);
      this.#fail(requestId, jse);
    } finally {
      if (this.#attachAbort === abort) this.#attachAbort = undefined;
    }
  }

  #fail(requestId: string, error: JseError): void {
    const shown = this.#localized(error);
    this.#phase = { kind: 'failed', requestId, error: shown };
    this.host.requestUpdate();
    this.#report(shown);
  }

  #startFollowing(): void {
    const watch = this.#watch;
    const client = this.options.client();
    if (!watch || !client || this.#follower || isOutcome(watch.request.status)) return;
    const generation = this.#generation;
    const follower = follow({
      // Every answer, 304 included, proves the proxy is reachable again.
      client: {
        getRequest: async (id, options) => {
          const snapshot = await client.getRequest(id, options);
          if (generation === this.#generation) this.#recovered();
          return snapshot;
        },
      },
      id: watch.id,
      request: watch.request,
      etag: this.#etag,
      visibility: () => this.#visibility(),
      onUpdate: (request) => {
        if (generation === this.#generation) this.#apply(request);
      },
      onError: (error, { fatal }) => {
        if (generation !== this.#generation) return;
        if (fatal) {
          this.#trouble = undefined;
          this.#report(this.#localized(error));
        } else if (!this.#trouble) {
          // Reported once per streak: a proxy down for an hour is one failure, not 700.
          this.#trouble = this.#localized(error);
          this.#report(this.#trouble);
        }
        this.host.requestUpdate();
      },
      ...(this.#timing.intervals ? { intervals: this.#timing.intervals } : {}),
      ...(this.#timing.sleep ? { sleep: this.#timing.sleep } : {}),
      ...(this.#timing.random ? { random: this.#timing.random } : {}),
    });
    this.#follower = follower;
    void follower.done.then(() => {
      if (this.#follower === follower) this.#follower = undefined;
      this.host.requestUpdate();
    });
  }

  #stopFollowing(): void {
    this.#follower?.stop();
    this.#follower = undefined;
  }

  #recovered(): void {
    if (!this.#trouble) return;
    this.#trouble = undefined;
    this.host.requestUpdate();
  }

  async #refetch(client: ProxyClient, watch: RequestWatch): Promise<void> {
    const snapshot = await client.getRequest(watch.id);
    if (snapshot.notModified || this.#watch !== watch) return;
    this.#etag = snapshot.etag;
    this.#apply(snapshot.request);
  }

  #apply(request: SignRequest): void {
    const watch = this.#watch;
    if (!watch) return;
    const changes = watch.update(request);
    this.#phase = { kind: 'watching', request: watch.request };
    if (isOutcome(watch.request.status)) this.#stopFollowing();
    this.host.requestUpdate();
    this.#fire(changes);
  }

  #fire(changes: StatusChange[]): void {
    for (const change of changes) this.options.emit(this.#event(change));
  }

  #event(change: StatusChange): Event {
    const { request } = change;
    switch (change.type) {
      case 'jse-status':
        return new JseStatusEvent({ request });
      case 'jse-signer-signed':
        return new JseSignerSignedEvent({ request, signer: change.signer });
      case 'jse-signed':
        return new JseSignedEvent({
          request,
          signedDocumentUrl: request.signedDocumentUrl ?? '',
          download: () => this.download(request.id),
          documents: request.documents?.length
            ? request.documents.map((d, index) => ({
                name: d.name,
                signedDocumentUrl: d.signedDocumentUrl ?? '',
                download: () => this.download(request.id, index),
              }))
            : [{ name: '', signedDocumentUrl: request.signedDocumentUrl ?? '', download: () => this.download(request.id) }],
        });
      case 'jse-refused':
        return new JseRefusedEvent({ request });
      case 'jse-expired':
        return new JseExpiredEvent({ request });
      case 'jse-cancelled':
        return new JseCancelledEvent({ request });
    }
  }

  #reset(): void {
    this.#generation++;
    this.#attachAbort?.abort();
    this.#attachAbort = undefined;
    this.#stopFollowing();
    this.#watch = undefined;
    this.#target = undefined;
    this.#etag = null;
    this.#trouble = undefined;
    this.#cancelling = false;
    this.#phase = { kind: 'idle' };
  }

  #report(error: JseError): JseError {
    this.options.emit(new JseErrorEvent(error.toDetail()));
    return error;
  }

  #t(key: MessageKey, params?: Record<string, string | number>): string {
    return format(this.options.lang(), key, params);
  }

  /** The same error with the message the user reads, in their language. */
  #localized(error: JseError): JseError {
    return new JseError(error.code, statusErrorMessage(this.options.lang(), error), {
      retryable: error.retryable,
      ...(error.status !== undefined ? { status: error.status } : {}),
      ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}),
      cause: error,
    });
  }
}

/** What the user reads when following a request fails. */
export function statusErrorMessage(lang: Lang, error: JseError): string {
  switch (error.code) {
    case 'not_found':
      return format(lang, 'status.error.not_found');
    case 'forbidden':
      return format(lang, 'status.error.forbidden');
    case 'not_connected':
      return format(lang, 'status.error.not_connected');
    case 'conflict':
      return format(lang, 'status.error.conflict');
    case 'network':
    case 'upstream_unavailable':
    case 'rate_limited':
    case 'token_failed':
      return format(lang, 'status.error.unavailable');
    case 'internal_error':
      return format(lang, 'error.internal_error', { detail: error.message });
    default:
      return format(lang, 'error.generic', { detail: error.message });
  }
}
