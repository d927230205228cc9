/**
 * Sending the draft (SPEC §1 step 6, §2 `submit()`, §3 Create, §4): validation that blocks with
 * the list, the confirmation summary, the upload with its progress, and the two kinds of failure —
 * a definite rejection (the draft stays editable; a 422 lands on the fields it names) and an
 * unknown outcome (network error or timeout after the request may have been stored: the draft is
 * locked to "retry with the same key" or "abandon", so no second request is ever created).
 * The draft and where its send stands are kept for the tab session, so a remount loses nothing.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ProxyClient, UploadProgress } from '../api/client.js';
import { JseError, importPart, toJseError } from '../api/errors.js';
import { idempotencyKey } from '../api/idempotency.js';
import type { SignRequest, ValidationProblem } from '../api/types.js';
import type { LoadedDocument } from '../document/types.js';
import type { Draft } from '../draft/draft.js';
import { DraftLockedError } from '../draft/draft.js';
import type { DraftHistory } from '../draft/history.js';
import { DraftStore, type SendRecord, type StorageLike } from '../draft/persistence.js';
import { format, type Lang } from '../i18n/messages.js';
import { deadlineBounds, defaultDeadline, expiresAtOf, isValidDeadline, shownDay } from './deadline.js';

/** Validation and the payload need the phone metadata: loaded when the user first tries to send. */
const payloadModule = () => importPart(() => import('./payload.js'));

export type SendState =
  | { kind: 'editing'; notice?: 'abandoned' }
  | { kind: 'blocked'; problems: ValidationProblem[] }
  | { kind: 'confirming' }
  | { kind: 'sending'; progress?: UploadProgress }
  | { kind: 'failed'; error: JseError }
  | { kind: 'locked'; error: JseError }
  | { kind: 'sent'; request: SignRequest };

export interface SendHost extends ReactiveControllerHost {
  readonly draft: Draft;
  /** The draft's undo/redo steps, kept with it for the tab session (src/draft/history.ts). */
  readonly history?: DraftHistory;
  readonly loadedDocument: LoadedDocument | undefined;
  readonly documentIdentity: { key: string; documentId: string | undefined } | undefined;
  /**
   * Several documents (SPEC §10): each loaded document with its GED id, in order — undefined when
   * the element shows one document; `ready: false` while any is loading or refused (nothing is sent).
   */
  readonly documentSet?: { ready: boolean; documents: readonly { document: LoadedDocument | undefined; documentId: string | undefined }[] } | undefined;
  /** The sandbox/tests' clock for the deadline's bounds (default `new Date()`). */
  now?(): Date;
  readonly lang: Lang;
  client(): ProxyClient | undefined;
  /** Resolves when the account is linked; rejects with `not_connected` (the connect step is then shown). */
  ensureConnected(): Promise<void>;
  /** Sending is blocked: by the draft's own problems (`local`) or by the proxy's 422 (`proxy`). */
  onInvalid(problems: ValidationProblem[], source: 'local' | 'proxy'): void;
  /** The request exists; `follow` is false when the element has moved to another document meanwhile. */
  onPending(request: SignRequest, options: { follow: boolean }): void;
  onError(error: JseError): void;
  /** A send made before a remount: attach to its request. */
  onRestoredSent(requestId: string): void;
}

const SAVE_DELAY = 250;

export class SendController implements ReactiveController {
  state: SendState = { kind: 'editing' };
  /** The Idempotency-Key of the attempt whose outcome is unknown (the one a retry must reuse). */
  #pendingKey?: string;
  #draftId = newDraftId();
  #store: DraftStore;
  #restoredFor?: string;
  #saveTimer?: ReturnType<typeof setTimeout>;
  #unsubscribe?: () => void;
  #abort?: AbortController;
  /** The send under way: a second `send()` (double click, `submit()`) gets the same promise. */
  #inflight?: Promise<SignRequest>;
  /** Bumped when the element moves to another document: a send of the previous one must not touch this one's state. */
  #documentGeneration = 0;

  constructor(
    private readonly host: SendHost,
    storage: StorageLike | undefined = safeSessionStorage(),
  ) {
    this.#store = new DraftStore(storage);
    host.addController(this);
  }

