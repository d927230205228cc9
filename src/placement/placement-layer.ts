/**
 * `<jse-placement-layer>`: the signature fields of one page, drawn over the page's canvas from
 * their PDF coordinates, and edited by mouse, touch and keyboard. The editing rules are in
 * `editing.ts` (pure); this element only turns input into calls to them and to the draft.
 *
 * The viewer puts one layer in each page box, after the canvas, and gives it the page's geometry
 * and zoom; the fields then follow zoom, scroll, re-rendering and virtualisation by themselves.
 * While a pointer moves only this layer re-renders (a preview); the draft changes once, when the
 * gesture ends, so the rest of the element — and the PDF pages — do not repaint during a drag.
 */
import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Field, FieldKind, Signer } from '../api/types.js';
import { FIELD_KINDS, fieldKind } from '../draft/field-kinds.js';
import { isInsidePage, normalizeRotation, rectToScreen, shownSize, type PageGeometry, type Point, type Rect } from '../document/geometry.js';
import type { Draft, DraftField } from '../draft/draft.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { styleProps } from '../internal/style-props.js';
import {
  HANDLES,
  KEY_STEP,
  KEY_STEP_LARGE,
  arrowDirection,
  clearOfOthers,
  drawRect,
  minSize,
  moveRect,
  nudge,
  placeDefault,
  resizeRect,
  type Handle,
} from './editing.js';
import { initialsOf, signerColor } from './palette.js';
import { duplicateOf } from './replicate.js';
import { ANNOUNCE_EVENT, copyAllEvent } from '../internal/events.js';
import { fieldProperties, propertiesToggle, type FieldPropertiesView, type PropertyError } from './field-properties.js';
import { formatMm, parseMm, rangeOf, withDimension, type Dimension } from './properties.js';
import { SNAP_THRESHOLD_PX, guideBox, guidesAt, snapLines, snapMove, snapPoint, snapResize, type Guide } from './snapping.js';
import type { SuggestionBoard } from '../suggestions/board.js';
import type { Suggestion } from '../suggestions/find.js';

/** Below this distance (CSS px) a press is a click, not a drag. */
const DRAG_THRESHOLD = 4;

type Gesture =
  | { kind: 'press'; pointerId: number; origin: Point; local: Point }
  | { kind: 'draw'; pointerId: number; origin: Point; local: Point }
  | { kind: 'move'; pointerId: number; origin: Point; key: string; start: Field }
  | { kind: 'resize'; pointerId: number; origin: Point; key: string; start: Field; handle: Handle }
  | { kind: 'cancelled'; pointerId: number };

/** What a gesture in progress shows: a field's new place (`key`) or a field being drawn (`key` null). */
interface Preview {
  key: string | null;
  rect: Rect;
  /** The lines a moved, resized or drawn field snapped to (shown points), drawn while it is on them. */
  guides?: readonly Guide[];
}

/** The page as the viewer describes it: pdf.js `page.view` and `/Rotate`. */
export interface LayerGeometry {
  view: PageGeometry['view'] | readonly number[];
  rotation: number;
}

/* Drawn icons: a glyph such as ⧉ is missing from many system fonts (an empty box on screen). */
const icon = (body: ReturnType<typeof svg>) =>
  html`<svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">${body}</svg>`;
/** Duplicate: two overlapping sheets. */
const DUPLICATE_ICON = icon(
  svg`<rect x="5.5" y="5.5" width="8" height="8" rx="1" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M3 10.5V3.5a1 1 0 0 1 1-1h7" fill="none" stroke="currentColor" stroke-width="1.5"/>`,
);
/** Copy to all pages: a sheet with copies stacked behind it. */
const COPY_ALL_ICON = icon(
  svg`<rect x="6.5" y="6.5" width="7" height="7" rx="1" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M4.5 11.5v-6a1 1 0 0 1 1-1h6M2.5 9.5v-6a1 1 0 0 1 1-1h6" fill="none" stroke="currentColor" stroke-width="1.5"/>`,
);

/**
 * The signature fields of one page, editable.
 *
 * @csspart field - A signature field.
 */
