/**
 * The "position and size" part of a selected field's tools (SPEC §10 "Placing faster"): a "mm"
 * toggle in the tools' row opens, below it, left, top, width and height in millimetres, from the
 * page's top-left corner as seen (closed, the tools stay one row and hide less of the page). A
 * value is applied on Enter or when the focus leaves it (`change`), Escape puts the field's value
 * back; a value off the page or below the kind's minimum is not applied and the range is said.
 * Template only; the placement layer wires it to the draft and keeps the error. The rules are in
 * `properties.ts` (pure).
 */
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { PageGeometry, Rect } from '../document/geometry.js';
import type { MessageKey } from '../i18n/messages.js';
import { DIMENSIONS, formatMm, toMillimetres, type Dimension } from './properties.js';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A value the form refused: what was typed (kept in the box) and why. */
export interface PropertyError {
  dim: Dimension;
  text: string;
  message: string;
}

export interface FieldPropertiesView {
  t: T;
  lang: string;
  page: PageGeometry;
  /** The field's rectangle as shown now (the preview while it is dragged), PDF space. */
  rect: Rect;
  /** A prefix unique in the layer, for the error's id. */
  id: string;
  error?: PropertyError;
  /** Whether the form is shown (the toggle's state). */
  open: boolean;
  toggle(): void;
  apply(dim: Dimension, text: string): void;
  /** Escape: forget a refused value (the box shows the field's value again). */
  revert(): void;
}

/** The toggle of the form, in the tools' row. */
export function propertiesToggle(v: FieldPropertiesView) {
  return html`<button
    type="button"
    class="props-toggle"
    aria-expanded=${v.open ? 'true' : 'false'}
    aria-controls=${`${v.id}-props`}
    title=${v.t('field.props')}
    @click=${() => v.toggle()}
  >
    <span aria-hidden="true">mm</span><span class="sr">${v.t('field.props')}</span>
  </button>`;
}

/** The form, when open: four labelled boxes, and the error of the last refused value. */
export function fieldProperties(v: FieldPropertiesView) {
  if (!v.open) return nothing;
  const mm = toMillimetres(v.page, v.rect);
  const errorId = `${v.id}-props-error`;
  return html`<fieldset class="props" id=${`${v.id}-props`}>
    <legend>${v.t('field.props')}</legend>
    ${DIMENSIONS.map((dim) => {
      const error = v.error?.dim === dim ? v.error : undefined;
      return html`<label class="prop">
        <span>${v.t(`field.props.${dim}`)}</span>
        <input
          type="text"
          inputmode="decimal"
          autocomplete="off"
          spellcheck="false"
          data-prop=${dim}
          .value=${live(error ? error.text : formatMm(mm[dim], v.lang))}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(error ? errorId : undefined)}
          @change=${(e: Event) => v.apply(dim, (e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key !== 'Escape') return;
            // Escape puts back the field's value, typed or refused, without applying anything.
            e.preventDefault();
            (e.target as HTMLInputElement).value = formatMm(mm[dim], v.lang);
            v.revert();
          }}
        />
      </label>`;
    })}
    ${v.error ? html`<p class="prop-error" id=${errorId} role="alert">${v.error.message}</p>` : nothing}
  </fieldset>`;
}