  hostConnected(): void {
    this.#unsubscribe = this.host.draft.subscribe(() => this.#draftChanged());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#flush();
    // An upload in flight goes on to its end in the browser; its outcome is unknown to the next mount.
  }

  /** True while the draft must not change (sending, or a send whose outcome is unknown). */
  get locked(): boolean {
    return this.state.kind === 'sending' || this.state.kind === 'locked' || this.state.kind === 'sent';
  }

  /** The problems that block sending now. */
  async problems(): Promise<ValidationProblem[]> {
    const { problemsOf, setPageProblems } = await payloadModule();
    const { draft, loadedDocument, lang } = this.host;
    const deadline = this.#deadlineProblem();
    const set = this.host.documentSet;
    if (set) {
      // Each document's fields against its own pages, the pages holding fields read now.
      const docs = set.documents.map((d) => d.document);
      await Promise.all(
        docs.map((doc, i) => {
          const pages = doc?.pages;
          if (!pages) return Promise.resolve([]);
          const wanted = draft.fields.filter((f) => (f.documentIndex ?? 0) === i).map((f) => f.page);
          return pages.read(wanted.filter((n) => n >= 1 && n <= pages.count && !pages.isKnown(n)));
        }),
      );
      return [...problemsOf(draft, undefined, lang), ...setPageProblems(draft.fields, docs.map((d) => d?.pages.list), lang), ...deadline];
    }
    // Pages not read yet (SPEC §10): the ones holding fields are read now, not the whole file.
    const pages = loadedDocument?.pages;
    if (pages) await pages.read(draft.fields.map((f) => f.page).filter((n) => n >= 1 && n <= pages.count && !pages.isKnown(n)));
    // The draft alone: each signer's phone country is in it (DraftSigner), whatever the panel shows.
    return [...problemsOf(draft, pages?.list, lang), ...deadline];
  }

  /** The Send button: blocked with the list, or the confirmation. */
  async requestSend(): Promise<void> {
    if (this.locked) return;
    let problems: ValidationProblem[];
    try {
      problems = await this.problems();
    } catch (cause) {
      this.host.onError(toJseError(cause));
      return;
    }
    // submit() may have started meanwhile: only an idle draft opens the confirmation.
    if (this.locked || this.state.kind === 'confirming') return;
    if (problems.length) {
      this.#set({ kind: 'blocked', problems });
      this.host.onInvalid(problems, 'local');
      return;
    }
    this.#set({ kind: 'confirming' });
  }

  /** Back from the confirmation to editing. */
  cancelConfirm(): void {
    if (this.state.kind === 'confirming') this.#set({ kind: 'editing' });
  }

