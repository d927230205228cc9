/**
 * What the sending steps show: the connect step, the send bar (button, blocked list, progress,
 * failures, the unknown-outcome lock) and the confirmation summary. Templates only: the state
 * lives in AccountController and SendController; every string comes from the catalogue.
 */
import { html, nothing } from 'lit';
import type { JseError } from '../api/errors.js';
import type { Field, Signer } from '../api/types.js';
import { FIELD_KINDS, fieldKind } from '../draft/field-kinds.js';
import { fr, type MessageKey } from '../i18n/messages.js';
import { signerLabel } from '../signers/label.js';
import type { AccountState } from './account-controller.js';
import type { SendState } from './send-controller.js';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

export function connectStep(state: AccountState, t: T, actions: { open: () => void; retry: () => void }) {
  if (state.kind === 'error') {
    return html`<div class="account-error" role="alert">
      <p>${t('account.error', { detail: accountErrorText(state.error, t) })}</p>
      <button type="button" @click=${actions.retry}>${t('error.retry')}</button>
    </div>`;
  }
  if (state.kind !== 'disconnected') return nothing;
  return html`<section class="connect" aria-labelledby="jse-connect-title">
    <h2 id="jse-connect-title">${t('connect.title')}</h2>
    <p>${t('connect.body')}</p>
    <button type="button" class="primary" @click=${actions.open}>${t('connect.button')}</button>
    ${state.popup === 'open' ? html`<p role="status">${t('connect.waiting')}</p>` : nothing}
    ${state.popup === 'blocked'
      ? html`<p role="alert">
          ${t('connect.blocked')}
          <a href=${state.connectUrl} target="_blank" rel="opener">${t('connect.openTab')}</a>
        </p>`
      : nothing}
  </section>`;
}

function accountErrorText(error: JseError, t: T): string {
  if (error.code === 'internal_error') return t('error.internal_error', { detail: error.message });
  const key = `send.error.${error.code}`;
  return key in fr ? t(key as MessageKey) : error.message;
}

/** The user's words for a failed send: the catalogue's text, or the proxy's problem about the document. */
export function sendErrorText(error: JseError, t: T): string {
  if (['document_too_large', 'unsupported_document', 'encrypted_document', 'damaged_document'].includes(error.code)) {
    return t('send.error.document', { detail: error.message });
  }
  return accountErrorText(error, t);
}

export function sendBar(
  state: SendState,
  t: T,
  actions: { send: () => void; retry: () => void; abandon: () => void; dismiss: () => void },
  options: { disabled: boolean },
) {
  const button = html`<button
    type="button"
    class="primary"
    part="submit"
    ?disabled=${options.disabled || state.kind === 'sending' || state.kind === 'locked' || state.kind === 'sent'}
    @click=${actions.send}
  >
    ${t('send.button')}
  </button>`;
  switch (state.kind) {
    case 'blocked':
      return html`<div class="send">
        <div class="problems" role="alert" tabindex="-1">
          <p>${t('send.blocked')}</p>
          <ul>
            ${state.problems.map((p) => html`<li>${p.message}</li>`)}
          </ul>
        </div>
        ${button}
      </div>`;
    case 'sending': {
      const { progress } = state;
      const percent = progress?.total ? Math.round((progress.loaded / progress.total) * 100) : undefined;
      return html`<div class="send">
        <p role="status">${percent === undefined ? t('send.progress.indeterminate') : t('send.progress.percent', { percent })}</p>
        ${percent === undefined
          ? html`<progress aria-label=${t('send.progress.indeterminate')}></progress>`
          : html`<progress max="100" value=${percent} aria-label=${t('send.progress.indeterminate')}></progress>`}
        ${button}
      </div>`;
    }
    case 'failed':
      return html`<div class="send">
        <div class="problems" role="alert" tabindex="-1"><p>${sendErrorText(state.error, t)}</p></div>
        ${state.error.retryable ? html`<button type="button" @click=${actions.retry}>${t('send.retry')}</button>` : nothing}
        ${button}
      </div>`;
    case 'locked':
      return html`<div class="send locked" role="alert" tabindex="-1">
        <p class="title">${t('send.locked.title')}</p>
        <p>${t('send.locked.body')}</p>
        <div class="actions">
          <button type="button" class="primary" @click=${actions.retry}>${t('send.locked.retry')}</button>
          <button type="button" @click=${actions.abandon}>${t('send.locked.abandon')}</button>
        </div>
      </div>`;
    case 'sent':
      return html`<div class="send"><p role="status">${t('send.sent')}</p></div>`;
    case 'editing':
      return html`<div class="send">
        ${state.notice === 'abandoned' ? html`<p role="status">${t('send.abandoned')}</p>` : nothing} ${button}
      </div>`;
    case 'confirming':
      return html`<div class="send">${button}</div>`;
  }
}

