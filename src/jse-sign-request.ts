import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { DocumentSetController, checkSources, type DocumentSource } from './documents/document-set-controller.js';
import { documentTabs, requestOptions, setStyles, tabId, PANEL_ID } from './documents/views.js';
import { deadlineBounds, isValidDeadline, shownDay } from './send/deadline.js';
import { ProxyClient } from './api/client.js';
import { JseError } from './api/errors.js';
import type { Field, Person, Signer, SignRequest, ValidationProblem } from './api/types.js';
import { Draft } from './draft/draft.js';
import { DraftHistory, type Change } from './draft/history.js';
import { firstInitials, initialsFields, initialsPageNumbers, copiesToPages, type InitialsPages } from './placement/replicate.js';
import { normalizeRotation } from './document/geometry.js';
import { signerLabel } from './signers/label.js';
import { fieldsOutsidePages } from './draft/field-problems.js';
import { JseErrorEvent, type PageInfo } from './events.js';
import { LocalizeController } from './i18n/localize-controller.js';
import { styles } from './jse-sign-request.styles.js';
import { DocumentController, type DocumentPhase } from './document/document-controller.js';
import type { LoadedDocument } from './document/types.js';
import { defineParts, defineViewerParts, scopeRenderRoot } from './internal/parts.js';
import { AccountController } from './send/account-controller.js';
import { SendController } from './send/send-controller.js';
import { confirmSummary, connectStep, sendBar, sendErrorText } from './send/views.js';
import { documentKey, documentSetKey } from './draft/persistence.js';
import { fieldKindPicker, historyButtons, initialsDialog } from './placement/toolbar.js';
import { nameFromUrl } from './document/names.js';
import { JseConnectRequiredEvent, JseConnectedEvent, JseInvalidEvent, JsePendingEvent } from './events.js';
import { recentSigners } from './signers/recent.js';
import { StatusController } from './status/status-controller.js';
import type { DocumentViewer } from './viewer/document-viewer.js';
import type { SignersPanel } from './signers/signers-panel.js';
import { COPY_ALL_EVENT, type CopyAllDetail } from './internal/events.js';
import { LayoutController } from './layouts/layout-controller.js';
import type { LayoutStore, SignerRoles } from './layouts/layout.js';
import { PAGE_FAILED_EVENT, SEARCH_FAILED_EVENT, VIEW_EVENT, type PageFailedDetail, type SearchFailedDetail, type ViewDetail } from './internal/events.js';
import { ANNOUNCE_EVENT, PAGE_SEEN_EVENT, type PageSeenDetail } from './internal/events.js';
import { SuggestionBoard } from './suggestions/board.js';
import { SuggestionReader } from './suggestions/reader.js';

/** Contacts: a list, or a search for large address books. */
export type ContactsSource = readonly Person[] | ((query: string) => Promise<Person[]>);

/**
 * Sends a file from a GED for electronic signature through Jesignexpert: shows the PDF or image,
 * lets the user place signature fields and enter the signers, and talks to the host's proxy.
 * Where the document says where to sign (an empty form signature field, a `{{s1|signature|180|60}}`
 * tag, « Signature du client », « Lu et approuvé », « Fait à … le »), ghost fields are offered on
 * the pages seen and the last page; nothing is placed until the user accepts them (docs/suggestions.md).
 *
 * @summary Electronic-signature request for one GED document.
 * @tag jse-sign-request
 *
 * @fires {JseReadyEvent} jse-ready - Page 1 is painted (while hidden: the document is loaded): `{ documentName, size, type, pageCount, pages }`, `pages` the pages read so far (`getPageInfo(n)` reads the others).
 * @fires {JseStatusEvent} jse-status - Attached to an existing request: `{ request }`.
 * @fires {JseConnectRequiredEvent} jse-connect-required - The Jesignexpert account must be linked: `{ connectUrl }`.
 * @fires {JseConnectedEvent} jse-connected - The account is linked: `{ user }`.
 * @fires {JseInvalidEvent} jse-invalid - The draft cannot be sent: `{ errors: [{ path, code, message }] }`.
 * @fires {JsePendingEvent} jse-pending - This element created the request: `{ request }`.
 * @fires {JseSignerSignedEvent} jse-signer-signed - A signer signed: `{ request, signer }`.
 * @fires {JseSignedEvent} jse-signed - Everyone signed: `{ request, signedDocumentUrl, download(), documents }`, `documents` every signed document in order, each `{ name, signedDocumentUrl, download() }`.
 * @fires {JseRefusedEvent} jse-refused - A signer refused: `{ request }`.
 * @fires {JseExpiredEvent} jse-expired - The request expired: `{ request }`.
 * @fires {JseCancelledEvent} jse-cancelled - The request was cancelled: `{ request }`.
 * @fires {JseErrorEvent} jse-error - A failure, also shown to the user: `{ code, message, retryable, status?, url? }` (`url`: the pdf.js file that failed, for `assets_unavailable`).
 *
 * @csspart toolbar - The bar above the document (name, pages, zoom).
 * @csspart page - One per page: the box holding the page's canvas and its fields.
 * @csspart field - A signature field placed on a page.
 * @csspart signers - The signers panel.
 * @csspart submit - The send button.
 * @csspart status - The follow-up of a sent request (signers, outcome, cancel, download).
 *
 * @cssprop --jse-font - Font family.
 * @cssprop --jse-color-text - Text colour.
 * @cssprop --jse-color-muted - Secondary text colour.
 * @cssprop --jse-color-bg - Background of the element.
 * @cssprop --jse-color-surface - Background of the toolbar and the page area.
 * @cssprop --jse-color-border - Border colour.
 * @cssprop --jse-color-accent - Buttons and focus.
 * @cssprop --jse-color-accent-text - Text on accent.
 * @cssprop --jse-color-danger - Error messages.
 * @cssprop --jse-radius - Corner radius.
 */
export class JseSignRequest extends LitElement {
  static override styles = [styles, setStyles];

  #src = '';

  /**
   * URL of the file to sign (PDF, PNG or JPEG). Setting another URL opens another document with
   * its own draft: the previous document's draft stays in this tab's session and comes back with it.
   * A draft belongs to `document-id` when set, else to this URL without its signature parameters
   * (presigned `X-Amz-*` and the like), so a fresh presigned URL of the same file keeps its draft.
   */
  @property({ reflect: true })
  get src(): string {
    return this.#src;
  }
  set src(value: string) {
    const old = this.#src;
    const next = value ?? '';
    if (next === old) return;
    this.#src = next;
    // At once, not on the next render: signers the host sets right after belong to the new document.
    if (old) this.leaveDocument();
    this.requestUpdate('src', old);
  }

  #documents: DocumentSource[] = [];

