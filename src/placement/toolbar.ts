/**
 * The placement part of the element's toolbar: the kind picker (which kind a click, a drag or
 * "+ …" places), by mouse and keyboard (a native select: arrows, type-ahead, Enter). Templates
 * only; the element wires them to its draft.
 */
import { html, nothing } from 'lit';
import type { FieldKind } from '../api/types.js';
import { FIELD_KINDS } from '../draft/field-kinds.js';
import type { MessageKey } from '../i18n/messages.js';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The select of the kind new fields get. */
export function fieldKindPicker(t: T, kind: FieldKind, disabled: boolean, choose: (kind: FieldKind) => void) {
  return html`<select
    class="field-kind"
    aria-label=${t('toolbar.kind')}
    title=${t('toolbar.kind')}
    ?disabled=${disabled}
    @change=${(e: Event) => choose((e.target as HTMLSelectElement).value as FieldKind)}
  >
    ${FIELD_KINDS.map((k) => html`<option value=${k} ?selected=${k === kind}>${t(`kind.${k}`)}</option>`)}
  </select>`;
}

/**
 * Undo and redo (SPEC §10), beside the kind picker. `aria-disabled` rather than `disabled` when
 * there is nothing to undo or redo, so the focus stays on the button that was just used.
 */
export function historyButtons(t: T, can: { canUndo: boolean; canRedo: boolean }, act: { undo(): void; redo(): void }) {
  return html`<span class="history" role="group" aria-label=${`${t('history.undo')} / ${t('history.redo')}`}>
    <button
      type="button"
      class="icon undo"
      aria-label=${t('history.undo')}
      title=${`${t('history.undo')} (Ctrl+Z)`}
      aria-keyshortcuts="Control+Z Meta+Z"
      aria-disabled=${can.canUndo ? 'false' : 'true'}
      @click=${() => act.undo()}
    >↶</button><button
      type="button"
      class="icon redo"
      aria-label=${t('history.redo')}
      title=${`${t('history.redo')} (Ctrl+Shift+Z)`}
      aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
      aria-disabled=${can.canRedo ? 'false' : 'true'}
      @click=${() => act.redo()}
    >↷</button>
  </span>`;
}

export interface InitialsDialogView {
  open: boolean;
  disabled: boolean;
  signers: readonly { id: string; label: string }[];
  /** The signer chosen at first (the one new fields go to). */
  chosen: string | undefined;
  pageCount: number;
}

/**
 * "Parapher toutes les pages": a button opening a small modal dialog (native: focus kept inside,
 * Escape closes) to choose the signer and all pages or all but the last. Without any signer, an
 * empty signer row is created for them (as placing a field does).
 */
export function initialsDialog(
  t: T,
  v: InitialsDialogView,
  act: { show(): void; close(): void; apply(signerId: string | undefined, which: 'all' | 'allButLast'): void },
) {
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const signer = (form.elements.namedItem('signer') as HTMLSelectElement).value;
    const which = (form.querySelector<HTMLInputElement>('input[name="pages"]:checked')?.value ?? 'all') as 'all' | 'allButLast';
    act.apply(signer || undefined, which);
  };
  // In a narrow element (a phone) the short words show; the name stays whole (it contains them).
  return html`<button
      type="button"
      class="initials-open"
      aria-haspopup="dialog"
      aria-label=${t('initials.open')}
      ?disabled=${v.disabled}
      @click=${() => act.show()}
    >
      <span class="label-wide">${t('initials.open')}</span><span class="label-narrow">${t('initials.openShort')}</span>
    </button>
    <dialog class="initials" aria-labelledby="jse-initials-title" @cancel=${(e: Event) => {
      e.preventDefault();
      act.close();
    }}>
      ${v.open
        ? html`<form method="dialog" @submit=${submit}>
            <h2 id="jse-initials-title">${t('initials.title')}</h2>
            <p>
              <label for="jse-initials-signer">${t('initials.signer')}</label>
              <select id="jse-initials-signer" name="signer">
                ${v.signers.length
                  ? v.signers.map((s) => html`<option value=${s.id} ?selected=${s.id === v.chosen}>${s.label}</option>`)
                  : html`<option value="">${t('initials.newSigner')}</option>`}
              </select>
            </p>
            <fieldset>
              <legend>${t('initials.pages')}</legend>
              <label><input type="radio" name="pages" value="all" checked /> ${t('initials.all')}</label>
              <label><input type="radio" name="pages" value="allButLast" ?disabled=${v.pageCount < 2} /> ${t('initials.allButLast')}</label>
            </fieldset>
            <p class="actions">
              <button type="submit">${t('initials.apply')}</button>
              <button type="button" @click=${() => act.close()}>${t('initials.cancel')}</button>
            </p>
          </form>`
        : nothing}
    </dialog>`;
}
