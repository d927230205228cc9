/**
 * The document the element shows, as a Lit controller: loading it from `src` under the proxy's
 * limits, the password prompt of an encrypted PDF, the load failures in the user's words, and
 * `jse-ready` once page 1 is painted (or at once while the element is hidden: a hidden panel
 * paints nothing, and must still be told). The element conducts it through its public methods and
 * renders from `phase` and `document`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { JseError, importPart, toJseError } from '../api/errors.js';
import { JseErrorEvent, JseReadyEvent } from '../events.js';
import type { LocalizeController } from '../i18n/localize-controller.js';
import { formatBytes } from '../i18n/messages.js';
import { DocumentError } from './errors.js';
import { warmUp } from './pdfjs.js';
import { DEFAULT_LIMITS, type DocumentLimits, type LoadedDocument } from './types.js';
import { waitForFirstPaint } from '../viewer/first-paint.js';

export type DocumentPhase =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready' }
  | { kind: 'error'; error: JseError }
  /** An encrypted PDF the proxy accepts: the user types its password (`answer(undefined)`: gives up). */
  | { kind: 'password'; incorrect: boolean; answer: (password: string | undefined) => void };

/** What the controller needs from the element. */
export interface DocumentHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly hasUpdated: boolean;
  readonly src: string;
  readonly withCredentials: boolean;
  readonly documentName?: string | undefined;
}

export interface DocumentControllerOptions {
  i18n: LocalizeController;
  /** Every event goes out through the element. */
  emit(event: Event): void;
  /** Makes sure the parts the page shows are defined (the viewer must be, before it is asked to paint). */
  viewerReady(): Promise<unknown>;
  /**
   * Page 1 is painted (right after `jse-ready`), the load failed, a password is asked, or there is
   * no document: the moment to load what page 1 did not need. Called once or more per load.
   */
  settled?(): void;
  /** After `jse-ready`, and whenever pages are read: pages (1-based) whose fields can now be checked (`undefined`: all known). */
  onPagesKnown(pages: readonly number[] | undefined): void;
}

export class DocumentController implements ReactiveController {
  phase: DocumentPhase = { kind: 'idle' };
  document?: LoadedDocument | undefined;
  /** The proxy's document limits (`/me`); the defaults of SPEC §4 until it answers. */
  limits?: Partial<DocumentLimits>;

  #generation = 0;
  #abort?: AbortController;
  #close?: () => void;
  /** Pages the viewer could not draw before `jse-ready`: reported right after it (the document did open). */
  #heldPageErrors?: JseError[];
  /** Stops waiting for the first paint of a document no longer shown. */
  #stopWaiting?: () => void;

  constructor(
    private readonly host: DocumentHost,
    private readonly options: DocumentControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.host.hasUpdated && this.host.src && !this.#close) void this.load();
  }

  hostDisconnected(): void {
    this.#generation++;
    this.#abort?.abort();
    this.#stopWaiting?.();
    if (this.phase.kind === 'password') this.phase.answer(undefined);
    this.#close?.();
    this.#close = undefined;
  }