export class PlacementLayer extends LitElement {
  static override styles = css`
    :host {
      position: absolute;
      inset: 0;
      display: block;
      /* The page keeps scrolling under a finger; only fields and handles take touch drags. */
      touch-action: auto;
      user-select: none;
      -webkit-user-select: none;
    }
    .surface {
      position: absolute;
      inset: 0;
      cursor: crosshair;
    }
    .surface.read-only,
    .surface.read-only .field {
      cursor: default;
    }
    .surface.read-only .field {
      touch-action: auto;
    }
    .field,
    .drawing {
      position: absolute;
      box-sizing: border-box;
      border: 2px solid var(--jse-field-color);
      border-radius: var(--jse-radius, 4px);
      background: color-mix(in srgb, var(--jse-field-color) 14%, transparent);
    }
    .drawing {
      --jse-field-color: var(--jse-color-accent, #0b5cad);
      border-style: dashed;
      pointer-events: none;
    }
    .field {
      touch-action: none;
      cursor: move;
      outline: none;
    }
    .field.outside {
      border-style: dashed;
      border-color: var(--jse-color-danger, #b0243b);
    }
    .field:focus-visible,
    .field.dragging {
      box-shadow:
        0 0 0 2px #fff,
        0 0 0 4px var(--jse-color-accent, #0b5cad);
    }
    .caption {
      position: absolute;
      inset: auto 4px 2px 4px;
      overflow: hidden;
      color: var(--jse-field-color);
      font: 500 11px/1.3 var(--jse-font, system-ui, sans-serif);
      white-space: nowrap;
      text-overflow: ellipsis;
      pointer-events: none;
    }
    /* Each kind its own look besides its caption: a date or a text is a line to fill, a mention is
       handwriting, initials a small dotted box; the signer's colour stays on all. */
    .field.kind-initials {
      border-style: dotted;
      border-width: 3px;
    }
    .field.kind-date,
    .field.kind-text {
      border-width: 0 0 2px;
      border-radius: 0;
    }
    .field.kind-mention .caption {
      font-style: italic;
    }
    .field.kind-initials .caption,
    .field.kind-date .caption,
    .field.kind-text .caption {
      inset: auto 2px 0 2px;
    }
    .field.kind-date .initials,
    .field.kind-text .initials,
    .field.kind-initials .initials {
      display: none;
    }
    .initials {
      position: absolute;
      left: 4px;
      top: 2px;
      padding: 0 4px;
      border-radius: 3px;
      background: rgb(255 255 255 / 85%);
      color: var(--jse-field-color);
      font: 600 12px/1.4 var(--jse-font, system-ui, sans-serif);
      pointer-events: none;
    }
    .handle {
      position: absolute;
      width: 12px;
      height: 12px;
      margin: -6px 0 0 -6px;
      box-sizing: border-box;
      border: 2px solid var(--jse-field-color);
      background: #fff;
      touch-action: none;
      /* Always there to grab (a finger cannot hover), visible when the field is active. */
      opacity: 0;
    }
    .field:hover .handle,
    .field:focus-within .handle,
    .field.dragging .handle {
      opacity: 1;
    }
    /* A finger (issue 18): two corner handles of 28 px, outside the field so they never cover it
       (a small field at a low zoom stays visible and draggable); the two corners resize every edge. */
    @media (pointer: coarse) {
      .handle {
        width: 28px;
        height: 28px;
        border-radius: 50%;
      }
      .handle.n,
      .handle.s,
      .handle.e,
      .handle.w,
      .handle.ne,
      .handle.sw {
        display: none;
      }
      /* Beside the field, left of its top and right of its bottom: clear of its tools too. */
      .handle.nw {
        margin: 0 0 0 -34px;
      }
      .handle.se {
        margin: -28px 0 0 6px;
      }
    }
    .handle.nw,
    .handle.w,
    .handle.sw {
      left: 0;
    }
    .handle.n,
    .handle.s {
      left: 50%;
    }
    .handle.ne,
    .handle.e,
    .handle.se {
      left: 100%;
    }
    .handle.nw,
    .handle.n,
    .handle.ne {
      top: 0;
    }
    .handle.w,
    .handle.e {
      top: 50%;
    }
    .handle.sw,
    .handle.s,
    .handle.se {
      top: 100%;
    }
    .handle.nw,
    .handle.se {
      cursor: nwse-resize;
    }
    .handle.ne,
    .handle.sw {
      cursor: nesw-resize;
    }
    .handle.n,
    .handle.s {
      cursor: ns-resize;
    }
    .handle.e,
    .handle.w {
      cursor: ew-resize;
    }
    /* Over the page, whole (the viewer's scroller clips what hangs past its sides): in rows no
       wider than the page, right-aligned with the field (left-aligned: .start) and shifted, by its
       own width, to stay between the page's edges (review: a centred mention's tools were cut). */
    .tools {
      position: absolute;
      left: 0;
      top: calc(100% + 8px);
      flex-wrap: wrap;
      width: max-content;
      max-width: var(--jse-tools-max);
      box-sizing: border-box;
      translate: clamp(var(--jse-tools-left), calc(var(--jse-field-width) - 100%), calc(var(--jse-tools-room) - 100%)) 0;
      z-index: 1;
      display: none;
      gap: 4px;
      padding: 4px;
      border: 1px solid var(--jse-color-border, #c9d1dc);
      border-radius: var(--jse-radius, 4px);
      background: var(--jse-color-bg, #fff);
      box-shadow: 0 2px 6px rgb(0 0 0 / 20%);
      cursor: default;
      white-space: nowrap;
    }
    .tools.above {
      top: auto;
      bottom: calc(100% + 8px);
    }
    .field:focus-within .tools:not([hidden]) {
      display: flex;
    }
    /* The position and size in mm: a second row of the tools (issue 15). */
    .tools {
      align-items: center;
    }
    .props-toggle {
      position: relative;
    }
    .props-toggle .sr {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .tools.start {
      translate: clamp(var(--jse-tools-left), 0px, calc(var(--jse-tools-room) - 100%)) 0;
    }
    /* As wide as the actions' row: the properties (no width of their own) go below it. */
    .tools:has(.props) {
      flex-wrap: wrap;
      width: max-content;
    }
    /* In a narrow element (a phone, issue 18: the element's frame is the container), the tools
       take the page's width from its left edge, in rows, instead of hanging past the screen. */
    @container jse-frame (max-width: 40rem) {
      .tools,
      .tools.start {
        left: var(--jse-tools-left);
        translate: none;
        flex-wrap: wrap;
        width: max-content;
        max-width: var(--jse-tools-max);
        box-sizing: border-box;
      }
    }
    /* While a field is dragged its tools step aside, so the guides and the neighbours stay in sight. */
    .field.dragging .tools {
      visibility: hidden;
    }
    .props {
      contain: inline-size;
      display: flex;
      flex: 1 0 100%;
      flex-wrap: wrap;
      gap: 4px 8px;
      margin: 0;
      padding: 2px 0 0;
      border: 0;
      border-top: 1px solid var(--jse-color-border, #c9d1dc);
    }
    .props legend {
      float: left;
      width: 100%;
      padding: 2px 0;
      color: var(--jse-color-text, #1c2430);
      font: 12px var(--jse-font, system-ui, sans-serif);
    }
    .prop {
      display: grid;
      gap: 1px;
      color: var(--jse-color-text, #1c2430);
      font: 12px var(--jse-font, system-ui, sans-serif);
    }
    .tools .prop input {
      width: 5em;
      box-sizing: border-box;
    }
    .prop input[aria-invalid='true'] {
      border-color: var(--jse-color-danger, #b0243b);
    }
    .prop-error {
      flex-basis: 100%;
      margin: 0;
      color: var(--jse-color-danger, #b0243b);
      font: 12px var(--jse-font, system-ui, sans-serif);
      white-space: normal;
    }
    /* Guides: the lines a dragged, resized or drawn field has snapped to. */
    .guide {
      position: absolute;
      z-index: 1;
      pointer-events: none;
      border: 0 dashed var(--jse-color-accent, #0b5cad);
    }
    .guide.x {
      border-left-width: 1px;
      margin-left: -0.5px;
    }
    .guide.y {
      border-top-width: 1px;
      margin-top: -0.5px;
    }
    .tools select,
    .tools input,
    .tools button {
      font: 14px var(--jse-font, system-ui, sans-serif);
      color: var(--jse-color-text, #1c2430);
    }
    .add {
      position: absolute;
      left: 8px;
      top: 8px;
      z-index: 2;
      padding: 6px 10px;
      border: 0;
      border-radius: var(--jse-radius, 4px);
      background: var(--jse-color-accent, #0b5cad);
      color: var(--jse-color-accent-text, #fff);
      font: 14px var(--jse-font, system-ui, sans-serif);
    }
    /* Suggestions from the document: ghosts, dashed and translucent, until the user takes them. */
    .ghost {
      position: absolute;
      box-sizing: border-box;
      margin: 0;
      padding: 0 4px;
      border: 2px dashed var(--jse-color-accent, #0b5cad);
      border-radius: var(--jse-radius, 4px);
      background: color-mix(in srgb, var(--jse-color-accent, #0b5cad) 8%, transparent);
      color: var(--jse-color-accent, #0b5cad);
      font: italic 500 11px/1.2 var(--jse-font, system-ui, sans-serif);
      text-align: start;
      display: flex;
      align-items: flex-end;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      opacity: 0.75;
      cursor: pointer;
      /* Its own size (always set) is what the caption fits in. */
      container-type: size;
    }
    /*
     * The dashed outline says "suggestion"; the caption names the kind, cut with an ellipsis in a
     * narrow box, set smaller in a short one (a small ghost at a low zoom) so that it is not cut at
     * the top, and left out below 10 px inside the border (8 px type) or 14 px across (a letter and
     * its ellipsis): the name still says the kind.
     */
    .ghost-caption {
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      font-size: min(11px, 80cqh);
    }
    @container (height < 10px) or (width < 14px) {
      .ghost-caption {
        display: none;
      }
    }
    .ghost:hover,
    .ghost:focus-visible {
      opacity: 1;
      background: color-mix(in srgb, var(--jse-color-accent, #0b5cad) 16%, transparent);
    }
    .ghost:focus-visible {
      outline: 3px solid color-mix(in srgb, var(--jse-color-accent, #0b5cad) 45%, transparent);
      outline-offset: 1px;
    }
    .ghost-dismiss {
      position: absolute;
      width: 20px;
      height: 20px;
      margin: -10px 0 0 -10px;
      padding: 0;
      border: 1px solid var(--jse-color-accent, #0b5cad);
      border-radius: 50%;
      background: var(--jse-color-bg, #fff);
      color: var(--jse-color-accent, #0b5cad);
      font: 12px/1 var(--jse-font, system-ui, sans-serif);
      cursor: pointer;
    }
    /* A skip-link: there for keyboard users, seen when focused. */
    .add:not(:focus),
    .hint {
      clip-path: inset(50%);
      width: 1px;
      height: 1px;
      overflow: hidden;
      padding: 0;
      white-space: nowrap;
    }
  `;