/** The confirmation: "Envoyer à 2 signataires ?", the document, each signer with their fields, the message. */
export function confirmSummary(
  t: T,
  summary: {
    documentName: string;
    signers: readonly Signer[];
    fields: readonly Field[];
    message: string;
    /** Several documents, an order or a deadline (SPEC §10): the title says them all. */
    request?: { documents: readonly string[]; inOrder: boolean; date: string };
  },
  actions: { confirm: () => void; back: () => void },
) {
  const count = summary.signers.length;
  const { request } = summary;
  return html`<h2 id="jse-confirm-title">${request ? confirmTitle(t, request, count) : count === 1 ? t('send.confirm.titleOne') : t('send.confirm.titleMany', { count })}</h2>
    <p>
      ${request && request.documents.length > 1
        ? t('send.confirm.documents', { names: request.documents.join(', ') })
        : t('send.confirm.document', { name: summary.documentName })}
    </p>
    <ul>
      ${summary.signers.map((s, i) => {
        const theirs = summary.fields.filter((f) => f.signerId === s.id);
        const n = theirs.length;
        const name = `${signerLabel(s, i)} <${s.email.trim()}>`;
        // Not all "signature" when some are initials, dates, mentions or texts: each kind counted.
        const kinds = FIELD_KINDS.map((k) => [k, theirs.filter((f) => fieldKind(f) === k).length] as const).filter(([, c]) => c > 0);
        if (kinds.some(([k]) => k !== 'signature')) {
          const said = kinds.map(([k, c]) => t(`send.confirm.count.${k}.${c === 1 ? 'one' : 'other'}`, { count: c })).join(', ');
          return html`<li>${t('send.confirm.fieldsMixed', { name, count: n, kinds: said })}</li>`;
        }
        return html`<li>${n === 1 ? t('send.confirm.fieldsOne', { name }) : t('send.confirm.fieldsMany', { name, count: n })}</li>`;
      })}
    </ul>
    <p class="message-preview">${summary.message.trim() ? t('send.confirm.message', { message: summary.message }) : t('send.confirm.noMessage')}</p>
    <div class="actions">
      <button type="button" @click=${actions.back}>${t('send.confirm.back')}</button>
      <button type="button" class="primary" autofocus @click=${actions.confirm}>${t('send.confirm.send')}</button>
    </div>`;
}

/** « Envoyer 3 documents à 2 signataires, dans l’ordre, avant le 16/12/2026 ? » */
export function confirmTitle(t: T, request: { documents: readonly string[]; inOrder: boolean; date: string }, signers: number): string {
  const n = request.documents.length;
  return t('send.confirm.set', {
    documents: n === 1 ? t('send.confirm.set.documents.one') : t('send.confirm.set.documents.other', { count: n }),
    signers: signers === 1 ? t('send.confirm.set.signers.one') : t('send.confirm.set.signers.other', { count: signers }),
    order: request.inOrder ? t('send.confirm.set.inOrder') : '',
    date: request.date,
  });
}
