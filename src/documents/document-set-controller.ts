/**
 * Several documents in one request (SPEC §10 "Several documents, one request"): the GED's
 * selection given as the element's `documents`. Each document is loaded and checked on its own
 * (SPEC §4: size, type, encryption — a refused one is named, the others stay loaded and
 * untouched), then all together against `limits.maxRequestBytes`. One is shown at a time (the
 * switcher chooses `active`); the draft's fields say which document they are on
 * (`documentIndex`). Nothing can be sent until every document is ready (the send controller asks
 * `ready`). A Lit controller: the element renders from `phase`, `entries` and `document`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { JseError } from '../api/errors.js';
import { JseErrorEvent, JseReadyEvent } from '../events.js';
import type { LocalizeController } from '../i18n/localize-controller.js';
import { formatBytes } from '../i18n/messages.js';
import type { DocumentPhase } from '../document/document-controller.js';
import { nameFromUrl } from '../document/names.js';
import { DEFAULT_LIMITS, type DocumentLimits, type LoadedDocument } from '../document/types.js';
import { waitForFirstPaint } from '../viewer/first-paint.js';

/** One document of the element's `documents`: its URL, and optionally its name and GED id. */
export interface DocumentSource {
  /** URL of the file (PDF, PNG or JPEG). */
  src: string;
  /** Display and upload name (default: from the URL or `Content-Disposition`). */
  name?: string;
  /** GED id: the proxy fetches the file itself when every document of the set has one and is a PDF. */
  documentId?: string;
}

/** The total limit of one request when the proxy does not say (SPEC §10). */
export const DEFAULT_MAX_REQUEST_BYTES = 25_000_000;

export type SetLimits = Partial<DocumentLimits> & { maxRequestBytes?: number };

/** Where one document of the set stands. */
export type SetEntry =
  | { source: DocumentSource; state: 'loading'; name: string }
  | { source: DocumentSource; state: 'ready'; name: string; document: LoadedDocument }
  | { source: DocumentSource; state: 'error'; name: string; error: JseError };

export interface DocumentSetHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly hasUpdated: boolean;
  readonly withCredentials: boolean;
}

export interface DocumentSetOptions {
  i18n: LocalizeController;
  emit(event: Event): void;
  viewerReady(): Promise<unknown>;
  /** A load failure in the user's words (the single-document controller's `errorMessage`). */
  errorMessage(cause: unknown): string;
  /** The document shown changed (the switcher, or the set loaded). */
  onShown(index: number): void;
}

/** Checks a list given by the host; throws a `TypeError` for a malformed one. */
export function checkSources(list: unknown): DocumentSource[] {
  if (!Array.isArray(list)) throw new TypeError('documents must be an array of { src, name?, documentId? }');
  return list.map((d, i) => {
    if (typeof d !== 'object' || d === null || typeof (d as DocumentSource).src !== 'string' || !(d as DocumentSource).src) {
      throw new TypeError(`documents[${i}] must have a non-empty src`);
    }
    const { src, name, documentId } = d as DocumentSource;
    if (name !== undefined && typeof name !== 'string') throw new TypeError(`documents[${i}].name must be a string`);
    if (documentId !== undefined && typeof documentId !== 'string') throw new TypeError(`documents[${i}].documentId must be a string`);
    return { src, ...(name ? { name } : {}), ...(documentId ? { documentId } : {}) };
  });
}

export class DocumentSetController implements ReactiveController {
  sources: DocumentSource[] = [];
  entries: SetEntry[] = [];
  /** The document shown (0-based). */
  active = 0;
  limits?: SetLimits;
  /** The set as a whole is over the total limit (every document alone is fine). */
  totalError?: JseError | undefined;
  #generation = 0;
  #abort?: AbortController;
  #readyFired = false;

  constructor(
    private readonly host: DocumentSetHost,
    private readonly options: DocumentSetOptions,
  ) {
    host.addController(this);
  }

  /** True when the host gave `documents` (even while they load): the element works on the set. */
  get inUse(): boolean {
    return this.sources.length > 0;
  }

  /** Mounted again (the first mount loads from the element's first update). */
  hostConnected(): void {
    if (this.host.hasUpdated && this.inUse && this.entries.length === 0) void this.load();
  }

  hostDisconnected(): void {
    this.#close();
    this.entries = [];
  }

  /** The document shown, once loaded. */
  get document(): LoadedDocument | undefined {
    const entry = this.entries[this.active];
    return entry?.state === 'ready' ? entry.document : undefined;
  }

  /** Every document, loaded, in order — or undefined while any is loading or refused. */
  get documents(): LoadedDocument[] | undefined {
    if (!this.ready) return undefined;
    return this.entries.map((e) => (e as Extract<SetEntry, { state: 'ready' }>).document);
  }

  /** Every document is loaded and accepted, and the total is within the limit. */
  get ready(): boolean {
    return this.entries.length > 0 && this.entries.every((e) => e.state === 'ready') && !this.totalError;
  }

  /** The refused documents, by name, with the reason in the user's words. */
  get refused(): { index: number; name: string; error: JseError }[] {
    return this.entries.flatMap((e, index) => (e.state === 'error' ? [{ index, name: e.name, error: e.error }] : []));
  }

  /** What the element shows: loading until all are checked; an error listing every refused document; else ready. */
  get phase(): DocumentPhase {
    if (!this.inUse) return { kind: 'idle' };
    if (this.entries.some((e) => e.state === 'loading')) return { kind: 'loading' };
    const refused = this.refused;
    if (refused.length) {
      const { t } = this.options.i18n;
      const message = [t('set.refused'), ...refused.map((r) => t('set.refusedOne', { name: r.name, reason: r.error.message }))].join('\n');
      return { kind: 'error', error: new JseError(refused[0].error.code, message, { retryable: refused.some((r) => r.error.retryable) }) };
    }
    if (this.totalError) return { kind: 'error', error: this.totalError };
    return { kind: 'ready' };
  }

