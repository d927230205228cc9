import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { JseError } from './api/errors.js';
import type { Field, Person, Signer, SignRequest } from './api/types.js';
import { Draft } from './draft/draft.js';
import { JseErrorEvent, JseReadyEvent, type PageInfo } from './events.js';
import { LocalizeController } from './i18n/localize-controller.js';
import { styles } from './jse-sign-request.styles.js';
import { styleProps } from './internal/style-props.js';

/** Contacts: a list, or a search for large address books. */
export type ContactsSource = readonly Person[] | ((query: string) => Promise<Person[]>);

type Phase = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready' } | { kind: 'error'; error: JseError };

/**
 * Sends a file from a GED for electronic signature through Jesignexpert: shows the PDF or image,
 * lets the user place signature fields and enter the signers, and talks to the host's proxy.
 *
 * @summary Electronic-signature request for one GED document.
 * @tag jse-sign-request
 *
 * @fires {JseReadyEvent} jse-ready - The document is loaded: `{ documentName, size, type, pageCount, pages }`.
 * @fires {JseStatusEvent} jse-status - Attached to an existing request: `{ request }`.
 * @fires {JseConnectRequiredEvent} jse-connect-required - The Jesignexpert account must be linked: `{ connectUrl }`.
 * @fires {JseConnectedEvent} jse-connected - The account is linked: `{ user }`.
 * @fires {JseInvalidEvent} jse-invalid - The draft cannot be sent: `{ errors: [{ path, code, message }] }`.
 * @fires {JsePendingEvent} jse-pending - This element created the request: `{ request }`.
 * @fires {JseSignerSignedEvent} jse-signer-signed - A signer signed: `{ request, signer }`.
 * @fires {JseSignedEvent} jse-signed - Everyone signed: `{ request, signedDocumentUrl, download() }`.
 * @fires {JseRefusedEvent} jse-refused - A signer refused: `{ request }`.
 * @fires {JseExpiredEvent} jse-expired - The request expired: `{ request }`.
 * @fires {JseCancelledEvent} jse-cancelled - The request was cancelled: `{ request }`.
 * @fires {JseErrorEvent} jse-error - A failure, also shown to the user: `{ code, message, retryable, status? }`.
 *
 * @csspart toolbar - The bar above the document (name, pages, zoom).
 * @csspart page - One per page: the box holding the page's canvas and its fields.
 * @csspart field - A signature field placed on a page.
 * @csspart signers - The signers panel.
 * @csspart submit - The send button.
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
  static override styles = styles;

  /** URL of the file to sign (PDF, PNG or JPEG). */
  @property({ reflect: true }) src = '';

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

  @state() private phase: Phase = { kind: 'idle' };
  @state() private pages: PageInfo[] = [];

  private readonly i18n = new LocalizeController(this);
  private readonly draft = new Draft();
  private loadGeneration = 0;
  private closeDocument?: () => void;

  constructor() {
    super();
    this.draft.subscribe(() => this.requestUpdate());
  }

  /** The signers, in order. The setter replaces the list; ids are generated where absent and kept where given. */
  get signers(): Signer[] {
    return this.draft.signers.map((s) => ({ ...s }));
  }
  set signers(list: Signer[]) {
    this.draft.setSigners(list);
  }

  /** The signature fields, in PDF points. The setter replaces the list and throws a `TypeError` for a malformed field or an unknown signer. */
  get fields(): Field[] {
    return this.draft.fields.map((f) => ({ ...f }));
  }
  set fields(list: Field[]) {
    this.draft.setFields(list);
  }

  /** Sends the request without the confirmation dialog. Resolves with the request or rejects with a `JseError`. */
  submit(): Promise<SignRequest> {
    return Promise.reject(new JseError('invalid_request', 'Sending is not available yet.', { retryable: false }));
  }

  /** Clears the draft (fields, signers, message) and any error, keeping the document. */
  reset(): void {
    this.draft.setSigners([]);
  }

  /** Cancels the request this element follows (`DELETE`), while it is pending. */
  cancelRequest(): Promise<void> {
    return Promise.reject(new JseError('not_found', 'No request to cancel.', { retryable: false }));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loadGeneration++;
    this.closeDocument?.();
    this.closeDocument = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this.src && !this.closeDocument) void this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) void this.load();
  }

  private async load(): Promise<void> {
    const generation = ++this.loadGeneration;
    this.closeDocument?.();
    this.closeDocument = undefined;
    this.pages = [];
    if (!this.src) {
      this.phase = { kind: 'idle' };
      return;
    }
    this.phase = { kind: 'loading' };
    try {
      const { openPdf } = await import('./document/pdfjs.js');
      const task = await openPdf({ url: new URL(this.src, document.baseURI).href, withCredentials: this.withCredentials });
      this.closeDocument = () => void task.destroy();
      const pdf = await task.promise;
      if (generation !== this.loadGeneration) return;
      const first = await pdf.getPage(1);
      const viewport = first.getViewport({ scale: 1 });
      const pages: PageInfo[] = [
        {
          view: [...first.view] as PageInfo['view'],
          rotation: first.rotate,
          width: viewport.width,
          height: viewport.height,
        },
      ];
      this.pages = pages;
      this.phase = { kind: 'ready' };
      await this.updateComplete;
      const canvas = this.renderRoot.querySelector('canvas');
      if (canvas) {
        const ratio = Math.min(window.devicePixelRatio || 1, 2);
        const width = canvas.parentElement!.clientWidth || viewport.width;
        const scaled = first.getViewport({ scale: (width / viewport.width) * ratio });
        canvas.width = Math.round(scaled.width);
        canvas.height = Math.round(scaled.height);
        await first.render({ canvas, viewport: scaled }).promise;
      }
      if (generation !== this.loadGeneration) return;
      this.dispatchEvent(
        new JseReadyEvent({
          documentName: this.documentName ?? nameFromUrl(this.src),
          size: (await pdf.getDownloadInfo()).length,
          type: 'pdf',
          pageCount: pdf.numPages,
          pages,
        }),
      );
    } catch (cause) {
      if (generation !== this.loadGeneration) return;
      const error =
        cause instanceof JseError ? cause : new JseError('damaged_document', String((cause as Error)?.message ?? cause), { cause });
      this.phase = { kind: 'error', error };
      this.dispatchEvent(new JseErrorEvent(error.toDetail()));
    }
  }

  protected override render() {
    const { t } = this.i18n;
    return html`
      <div part="toolbar" role="toolbar" aria-label=${t('toolbar.label')}>
        <span class="doc-name">${this.documentName ?? (this.src ? nameFromUrl(this.src) : '')}</span>
        ${this.pages.length ? html`<span>${t('doc.pageCounter', { page: 1, count: this.pages.length })}</span>` : nothing}
      </div>
      <div class="pages">${this.renderBody()}</div>
    `;
  }

  private renderBody() {
    const { t } = this.i18n;
    switch (this.phase.kind) {
      case 'idle':
        return html`<p class="message">${t('doc.noSource')}</p>`;
      case 'loading':
        return html`<p class="message" role="status">${t('doc.loading')}</p>`;
      case 'error':
        return html`<div class="message" role="alert">
          <p>${t(`error.${this.phase.error.code}` as 'error.damaged_document', { detail: this.phase.error.message })}</p>
          <button @click=${() => void this.load()}>${t('error.retry')}</button>
        </div>`;
      case 'ready':
        return this.pages.map(
          (p, i) => html`<div
            part="page"
            data-page=${i + 1}
            aria-label=${t('doc.pageLabel', { page: i + 1, count: this.pages.length })}
            role="img"
            ${styleProps({ aspectRatio: `${p.width} / ${p.height}`, maxWidth: `${p.width * 1.5}px` })}
          >
            <canvas></canvas>
          </div>`,
        );
    }
  }
}

/** The last path segment of a URL, decoded; the host's `document-name` wins over it. */
function nameFromUrl(src: string): string {
  try {
    const path = new URL(src, document.baseURI).pathname;
    return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || src;
  } catch {
    return src;
  }
}