  /**
   * Sends (from the confirmation, `submit()`, or "Réessayer" with the same key). Resolves with the
   * request or rejects with a `JseError` (also reported through `onError`/`onInvalid`).
   */
  send(): Promise<SignRequest> {
    if (this.#inflight) return this.#inflight;
    if (this.state.kind === 'sent') return Promise.resolve(this.state.request);
    const attempt = this.#send();
    this.#inflight = attempt;
    const clear = () => {
      if (this.#inflight === attempt) this.#inflight = undefined;
    };
    attempt.then(clear, clear);
    return attempt;
  }

  /** The day the deadline falls on (the one picked, else 14 days from today). */
  get deadline(): string {
    return this.host.draft.deadline ?? defaultDeadline(this.#now());
  }

  #now(): Date {
    return this.host.now?.() ?? new Date();
  }

  /** A deadline outside 1–90 days from today blocks sending. */
  #deadlineProblem(): ValidationProblem[] {
    const day = this.host.draft.deadline;
    if (day === undefined || isValidDeadline(day, this.#now())) return [];
    const { min, max } = deadlineBounds(this.#now());
    return [{ path: '/expiresAt', code: 'out_of_range', message: format(this.host.lang, 'send.error.deadline', { min: shownDay(min), max: shownDay(max) }) }];
  }

  async #send(): Promise<SignRequest> {
    const { draft, loadedDocument: doc, documentIdentity, lang } = this.host;
    const set = this.host.documentSet;
    if (set && !set.ready) throw new JseError('invalid_request', 'Not every document can be sent.', { retryable: false });
    if (!doc || !documentIdentity) throw new JseError('invalid_request', 'No document is open.', { retryable: false });
    const retryingUnknown = this.state.kind === 'locked';
    const lockedError = this.state.kind === 'locked' ? this.state.error : undefined;
    // Where this send's draft is kept, whatever document the element shows by the time it ends.
    const draftKey = this.#restoredFor;
    const generation = this.#documentGeneration;
    const current = () => generation === this.#documentGeneration;
    // 'sending' at once (before any await), so a second click or submit() cannot start another send.
    this.#set({ kind: 'sending' });
    let problems: ValidationProblem[];
    try {
      problems = await this.problems();
    } catch (cause) {
      const error = toJseError(cause);
      if (current()) this.#set(retryingUnknown && lockedError ? { kind: 'locked', error: lockedError } : { kind: 'failed', error });
      this.host.onError(error);
      throw error;
    }
    if (problems.length) {
      this.#set({ kind: 'blocked', problems });
      this.host.onInvalid(problems, 'local');
      throw new JseError('invalid_request', problems.map((p) => p.message).join('\n'), { retryable: false, errors: problems });
    }
    try {
      await this.host.ensureConnected();
      const client = this.host.client();
      if (!client) throw new JseError('token_failed', 'No token endpoint is set.', { retryable: false });
      const { preparePayload, uploadName } = await payloadModule();
      // Order and deadline: always in a set's payload; in a one-document payload only when not the
      // defaults (parallel, 14 days: what a proxy applies without them), so its payload stays as it was.
      const sequential = draft.signingOrder === 'sequential';
      const expiresAt = expiresAtOf(this.deadline);
      if (set) return await this.#sendSet(set, { draftKey, generation, current, retryingUnknown, expiresAt });
      const base = preparePayload(draft, doc, documentIdentity.documentId, lang);
      const extra = { ...(sequential ? { signingOrder: 'sequential' as const } : {}), ...(draft.deadline !== undefined ? { expiresAt } : {}) };
      const prepared = { ...base, payload: { ...base.payload, ...extra } } as typeof base;
      const file =
        prepared.kind === 'upload' ? new Blob([(await doc.bytes()) as BlobPart], { type: 'application/pdf' }) : undefined;
      const key =
        retryingUnknown && this.#pendingKey
          ? this.#pendingKey
          : await idempotencyKey(
              { draftId: this.#draftId, documentId: documentIdentity.documentId ?? null, documentVersion: doc.version ?? null },
              { payload: prepared.payload, file: file ?? null },
            );
      this.#pendingKey = key;
      // Kept before the POST: a remount while it is in flight must find the draft locked, not editable.
      this.#save({ key, state: 'unknown' }, draftKey);
      this.#abort = new AbortController();
      const onProgress = (progress: UploadProgress) => this.#set({ kind: 'sending', progress });
      const request =
        prepared.kind === 'json'
          ? await client.createRequest(prepared.payload, { idempotencyKey: key, signal: this.#abort.signal })
          : await client.createRequest(prepared.payload, {
              idempotencyKey: key,
              file: new File([file!], uploadName(doc), { type: 'application/pdf' }),
              onProgress,
              signal: this.#abort.signal,
            });
      this.#save({ key, state: 'sent', requestId: request.id }, draftKey);
      if (current()) {
        this.#pendingKey = undefined;
        this.#set({ kind: 'sent', request });
      }
      this.host.onPending(request, { follow: current() });
      return request;
    } catch (cause) {
      // An abort or a timeout here may have left the POST half-way: its outcome is unknown.
      const error = toJseError(cause, { outcomeUnknown: true });
      if (error.outcomeUnknown || (retryingUnknown && error.retryable)) {
        // The request may exist: only the same key may be sent again.
        if (current()) this.#set({ kind: 'locked', error });
      } else {
        // A definite answer: nothing was created, the draft is editable; a changed draft gets a new key.
        if (current()) {
          this.#pendingKey = undefined;
          this.#set({ kind: 'failed', error });
        }
        this.#save(undefined, draftKey, { clearSend: true });
        if (error.errors?.length && current()) this.host.onInvalid(error.errors, 'proxy');
      }
      this.host.onError(error);
      throw error;
    }
  }

  /** The POST of a set (inside `#send`'s try: its failures lock or free the draft the same way). */
  async #sendSet(
    set: NonNullable<SendHost['documentSet']>,
    ctx: { draftKey: string | undefined; generation: number; current: () => boolean; retryingUnknown: boolean; expiresAt: string },
  ): Promise<SignRequest> {
    const { draft, lang } = this.host;
    const client = this.host.client()!;
    const { preparePayloadSet, uploadName } = await payloadModule();
    const docs = set.documents.map((d) => d.document!);
    const facts = docs.map((d, i) => ({ name: d.name, type: d.type, version: d.version, documentId: set.documents[i].documentId }));
    const prepared = preparePayloadSet(draft, facts, lang, { signingOrder: draft.signingOrder, expiresAt: ctx.expiresAt });
    const files =
      prepared.kind === 'upload'
        ? await Promise.all(docs.map(async (d, i) => new File([(await d.bytes()) as BlobPart], uploadName(facts[i]), { type: 'application/pdf' })))
        : undefined;
    const key =
      ctx.retryingUnknown && this.#pendingKey
        ? this.#pendingKey
        : await idempotencyKey(
            {
              draftId: this.#draftId,
              documentId: facts.map((f) => f.documentId ?? '').join('\n') || null,
              documentVersion: facts.map((f) => f.version ?? '').join('\n') || null,
            },
            { payload: prepared.payload, file: files ? new Blob(files) : null },
          );
    this.#pendingKey = key;
    this.#save({ key, state: 'unknown' }, ctx.draftKey);
    this.#abort = new AbortController();
    const onProgress = (progress: UploadProgress) => this.#set({ kind: 'sending', progress });
    const request =
      prepared.kind === 'json'
        ? await client.createRequest(prepared.payload, { idempotencyKey: key, signal: this.#abort.signal })
        : await client.createRequest(prepared.payload, { idempotencyKey: key, files: files!, onProgress, signal: this.#abort.signal });
    this.#save({ key, state: 'sent', requestId: request.id }, ctx.draftKey);
    if (ctx.current()) {
      this.#pendingKey = undefined;
      this.#set({ kind: 'sent', request });
    }
    this.host.onPending(request, { follow: ctx.current() });
    return request;
  }

  /** "Abandonner": the draft becomes editable again; the unknown attempt is forgotten. */
  abandon(): void {
    if (this.state.kind !== 'locked') return;
    this.#pendingKey = undefined;
    this.#set({ kind: 'editing', notice: 'abandoned' });
    this.#save();
  }

  /** A failure message was read: back to editing. */
  dismiss(): void {
    if (this.state.kind === 'failed' || this.state.kind === 'blocked') this.#set({ kind: 'editing' });
  }

  /**
   * After a request ended (refused, expired, cancelled): the same draft, editable again, with a new
   * identity, so sending it makes a new request instead of finding the old one by its key.
   */
  startOver(): void {
    this.#pendingKey = undefined;
    this.#draftId = newDraftId();
    this.#set({ kind: 'editing' });
    this.#save();
  }

  /** `reset()`: a new, empty draft with a new identity, nothing kept for this document. */
  reset(): void {
    // Aborting a POST in flight would leave its outcome unknown with nothing to lock: refuse instead.
    if (this.state.kind === 'sending') throw new DraftLockedError();
    this.#pendingKey = undefined;
    this.#draftId = newDraftId();
    this.#set({ kind: 'editing' });
    const identity = this.host.documentIdentity;
    if (identity) this.#store.clear(identity.key);
  }

  /**
   * Once the document is known: brings back what this tab kept for it (when the draft is still
   * empty: what the host set wins), and where its send stood.
   */
  restore(): void {
    const identity = this.host.documentIdentity;
    if (!identity || this.#restoredFor === identity.key) return;
    this.#restoredFor = identity.key;
    const stored = this.#store.load(identity.key);
    if (!stored) return;
    const { draft } = this.host;
    if (draft.signers.length === 0 && draft.fields.length === 0) {
      try {
        draft.setSigners(stored.signers);
        draft.setFields(stored.fields);
        draft.setMessage(stored.message);
        if (stored.signingOrder) draft.setSigningOrder(stored.signingOrder);
        if (stored.deadline) draft.setDeadline(stored.deadline);
        this.host.history?.load(stored.history);
      } catch {
        return; // a stored draft that no longer fits the model is dropped rather than half-restored
      }
    }
    if (stored.draftId) this.#draftId = stored.draftId;
    if (stored.send?.state === 'sent' && stored.send.requestId) {
      this.host.onRestoredSent(stored.send.requestId);
    } else if (stored.send?.state === 'unknown') {
      this.#pendingKey = stored.send.key;
      this.#set({
        kind: 'locked',
        error: new JseError('network', 'The outcome of the last send is unknown.', { outcomeUnknown: true }),
      });
    }
  }

  /**
   * The element shows another document: what was kept for the previous one stays in the tab's
   * session (and comes back with it); this one starts from an empty draft with a new identity,
   * or from what was kept for it once it is known (`restore()`).
   */
  changeDocument(): void {
    this.#flush();
    this.#documentGeneration += 1;
    this.#inflight = undefined; // a send of the previous document finishes on its own
    this.#pendingKey = undefined;
    this.#draftId = newDraftId();
    this.#restoredFor = undefined;
    this.#set({ kind: 'editing' });
    this.host.draft.setSigners([]);
    this.host.draft.setMessage('');
    this.host.draft.setSigningOrder('parallel');
    this.host.draft.setDeadline(undefined);
    this.host.draft.setShownDocument(0);
  }

  #draftChanged(): void {
    if (this.state.kind === 'blocked') {
      // Editing after a refusal: the list is re-checked as the user fixes things.
      void this.problems().then((problems) => {
        if (this.state.kind === 'blocked') this.#set(problems.length ? { kind: 'blocked', problems } : { kind: 'editing' });
      });
    }
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.#save(), SAVE_DELAY);
  }

  #flush(): void {
    if (this.#saveTimer !== undefined) {
      clearTimeout(this.#saveTimer);
      this.#saveTimer = undefined;
      this.#save();
    }
  }

  /**
   * Keeps the draft for its document (`key`: the one it was restored for, or the document a send
   * in flight belongs to), with where its send stands: `send` when given; else the record kept so
   * far while the draft is locked or sent; none after `clearSend` or once editable again.
   */
  #save(send?: SendRecord, key: string | undefined = this.#restoredFor, options: { clearSend?: boolean } = {}): void {
    if (!key) return;
    const stored = this.#store.load(key);
    if (key !== this.#restoredFor) {
      // The element shows another document now: only that draft's send record changes.
      if (!stored) return;
      const { send: _previous, ...rest } = stored;
      this.#store.save(key, send ? { ...rest, send } : options.clearSend ? rest : stored);
      return;
    }
    const locked = this.state.kind === 'locked' || this.state.kind === 'sent' || this.state.kind === 'sending';
    const keep = send ?? (!options.clearSend && locked ? stored?.send : undefined);
    const { draft } = this.host;
    this.#store.save(key, {
      v: 1,
      draftId: this.#draftId,
      signers: [...draft.signers],
      fields: [...draft.fields],
      message: draft.message,
      ...(draft.signingOrder === 'sequential' ? { signingOrder: 'sequential' as const } : {}),
      ...(draft.deadline !== undefined ? { deadline: draft.deadline } : {}),
      ...(this.host.history ? { history: this.host.history.toJSON() } : {}),
      ...(keep ? { send: keep } : {}),
    });
  }


  #set(state: SendState): void {
    this.state = state;
    this.host.draft.setReadOnly(this.locked);
    this.host.requestUpdate();
  }
}

function newDraftId(): string {
  return crypto.randomUUID();
}

function safeSessionStorage(): StorageLike | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // blocked storage (privacy settings): the draft lives in memory only
  }
}

