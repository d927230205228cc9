/**
 * `<jse-status-view>`: a sent request as the sender follows it — the document, each signer with
 * their state and time, what happens next (download the signed file, prepare a new request after
 * a refusal or an expiry), cancel with a confirmation, and status changes announced politely to
 * screen readers.
 *
 * Dumb on purpose: it shows what it is given and calls `actions`; the status controller owns the
 * request and the network.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { JseError } from '../api/errors.js';
import type { RequestSigner, SignRequest } from '../api/types.js';
import { sharedStyles } from '../internal/shared-styles.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { format, type Lang, type MessageKey } from '../i18n/messages.js';
import { changesBetween } from './transitions.js';

/** What the view can ask for. */
export interface StatusActions {
  /** `DELETE`s the request (after the user confirmed). Rejects with a `JseError`. */
  cancel(): Promise<void>;
  /**
   * The signed PDF. Rejects with an error whose message is already in the user's language (the
   * view shows it after "the download failed:"); reporting it as `jse-error` is the caller's job.
   */
  download(index?: number): Promise<Blob>;
  /** Tries again after a failed attach. */
  retry(): void;
  /** Leaves this request for a new draft; absent when the element has no document to start from. */
  restart?: () => void;
}

/** The signer's name as they were entered (rendered as text). */
export function signerName(signer: Pick<RequestSigner, 'firstName' | 'lastName' | 'email'>): string {
  const name = `${signer.firstName} ${signer.lastName}`.trim();
  return name || signer.email;
}

/**
 * @csspart status - The view's root.
 */