  /**
   * Several documents in one request (SPEC §10), instead of `src`: the GED's selection, each
   * `{ src, name?, documentId? }`. One signer list; fields per document (`Field.documentIndex`,
   * 0-based); a switcher shows one document at a time. Each document is checked on its own (size,
   * type, encryption: a refused one is named, the others stay as they are, nothing can be sent)
   * and all together against `limits.maxRequestBytes` (default 25 MB). Wins over `src` when not
   * empty. The setter throws a `TypeError` for a malformed list.
   */
  @property({ attribute: false })
  get documents(): DocumentSource[] {
    return this.#documents.map((d) => ({ ...d }));
  }
  set documents(value: DocumentSource[] | undefined) {
    const next = checkSources(value ?? []);
    const old = this.#documents;
    if (JSON.stringify(next) === JSON.stringify(old)) return;
    this.#documents = next;
    this.documentSet.setSources(next);
    if (old.length || this.src) this.leaveDocument();
    this.requestUpdate('documents', old);
  }

  /** Host URL that returns a short-lived token for the proxy (`POST`, with the page's cookies). */
  @property({ attribute: 'token-endpoint' }) tokenEndpoint = '';

  /** Overrides the `proxyUrl` returned by the token endpoint. */
  @property({ attribute: 'proxy-url' }) proxyUrl?: string;

  /** GED id of the document: when set (and the file is a PDF) the proxy fetches it and the browser uploads nothing. */
  @property({ attribute: 'document-id' }) documentId?: string;

  /** Display and upload name; defaults to the name from the URL or `Content-Disposition`. */
  @property({ attribute: 'document-name' }) documentName?: string;

  /** Re-attach to an existing request and show its status. */
  @property({ attribute: 'request-id' }) requestId?: string;

  /** Send cookies when fetching a cross-origin `src` (default: same-origin only). */
  @property({ type: Boolean, attribute: 'with-credentials' }) withCredentials = false;

  /** The current user; wins over the proxy's `/me` user for "Ajouter moi-même". */
  @property({ attribute: false }) me?: Person;

  /** People to suggest as signers: an array, or `(query) => Promise<Person[]>` for large address books. */
  @property({ attribute: false }) contacts?: ContactsSource;

  /**
   * The kind of document this is (`lettre-de-mission`, `mandat-sepa`…): the layout last sent with
   * this key is offered when a document opens (nothing is placed until the user accepts), and the
   * layout of a request sent with it is saved, through `layoutStore` (SPEC §10).
   */
  @property({ attribute: 'layout-key' }) layoutKey?: string;

  /**
   * Who fills each signer role of a layout, by role name: `'me'` (the current user) or a person
   * with at least an `email` (completed from `contacts`), e.g.
   * `{ Client: { email: 'client@example.fr' }, 'Expert-comptable': 'me' }`. A sent signer with a
   * role's e-mail is saved as that role; roles without a person are left as rows to fill in.
   */
  @property({ attribute: false }) signerRoles?: SignerRoles;

  /**
   * Where layouts are kept, by `layout-key`: `{ get(key), set(key, layout) }`, each synchronous or
   * returning a promise — the firm's backend, so its collaborators share them. Default: this
   * browser's `localStorage`.
   */
  @property({ attribute: false }) layoutStore?: LayoutStore;

  /** The proxy's `/me` user (set by the account step); `me` wins over it for "Ajouter moi-même". */
  @state() private accountUser?: Person;

  /** Loading, password prompt, limits and `jse-ready` (src/document/document-controller.ts). */
  private readonly documentLoader: DocumentController;
  /** What the viewer shows (current page, zoom %), for the toolbar. */
  @state() private view = { page: 1, zoom: 100 };

  private readonly i18n = new LocalizeController(this);

  /** Several documents (`documents`): loading and checking each, the one shown (src/documents/). */
  private readonly documentSet: DocumentSetController;

  /** The document shown (undefined while none is loaded): of the set when `documents` is given. */
  private get document(): LoadedDocument | undefined {
    return this.documentSet.inUse ? this.documentSet.document : this.documentLoader.document;
  }