  /** Whether retrying may help (a document could not be fetched). */
  get retryable(): boolean {
    return this.refused.some((r) => r.error.retryable);
  }

  /** The host's new list. */
  setSources(list: DocumentSource[]): void {
    this.sources = list;
  }

  /** Shows document `index` (the switcher). */
  select(index: number): void {
    if (index < 0 || index >= this.entries.length || index === this.active) return;
    this.active = index;
    this.options.onShown(index);
    this.host.requestUpdate();
  }

  applyLimits(limits: SetLimits): void {
    const before = { ...DEFAULT_LIMITS, ...this.limits };
    const after = { ...DEFAULT_LIMITS, ...limits };
    this.limits = limits;
    if (!this.inUse) return;
    const changed =
      before.maxDocumentBytes !== after.maxDocumentBytes ||
      before.acceptsEncrypted !== after.acceptsEncrypted ||
      String(before.acceptedTypes) !== String(after.acceptedTypes);
    if (changed) void this.load();
    else {
      this.#checkTotal();
      this.host.requestUpdate();
    }
  }

  /** Loads every document (again), each on its own; the documents already fine are kept as they are. */
  async load(): Promise<void> {
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const previous = this.entries;
    const sources = this.sources;
    const sameSources = previous.length === sources.length && previous.every((e, i) => e.source.src === sources[i].src);
    // Kept: documents already loaded from the same URL under limits that still accept them.
    const keep = (i: number): LoadedDocument | undefined => {
      const e = previous[i];
      if (!sameSources || e?.state !== 'ready') return undefined;
      return this.#acceptable(e.document) ? e.document : undefined;
    };
    for (const [i, e] of previous.entries()) {
      if (e.state === 'ready' && keep(i) !== e.document) void e.document.destroy();
    }
    this.entries = sources.map((source, i) => {
      const kept = keep(i);
      const name = source.name ?? kept?.name ?? nameFromUrl(source.src);
      return kept ? { source, state: 'ready', name, document: kept } : { source, state: 'loading', name };
    });
    this.totalError = undefined;
    if (!sameSources) {
      this.active = 0;
      this.#readyFired = false;
      this.options.onShown(0);
    }
    this.host.requestUpdate();
    if (!this.inUse) return;
    const parts = this.options.viewerReady();
    const { loadDocument } = await import('../document/loader.js');
    await Promise.all(
      this.entries.map(async (entry, i) => {
        if (entry.state !== 'loading') return;
        try {
          const doc = await loadDocument(entry.source.src, {
            withCredentials: this.host.withCredentials,
            signal: abort.signal,
            ...(this.limits ? { limits: this.limits } : {}),
            ...(entry.source.name ? { name: entry.source.name } : {}),
            // A password prompt per document is not offered in a set: an encrypted one is refused by name.
            askPassword: () => Promise.resolve(undefined),
          });
          if (!current()) return void doc.destroy();
          this.entries[i] = { source: entry.source, state: 'ready', name: doc.name, document: doc };
        } catch (cause) {
          if (!current()) return;
          const code = cause instanceof JseError ? cause.code : 'damaged_document';
          const reason = this.options.errorMessage(cause);
          const error = new JseError(code, this.options.i18n.t('set.documentError', { name: entry.name, reason }), {
            retryable: cause instanceof JseError ? cause.retryable : false,
            ...(cause instanceof JseError && cause.status !== undefined ? { status: cause.status } : {}),
            cause,
          });
          this.entries[i] = { source: entry.source, state: 'error', name: entry.name, error };
          // Each refusal is an event of its own, naming the document.
          this.options.emit(new JseErrorEvent(error.toDetail()));
        }
        this.entries = [...this.entries];
        this.host.requestUpdate();
      }),
    );
    await parts;
    if (!current()) return;
    this.#checkTotal();
    this.host.requestUpdate();
    const overTotal = this.totalError as JseError | undefined; // set by #checkTotal
    if (overTotal) this.options.emit(new JseErrorEvent(overTotal.toDetail()));
    if (this.ready && !this.#readyFired) {
      this.#readyFired = true;
      await this.host.updateComplete;
      await waitForFirstPaint(this.host.renderRoot).done;
      const doc = this.document;
      if (!current() || !doc) return;
      this.options.emit(
        new JseReadyEvent({ documentName: doc.name, size: doc.size, type: doc.type, pageCount: doc.pages.count, pages: doc.pages.known }),
      );
    }
  }

  #acceptable(doc: LoadedDocument): boolean {
    const limits = { ...DEFAULT_LIMITS, ...this.limits };
    return doc.size <= limits.maxDocumentBytes && (!doc.encrypted || limits.acceptsEncrypted) && limits.acceptedTypes.includes(doc.mime);
  }

  #checkTotal(): void {
    this.totalError = undefined;
    if (!this.entries.every((e) => e.state === 'ready')) return;
    const total = this.entries.reduce((n, e) => n + (e).document.size, 0);
    const limit = this.limits?.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
    if (total <= limit) return;
    const { t, lang } = this.options.i18n;
    this.totalError = new JseError('document_too_large', t('set.totalTooLarge', { size: formatBytes(lang, total), limit: formatBytes(lang, limit) }), {
      retryable: false,
    });
  }

  #close(): void {
    this.#generation++;
    this.#abort?.abort();
    for (const e of this.entries) if (e.state === 'ready') void e.document.destroy();
  }
}
