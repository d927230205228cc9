/**
 * What a request of several documents, its order and its deadline show (SPEC §10): the document
 * switcher (a tablist with each document's page and field counts, roving tabindex, arrow keys),
 * and the order-and-deadline controls (parallel / sequential, the signers reordered by drag or by
 * the « Monter » / « Descendre » buttons, the date picker). Templates only: the state lives in the
 * draft and in DocumentSetController; every string comes from the catalogue.
 */
import { css, html, nothing } from 'lit';
import type { Signer, SigningOrder } from '../api/types.js';
import type { MessageKey } from '../i18n/messages.js';
import { signerLabel } from '../signers/label.js';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** One tab of the switcher. */
export interface DocumentTab {
  name: string;
  /** Pages, once the document is loaded. */
  pageCount?: number | undefined;
  /** Fields placed on it. */
  fieldCount: number;
  /** Refused (too large, encrypted…): shown, marked, not selectable for placing. */
  refused?: boolean;
}

/** Id of the tab of document `i` (the panel is labelled by the active one). */
export const tabId = (i: number) => `jse-doc-tab-${i}`;
export const PANEL_ID = 'jse-doc-panel';

/** "3 pages, 2 champs": what a tab says besides its name. */
export function tabFacts(t: T, tab: DocumentTab): string {
  const pages = tab.pageCount === undefined ? '' : tab.pageCount === 1 ? t('set.tabPages.one') : t('set.tabPages.other', { count: tab.pageCount });
  const fields = tab.fieldCount === 0 ? t('set.tabFields.zero') : tab.fieldCount === 1 ? t('set.tabFields.one') : t('set.tabFields.other', { count: tab.fieldCount });
  return [pages, fields].filter(Boolean).join(' · ');
}

/** The next tab for a key of the tablist (ARIA APG: arrows wrap, Home/End), or undefined. */
export function tabForKey(key: string, active: number, count: number): number | undefined {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return (active + 1) % count;
    case 'ArrowLeft':
    case 'ArrowUp':
      return (active - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return undefined;
  }
}

/**
 * The switcher. `select(i, byKey)`: show document `i`; `byKey` when chosen with the keyboard
 * (the caller then focuses the new tab: roving tabindex, activation follows focus).
 */
export function documentTabs(t: T, tabs: readonly DocumentTab[], active: number, select: (index: number, byKey: boolean) => void) {
  const onKey = (e: KeyboardEvent) => {
    const next = tabForKey(e.key, active, tabs.length);
    if (next === undefined) return;
    e.preventDefault();
    select(next, true);
  };
  return html`<div class="document-tabs" role="tablist" aria-label=${t('set.tabs')} @keydown=${onKey}>
    ${tabs.map(
      (tab, i) => html`<button
        type="button"
        role="tab"
        id=${tabId(i)}
        class=${tab.refused ? 'refused' : ''}
        aria-selected=${i === active ? 'true' : 'false'}
        aria-controls=${PANEL_ID}
        tabindex=${i === active ? 0 : -1}
        @click=${() => select(i, false)}
      >
        <span class="tab-name">${tab.name}</span>
        <span class="tab-facts">${tabFacts(t, tab)}</span>
      </button>`,
    )}
  </div>`;
}

export interface RequestOptionsView {
  order: SigningOrder;
  signers: readonly Signer[];
  /** The day picked (`YYYY-MM-DD`). */
  deadline: string;
  min: string;
  max: string;
  /** The day typed is not within 1–90 days. */
  invalid: boolean;
  locked: boolean;
  lang: 'fr' | 'en';
}

export interface RequestOptionsActions {
  setOrder(order: SigningOrder): void;
  /** Moves a signer `by` places (buttons: ±1; drag: to the drop target's place). */
  move(signerId: string, by: number, byKey: boolean): void;
  setDeadline(day: string): void;
}

/** Drag state shared by the list's items (one drag at a time in a page). */
let dragged: string | undefined;