  private get phase(): DocumentPhase {
    return this.documentSet.inUse ? this.documentSet.phase : this.documentLoader.phase;
  }
  private readonly draft = new Draft();
  /** Undo and redo of the draft's signers and fields (SPEC §10), kept with the draft for the tab session. */
  private readonly history = new DraftHistory(this.draft);
  /** Suggestions from the document (SPEC §10): offered as ghosts, placed only when the user accepts them. */
  private readonly suggestions = new SuggestionBoard(this.draft, { mentionDefault: () => this.i18n.t('field.mentionDefault') });
  /** Reads them from the pages seen and the last page only (src/suggestions/reader.ts). */
  private readonly suggestionReader = new SuggestionReader(this.suggestions);
  /** What the live region last said (undo, redo, replication), for screen readers. */
  @state() private announcement = '';
  /** "Parapher toutes les pages" dialog shown. */
  @state() private initialsOpen = false;
  /** The user's link to Jesignexpert (`/me`) and the connect step. */
  private readonly account = new AccountController(this, {
    client: () => this.client,
    onConnectRequired: (connectUrl) => this.emit(new JseConnectRequiredEvent({ connectUrl })),
    onConnected: (user, limits) => {
      // Through the connect step: the user goes on with what comes next (not on a first check).
      if (this.#connectShown) this.focusAfterRender('next-step');
      this.#connectShown = false;
      this.accountUser = user;
      this.documentLoader.applyLimits(limits); // a document refused (or opened) under other limits is opened again
      this.documentSet.applyLimits(limits);
      this.emit(new JseConnectedEvent({ user }));
    },
    onError: (error) => this.emitError(error),
  });
  private readonly sender = this.createSender();
  /** Problems to show on the signers' fields: the blocked list or the proxy's 422. */
  @state() private sendProblems: ValidationProblem[] = [];
  /** Sends refused for the draft's problems: the signers panel shows every error on each (`revealErrors`). */
  @state() private refusals = 0;
  /**
   * Follows the request shown (`request-id`, or one just sent: the sender calls
   * `this.status.follow(request, etag, { announce: false })` after firing `jse-pending`).
   */
  private readonly status = new StatusController(this, {
    client: () => this.client,
    emit: (event) => this.emit(event),
    lang: () => this.i18n.lang,
  });
  /** The layout of the last document sent with the same `layout-key` (src/layouts/). */
  private readonly layouts = new LayoutController(this, {
    draft: this.draft,
    i18n: this.i18n,
    // A layout is per kind of document: not offered for a set of several (SPEC §10).
    document: () => (this.documentSet.inUse ? undefined : this.document),
    me: () => this.me ?? this.accountUser,
    locked: () => this.sender.locked || this.status.active,
    sentFromShown: (request) => this.sender.state.kind === 'sent' && this.sender.state.request === request,
  });
  /** The document the draft was last restored for. */
  private restoredFor?: LoadedDocument;
  private clientCache?: { key: string; client: ProxyClient };

  /**
   * The proxy client for the current `token-endpoint` / `proxy-url` (undefined without an
   * endpoint). One per configuration, so its token cache survives re-renders.
   */
  protected get client(): ProxyClient | undefined {
    if (!this.tokenEndpoint) return undefined;
    const key = `${this.tokenEndpoint}\n${this.proxyUrl ?? ''}`;
    if (this.clientCache?.key !== key) {
      const base = document.baseURI;
      this.clientCache = {
        key,
        client: new ProxyClient({
          tokenEndpoint: new URL(this.tokenEndpoint, base).href,
          ...(this.proxyUrl ? { proxyUrl: new URL(this.proxyUrl, base).href } : {}),
        }),
      };
    }
    return this.clientCache.client;
  }

  constructor() {
    super();
    this.documentLoader = new DocumentController(this, {
      i18n: this.i18n,
      emit: (event) => this.emit(event),
      viewerReady: () => defineViewerParts(),
      settled: () => this.defineOtherParts(),
      onPagesKnown: (pages) => {
        this.reportOutsideFields(pages);
        // After jse-ready: the last page's suggestions are read then (never before the first paint).
        if (pages === undefined && this.document) this.suggestionReader.start(this.document);
      },
    });
    this.documentSet = new DocumentSetController(this, {
      i18n: this.i18n,
      emit: (event) => this.emit(event),
      // Several documents: every part before the first paint, as before issue 13 (the single-document
      // path above loads the signers panel and the status view after page 1).
      viewerReady: () => defineParts(),
      errorMessage: (cause) => this.documentLoader.errorMessage(cause),
      onShown: (index) => this.draft.setShownDocument(index),
    });
    void defineViewerParts().catch(() => undefined); // a failed chunk load shows when the document opens
    this.draft.subscribe(() => this.requestUpdate());
    this.history.subscribe(() => this.requestUpdate());
    this.suggestions.subscribe(() => this.requestUpdate());
    this.addEventListener('keydown', this.onHistoryKey);
    // Signers a request was really sent to are suggested again in this tab (see signers/recent.ts).
    this.addEventListener('jse-pending', (e) => recentSigners().remember(e.detail.request.signers));
  }

  /** The parts page 1 does not need (signers panel, phone metadata, status view), once asked for. */
  private otherParts?: Promise<void>;

  /** Loads the signers panel and the status view: after page 1 is painted, not before (issue 13). */
  private defineOtherParts(): void {
    this.otherParts ??= defineParts().catch(() => {
      this.otherParts = undefined; // asked again by the next load
    });
  }

  /** Also waits for the parts asked for after page 1, so `await el.updateComplete` sees them defined. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.otherParts) await this.otherParts;
    return done;
  }

  /**
   * The signers, in order. The setter replaces the list; ids are generated where absent and kept
   * where given; fields of signers no longer listed go too. It throws a `DraftLockedError` while a
   * send is under way or its outcome is unknown (the draft must not change then, SPEC §3).
   */
  get signers(): Signer[] {
    // The phone country picked in the panel stays in the draft: the host gets wire signers.
    return this.draft.signers.map(({ id, email, firstName, lastName, phone }) => ({ id, email, firstName, lastName, phone }));
  }
  set signers(list: Signer[]) {
    this.draft.setSigners(list);
    this.history.clear(); // what the host sets is not the user's to undo
  }

  /**
   * The fields, in PDF points (unrotated user space, `x, y` the lower-left corner), each with its
   * `kind` (`signature` when absent; `initials`, `date`, `mention` with its `text`, `text` with its
   * `label`). The setter replaces the list and throws a `TypeError` for a malformed field, an
   * unknown kind or an unknown signer (a `DraftLockedError` while the draft is locked, as for
   * `signers`). Fields outside their page once it is known are reported by `jse-invalid` and block
   * sending; the minimum sizes per kind (60 × 20 pt for a signature) apply to fields placed or
   * resized by the user, not to fields the host sets.
   */
  get fields(): Field[] {
    return this.draft.fields.map((f) => ({ ...f }));
  }
  set fields(list: Field[]) {
    this.draft.setFields(list);
    this.history.clear();
    if (this.document) this.reportOutsideFields();
  }

  /**
   * Fields set before their page was read may fall outside it: say so as soon as the page is
   * known (`jse-invalid`), for the pages `only` just read or every page read so far; fields on
   * pages not read yet are checked when read and before any send (SPEC §10). Sending stays
   * blocked until they are moved (the send controller checks too).
   */
  private reportOutsideFields(only?: readonly number[]): void {
    const pages = this.document?.pages;
    if (!pages) return;
    const fields = this.draft.fields;
    const wanted = only ? new Set(only) : undefined;
    // A page the document does not have is known not to exist from the start.
    const checked = (page: number) => (pages.isKnown(page) ? !wanted || wanted.has(page) : !wanted && (page < 1 || page > pages.count));
    const shown = this.draft.shownDocument;
    const errors = fieldsOutsidePages(fields, pages.list)
      .filter((i) => (fields[i].documentIndex ?? 0) === shown && checked(fields[i].page))
      .map((i) => ({ path: `/fields/${i}`, code: 'outside_page' as const, message: this.i18n.t('field.outsidePage', { n: i + 1, page: fields[i].page }) }));
    if (errors.length) this.emit(new JseInvalidEvent({ errors }));
  }

  /**
   * The geometry of page `n` (1-based) of the document shown: its `view` (pdf.js `page.view`, PDF
   * user space), `rotation` and size as shown, in points. Pages are read on demand (SPEC §10):
   * `jse-ready` lists those read by then, this reads any other (only what that page needs is
   * fetched). Rejects with a `RangeError` for a page the document does not have, and with an
   * `Error` while no document is loaded.
   */
  getPageInfo(n: number): Promise<PageInfo> {
    const pages = this.document?.pages;
    if (!pages) return Promise.reject(new Error('no document is loaded'));
    return pages.get(n);
  }

  /**
   * Sends the request without the confirmation dialog. Resolves with the request (calling it again
   * while a send is under way gives the same promise) or rejects with a `JseError`: code
   * `invalid_request` with `errors` when the draft cannot be sent (also fired as `jse-invalid`),
   * `not_connected` while the Jesignexpert account is not linked, or the proxy's failure — with
   * `outcomeUnknown: true` when the request may exist (the draft is then locked to a retry).
   */
  submit(): Promise<SignRequest> {
    return this.sender.send();
  }

  /**
   * Starts a new, empty draft for the same document (fields, signers, message, a send's failure or
   * lock), leaving any request it was following. Throws a `DraftLockedError` while a send is under way.
   */
  reset(): void {
    if (this.status.active) this.status.detach();
    this.sender.reset();
    this.sendProblems = [];
    this.draft.setSigners([]);
    this.draft.setMessage('');
    this.history.clear();
  }

  /** Cancels the request this element follows (`DELETE`), while it is pending. */
  cancelRequest(): Promise<void> {
    return this.status.cancel();
  }

  /** Every public event goes out here (the classes in events.ts set bubbles and composed). */
  private emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.syncSentDraft();
    if (changed.has('src') && !this.documentSet.inUse) void this.documentLoader.load();
    if (changed.has('documents')) {
      // Lit reports every property at the first update: only a real change of the list reloads.
      const before: unknown = changed.get('documents');
      if (this.documentSet.inUse) void this.documentSet.load();
      else if (Array.isArray(before) && before.length) void this.documentLoader.load(); // back to `src` (or nothing)
    }
    // A token endpoint set after the element was attached (property bindings often come then) is checked at once.
    if ((changed.has('tokenEndpoint') || changed.has('proxyUrl')) && this.isConnected && (this.hasUpdated || this.account.state.kind === 'unknown')) {
      void this.account.check();
    }
    if (this.document && this.document !== this.restoredFor) {
      this.restoredFor = this.document;
      this.sender.restore();
    }
    if (changed.has('requestId') || changed.has('tokenEndpoint') || changed.has('proxyUrl')) {
      // attach() is a no-op for the request already shown; it tries again after a failure (a
      // token-endpoint given after request-id, say).
      if (this.requestId) void this.status.attach(this.requestId);
      else if (changed.get('requestId')) this.status.detach();
    }
  }