  #set(phase: DocumentPhase): void {
    this.phase = phase;
    this.host.requestUpdate();
  }

  /**
   * Applies the proxy's document limits (from `/me`). A document already open (or refused) under
   * the previous limits is opened again when the new ones change its outcome.
   */
  applyLimits(limits: Partial<DocumentLimits>): void {
    // What the running load uses is the defaults completed by the limits known so far.
    const before = { ...DEFAULT_LIMITS, ...this.limits };
    const after = { ...DEFAULT_LIMITS, ...limits };
    this.limits = limits;
    const doc = this.document;
    const changed =
      before.maxDocumentBytes !== after.maxDocumentBytes ||
      before.acceptsEncrypted !== after.acceptsEncrypted ||
      String(before.acceptedTypes) !== String(after.acceptedTypes);
    if (!changed || !this.host.src || this.phase.kind === 'idle') return;
    const stale = doc
      ? (limits.maxDocumentBytes !== undefined && doc.size > limits.maxDocumentBytes) ||
        (doc.encrypted && !limits.acceptsEncrypted) ||
        (limits.acceptedTypes !== undefined && !limits.acceptedTypes.includes(doc.mime))
      : this.phase.kind === 'error' && ['document_too_large', 'encrypted_document', 'unsupported_document'].includes(this.phase.error.code);
    if (stale || this.phase.kind === 'loading') void this.load();
  }

  /** Whether the failure shown may go away by trying again (the file may come back, or the password be typed again). */
  get retryable(): boolean {
    if (this.phase.kind !== 'error') return false;
    const { error } = this.phase;
    return error.retryable || (error.code === 'encrypted_document' && this.limits?.acceptsEncrypted === true);
  }

  /** A page the viewer could not draw: held until `jse-ready`, else reported at once. */
  pageFailed(error: JseError): void {
    if (this.#heldPageErrors) this.#heldPageErrors.push(error);
    else this.options.emit(new JseErrorEvent(error.toDetail()));
  }

  /** Opens `src` (again), dropping the document shown. */
  async load(): Promise<void> {
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    this.#abort?.abort();
    this.#stopWaiting?.();
    if (this.phase.kind === 'password') this.phase.answer(undefined);
    const abort = new AbortController();
    this.#abort = abort;
    this.#close?.();
    this.#close = undefined;
    this.document = undefined;
    this.#heldPageErrors = [];
    const { src } = this.host;
    if (!src) {
      this.#set({ kind: 'idle' });
      return this.options.settled?.();
    }
    this.#set({ kind: 'loading' });
    try {
      // pdf.js and its worker first: the worker is the longest wait before page 1 (issue 13), so it
      // is asked for before the loader's own chunk arrives; the loader and the viewer's parts load
      // alongside (the viewer must be defined before it paints). A failure here is the loader's to report.
      warmUp().catch(() => undefined);
      const parts = this.options.viewerReady();
      const { loadDocument } = await importPart(() => import('./loader.js'));
      const docPromise = loadDocument(src, {
        withCredentials: this.host.withCredentials,
        signal: abort.signal,
        ...(this.limits ? { limits: this.limits } : {}),
        ...(this.host.documentName ? { name: this.host.documentName } : {}),
        askPassword: ({ incorrect }) => this.#askPassword(generation, incorrect),
        onUnavailable: (cause) => {
          // A page's bytes could not be fetched: say so (with a retry) rather than leave it blank.
          if (!current() || this.phase.kind === 'error') return;
          const error = new JseError('document_unavailable', this.errorMessage(cause), { retryable: true, cause });
          this.#set({ kind: 'error', error });
          this.options.emit(new JseErrorEvent(error.toDetail()));
        },
      });
      const [doc] = await Promise.all([docPromise, parts]);
      if (!current()) {
        void doc.destroy();
        return;
      }
      this.#close = () => void doc.destroy();
      this.document = doc;
      this.#set({ kind: 'ready' });
      await this.host.updateComplete;
      const painted = waitForFirstPaint(this.host.renderRoot);
      this.#stopWaiting = painted.stop;
      await painted.done;
      this.#stopWaiting = undefined;
      if (!current()) return;
      this.options.emit(
        new JseReadyEvent({
          documentName: doc.name,
          size: doc.size,
          type: doc.type,
          pageCount: doc.pages.count,
          pages: doc.pages.known,
        }),
      );
      this.options.settled?.();
      const held = this.#heldPageErrors ?? [];
      this.#heldPageErrors = undefined;
      for (const error of held) this.options.emit(new JseErrorEvent(error.toDetail()));
      this.options.onPagesKnown(undefined);
      const unsubscribe = doc.pages.subscribe((read) => {
        if (current() && this.document === doc) this.options.onPagesKnown(read);
      });
      const close = this.#close;
      this.#close = () => {
        unsubscribe();
        close();
      };
    } catch (cause) {
      if (!current()) return;
      // The one classification (src/api/errors.ts): pdf.js's verdicts are DocumentErrors already,
      // so what is left is an abort or a timeout (network) or the element's own fault (internal_error).
      const known = toJseError(cause);
      // The event carries the message the user reads, in their language.
      const error = new JseError(known.code, this.errorMessage(known), {
        retryable: known.retryable,
        ...(known.status !== undefined ? { status: known.status } : {}),
        ...(known.url !== undefined ? { url: known.url } : {}),
        cause,
      });
      this.#set({ kind: 'error', error });
      this.options.emit(new JseErrorEvent(error.toDetail()));
      this.options.settled?.();
    }
  }

  /** Shows the password prompt and resolves with what the user types (`undefined`: gave up). */
  #askPassword(generation: number, incorrect: boolean): Promise<string | undefined> {
    if (generation !== this.#generation) return Promise.resolve(undefined);
    this.options.settled?.();
    return new Promise((resolve) => {
      this.#set({
        kind: 'password',
        incorrect,
        answer: (password) => {
          if (this.phase.kind === 'password' && generation === this.#generation) this.#set({ kind: 'loading' });
          resolve(password);
        },
      });
      void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLInputElement>('#jse-password')?.focus());
    });
  }

  /** A loading failure in the user's words: real size and limit, HTTP status, what to do. */
  errorMessage(cause: unknown): string {
    const { t, lang } = this.options.i18n;
    if (!(cause instanceof JseError)) return this.errorMessage(toJseError(cause));
    const facts = cause instanceof DocumentError ? cause.facts : {};
    switch (cause.code) {
      case 'document_too_large': {
        const limit = facts.limit ?? this.limits?.maxDocumentBytes ?? DEFAULT_LIMITS.maxDocumentBytes;
        if (facts.size === undefined) return t('load.tooLargeUnknownSize', { limit: formatBytes(lang, limit) });
        let [size, max] = [formatBytes(lang, facts.size), formatBytes(lang, limit)];
        // "10 Mo ; la limite est de 10 Mo" would say nothing: then give the exact bytes.
        if (size === max) [size, max] = [t('load.bytesExact', { count: facts.size }), t('load.bytesExact', { count: limit })];
        return t('error.document_too_large', { size, limit: max });
      }
      case 'document_unavailable':
        return t('error.document_unavailable', { detail: cause.status !== undefined ? `HTTP ${cause.status}` : t('load.networkError') });
      case 'assets_unavailable':
        return t('error.assets_unavailable', { url: cause.url ?? '' });
      case 'unsupported_document':
      case 'encrypted_document':
      case 'damaged_document':
        return t(`error.${cause.code}`);
      case 'internal_error':
        return t('error.internal_error', { detail: cause.message });
      case 'network':
        return t('error.network');
      default:
        return t('error.generic', { detail: cause.message });
    }
  }
}