/** Order and deadline, under the signers. */
export function requestOptions(t: T, view: RequestOptionsView, actions: RequestOptionsActions) {
  const { signers } = view;
  const shown = (d: string) => (/^(\d{4})-(\d{2})-(\d{2})$/.exec(d) ? d.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1') : d);
  const onDrop = (target: string) => (e: DragEvent) => {
    e.preventDefault();
    const from = signers.findIndex((s) => s.id === dragged);
    const to = signers.findIndex((s) => s.id === target);
    if (dragged && from >= 0 && to >= 0 && from !== to) actions.move(dragged, to - from, false);
    dragged = undefined;
  };
  return html`<section class="request-options" ?inert=${view.locked}>
    <fieldset class="signing-order">
      <legend>${t('order.legend')}</legend>
      ${(['parallel', 'sequential'] as const).map(
        (order) => html`<label
          ><input
            type="radio"
            name="jse-signing-order"
            value=${order}
            .checked=${view.order === order}
            ?disabled=${view.locked}
            @change=${() => actions.setOrder(order)}
          />
          ${t(`order.${order}`)}</label
        >`,
      )}
    </fieldset>
    ${view.order === 'sequential' && signers.length > 0
      ? html`<ol class="order-list" aria-label=${t('order.list')}>
          ${signers.map((s, i) => {
            const name = signerLabel(s, i, view.lang);
            return html`<li
              draggable=${view.locked ? 'false' : 'true'}
              data-signer=${s.id}
              title=${t('order.drag')}
              @dragstart=${(e: DragEvent) => {
                dragged = s.id;
                e.dataTransfer?.setData('text/plain', s.id);
              }}
              @dragover=${(e: DragEvent) => e.preventDefault()}
              @drop=${onDrop(s.id)}
              @dragend=${() => (dragged = undefined)}
            >
              <span class="order-row"><span class="order-name">${name}</span>
              <span class="order-moves"><button
                type="button"
                class="order-up"
                aria-label=${t('order.upLabel', { name })}
                ?disabled=${view.locked || i === 0}
                @click=${() => actions.move(s.id, -1, true)}
              >
                ${t('order.up')}
              </button>
              <button
                type="button"
                class="order-down"
                aria-label=${t('order.downLabel', { name })}
                ?disabled=${view.locked || i === signers.length - 1}
                @click=${() => actions.move(s.id, 1, true)}
              >
                ${t('order.down')}
              </button></span></span>
            </li>`;
          })}
        </ol>`
      : nothing}
    <div class="deadline">
      <label for="jse-deadline">${t('deadline.label')}</label>
      <input
        id="jse-deadline"
        type="date"
        .value=${view.deadline}
        min=${view.min}
        max=${view.max}
        required
        ?disabled=${view.locked}
        aria-invalid=${view.invalid ? 'true' : 'false'}
        aria-describedby="jse-deadline-hint"
        @change=${(e: Event) => actions.setDeadline((e.target as HTMLInputElement).value)}
      />
      <p id="jse-deadline-hint" class=${view.invalid ? 'hint invalid' : 'hint'} role=${view.invalid ? 'alert' : nothing}>
        ${view.invalid ? t('deadline.invalid', { min: shown(view.min), max: shown(view.max) }) : t('deadline.hint')}
      </p>
    </div>
  </section>`;
}

export const setStyles = css`
  .document-set {
    display: flex;
    flex-direction: column;
    min-height: 0;
    min-width: 0;
  }
  /* The tab panel holds the viewer, which has no height of its own (its pages are laid out in a
     scroller): the panel takes what the tabs leave, and the viewer all of the panel. */
  .document-panel {
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
  }
  .document-panel > jse-document-viewer {
    flex: 1;
    min-height: 0;
  }
  .document-tabs {
    display: flex;
    gap: 0.25rem;
    padding: 0.25rem 0.5rem 0;
    overflow-x: auto;
    border-bottom: 1px solid var(--jse-color-border);
    background: var(--jse-color-surface);
  }
  .document-tabs [role='tab'] {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.1rem;
    border: 1px solid var(--jse-color-border);
    border-bottom: 0;
    border-radius: var(--jse-radius) var(--jse-radius) 0 0;
    padding: 0.35rem 0.75rem;
    background: var(--jse-color-bg);
    color: var(--jse-color-text);
    font: inherit;
    cursor: pointer;
  }
  .document-tabs [role='tab'][aria-selected='true'] {
    border-color: var(--jse-color-accent);
    box-shadow: inset 0 3px 0 var(--jse-color-accent);
  }
  .document-tabs [role='tab'].refused .tab-name {
    color: var(--jse-color-danger);
  }
  .tab-facts {
    font-size: 0.8em;
    color: var(--jse-color-muted);
  }
  .request-options {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: 0.75rem 1rem;
    border-top: 1px solid var(--jse-color-border);
  }
  .signing-order {
    border: 0;
    padding: 0;
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .signing-order legend {
    font-weight: 600;
    padding: 0;
  }
  .order-list {
    margin: 0;
    padding-left: 1.5rem;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .order-list li {
    cursor: grab;
  }
  .order-list .order-name {
    margin-right: 0.5rem;
  }
  /* « Monter » and « Descendre » side by side at the row's end, the name wrapping before them
     (review: « Descendre » went under the name, half hidden by the send bar). */
  .order-row {
    display: flex;
    align-items: center;
    gap: 0.25rem;
  }
  .order-row .order-name {
    flex: 1 1 auto;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .order-moves {
    flex: none;
    display: inline-flex;
    gap: 0.25rem;
    white-space: nowrap;
  }
  .deadline {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  .deadline .hint {
    margin: 0;
    font-size: 0.85em;
    color: var(--jse-color-muted);
  }
  .deadline .hint.invalid {
    color: var(--jse-color-danger);
  }
  .message.set-refused p {
    white-space: pre-line;
  }
`;