  protected override render() {
    const { t } = this.i18n;
    const name = this.document?.name ?? this.documentName ?? (this.src ? nameFromUrl(this.src) : '');
    // One frame lays the element out, whatever \`display\` the host page gives the element (issue 14).
    return html`<div class="frame">
      <div part="toolbar" role="toolbar" aria-label=${t('toolbar.label')}>
        <span class="doc-name">${name}</span>
        ${this.document && !this.status.active ? this.renderViewControls(this.document.pages.count) : nothing}
        ${this.document && this.status.active && this.phase.kind === 'ready' && this.status.phase.kind === 'watching'
          ? this.renderPageControls(this.document.pages.count)
          : nothing}
      </div>
      ${this.renderKeyHint()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.phase.kind === 'ready' || this.phase.kind === 'loading' || this.status.active ? this.renderConnect() : nothing}
      ${this.phase.kind === 'ready' && !this.status.active ? this.layouts.render() : nothing}
      <div class="body">
        ${this.status.active ? this.renderStatus() : html`<div class="workspace">
              ${this.renderBody()}
              ${this.phase.kind === 'ready' || this.phase.kind === 'loading'
                ? html`<div class="side">${this.renderSigners()}${this.renderSend()}</div>`
                : nothing}
            </div>`}
      </div>
    </div>`;
  }

  /**
   * The sent request's signers and fields, read-only, for the document shown beside its status
   * (issue 18): the sender checks where she put the fields; nothing there can be edited.
   */
  private readonly sentDraft = new Draft();
  #sentShown?: SignRequest;