  /** The 1-based number of the page this layer covers. */
  @property({ attribute: false }) pageNumber = 1;
  /** The page: pdf.js `page.view` and its rotation. */
  @property({ attribute: false }) geometry?: LayerGeometry;
  /** CSS pixels per PDF point at the current zoom. */
  @property({ attribute: false }) scale = 1;
  /** The draft whose fields this layer shows and edits. */
  @property({ attribute: false }) draft?: Draft;
  /** Suggestions from the document: this page's are shown as ghosts to accept or dismiss. */
  @property({ attribute: false }) suggestions?: SuggestionBoard;

  @state() private preview?: Preview;
  /** The last value the properties form refused, while the field has not changed since. */
  @state() private propError?: PropertyError & { key: string; rect: Rect };
  /** Whether the fields' tools show the position and size in mm (kept from one field to the next). */
  @state() private propsOpen = false;

  private readonly i18n = new LocalizeController(this);
  #gesture?: Gesture;
  #unsubscribe?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#endGesture();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('draft') || changed.has('suggestions')) this.#subscribe();
  }

  #subscribe(): void {
    this.#unsubscribe?.();
    const offDraft = this.draft?.subscribe(() => this.requestUpdate());
    const offBoard = this.suggestions?.subscribe(() => this.requestUpdate());
    this.#unsubscribe = () => {
      offDraft?.();
      offBoard?.();
    };
  }

  /** Takes a suggestion: its field joins the draft (for the signer new fields go to) and gets the focus. */
  #accept(s: Suggestion): void {
    const key = this.suggestions?.accept(s.id);
    if (!key) return;
    const { t } = this.i18n;
    this.dispatchEvent(new CustomEvent(ANNOUNCE_EVENT, { detail: t('suggestion.accepted', { kind: t(`kind.${s.kind}`), page: s.page }), bubbles: true, composed: true }));
    void this.updateComplete.then(() => this.focusField(key));
  }

  /** Puts a suggestion away; the focus goes to the next ghost of the page, else to "add a signature". */
  #dismiss(s: Suggestion): void {
    const board = this.suggestions;
    if (!board) return;
    const list = board.forPage(this.pageNumber);
    const i = list.findIndex((x) => x.id === s.id);
    const next = list[i + 1] ?? list[i - 1];
    board.dismiss(s.id);
    this.dispatchEvent(new CustomEvent(ANNOUNCE_EVENT, { detail: this.i18n.t('suggestion.dismissed'), bubbles: true, composed: true }));
    void this.updateComplete.then(() => {
      const target = next ? this.renderRoot.querySelector<HTMLElement>(`.ghost[data-suggestion="${CSS.escape(next.id)}"]`) : null;
      (target ?? this.renderRoot.querySelector<HTMLElement>('.add'))?.focus();
    });
  }

  #renderGhosts(page: PageGeometry) {
    const board = this.suggestions;
    if (!board || this.draft?.readOnly) return nothing;
    const { t } = this.i18n;
    return repeat(
      board.forPage(this.pageNumber),
      (s) => s.id,
      (s) => {
        const r = rectToScreen(page, s.rect, this.scale);
        const kind = t(`kind.${s.kind}`);
        const from = s.source === 'widget' && !s.anchor ? t('suggestion.fromWidget') : t('suggestion.fromWords', { words: s.anchor || t('suggestion.fromWidget') });
        return html`<button
            type="button"
            class="ghost kind-${s.kind}"
            data-suggestion=${s.id}
            data-kind=${s.kind}
            aria-label=${t('suggestion.label', { kind, from, page: s.page })}
            ${styleProps({ left: `${r.x}px`, top: `${r.y}px`, width: `${r.width}px`, height: `${r.height}px` })}
            @click=${() => this.#accept(s)}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key !== 'Escape') return;
              e.preventDefault();
              e.stopPropagation();
              this.#dismiss(s);
            }}
          >
            <span class="ghost-caption" aria-hidden="true">${kind}</span></button
          ><button
            type="button"
            class="ghost-dismiss"
            data-dismiss=${s.id}
            aria-label=${t('suggestion.dismiss')}
            title=${t('suggestion.dismiss')}
            ${styleProps({ left: `${r.x + r.width}px`, top: `${r.y}px` })}
            @click=${() => this.#dismiss(s)}
          >
            ×
          </button>`;
      },
    );
  }

  get #page(): PageGeometry | undefined {
    const g = this.geometry;
    if (!g || g.view.length !== 4) return undefined;
    return { view: g.view as PageGeometry['view'], rotation: normalizeRotation(g.rotation) };
  }

  /**
   * Adds a field of the default size in the middle of the visible part of this page (the keyboard
   * way to place one; a toolbar button can call it too), focuses it and returns its key.
   */
  addFieldAtCenter(): string | undefined {
    const page = this.#page;
    if (!page || this.draft?.readOnly) return undefined;
    const box = this.getBoundingClientRect();
    const visible = { left: Math.max(box.left, 0), top: Math.max(box.top, 0), right: Math.min(box.right, innerWidth), bottom: Math.min(box.bottom, innerHeight) };
    for (let el = parentOf(this); el; el = parentOf(el)) {
      const overflow = getComputedStyle(el).overflow;
      if (!/auto|scroll|hidden/.test(overflow)) continue;
      const r = el.getBoundingClientRect();
      visible.left = Math.max(visible.left, r.left);
      visible.top = Math.max(visible.top, r.top);
      visible.right = Math.min(visible.right, r.right);
      visible.bottom = Math.min(visible.bottom, r.bottom);
    }
    const centre =
      visible.right > visible.left && visible.bottom > visible.top
        ? { x: (visible.left + visible.right) / 2 - box.left, y: (visible.top + visible.bottom) / 2 - box.top }
        : { x: box.width / 2, y: box.height / 2 };
    const others = this.#entries().map((e) => e.field);
    return this.#addField(clearOfOthers(page, placeDefault(page, centre, this.scale, this.#kind), others));
  }

  /** Moves the keyboard focus to a field of this page. */
  focusField(key: string): void {
    this.#fieldElement(key)?.focus();
  }

  #fieldElement(key: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`.field[data-key="${CSS.escape(key)}"]`);
  }

  #entries(): DraftField[] {
    // Of a set of documents (SPEC §10), only the fields of the document shown are on its pages.
    return (this.draft?.entriesOf() ?? []).filter((e) => e.field.page === this.pageNumber);
  }

  /** The kind new fields get: the toolbar's choice, kept in the draft. */
  get #kind(): FieldKind {
    return this.draft?.placingKind ?? 'signature';
  }

  /** What a new field of `kind` starts with: a mention's usual words, a text field's label. */
  #kindDefaults(kind: FieldKind): Pick<Field, 'text' | 'label'> {
    const { t } = this.i18n;
    if (kind === 'mention') return { text: t('field.mentionDefault') };
    if (kind === 'text') return { label: t('field.textDefault') };
    return {};
  }

  /** Adds a field of the kind chosen for the signer new fields go to (an empty signer row when there is none), then focuses it. */
  #addField(rect: Rect): string | undefined {
    const draft = this.draft;
    if (!draft) return undefined;
    const signerId = draft.activeSignerId ?? draft.addSigner().id;
    const kind = this.#kind;
    const key = draft.addField({ signerId, page: this.pageNumber, ...rect, kind, ...this.#kindDefaults(kind) });
    draft.setActiveSigner(signerId);
    void this.updateComplete.then(() => this.focusField(key));
    return key;
  }

  /** A copy of the field beside it on this page, focused. */
  #duplicate(key: string): void {
    const page = this.#page;
    const field = this.draft?.field(key);
    if (!page || !field || !this.draft || this.draft.readOnly) return;
    const copy = this.draft.addField(duplicateOf(field, page));
    void this.updateComplete.then(() => this.focusField(copy));
  }

  #remove(key: string): void {
    const draft = this.draft;
    if (!draft) return;
    const entries = this.#entries();
    const i = entries.findIndex((e) => e.key === key);
    const neighbour = entries[i + 1] ?? entries[i - 1];
    draft.removeField(key);
    // Focus stays on the page: on the next field, else the previous one, else "add a signature".
    void this.updateComplete.then(() => {
      const target = neighbour && neighbour.key !== key ? this.#fieldElement(neighbour.key) : null;
      (target ?? this.renderRoot.querySelector<HTMLElement>('.add'))?.focus();
    });
  }

  // ---- pointer ------------------------------------------------------------------------------

  #onPointerDown = (e: PointerEvent): void => {
    const page = this.#page;
    // A draft being sent (or whose send's outcome is unknown) is shown, not edited.
    if (!page || !this.draft || this.draft.readOnly || this.#gesture) return;
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    const target = e.target as Element;
    if (target.closest('.tools, .add, .ghost, .ghost-dismiss')) return;
    const origin = { x: e.clientX, y: e.clientY };
    const fieldEl = target.closest<HTMLElement>('.field');
    if (fieldEl) {
      const key = fieldEl.dataset['key']!;
      const start = this.draft.field(key);
      if (!start) return;
      const handle = target.closest<HTMLElement>('[data-handle]')?.dataset['handle'] as Handle | undefined;
      this.#startGesture(
        handle ? { kind: 'resize', pointerId: e.pointerId, origin, key, start, handle } : { kind: 'move', pointerId: e.pointerId, origin, key, start },
      );
      fieldEl.setPointerCapture(e.pointerId);
      // No text selection or native drag; the field takes the focus so the keys and tools apply to it.
      e.preventDefault();
      fieldEl.focus({ preventScroll: true });
      return;
    }
    const box = this.getBoundingClientRect();
    this.#startGesture({ kind: 'press', pointerId: e.pointerId, origin, local: { x: e.clientX - box.left, y: e.clientY - box.top } });
    // A finger on the page may be the start of a scroll: leave it to the browser, which sends
    // pointercancel if it scrolls. A tap (pointerup without cancel, without moving) places a field.
    if (e.pointerType !== 'touch') {
      (e.currentTarget as Element).setPointerCapture(e.pointerId);
      e.preventDefault();
    }
  };

  #onPointerMove = (e: PointerEvent): void => {
    const g = this.#gesture;
    const page = this.#page;
    if (!g || !page || g.pointerId !== e.pointerId || g.kind === 'cancelled') return;
    const delta = { x: e.clientX - g.origin.x, y: e.clientY - g.origin.y };
    switch (g.kind) {
      case 'press':
        if (e.pointerType === 'touch' || Math.hypot(delta.x, delta.y) < DRAG_THRESHOLD) return;
        this.#gesture = { ...g, kind: 'draw' };
        this.preview = this.#drawing(page, g.local, { x: g.local.x + delta.x, y: g.local.y + delta.y }, e.altKey);
        return;
      case 'draw':
        this.preview = this.#drawing(page, g.local, { x: g.local.x + delta.x, y: g.local.y + delta.y }, e.altKey);
        return;
      case 'move': {
        // Alt held places freely; otherwise edges and centres snap (SPEC §10).
        const rect = moveRect(page, g.start, delta, this.scale);
        this.preview = e.altKey ? { key: g.key, rect } : { key: g.key, ...snapMove(page, rect, this.#snapLines(page, g.key), SNAP_THRESHOLD_PX / this.scale) };
        return;
      }
      case 'resize': {
        const kind = fieldKind(g.start);
        const rect = resizeRect(page, g.start, g.handle, delta, this.scale, kind);
        this.preview = e.altKey
          ? { key: g.key, rect }
          : { key: g.key, ...snapResize(page, rect, g.handle, this.#snapLines(page, g.key), SNAP_THRESHOLD_PX / this.scale, minSize(page, kind)) };
        return;
      }
    }
  };

  /** A field being drawn from `from` to `to` (layer px): both corners snap unless Alt is held. */
  #drawing(page: PageGeometry, from: Point, to: Point, free: boolean): Preview {
    if (free) return { key: null, rect: drawRect(page, from, to, this.scale, this.#kind) };
    const lines = this.#snapLines(page, null);
    const threshold = SNAP_THRESHOLD_PX / this.scale;
    const a = snapPoint(lines, { x: from.x / this.scale, y: from.y / this.scale }, threshold);
    const b = snapPoint(lines, { x: to.x / this.scale, y: to.y / this.scale }, threshold);
    const px = (p: Point) => ({ x: p.x * this.scale, y: p.y * this.scale });
    const rect = drawRect(page, px(a), px(b), this.scale, this.#kind);
    return { key: null, rect, guides: guidesAt(page, rect, lines, [a.x, b.x], [a.y, b.y]) };
  }

  /** What a field of this page snaps to: the page's edges, centre and margins, and the other fields (but `key`). */
  #snapLines(page: PageGeometry, key: string | null) {
    return snapLines(
      page,
      this.#entries()
        .filter((e) => e.key !== key)
        .map((e) => e.field),
    );
  }

  #onPointerUp = (e: PointerEvent): void => {
    const g = this.#gesture;
    const page = this.#page;
    if (!g || g.pointerId !== e.pointerId) return;
    const preview = this.preview;
    this.#endGesture();
    if (!page || !this.draft) return;
    switch (g.kind) {
      case 'press':
        this.#addField(placeDefault(page, g.local, this.scale, this.#kind));
        return;
      case 'draw':
        if (preview) this.#addField(preview.rect);
        return;
      case 'move':
      case 'resize':
        if (preview && this.draft.field(g.key)) this.draft.updateField(g.key, preview.rect);
        return;
      case 'cancelled':
        return;
    }
  };

  #onPointerCancel = (e: PointerEvent): void => {
    if (this.#gesture?.pointerId === e.pointerId) this.#endGesture();
  };

  /** Escape cancels a drag wherever the focus is. */
  #onKeyDuringGesture = (e: KeyboardEvent): void => {
    const g = this.#gesture;
    if (e.key !== 'Escape' || !g || g.kind === 'cancelled') return;
    e.preventDefault();
    e.stopPropagation();
    this.#gesture = { kind: 'cancelled', pointerId: g.pointerId };
    this.preview = undefined;
  };

  #startGesture(g: Gesture): void {
    this.#gesture = g;
    window.addEventListener('keydown', this.#onKeyDuringGesture, true);
  }

  #endGesture(): void {
    this.#gesture = undefined;
    this.preview = undefined;
    window.removeEventListener('keydown', this.#onKeyDuringGesture, true);
  }

  // ---- keyboard -----------------------------------------------------------------------------

  #onFieldKeyDown(e: KeyboardEvent, key: string): void {
    // Keys typed in the field's tools (the signer list) are theirs.
    if (e.target !== e.currentTarget || this.draft?.readOnly) return;
    const page = this.#page;
    const field = this.draft?.field(key);
    if (!page || !field || !this.draft) return;
    if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      this.#remove(key);
      return;
    }
    const direction = arrowDirection(e.key);
    if (!direction || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const rect = nudge(page, field, direction, e.shiftKey ? KEY_STEP_LARGE : KEY_STEP, e.altKey, fieldKind(field));
    this.draft.updateField(key, rect);
  }

  // ---- properties ---------------------------------------------------------------------------

  /** A value typed in the field's properties (mm): applied if the field stays on the page at its minimum size or more. */
  #applyDimension(key: string, dim: Dimension, text: string): void {
    const page = this.#page;
    const field = this.draft?.field(key);
    if (!page || !field || !this.draft || this.draft.readOnly) return;
    const kind = fieldKind(field);
    const mm = parseMm(text);
    const result = mm === undefined ? { range: rangeOf(page, field, dim, kind) } : withDimension(page, field, dim, mm, kind);
    if ('range' in result) {
      const { lang, t } = this.i18n;
      const message = t('field.props.range', { min: formatMm(result.range.min, lang, 'up'), max: formatMm(result.range.max, lang, 'down') });
      this.propError = { key, rect: field, dim, text, message };
      return;
    }
    this.propError = undefined;
    this.draft.updateField(key, result.rect);
  }

  /** The refused value of this field, if the field is still where it was then. */
  #propErrorOf(key: string, field: Field): PropertyError | undefined {
    const e = this.propError;
    if (!e || e.key !== key) return undefined;
    const same = (['x', 'y', 'width', 'height'] as const).every((k) => e.rect[k] === field[k]);
    return same ? e : undefined;
  }

  // ---- rendering ----------------------------------------------------------------------------

  /** "Marie Dupont", else the e-mail, else '' (the caller then says "signer n"). */
  #signerName(signer: Signer | undefined): string {
    return signer ? `${signer.firstName.trim()} ${signer.lastName.trim()}`.trim() || signer.email.trim() : '';
  }

  #label(field: Field): string {
    const { t } = this.i18n;
    const signers = this.draft?.signers ?? [];
    const index = signers.findIndex((s) => s.id === field.signerId);
    const name = this.#signerName(signers[index]);
    const kind = fieldKind(field);
    if (kind === 'signature') {
      return name ? t('field.label', { name, page: field.page }) : t('field.labelUnnamed', { n: index + 1, page: field.page });
    }
    const what = this.#caption(field);
    return name
      ? t('field.labelKind', { kind: what, name, page: field.page })
      : t('field.labelKindUnnamed', { kind: what, n: index + 1, page: field.page });
  }

  /** What the field shows inside: its kind, a mention's words, a text field's label, the date's format. */
  #caption(field: Field): string {
    const { t } = this.i18n;
    const kind = fieldKind(field);
    if (kind === 'mention' && field.text?.trim()) return t('field.captionMention', { text: field.text.trim() });
    if (kind === 'text' && field.label?.trim()) return t('field.captionText', { label: field.label.trim() });
    if (kind === 'date') return t('field.captionDate');
    return t(`kind.${kind}`);
  }

  protected override render() {
    const page = this.#page;
    const draft = this.draft;
    if (!page || !draft) return nothing;
    const { t } = this.i18n;
    const signers = draft.signers;
    const shown = shownSize(page, this.scale);
    const preview = this.preview;
    // Read-only (being sent, or the sent request's fields in its status view): shown, not edited —
    // no handles, tools or "add" button, nothing to drag or focus.
    const readOnly = draft.readOnly;
    return html`<div
      class="surface ${readOnly ? 'read-only' : ''}"
      @pointerdown=${this.#onPointerDown}
      @pointermove=${this.#onPointerMove}
      @pointerup=${this.#onPointerUp}
      @pointercancel=${this.#onPointerCancel}
      @lostpointercapture=${this.#onPointerCancel}
    >
      ${readOnly
        ? nothing
        : html`<button type="button" class="add" @click=${() => this.addFieldAtCenter()}>${this.#kind === 'signature'
              ? t('field.add')
              : t('field.add.kind', { kind: t(`kind.${this.#kind}`) })}</button>
            <span id="hint" class="hint">${t('field.hint')} ${t('field.hintSnap')}</span>
            ${this.#renderGhosts(page)}`}
      ${repeat(
        this.#entries(),
        (e) => e.key,
        ({ key, field }) => {
          const rect = preview?.key === key ? preview.rect : field;
          const r = rectToScreen(page, rect, this.scale);
          const index = signers.findIndex((s) => s.id === field.signerId);
          const signer = signers[index];
          const initials = signer ? initialsOf(signer.firstName, signer.lastName) || String(index + 1) : '?';
          // Open, the properties take a second row of the tools.
          const room = this.propsOpen ? 120 : 48;
          const toolsAbove = r.y + r.height + room > shown.height && r.y > room;
          // Near the page's left edge the tools open rightwards, so they stay over the page.
          const toolsStart = r.x + r.width < 400 && shown.width - r.x > r.x + r.width;
          const kind = fieldKind(field);
          const props: FieldPropertiesView = {
            t,
            lang: this.i18n.lang,
            page,
            rect,
            id: key,
            error: this.#propErrorOf(key, field),
            open: this.propsOpen,
            toggle: () => (this.propsOpen = !this.propsOpen),
            revert: () => {
              if (this.propError?.key === key) this.propError = undefined;
            },
            apply: (dim, text) => this.#applyDimension(key, dim, text),
          };
          return html`<div
            class="field kind-${kind} ${isInsidePage(page, rect, 0.01) ? '' : 'outside'} ${preview?.key === key ? 'dragging' : ''}"
            data-kind=${kind}
            part="field"
            data-key=${key}
            tabindex=${readOnly ? nothing : '0'}
            role=${readOnly ? 'img' : 'group'}
            aria-label=${this.#label(field)}
            aria-describedby=${readOnly ? nothing : 'hint'}
            ${styleProps({
              left: `${r.x}px`,
              top: `${r.y}px`,
              width: `${r.width}px`,
              height: `${r.height}px`,
              '--jse-field-color': signerColor(index),
            })}
            @keydown=${(e: KeyboardEvent) => this.#onFieldKeyDown(e, key)}
            @focus=${() => draft.setActiveSigner(field.signerId)}
          >
            <span class="initials" aria-hidden="true">${initials}</span>
            <span class="caption" aria-hidden="true">${this.#caption(field)}</span>
            ${readOnly ? nothing : HANDLES.map((h) => html`<span class="handle ${h}" data-handle=${h} aria-hidden="true"></span>`)}
            ${readOnly ? nothing : html`<div
              class="tools ${toolsAbove ? 'above' : ''} ${toolsStart ? 'start' : ''}"
              ${styleProps({
                '--jse-tools-left': `${4 - r.x}px`,
                '--jse-tools-room': `${shown.width - 4 - r.x}px`,
                '--jse-field-width': `${r.width}px`,
                '--jse-tools-max': `${Math.max(0, shown.width - 8)}px`,
              })}
            >
              <select
                aria-label=${t('field.reassign')}
                @change=${(e: Event) => {
                  const signerId = (e.target as HTMLSelectElement).value;
                  draft.updateField(key, { signerId });
                  draft.setActiveSigner(signerId);
                }}
              >
                ${signers.map(
                  (s, i) =>
                    html`<option value=${s.id} ?selected=${s.id === field.signerId}>
                      ${this.#signerName(s) || t('field.signerUnnamed', { n: i + 1 })}
                    </option>`,
                )}
              </select>
              ${this.#renderKindTools(key, field)}
              ${propertiesToggle(props)}
              <button type="button" class="delete" aria-label=${t('field.delete')} title=${t('field.delete')} @click=${() => this.#remove(key)}>
                ×
              </button>
              <button type="button" class="duplicate" aria-label=${t('field.duplicate')} title=${t('field.duplicate')} @click=${() => this.#duplicate(key)}>
                ${DUPLICATE_ICON}
              </button>
              <button
                type="button"
                class="copy-all"
                aria-label=${t('field.copyAll')}
                title=${t('field.copyAll')}
                @click=${() => this.dispatchEvent(copyAllEvent(key))}
              >
                ${COPY_ALL_ICON}
              </button>
              ${fieldProperties(props)}
            </div>`}
          </div>`;
        },
      )}
      ${preview?.key === null ? this.#renderDrawing(page, preview.rect) : nothing}
      ${(preview?.guides ?? []).map(
        (g) => html`<div class="guide ${g.axis}" aria-hidden="true" ${styleProps(mapPx(guideBox(g, this.scale)))}></div>`,
      )}
    </div>`;
  }

  /** The field's kind, and the words of a mention or the label of a text field, editable. */
  #renderKindTools(key: string, field: Field) {
    const { t } = this.i18n;
    const draft = this.draft!;
    const kind = fieldKind(field);
    const setKind = (e: Event) => {
      const next = (e.target as HTMLSelectElement).value as FieldKind;
      const defaults = this.#kindDefaults(next);
      draft.updateField(key, {
        kind: next,
        text: next === 'mention' ? field.text || defaults.text : undefined,
        label: next === 'text' ? field.label || defaults.label : undefined,
      });
    };
    const words = kind === 'mention' ? 'text' : kind === 'text' ? 'label' : undefined;
    return html`<select class="kind" aria-label=${t('field.kind')} @change=${setKind}>
        ${FIELD_KINDS.map((k) => html`<option value=${k} ?selected=${k === kind}>${t(`kind.${k}`)}</option>`)}
      </select>
      ${words
        ? html`<input
            class="words"
            type="text"
            maxlength="120"
            aria-label=${t(words === 'text' ? 'field.mentionText' : 'field.textLabel')}
            .value=${(words === 'text' ? field.text : field.label) ?? ''}
            @change=${(e: Event) => draft.updateField(key, { [words]: (e.target as HTMLInputElement).value })}
          />`
        : nothing}`;
  }

  #renderDrawing(page: PageGeometry, rect: Rect) {
    const r = rectToScreen(page, rect, this.scale);
    return html`<div
      class="drawing"
      aria-hidden="true"
      ${styleProps({ left: `${r.x}px`, top: `${r.y}px`, width: `${r.width}px`, height: `${r.height}px` })}
    ></div>`;
  }
}

/** `{ left: 3 }` → `{ left: '3px' }`. */
function mapPx(box: Record<string, number>): Record<string, string> {
  return Object.fromEntries(Object.entries(box).map(([k, v]) => [k, `${v}px`]));
}

/** The parent across shadow roots, to find the scroll containers around the page. */
function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}