export class StatusView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
    :host {
      display: block;
      min-width: 0;
      overflow-y: auto;
      color: var(--jse-color-text, #1c2230);
    }
    [part='status'] {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      padding: 1rem;
      max-width: 44rem;
    }
    h2 {
      font-size: 1.125rem;
      margin: 0;
    }
    h2:focus {
      outline: none;
    }
    h2:focus-visible {
      outline: 2px solid var(--jse-color-accent, #1d4ed8);
      outline-offset: 2px;
    }
    h3 {
      font-size: 1rem;
      margin: 0;
    }
    p {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .meta,
    .email {
      color: var(--jse-color-muted, #5b6478);
      font-size: 0.875rem;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
    }
    li {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.25rem 1rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--jse-color-border, #c9cfdb);
      border-radius: var(--jse-radius, 6px);
    }
    .who {
      display: flex;
      flex-direction: column;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .name {
      font-weight: 600;
    }
    .state {
      font-size: 0.875rem;
    }
    .state.signed {
      color: #116932;
    }
    .state.ended {
      color: var(--jse-color-muted, #5b6478);
    }
    .state.refused,
    .error {
      color: var(--jse-color-danger, #b42318);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    button {
      font: inherit;
      padding: 0.45rem 0.9rem;
      border-radius: var(--jse-radius, 6px);
      border: 1px solid var(--jse-color-border, #c9cfdb);
      background: var(--jse-color-bg, #fff);
      color: inherit;
      cursor: pointer;
    }
    button.primary {
      background: var(--jse-color-accent, #1d4ed8);
      border-color: var(--jse-color-accent, #1d4ed8);
      color: var(--jse-color-accent-text, #fff);
    }
    button.danger {
      color: var(--jse-color-danger, #b42318);
    }
    button:disabled {
      cursor: default;
      opacity: 0.7;
    }
    button:focus-visible {
      outline: 2px solid var(--jse-color-accent, #1d4ed8);
      outline-offset: 2px;
    }
    dialog h3 {
      margin-bottom: 0.5rem;
    }
    dialog .actions {
      margin-top: 1rem;
      justify-content: flex-end;
    }
  `,
  ];

  /** The request to show (absent while it is being fetched). */
  @property({ attribute: false }) request?: SignRequest;
  /** The document's name, when the element knows it (the proxy's request does not carry it). */
  @property({ attribute: false }) documentName = '';
  /** Fetching the request (`request-id`). */
  @property({ attribute: false }) loading = false;
  /** The request could not be fetched. */
  @property({ attribute: false }) error?: JseError;
  /** Polls are failing for now (they keep being retried). */
  @property({ attribute: false }) trouble?: JseError;
  /** A cancel is in flight. */
  @property({ attribute: false }) cancelling = false;
  @property({ attribute: false }) actions?: StatusActions;
  /** The language (the element's); else the view's own `lang` or an ancestor's. */
  @property({ attribute: false }) locale?: Lang;

  /** The last change, for the live region. */
  @state() private announcement = '';
  @state() private downloading = false;
  @state() private actionError = '';

  private readonly i18n = new LocalizeController(this);
  #shown?: SignRequest;
  #focusTitle = false;
  /** The user confirmed a cancel that has not shown its outcome yet. */
  #userCancelled = false;

  get #lang(): Lang {
    return this.locale ?? this.i18n.lang;
  }

  #t = (key: MessageKey, params?: Record<string, string | number>): string => format(this.#lang, key, params);

  #date(iso: string | null | undefined): string {
    if (!iso) return '';
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return '';
    return new Intl.DateTimeFormat(this.#lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(date);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('request')) return;
    const previous = this.#shown;
    const next = this.request;
    this.#shown = next;
    if (!previous || !next || previous.id !== next.id) {
      this.announcement = '';
      return;
    }
    const said = changesBetween(previous, next).map((change) => {
      switch (change.type) {
        case 'jse-signer-signed':
          return this.#t('status.announce.signerSigned', { name: signerName(change.signer) });
        case 'jse-signed':
          return this.#t('status.announce.signed');
        case 'jse-refused':
          return this.#t('status.announce.refused');
        case 'jse-expired':
          return this.#t('status.announce.expired');
        case 'jse-cancelled':
          return this.#t('status.announce.cancelled');
        default:
          return '';
      }
    });
    if (said.length > 0) this.announcement = said.join(' ');
    // The cancel button goes once the request is final: when the user was working here (they just
    // cancelled, or focus was in the view), focus goes to the new status rather than to the page.
    const focused = (this.renderRoot as ShadowRoot).activeElement !== null;
    if (previous.status === 'pending' && next.status !== 'pending') {
      this.#focusTitle = focused || this.#userCancelled;
      this.#userCancelled = false;
    }
  }

  /**
   * Moves the keyboard focus to the view's heading (the status), or to its message when the
   * request could not be fetched: where the user goes on after sending or attaching.
   */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#status-title, [data-focus-target]')?.focus();
  }

  protected override updated(): void {
    if (this.#focusTitle) {
      this.#focusTitle = false;
      this.renderRoot.querySelector<HTMLElement>('#status-title')?.focus();
    }
  }

  protected override render() {
    const t = this.#t;
    const request = this.request;
    if (!request) {
      if (this.error) {
        return html`<section part="status" aria-label=${t('status.region')}>
          <p class="error" role="alert" tabindex="-1" data-focus-target>${this.error.message}</p>
          ${this.error.retryable ? html`<div class="actions"><button @click=${() => this.actions?.retry()}>${t('status.retry')}</button></div>` : nothing}
        </section>`;
      }
      return html`<section part="status" aria-label=${t('status.region')}>
        <p role="status">${this.loading ? t('status.loading') : ''}</p>
      </section>`;
    }
    return html`<section part="status" aria-labelledby="status-title">
      <h2 id="status-title" tabindex="-1">${t(`status.title.${request.status}`)}</h2>
      ${request.documents && request.documents.length > 1
        ? html`<p class="document">${t('send.confirm.documents', { names: request.documents.map((d) => d.name).join(', ') })}</p>`
        : this.documentName
          ? html`<p class="document">${t('status.document', { name: this.documentName })}</p>`
          : nothing}
      ${request.createdAt ? html`<p class="meta">${t('status.sentAt', { date: this.#date(request.createdAt) })}</p>` : nothing}
      ${this.#renderOrderAndDeadline(request)}
      ${this.trouble && request.status === 'pending' ? html`<p class="meta">${t('status.trouble')}</p>` : nothing}
      <h3 id="status-signers">${t('status.signers')}</h3>
      <ol aria-labelledby="status-signers">
        ${repeat(request.signers, (s) => s.id, (s) => this.#renderSigner(s, request.status))}
      </ol>
      ${this.#renderNext(request)}
      ${this.actionError ? html`<p class="error" role="alert">${this.actionError}</p>` : nothing}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${request.status === 'pending' ? this.#renderConfirm() : nothing}
    </section>`;
  }

  /** SPEC §10: in a sequential request, who is being waited for now; the deadline while pending. */
  #renderOrderAndDeadline(request: SignRequest) {
    if (request.status !== 'pending') return nothing;
    const t = this.#t;
    const awaited = request.signingOrder === 'sequential' ? request.signers.find((s) => s.status === 'waiting') : undefined;
    const deadline = request.expiresAt ? new Date(request.expiresAt) : undefined;
    const day = deadline && !Number.isNaN(deadline.getTime()) ? deadline.toLocaleDateString(this.#lang === 'fr' ? 'fr-FR' : 'en-GB') : undefined;
    return html`${awaited ? html`<p class="meta waiting-for">${t('status.waitingFor', { name: signerName(awaited) })}</p>` : nothing}
    ${day ? html`<p class="meta deadline">${t('status.deadline', { date: day })}</p>` : nothing}`;
  }

  /**
   * A signer's line: signed (when), refused, waiting while the request is pending — and, once the
   * request has ended without their signature, that they did not sign and why (never "waiting").
   */
  #renderSigner(signer: RequestSigner, outcome: SignRequest['status']) {
    const t = this.#t;
    const state =
      signer.status === 'signed'
        ? t('status.signer.signed', { date: this.#date(signer.signedAt) })
        : signer.status === 'refused'
          ? t('status.signer.refused')
          : outcome === 'pending'
            ? t('status.signer.waiting')
            : outcome === 'signed'
              ? t('status.signer.waiting') // not reached: a signed request has every signer signed
              : t(`status.signer.notSigned.${outcome}`);
    const shown = signer.status === 'waiting' && outcome !== 'pending' && outcome !== 'signed' ? 'ended' : signer.status;
    return html`<li data-signer=${signer.id} data-status=${signer.status}>
      <span class="who"><span class="name">${signerName(signer)}</span><span class="email">${signer.email}</span></span>
      <span class="state ${shown}">${state}</span>
    </li>`;
  }

  #renderNext(request: SignRequest) {
    const t = this.#t;
    const restart = this.actions?.restart
      ? html`<button class="primary" data-action="restart" @click=${() => this.actions?.restart?.()}>${t('status.newRequest')}</button>`
      : nothing;
    switch (request.status) {
      case 'pending':
        return html`<p class="next">${t('status.next.pending')}</p>
          <div class="actions">
            <button class="danger" data-action="cancel" ?disabled=${this.cancelling} @click=${this.#askCancel}>
              ${this.cancelling ? t('status.cancelling') : t('status.cancel')}
            </button>
          </div>`;
      case 'signed':
        if (request.documents && request.documents.length > 1) {
          // Several documents (SPEC §10): one signed file each.
          return html`<p class="next">${t('status.next.signed')}</p>
            <div class="actions">
              ${request.documents.map(
                (d, i) => html`<button data-action="download" data-index=${i} ?disabled=${this.downloading} @click=${() => void this.#download(i, d.name)}>
                  ${t('status.downloadOne', { name: d.name })}
                </button>`,
              )}
            </div>`;
        }
        return html`<p class="next">${t('status.next.signed')}</p>
          <div class="actions">
            <button class="primary" data-action="download" ?disabled=${this.downloading} @click=${() => void this.#download()}>
              ${this.downloading ? t('status.downloading') : t('status.download')}
            </button>
          </div>`;
      case 'refused': {
        const refuser = request.signers.find((s) => s.status === 'refused');
        const text = refuser ? t('status.next.refused', { name: signerName(refuser) }) : t('status.next.refusedUnknown');
        return html`<p class="next">${text}</p>
          <div class="actions">${restart}</div>`;
      }
      case 'expired':
      case 'cancelled':
        return html`<p class="next">${t(`status.next.${request.status}`)}</p>
          <div class="actions">${restart}</div>`;
    }
  }

  #renderConfirm() {
    const t = this.#t;
    return html`<dialog aria-labelledby="confirm-title" aria-describedby="confirm-body">
      <h3 id="confirm-title">${t('status.confirm.title')}</h3>
      <p id="confirm-body">${t('status.confirm.body')}</p>
      <div class="actions">
        <button data-action="keep" autofocus @click=${this.#closeConfirm}>${t('status.confirm.no')}</button>
        <button class="danger" data-action="confirm-cancel" @click=${this.#confirmCancel}>${t('status.confirm.yes')}</button>
      </div>
    </dialog>`;
  }

  #askCancel = (): void => {
    this.actionError = '';
    const dialog = this.renderRoot.querySelector('dialog');
    // "Keep it" has the focus (autofocus): Enter on a reflex never cancels a request.
    if (dialog && !dialog.open) dialog.showModal();
  };

  #closeConfirm = (): void => {
    this.renderRoot.querySelector('dialog')?.close();
  };

  #confirmCancel = async (): Promise<void> => {
    this.#closeConfirm();
    this.#userCancelled = true;
    try {
      await this.actions?.cancel();
    } catch (error) {
      this.#userCancelled = false;
      this.actionError = (error as JseError).message;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[data-action="cancel"]')?.focus();
    }
  };

  #download = async (index?: number, name?: string): Promise<void> => {
    if (!this.actions) return;
    this.downloading = true;
    this.actionError = '';
    try {
      const blob = await (index === undefined ? this.actions.download() : this.actions.download(index));
      const base = (name ?? (this.documentName || 'document')).replace(/\.pdf$/i, '');
      saveBlob(blob, this.#t('status.signedFileName', { name: base }));
    } catch (error) {
      this.actionError = this.#t('status.downloadFailed', { detail: (error as Error).message });
    } finally {
      this.downloading = false;
    }
  };
}

/** Hands a Blob to the browser's download (an object URL on a transient link). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.click();
  // The click has started the download; the URL is not needed past this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