  /** Puts the request's signers and fields in the read-only draft its document is shown with (before rendering). */
  private syncSentDraft(): void {
    const request = this.status.phase.kind === 'watching' ? this.status.phase.request : undefined;
    if (!request || this.#sentShown === request) return;
    this.#sentShown = request;
    const draft = this.sentDraft;
    draft.setReadOnly(false);
    try {
      draft.setSigners(request.signers.map(({ id, email, firstName, lastName, phone }) => ({ id, email, firstName, lastName, phone })));
      draft.setFields(request.fields);
    } catch {
      draft.setFields([]); // a request whose fields do not fit the model shows its pages alone
    }
    draft.setReadOnly(true);
  }

  /** The status view's document: the pages with the request's fields, read-only (when the document is here). */
  private renderSentDocument(request: SignRequest | undefined) {
    if (this.phase.kind !== 'ready' || !this.document || !request) return nothing;
    const { t } = this.i18n;
    return html`<jse-document-viewer
      class="pages sent-document"
      exportparts="page, field"
      .document=${this.document}
      .draft=${this.sentDraft}
      .pageLabel=${(page: number, count: number) => t('doc.pageLabel', { page, count })}
      .pageFailedLabel=${(page: number) => t('viewer.pageFailed', { page })}
    ></jse-document-viewer>`;
  }

  /** The request followed, instead of the draft (issue 10), beside its document, read-only. */
  private renderStatus() {
    const request = this.status.phase.kind === 'watching' ? this.status.phase.request : undefined;
    // One template whether the document is there or not: the status view is kept (its focus, its
    // dialog) when the document arrives or goes.
    return html`<div class="workspace sent">${this.renderSentDocument(request)}<div class="side status-side">${this.renderStatusView()}</div></div>`;
  }

  private renderStatusView() {
    const { status } = this;
    const { phase } = status;
    return html`<jse-status-view
      class="status"
      exportparts="status"
      .request=${phase.kind === 'watching' ? phase.request : undefined}
      .loading=${phase.kind === 'attaching'}
      .error=${phase.kind === 'failed' ? phase.error : undefined}
      .trouble=${status.trouble}
      .cancelling=${status.cancelling}
      .documentName=${this.document?.name ?? this.documentName ?? ''}
      .locale=${this.i18n.lang}
      .actions=${this.src ? this.statusActions : this.statusActionsNoDraft}
    ></jse-status-view>`;
  }

  private readonly statusActionsNoDraft = {
    cancel: () => this.status.cancel(),
    download: (index?: number) => this.status.downloadForUser(index),
    retry: () => void this.status.retry(),
  };
  /** With a document, a refused/expired/cancelled request leads back to the draft. */
  private readonly statusActions = {
    ...this.statusActionsNoDraft,
    restart: () => {
      this.status.detach();
      this.sender.startOver();
      this.focusAfterRender('next-step'); // the restart button is gone: on with the draft
    },
  };

  /** `jse-error` for a failure of the account or of a send, with the message the user reads. */
  private emitError(error: JseError): void {
    this.emit(new JseErrorEvent({ ...error.toDetail(), message: sendErrorText(error, this.i18n.t) }));
  }

  /** Another document: the previous one's request view, draft and problems go (its draft stays stored). */
  private leaveDocument(): void {
    if (this.status.active) this.status.detach();
    this.sendProblems = [];
    this.sender.changeDocument();
    this.history.clear();
    this.suggestionReader.reset(undefined);
  }

  /**
   * Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y redo, wherever the focus is in the element but
   * in a text box (its own undo applies there).
   */
  private readonly onHistoryKey = (e: KeyboardEvent): void => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    const redo = (key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey && e.ctrlKey);
    if (key !== 'z' && !redo) return;
    const target = e.composedPath()[0];
    if (target instanceof HTMLTextAreaElement || (target instanceof HTMLElement && target.isContentEditable)) return;
    if (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type)) return;
    if (this.status.active || this.sender.locked || this.initialsOpen) return;
    e.preventDefault();
    if (redo) this.redo();
    else this.undo();
  };

  private undo(): void {
    this.keepFocusThrough('undo');
    this.announceChange(this.history.undo(), 'history.undone', 'history.nothingToUndo');
  }

  private redo(): void {
    this.keepFocusThrough('redo');
    this.announceChange(this.history.redo(), 'history.redone', 'history.nothingToRedo');
  }

  /**
   * An undo or redo that takes away the focused control (the field just undone, a signer's row)
   * would leave the focus on the page's body, where the next Ctrl+Z no longer reaches the element:
   * the focus then goes to the toolbar's undo (or redo) button, once the change is drawn.
   */
  private keepFocusThrough(which: 'undo' | 'redo'): void {
    if (document.activeElement !== this) return;
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (this.isConnected && (!active || active === document.body)) this.renderRoot.querySelector<HTMLElement>(`.history .${which}`)?.focus();
    });
  }

  private announceChange(change: Change | undefined, done: 'history.undone' | 'history.redone', none: 'history.nothingToUndo' | 'history.nothingToRedo'): void {
    const { t } = this.i18n;
    this.announce(change ? t(done, { what: t(`history.what.${change.kind}`, { count: change.count }) }) : t(none));
  }

  /** Says `text` in the live region (the same words twice are said twice). */
  private announce(text: string): void {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  /** "Parapher toutes les pages": initials for a signer on every page (or all but the last) that has none of theirs. */
  private async placeInitials(signerId: string | undefined, which: InitialsPages): Promise<void> {
    const pages = this.document?.pages;
    if (!pages || this.draft.readOnly) return;
    const numbers = initialsPageNumbers(pages.count, which);
    const id = signerId && this.draft.signers.some((s) => s.id === signerId) ? signerId : undefined;
    // Only the fields of the document shown count (the others are on other documents' pages).
    const onShown = () => this.draft.entriesOf().map((e) => e.field);
    const model = id ? firstInitials(onShown(), id) : undefined;
    const read = await pages.read(model ? [...numbers, model.page] : numbers);
    if (this.draft.readOnly || this.document?.pages !== pages) return;
    const geometry = (n: number) => {
      const p = read.find((x) => x.number === n)!;
      return { view: p.view, rotation: normalizeRotation(p.rotation) };
    };
    const target = id ?? this.draft.addSigner().id;
    const added = initialsFields(
      onShown(),
      target,
      numbers.map((n) => ({ number: n, geometry: geometry(n) })),
      model ? { field: model, geometry: geometry(model.page) } : undefined,
    );
    for (const f of added) this.draft.addField(f);
    this.draft.setActiveSigner(target);
    const { t } = this.i18n;
    this.announce(added.length ? t('initials.placed', { count: added.length }) : t('initials.none'));
  }

  /** A field's "copy to all pages" (from its layer): copies at the same place as seen on every other page. */
  private readonly onCopyAll = (e: Event): void => {
    e.stopPropagation(); // internal: it stops at the shadow root
    void this.copyToAllPages((e as CustomEvent<CopyAllDetail>).detail.key);
  };

  private async copyToAllPages(key: string): Promise<void> {
    const pages = this.document?.pages;
    const field = this.draft.field(key);
    if (!pages || !field || this.draft.readOnly) return;
    const read = await pages.read(Array.from({ length: pages.count }, (_, i) => i + 1));
    const now = this.draft.field(key);
    if (!now || this.draft.readOnly || this.document?.pages !== pages) return;
    const geometry = (n: number) => {
      const p = read[n - 1];
      return { view: p.view, rotation: normalizeRotation(p.rotation) };
    };
    const copies = copiesToPages(now, geometry(now.page), read.map((p) => ({ number: p.number, geometry: geometry(p.number) })));
    for (const f of copies) this.draft.addField(f);
    this.announce(this.i18n.t('field.copied', { count: copies.length }));
  }

  /** The toolbar's way to place a field without a pointer: in the middle of the current page, focused. */
  private addFieldOnCurrentPage(): void {
    this.viewer?.addFieldAtCenter(this.view.page);
  }

  /** The send step's controller, with what it needs from the element. */
  private createSender(): SendController {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the host adapter reads the element's live state
    const el = this;
    return new SendController({
      addController: (c) => el.addController(c),
      removeController: (c) => el.removeController(c),
      requestUpdate: () => el.requestUpdate(),
      get updateComplete() {
        return el.updateComplete;
      },
      draft: el.draft,
      get loadedDocument() {
        return el.document;
      },
      get documentIdentity() {
        if (el.documentSet.inUse) {
          const keys = el.#documents.map((d) => documentKey(d.documentId, d.src, document.baseURI));
          return { key: documentSetKey(keys), documentId: undefined };
        }
        return el.src ? { key: documentKey(el.documentId, el.src, document.baseURI), documentId: el.documentId } : undefined;
      },
      get documentSet() {
        const set = el.documentSet;
        if (!set.inUse) return undefined;
        return {
          ready: set.ready,
          documents: set.entries.map((e) => ({ document: e.state === 'ready' ? e.document : undefined, documentId: e.source.documentId })),
        };
      },
      get lang() {
        return el.i18n.lang;
      },
      get history() {
        return el.history;
      },
      client: () => el.client,
      ensureConnected: () => el.ensureConnected(),
      onInvalid: (problems, source) => {
        // The panel checks the signers itself; what it cannot know is the proxy's verdict.
        if (source === 'proxy') el.sendProblems = problems;
        el.emit(new JseInvalidEvent({ errors: problems }));
        el.refusals += 1; // the panel then shows every error and focuses the first
        void el.updateComplete.then(async () => {
          const panel = el.signersPanel;
          await panel?.updateComplete;
          // Nothing to fix in the signers' boxes (a signer without a field, say): the list itself.
          if (!panel || (el.renderRoot as ShadowRoot).activeElement !== panel) el.renderRoot.querySelector<HTMLElement>('.send .problems')?.focus();
        });
      },
      onPending: (request, { follow }) => {
        el.emit(new JsePendingEvent({ request }));
        if (!follow) return; // sent for a document the element no longer shows
        el.sendProblems = [];
        el.status.follow(request, null, { announce: false });
        el.focusAfterRender('status');
      },
      onError: (error) => el.emitError(error),
      onRestoredSent: (requestId) => void el.status.attach(requestId),
    });
  }

  /** Resolves once `/me` says the account is linked; otherwise shows the connect step and rejects. */
  private async ensureConnected(): Promise<void> {
    if (this.account.connected) return;
    const state = await this.account.check();
    if (state.kind === 'connected') return;
    if (state.kind === 'error') throw state.error;
    throw new JseError('not_connected', 'The Jesignexpert account is not linked.', { retryable: true });
  }

  /** The connect step was shown (so linking the account is a step change that moves the focus). */
  #connectShown = false;

  private renderConnect() {
    if (this.account.state.kind === 'disconnected') this.#connectShown = true;
    return connectStep(this.account.state, this.i18n.t, {
      open: () => this.account.openConnect(),
      retry: () => void this.account.check(),
    });
  }

  /** The send bar under the signers, and the confirmation dialog. */
  private renderSend() {
    if (this.phase.kind !== 'ready' || !this.document) return nothing;
    const { t } = this.i18n;
    const state = this.sender.state;
    const send = () => void this.sender.send().catch(() => undefined); // failures are shown and fired by the controller
    const set = this.documentSet.inUse ? this.documentSet.entries : undefined;
    const inOrder = this.draft.signingOrder === 'sequential';
    return html`${this.renderRequestOptions()}${sendBar(
        state,
        t,
        {
          send: () => void this.sender.requestSend(),
          retry: send,
          abandon: () => this.sender.abandon(),
          dismiss: () => this.sender.dismiss(),
        },
        { disabled: this.account.state.kind === 'disconnected' },
      )}
      <dialog class="confirm" aria-labelledby="jse-confirm-title" @cancel=${() => this.sender.cancelConfirm()}>
        ${state.kind === 'confirming'
          ? confirmSummary(
              t,
              {
                documentName: this.document.name,
                signers: this.draft.signers,
                fields: this.draft.fields,
                message: this.draft.message,
                ...(set || inOrder || this.draft.deadline !== undefined
                  ? { request: { documents: set ? set.map((e) => e.name) : [this.document.name], inOrder, date: shownDay(this.sender.deadline) } }
                  : {}),
              },
              { confirm: send, back: () => this.sender.cancelConfirm() },
            )
          : nothing}
      </dialog>`;
  }

  /** Order and deadline (SPEC §10), under the signers. */
  private renderRequestOptions() {
    const { t } = this.i18n;
    const now = new Date();
    const { min, max } = deadlineBounds(now);
    const deadline = this.sender.deadline;
    return requestOptions(
      t,
      {
        order: this.draft.signingOrder,
        signers: this.draft.signers,
        deadline,
        min,
        max,
        invalid: !isValidDeadline(deadline, now),
        locked: this.sender.locked,
        lang: this.i18n.lang,
      },
      {
        setOrder: (order) => this.draft.setSigningOrder(order),
        move: (signerId, by, byKey) => {
          this.draft.moveSigner(signerId, by);
          const list = this.draft.signers;
          const position = list.findIndex((s) => s.id === signerId);
          this.announce(t('order.moved', { name: signerLabel(list[position], position, this.i18n.lang), position: position + 1, count: list.length }));
          if (!byKey) return;
          // The focus stays with the signer moved: on the button pressed, or the other one at an end.
          void this.updateComplete.then(() => {
            const item = this.renderRoot.querySelector(`.order-list li[data-signer="${CSS.escape(signerId)}"]`);
            const wanted = item?.querySelector<HTMLButtonElement>(by < 0 ? '.order-up' : '.order-down');
            (wanted && !wanted.disabled ? wanted : item?.querySelector<HTMLButtonElement>('button:not([disabled])'))?.focus();
          });
        },
        setDeadline: (day) => {
          if (/^\d{4}-\d{2}-\d{2}$/.test(day)) this.draft.setDeadline(day);
        },
      },
    );
  }

  /** The document switcher of a set: tabs with their page and field counts. */
  private renderDocumentTabs() {
    const set = this.documentSet;
    const tabs = set.entries.map((e, i) => ({
      name: e.name,
      pageCount: e.state === 'ready' ? e.document.pages.count : undefined,
      fieldCount: this.draft.entriesOf(i).length,
      refused: e.state === 'error',
    }));
    return documentTabs(this.i18n.t, tabs, set.active, (index, byKey) => {
      set.select(index);
      if (byKey) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${tabId(index)}`)?.focus());
    });
  }

  /** Where the keyboard focus goes once the next render is done (a step changed: issue 18). */
  #focusNext?: 'status' | 'send-problems' | 'next-step' | 'message';

  /**
   * Moves the focus to the next meaningful control after a step change, once rendered: the status
   * heading after sending, the problems after a blocked or failed send, the next thing to do after
   * connecting, the message after a document failed to open.
   */
  private focusAfterRender(target: 'status' | 'send-problems' | 'next-step' | 'message'): void {
    this.#focusNext = target;
    this.requestUpdate();
  }

  /**
   * The signers panel (for the focus at a step change only: its state is the draft's). Its
   * methods are missing until its chunk, loaded after page 1, defines it.
   */
  private get signersPanel(): Partial<SignersPanel> | null {
    return this.renderRoot.querySelector<SignersPanel>('jse-signers-panel');
  }

  /** The next step once connected: place a field, else fill in a signer, else send. */
  private async focusNextStep(): Promise<void> {
    const root = this.renderRoot;
    if (this.draft.fields.length === 0) {
      root.querySelector<HTMLElement>('.add-field:not([disabled])')?.focus();
      return;
    }
    const panel = this.signersPanel;
    if (await panel?.focusFirstIncomplete?.()) return;
    root.querySelector<HTMLElement>('[part~="submit"]:not([disabled])')?.focus();
  }

  private async moveFocus(target: 'status' | 'send-problems' | 'next-step' | 'message'): Promise<void> {
    const root = this.renderRoot;
    // A step the host's own code took (submit() from its button, say) leaves the host's focus alone.
    if (!this.focusIsOurs) return;
    switch (target) {
      case 'status': {
        // (Defined after page 1: until then, nothing to focus in it.)
        const view = root.querySelector<HTMLElement & { focusHeading?(): Promise<void> }>('jse-status-view');
        await view?.focusHeading?.();
        return;
      }
      case 'send-problems':
        root.querySelector<HTMLElement>('.send .problems, .send.locked')?.focus();
        return;
      case 'message':
        root.querySelector<HTMLElement>('.message[role="alert"]')?.focus();
        return;
      case 'next-step':
        await this.focusNextStep();
        return;
    }
  }

  /** The send's and the document's state at the last render, to see the steps change. */
  #lastSendKind?: string;
  #lastPhaseKind?: string;
  /** The document's password was asked (the prompt had the focus) since it last opened or failed. */
  #passwordAsked = false;

  /** Whether the focus is the element's or nobody's (the page's body): moving it then takes it from no one. */
  private get focusIsOurs(): boolean {
    const active = document.activeElement;
    return !active || active === document.body || active === this || this.contains(active);
  }

  protected override updated(): void {
    const sendKind = this.sender.state.kind;
    if (sendKind !== this.#lastSendKind && (sendKind === 'failed' || sendKind === 'locked') && this.focusIsOurs) this.#focusNext ??= 'send-problems';
    // The lock abandoned: its buttons are gone, on with the draft.
    if (this.#lastSendKind === 'locked' && sendKind === 'editing') this.#focusNext ??= 'next-step';
    this.#lastSendKind = sendKind;
    const phaseKind = this.phase.kind;
    if (phaseKind !== this.#lastPhaseKind && phaseKind === 'error' && this.#lastPhaseKind !== undefined && this.focusIsOurs) this.#focusNext ??= 'message';
    // The password given, the document opens: the prompt is gone, on with placing.
    if (phaseKind === 'password') this.#passwordAsked = true;
    else if (phaseKind !== 'loading') {
      if (phaseKind === 'ready' && this.#passwordAsked) this.#focusNext ??= 'next-step';
      this.#passwordAsked = false;
    }
    this.#lastPhaseKind = phaseKind;
    const next = this.#focusNext;
    this.#focusNext = undefined;
    // After the dialogs below have opened or closed (a closing dialog gives the focus back first).
    if (next) queueMicrotask(() => void this.moveFocus(next));
    const initials = this.renderRoot.querySelector<HTMLDialogElement>('dialog.initials');
    if (initials && this.initialsOpen && !initials.open) initials.showModal();
    else if (initials && !this.initialsOpen && initials.open) initials.close();
    // The native dialog gives the focus trap, Escape and the backdrop; it opens only with the confirmation.
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.confirm');
    if (!dialog) return;
    if (this.sender.state.kind === 'confirming' && !dialog.open) dialog.showModal();
    else if (this.sender.state.kind !== 'confirming' && dialog.open) dialog.close();
  }

  private get viewer(): DocumentViewer | null {
    return this.renderRoot.querySelector('jse-document-viewer');
  }

  private readonly onView = (e: Event): void => {
    const { page, zoom } = (e as CustomEvent<ViewDetail>).detail;
    this.view = { page, zoom };
  };

  /** A page pdf.js cannot draw: the viewer says so over the pages (same words), the host gets `jse-error`. */
  private readonly onPageFailed = (e: Event): void => {
    const { page, cause } = (e as CustomEvent<PageFailedDetail>).detail;
    this.documentLoader.pageFailed(new JseError('damaged_document', this.i18n.t('viewer.pageFailed', { page }), { retryable: false, cause }));
  };

  /** The viewer drew a page on screen: its suggestions are read (once). */
  private readonly onPageSeen = (e: Event): void => {
    const doc = this.document;
    if (doc) this.suggestionReader.seen(doc, (e as CustomEvent<PageSeenDetail>).detail.page);
  };

  /** A part's words for the live region (a suggestion accepted or dismissed). */
  private readonly onAnnounce = (e: Event): void => {
    e.stopPropagation();
    this.announce((e as CustomEvent<string>).detail);
  };

  /** « Accepter les suggestions (n) »: every ghost offered becomes a field (one undo step). */
  private acceptAllSuggestions(): void {
    if (this.sender.locked) return;
    // The button goes once nothing is left to accept: its focus moves to the next tool, not to <body>.
    const hadFocus = this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement?.classList.contains('accept-suggestions');
    const keys = this.suggestions.acceptAll();
    if (keys.length) this.announce(this.i18n.t('suggestion.acceptedAll', { count: keys.length }));
    if (hadFocus) {
      void this.updateComplete.then(() => {
        const root = this.renderRoot as ShadowRoot;
        if (root.activeElement && root.activeElement.isConnected) return;
        root.querySelector<HTMLElement>('.accept-suggestions, button.add-field:not([disabled])')?.focus();
      });
    }
  }

  /** The host's contacts search failed: the panel says so, the host gets `jse-error` with the same words. */
  private readonly onSearchFailed = (e: Event): void => {
    const { cause } = (e as CustomEvent<SearchFailedDetail>).detail;
    const error = new JseError('contacts_unavailable', this.i18n.t('signers.searchFailed'), { cause });
    this.emit(new JseErrorEvent(error.toDetail()));
  };

  /** The parts' internal events (src/internal/events.ts) stop at the shadow root: listened to there. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    scopeRenderRoot(this); // the parts are this copy's (src/internal/parts.ts)
    const root = super.createRenderRoot();
    root.addEventListener(VIEW_EVENT, this.onView);
    root.addEventListener(PAGE_FAILED_EVENT, this.onPageFailed);
    root.addEventListener(SEARCH_FAILED_EVENT, this.onSearchFailed);
    root.addEventListener(COPY_ALL_EVENT, this.onCopyAll);
    root.addEventListener(PAGE_SEEN_EVENT, this.onPageSeen);
    root.addEventListener(ANNOUNCE_EVENT, this.onAnnounce);
    root.addEventListener('focusin', this.onFocusChange);
    root.addEventListener('focusout', this.onFocusChange);
    return root;
  }

  /** A field that can be moved has the focus: the arrows' hint is shown (issue 18). */
  @state() private fieldFocused = false;

  private readonly onFocusChange = (e: Event): void => {
    const event = e as FocusEvent;
    // focusout says where the focus goes (relatedTarget, retargeted); focusin where it is.
    const path = e.type === 'focusin' ? e.composedPath() : [];
    const onField = path.some((n) => n instanceof HTMLElement && n.getAttribute('part') === 'field' && n.getAttribute('role') === 'group');
    if (e.type === 'focusin') this.fieldFocused = onField && !this.draft.readOnly;
    else {
      // Leaving the element (for the page, or for nothing): the hint goes; within it, focusin decides.
      const to = event.relatedTarget;
      if (!(to instanceof Node) || !(to === this || this.renderRoot.contains(to))) this.fieldFocused = false;
    }
  };

  /** The keys that move and resize the field in focus, shown over the top of the document. */
  private renderKeyHint() {
    if (!this.fieldFocused || this.status.active || this.draft.readOnly) return nothing;
    return html`<div class="hint-anchor"><p class="key-hint" aria-hidden="true">${this.i18n.t('field.hintKeys')}</p></div>`;
  }

  /** Toolbar part of the viewer: page counter and zoom (the viewer does the work). */
  private renderViewControls(count: number) {
    const { t } = this.i18n;
    const page = Math.min(this.view.page, count);
    const kind = this.draft.placingKind;
    const locked = this.sender.locked;
    const history = historyButtons(t, { canUndo: !locked && this.history.canUndo, canRedo: !locked && this.history.canRedo }, {
      undo: () => this.undo(),
      redo: () => this.redo(),
    });
    const initials = initialsDialog(t, {
      open: this.initialsOpen,
      disabled: locked,
      signers: this.draft.signers.map((s, i) => ({ id: s.id, label: signerLabel(s, i, this.i18n.lang) })),
      chosen: this.draft.activeSignerId,
      pageCount: count,
    }, {
      show: () => (this.initialsOpen = true),
      close: () => (this.initialsOpen = false),
      apply: (signerId, which) => {
        this.initialsOpen = false;
        void this.placeInitials(signerId, which);
      },
    });
    const offered = locked ? 0 : this.suggestions.offered.length;
    const accept = offered
      ? html`<button
          type="button"
          class="accept-suggestions"
          title=${t('suggestion.acceptAllLabel', { count: offered })}
          @click=${() => this.acceptAllSuggestions()}
        >
          ${t('suggestion.acceptAll', { count: offered })}
        </button>`
      : nothing;
    return html`${history}${fieldKindPicker(t, kind, locked, (k) => this.draft.setPlacingKind(k))}${initials}${accept}<button
        type="button"
        class="add-field"
        aria-label=${kind === 'signature' ? t('toolbar.addFieldLabel', { page }) : t('toolbar.addKindLabel', { kind: t(`kind.${kind}`), page })}
        ?disabled=${this.sender.locked}
        @click=${() => this.addFieldOnCurrentPage()}
      >
        ${kind === 'signature' ? t('toolbar.addField') : t('toolbar.addKind', { kind: t(`kind.${kind}`) })}
      </button>
      ${this.renderPageControls(count)}`;
  }

  /** The page counter and zoom, for the draft's pages and for the sent document's. */
  private renderPageControls(count: number) {
    const { t } = this.i18n;
    const page = Math.min(this.view.page, count);
    return html`<span class="page-counter">
        <span class="visually-hidden">${t('viewer.pageCounterLabel', { page, count })}</span>
        <span aria-hidden="true">${t('doc.pageCounter', { page, count })}</span>
      </span>
      <span class="zoom" role="group" aria-label=${t('viewer.zoomLevel', { percent: this.view.zoom })}>
        <button class="icon" aria-label=${t('viewer.zoomOut')} title=${t('viewer.zoomOut')} @click=${() => void this.viewer?.zoomOut()}>−</button>
        <span class="zoom-level" aria-hidden="true">${t('viewer.zoomLevel', { percent: this.view.zoom })}</span>
        <button class="icon" aria-label=${t('viewer.zoomIn')} title=${t('viewer.zoomIn')} @click=${() => void this.viewer?.zoomIn()}>+</button>
        <button class="icon" aria-label=${t('viewer.fitWidth')} title=${t('viewer.fitWidth')} @click=${() => void this.viewer?.fitWidth()}>↔</button>
      </span>`;
  }

  /** The signers panel beside the document, from the moment there is a document to sign. */
  private renderSigners() {
    if (this.phase.kind !== 'loading' && this.phase.kind !== 'ready') return nothing;
    return html`<jse-signers-panel
      exportparts="signers"
      .problems=${this.sendProblems}
      .revealErrors=${this.refusals}
      ?inert=${this.sender.locked}
      .draft=${this.draft}
      .me=${this.me ?? this.accountUser}
      .contacts=${this.contacts}
      .locale=${this.i18n.lang}
    ></jse-signers-panel>`;
  }

  private renderBody() {
    const { t } = this.i18n;
    switch (this.phase.kind) {
      case 'idle':
        return html`<p class="message">${t('doc.noSource')}</p>`;
      case 'loading':
        return html`<p class="message" role="status">${t('doc.loading')}</p>`;
      case 'error': {
        const { error } = this.phase;
        if (this.documentSet.inUse) {
          // Refused documents by name; the others are loaded and untouched; nothing can be sent.
          const set = this.documentSet;
          return html`<div class="document-set pages">
            ${this.renderDocumentTabs()}
            <div class="message set-refused" role="alert" tabindex="-1">
              <p>${error.message}</p>
              ${set.retryable ? html`<button @click=${() => void set.load()}>${t('error.retry')}</button>` : nothing}
            </div>
          </div>`;
        }
        // Retrying helps when the file may come back, or to type the password again.
        const retry = this.documentLoader.retryable;
        return html`<div class="message" role="alert" tabindex="-1">
          <p>${error.message}</p>
          ${retry ? html`<button @click=${() => void this.documentLoader.load()}>${t('error.retry')}</button>` : nothing}
        </div>`;
      }
      case 'password':
        return this.renderPassword(this.phase);
      case 'ready': {
        const viewer = html`<jse-document-viewer
          class="pages"
          exportparts="page, field"
          .document=${this.document}
          .draft=${this.draft}
          .suggestions=${this.suggestions}
          .pageLabel=${(page: number, count: number) => t('doc.pageLabel', { page, count })}
          .pageFailedLabel=${(page: number) => t('viewer.pageFailed', { page })}
        ></jse-document-viewer>`;
        if (!this.documentSet.inUse) return viewer;
        // One document at a time, each in a viewer of its own (its pages, its fields).
        return html`<div class="document-set pages">
          ${this.renderDocumentTabs()}
          <div class="document-panel" role="tabpanel" id=${PANEL_ID} aria-labelledby=${tabId(this.documentSet.active)}>
            ${keyed(this.documentSet.active, viewer)}
          </div>
        </div>`;
      }
    }
  }

  private renderPassword(phase: Extract<DocumentPhase, { kind: 'password' }>) {
    const { t } = this.i18n;
    const submit = (event: SubmitEvent) => {
      event.preventDefault();
      const form = event.currentTarget as HTMLFormElement;
      const password = (form.elements.namedItem('password') as HTMLInputElement).value;
      form.reset();
      phase.answer(password);
    };
    return html`<form class="message password" aria-labelledby="jse-password-title" @submit=${submit}>
      <p id="jse-password-title">${t('password.title')}</p>
      <label for="jse-password">${t('password.label')}</label>
      <input
        id="jse-password"
        name="password"
        type="password"
        autocomplete="off"
        required
        aria-invalid=${phase.incorrect ? 'true' : 'false'}
        aria-describedby=${phase.incorrect ? 'jse-password-error' : nothing}
      />
      ${phase.incorrect ? html`<p id="jse-password-error" role="alert">${t('password.incorrect')}</p>` : nothing}
      <button type="submit">${t('password.open')}</button>
      <button type="button" @click=${() => phase.answer(undefined)}>${t('password.cancel')}</button>
    </form>`;
  }
}
