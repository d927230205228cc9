/**
 * The pages of the open document: a continuous vertical scroll where every page has its place at
 * its size (estimated from the nearest page read until its own geometry is read, then corrected
 * with the spot on screen kept still: pages are read on demand, document/pages.ts), but only pages
 * near the viewport get a box in the DOM, a placement layer and a canvas, and never more than `MAX_LIVE_CANVASES` at once whatever the page count;
 * their pixels are bounded by the viewport (render-budget.ts: sharp on screen, previews around,
 * a detail canvas of the part on screen at deep zooms).
 * Zoom by buttons, Ctrl+wheel (trackpad pinch arrives as that too) and two-finger pinch keeps the
 * spot under the pointer still. Positions and sizes come from the pure `layout.ts`; screen ↔ PDF
 * conversion for what lies on a page is `document/geometry.ts` (used by the placement layer).
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { PDFPageProxy } from '../document/pdfjs.js';
import { normalizeRotation, type PageGeometry } from '../document/geometry.js';
import type { LoadedDocument } from '../document/types.js';
import type { PageInfo } from '../events.js';
import type { Draft } from '../draft/draft.js';
import type { PlacementLayer } from '../placement/placement-layer.js';
import { LocalizeController } from '../i18n/localize-controller.js';
import { styleProps } from '../internal/style-props.js';
import {
  CSS_PX_PER_POINT,
  MAX_LIVE_CANVASES,
  PADDING,
  anchorAt,
  canvasSize,
  clampScale,
  currentPageIn,
  fitWidthScale,
  layoutPages,
  pagesInBand,
  scrollFor,
  stepScale,
  type Anchor,
  type Layout,
} from './layout.js';
import { MAX_DETAILS, PREVIEW_PIXELS, canvasBudget, covers, oversized, planCanvases, type CanvasPlan, type PagePlan, type Rect } from './render-budget.js';
import { VIEW_EVENT, PAINTED_EVENT, PAGE_FAILED_EVENT, PAGE_SEEN_EVENT, internalEvent, type PageFailedDetail, type PageSeenDetail, type ViewDetail } from '../internal/events.js';
import type { SuggestionBoard } from '../suggestions/board.js';

type RenderTask = ReturnType<PDFPageProxy['render']>;

/** A page's canvas and what it was drawn for: redrawn when the zoom or the screen density changes. */
interface Painted {
  canvas: HTMLCanvasElement;
  scale: number;
  dpr: number;
}

interface InFlight extends Painted {
  task?: RenderTask;
  cancelled: boolean;
}

/** A sharp canvas over part of a big page (render-budget.ts), `rect` in the page box's CSS px. */
interface Detail extends Painted {
  rect: Rect;
}

interface DetailJob extends Detail {
  task?: RenderTask;
  cancelled: boolean;
}

/** Two renders at once: pdf.js's worker is one thread, more would only delay the visible page. */
const CONCURRENCY = 2;

/**
 * Pages kept wanted: the bound minus the renders that may be in flight, each of which holds a
 * second canvas until it replaces the page's old one, and minus the detail canvases.
 */
const WANTED = MAX_LIVE_CANVASES - CONCURRENCY - MAX_DETAILS;

// Its events, named once for the element too (which cannot import this module statically).
export { VIEW_EVENT, PAINTED_EVENT, PAGE_FAILED_EVENT, type PageFailedDetail } from '../internal/events.js';

export class DocumentViewer extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      overflow: hidden;
      min-height: 240px;
      background: var(--jse-color-surface, #f3f5f9);
    }
    .scroller {
      position: absolute;
      inset: 0;
      overflow: auto;
      /* The page width must not depend on whether a scrollbar shows (it would oscillate). */
      scrollbar-gutter: stable;
      /* One finger scrolls natively; two fingers are ours (pinch zoom), not the page's. */
      touch-action: pan-x pan-y;
      overscroll-behavior: contain;
      /* The viewer keeps the spot on screen itself when sizes change (zoom, pages read): the same
         in every browser (Safari has no scroll anchoring), and the browser's must not add to it. */
      overflow-anchor: none;
    }
    .scroller:focus-visible {
      outline: 3px solid color-mix(in srgb, var(--jse-color-accent, #1d4ed8) 45%, transparent);
      outline-offset: -3px;
    }
    .content {
      position: relative;
    }
    .page {
      position: absolute;
      background: #fff;
      box-shadow: 0 1px 3px rgb(0 0 0 / 25%);
    }
    .page > canvas {
      position: absolute;
      inset: 0;
      display: block;
      width: 100%;
      height: 100%;
    }
    /* Over the base canvas, where the viewer placed it (left, top, width, height in percent). */
    .page > canvas.detail {
      inset: auto;
    }
    jse-placement-layer {
      position: absolute;
      inset: 0;
    }
    /* Over the pages, not in the flow: the pages keep their size and stay usable under it. */
    .page-alert {
      position: absolute;
      top: 0.5rem;
      left: 50%;
      transform: translateX(-50%);
      z-index: 1;
      max-width: calc(100% - 2rem);
      padding: 0.4rem 0.75rem;
      background: var(--jse-color-bg, #fff);
      color: var(--jse-color-danger, #b42318);
      border: 1px solid currentColor;
      border-radius: var(--jse-radius, 6px);
      box-shadow: 0 1px 3px rgb(0 0 0 / 20%);
      pointer-events: none;
    }
    .page-alert p {
      margin: 0;
    }
  `;

  @property({ attribute: false }) document?: LoadedDocument;
  @property({ attribute: false }) draft?: Draft;
  /** The suggestions from the document, shown as ghost fields on their pages (src/suggestions/). */
  @property({ attribute: false }) suggestions?: SuggestionBoard;
  /** Accessible label of a page box, already translated by the element. */
  @property({ attribute: false }) pageLabel?: (page: number, count: number) => string;
  /** What to say over the pages about a page pdf.js cannot draw, translated by the element (the `jse-error` message). */
  @property({ attribute: false }) pageFailedLabel?: (page: number) => string;

  /** CSS pixels per PDF point (1.333… is pdf.js's 100 %). 0 until the viewport is measured. */
  @state() private currentScale = 0;
  private current = 1;

  private readonly i18n = new LocalizeController(this);
  private fitMode = true;
  private layout?: Layout;
  private geometries: PageGeometry[] = [];
  private viewport = { width: 0, height: 0 };
  private readonly painted = new Map<number, Painted>();
  private readonly inFlight = new Map<number, InFlight>();
  private readonly details = new Map<number, Detail>();
  private readonly detailJobs = new Map<number, DetailJob>();
  /** Pages whose detail canvas pdf.js failed to draw, with the scale tried (the base still shows them). */
  private readonly detailFailed = new Map<number, number>();
  /**
   * 0-based pages near the viewport (a viewport above and below): the only ones with a box in the
   * DOM, so the DOM does not grow with the page count.
   */
  private near: readonly number[] = [];
  /** Pages whose geometry could not be read: drawn anyway, so the failure is shown as a page's. */
  private readonly unreadable = new Set<number>();
  /** 0-based pages being read for the view, and layout corrections under way: `whenIdle` waits for both. */
  private readonly reading = new Set<number>();
  private relayouts = 0;
  private unsubscribePages?: () => void;
  private renders = 0;
  /** Pages pdf.js failed to draw, with the scale tried: not retried in a loop at that scale. */
  private readonly failed = new Map<number, number>();
  /** 1-based pages that could not be drawn and are not drawn since: said over the pages. */
  @state() private unshown: readonly number[] = [];
  private firstPaintSent = false;
  private pendingRenders = 0;
  private frame = 0;
  private idleWaiters: (() => void)[] = [];
  private resize?: ResizeObserver;
  private dprQuery?: MediaQueryList;
  /** After `scrollToPage(n)` the last page may not reach the top: it stays current while not scrolled. */
  private target?: { page: number; top: number };
  private pinch?: { distance: number; scale: number; anchor: Anchor };
  private zooming: Promise<void> = Promise.resolve();
  /** Touch pointers down on the pages, and where each went down. */
  private readonly touchTargets = new Map<number, EventTarget>();
  /** Touch pointers that are part of a pinch: their pointer events stop at the viewer. */
  private readonly pinchPointers = new Set<number>();
  private pinchTarget?: { scale: number; at: { x: number; y: number } };

  /** CSS pixels per PDF point. */
  get scale(): number {
    return this.currentScale;
  }

  /** The page (1-based) showing the most in the viewport. */
  get currentPage(): number {
    return this.current;
  }

  /** Zoom in percent, pdf.js's convention (100 % = 96 CSS px per 72 pt). */
  get zoomPercent(): number {
    return Math.round((this.currentScale / CSS_PX_PER_POINT) * 100);
  }

  /** Page renders started since the document opened (tests assert what causes one). */
  get renderCount(): number {
    return this.renders;
  }

  /** Canvases holding pixels right now, shown or being drawn (never above `MAX_LIVE_CANVASES`). */
  get liveCanvasCount(): number {
    return this.painted.size + this.inFlight.size + this.details.size + this.detailJobs.size;
  }

  /** Scrolls so page `n` (1-based) is at the top. */
  async scrollToPage(n: number): Promise<void> {
    await this.updateComplete;
    const slot = this.layout?.slots[n - 1];
    const scroller = this.scroller;
    if (!slot || !scroller) return;
    scroller.scrollTo({ top: slot.top - PADDING / 2, left: scroller.scrollLeft, behavior: 'instant' });
    this.target = { page: n, top: scroller.scrollTop };
    this.setCurrent(n);
    // Its box (and its neighbours') is in the DOM when this resolves.
    this.requestUpdate();
    await this.updateComplete;
  }

  /**
   * Adds a field of the default size (of the draft's placing kind) in the middle of what is seen
   * of page `n` (the current page by default) and focuses it: the toolbar's way to place a field
   * without a pointer. Returns its key; undefined while the draft is read-only or when page `n`
   * is not in the DOM (far from the view, or its size not read yet).
   */
  addFieldAtCenter(n: number = this.currentPage): string | undefined {
    return this.renderRoot.querySelector<PlacementLayer>(`.page[data-page="${n}"] > jse-placement-layer`)?.addFieldAtCenter();
  }

  /** One step up the zoom ladder, the top of the current page staying put. */
  zoomIn(): Promise<void> {
    return this.zoomTo((scale) => stepScale(scale, 1), () => this.buttonAnchor());
  }

  /** One step down the zoom ladder, the top of the current page staying put. */
  zoomOut(): Promise<void> {
    return this.zoomTo((scale) => stepScale(scale, -1), () => this.buttonAnchor());
  }

  /** Back to the default zoom: the widest page fills the width, and follows it when it changes. */
  fitWidth(): Promise<void> {
    return this.zoomTo(() => fitWidthScale(this.pageList, this.viewport.width), () => this.buttonAnchor(), true);
  }

  /**
   * Resolves once every page near the viewport is painted at the current zoom and nothing is
   * being drawn (tests and benchmarks wait for it).
   */
  async whenIdle(): Promise<void> {
    for (;;) {
      // Let the observers report what the last scroll or zoom changed.
      await nextFrame();
      await nextFrame();
      if (!this.busy()) return;
      await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    }
  }

  /** The pages as laid out: read, or estimated from the nearest page read. */
  private get pageList(): readonly PageInfo[] {
    return this.document?.pages.list ?? [];
  }

  private get scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.observe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    this.resize = undefined;
    // The window holds the listener: left in place it keeps a removed viewer (and its document) alive.
    this.dprQuery?.removeEventListener('change', this.onDensity);
    this.dprQuery = undefined;
    this.dropAll();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('document')) {
      this.dropAll();
      this.near = [];
      this.seen.clear();
      this.failed.clear();
      this.unreadable.clear();
      this.reading.clear();
      this.unshown = [];
      this.unsubscribePages?.();
      this.unsubscribePages = this.document?.pages.subscribe(() => this.onPagesRead());
      this.renders = 0;
      this.firstPaintSent = false;
      this.fitMode = true;
      this.target = undefined;
      this.current = 1;
      this.geometries = this.geometriesOf(this.pageList);
      this.currentScale = this.viewport.width ? fitWidthScale(this.pageList, this.viewport.width) : 0;
    }
    const pages = this.document?.pages.list;
    this.layout = pages && this.currentScale ? layoutPages(pages, this.currentScale, this.viewport.width) : undefined;
    this.near = this.nearPages();
  }

  private geometriesOf(pages: readonly PageInfo[]): PageGeometry[] {
    return pages.map((p) => ({ view: p.view, rotation: normalizeRotation(p.rotation) }));
  }

  /**
   * Pages read (document/pages.ts): the layout takes their real sizes, and the document spot at
   * the top of the view (or the page scrolled to) stays where it was on screen — no jump.
   */
  private onPagesRead(): void {
    this.relayouts++;
    void this.queueZoom(async () => {
      const scroller = this.scroller;
      const before = this.layout;
      const target = this.target;
      const point = scroller ? { x: scroller.clientWidth / 2, y: 0 } : undefined;
      const anchor = before && scroller && point ? anchorAt(before, scroller.scrollLeft + point.x, scroller.scrollTop) : undefined;
      this.geometries = this.geometriesOf(this.pageList);
      // Until the user zooms, "fit width" is the widest page read so far (no sideways scrolling).
      if (this.fitMode && this.viewport.width) this.currentScale = fitWidthScale(this.pageList, this.viewport.width);
      this.requestUpdate();
      await this.updateComplete;
      if (!scroller || !this.layout) return;
      if (target) {
        const slot = this.layout.slots[target.page - 1];
        if (slot) {
          scroller.scrollTo({ top: slot.top - PADDING / 2, left: scroller.scrollLeft, behavior: 'instant' });
          this.target = { page: target.page, top: scroller.scrollTop };
        }
      } else if (anchor && point) {
        const { left, top } = scrollFor(this.layout, anchor, { ...point, width: scroller.clientWidth, height: scroller.clientHeight });
        if (Math.abs(top - scroller.scrollTop) >= 0.5 || Math.abs(left - scroller.scrollLeft) >= 0.5) {
          scroller.scrollTo({ left, top, behavior: 'instant' });
        }
      }
      this.onScroll();
      this.schedule();
    }).finally(() => {
      this.relayouts--;
      this.schedule();
    });
  }

  /** 0-based pages within a viewport above and below the visible band (all of them stay few). */
  private nearPages(): readonly number[] {
    const layout = this.layout;
    const scroller = this.scroller;
    if (!layout) return [];
    const top = scroller?.scrollTop ?? 0;
    const height = scroller?.clientHeight || this.viewport.height;
    const band = pagesInBand(layout, top - height, top + 2 * height);
    // The page scrolled to and the current page stay, whatever the scroll says yet.
    for (const n of [this.current, this.target?.page]) {
      if (n && n <= layout.slots.length && !band.includes(n - 1)) band.push(n - 1);
    }
    return band.sort((a, b) => a - b);
  }

  protected override firstUpdated(): void {
    const scroller = this.scroller!;
    scroller.addEventListener('wheel', this.onWheel, { passive: false });
    scroller.addEventListener('touchstart', this.onTouchStart, { passive: false });
    scroller.addEventListener('touchmove', this.onTouchMove, { passive: false });
    scroller.addEventListener('touchend', this.onTouchEnd, { passive: false });
    scroller.addEventListener('touchcancel', this.onTouchEnd);
    for (const type of ['pointerdown', 'pointermove', 'pointerup', 'pointercancel'] as const) {
      scroller.addEventListener(type, this.onTouchPointer, { capture: true });
    }
    this.observe();
  }

  /** Tells the toolbar; for a zoom only once the scroll position matches it. */
  private announce(): void {
    this.dispatchEvent(internalEvent<ViewDetail>(VIEW_EVENT, { page: this.currentPage, zoom: this.zoomPercent }));
  }

  private observe(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    this.resize ??= new ResizeObserver(() => this.onResize());
    this.resize.observe(scroller);
    this.watchDensity();
  }

  private onResize(): void {
    const scroller = this.scroller;
    if (!scroller) return;
    const width = scroller.clientWidth;
    const height = scroller.clientHeight;
    if (width === this.viewport.width && height === this.viewport.height) return;
    const first = !this.viewport.width;
    const anchor = first ? undefined : this.buttonAnchor();
    this.viewport = { width, height };
    if (!this.document) return;
    if (this.fitMode) {
      const pages = this.pageList;
      void this.zoomTo(() => fitWidthScale(pages, width), anchor && (() => anchor), true);
    } else {
      this.requestUpdate();
    }
  }

  /** Redraws sharp when the window moves to a screen of another density. */
  private watchDensity(): void {
    this.dprQuery?.removeEventListener('change', this.onDensity);
    this.dprQuery = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this.dprQuery.addEventListener('change', this.onDensity);
  }

  private readonly onDensity = (): void => {
    this.watchDensity();
    this.schedule();
  };

  private readonly onScroll = (): void => {
    const scroller = this.scroller;
    if (!scroller || !this.layout) return;
    // The boxes near the view are the only ones in the DOM: others come as the view reaches them.
    if (!sameList(this.nearPages(), this.near)) this.requestUpdate();
    this.schedule();
    if (this.target && Math.abs(scroller.scrollTop - this.target.top) < 1) return;
    this.target = undefined;
    this.setCurrent(currentPageIn(this.layout, scroller.scrollTop, scroller.scrollTop + scroller.clientHeight));
  };

  private setCurrent(page: number): void {
    if (page > 0 && page !== this.current) {
      this.current = page;
      this.announce();
    }
  }

  /** Anchor for the buttons: the top of the current page if it is in view, else the top of the view. */
  private buttonAnchor(): { x: number; y: number } {
    const scroller = this.scroller;
    if (!scroller) return { x: 0, y: 0 };
    const slot = this.layout?.slots[this.current - 1];
    const topInView = slot ? slot.top - scroller.scrollTop : -1;
    return { x: scroller.clientWidth / 2, y: topInView >= 0 && topInView < scroller.clientHeight ? topInView : 0 };
  }

  /**
   * Changes the zoom so the document spot at `at` (CSS px from the scroller's top-left corner)
   * stays there. Zooms are applied one after the other, each computed from the state the previous
   * one left (two quick clicks make two steps).
   */
  private zoomTo(scale: (current: number) => number, at?: () => { x: number; y: number }, keepFit = false): Promise<void> {
    return this.queueZoom(async () => {
      const scroller = this.scroller;
      if (!scroller || !this.document) return;
      const point = at?.();
      const anchor = this.layout && point ? anchorAt(this.layout, scroller.scrollLeft + point.x, scroller.scrollTop + point.y) : undefined;
      await this.applyZoom(scale(this.currentScale), anchor, point);
      this.fitMode = keepFit;
    });
  }

  private queueZoom(step: () => Promise<void>): Promise<void> {
    const next = this.zooming.then(step);
    // A failed step must not block the zooms after it.
    this.zooming = next.catch(() => undefined);
    return next;
  }

  /** Sets the scale, lets Lit size the boxes, then scrolls `anchor` to `at` in the viewport. */
  private async applyZoom(scale: number, anchor: Anchor | undefined, at: { x: number; y: number } | undefined): Promise<void> {
    const scroller = this.scroller;
    if (!scroller) return;
    this.currentScale = clampScale(scale);
    await this.updateComplete;
    if (anchor && at && this.layout) {
      const view = { ...at, width: scroller.clientWidth, height: scroller.clientHeight };
      const { left, top } = scrollFor(this.layout, anchor, view);
      scroller.scrollTo({ left, top, behavior: 'instant' });
    }
    this.target = undefined;
    this.onScroll();
    this.announce();
    this.schedule();
  }

  private readonly onWheel = (e: WheelEvent): void => {
    if (!e.ctrlKey && !e.metaKey) return;
    // Ctrl+wheel, and a trackpad pinch (Chromium sends it as Ctrl+wheel): ours, not the page's zoom.
    e.preventDefault();
    const scroller = this.scroller;
    if (!scroller || !this.currentScale) return;
    const unit = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : e.deltaMode === WheelEvent.DOM_DELTA_PAGE ? scroller.clientHeight : 1;
    const factor = Math.min(2, Math.max(0.5, Math.exp((-e.deltaY * unit) / 200)));
    const box = scroller.getBoundingClientRect();
    const at = { x: e.clientX - box.left - scroller.clientLeft, y: e.clientY - box.top - scroller.clientTop };
    void this.zoomTo((scale) => scale * factor, () => at);
  };

  private readonly onTouchStart = (e: TouchEvent): void => {
    if (e.touches.length !== 2 || !this.layout) return;
    e.preventDefault();
    this.beginPinch(e);
  };

  /** The second finger may come with the first touchstart or only with the first move. */
  private beginPinch(e: TouchEvent): void {
    if (!this.layout) return;
    const scroller = this.scroller!;
    const { mid, distance } = this.twoFingers(e.touches);
    this.pinch = {
      distance,
      scale: this.currentScale,
      anchor: anchorAt(this.layout, scroller.scrollLeft + mid.x, scroller.scrollTop + mid.y),
    };
  }

  private readonly onTouchMove = (e: TouchEvent): void => {
    if (e.touches.length !== 2) return;
    if (e.cancelable) e.preventDefault();
    if (!this.pinch) return this.beginPinch(e);
    const { mid, distance } = this.twoFingers(e.touches);
    const pinch = this.pinch;
    const queued = this.pinchTarget !== undefined;
    this.pinchTarget = { scale: (pinch.scale * distance) / pinch.distance, at: mid };
    if (queued) return;
    // The spot first under the fingers follows their midpoint: pinch zooms and pans at once.
    // Moves that arrive while a zoom is applied only update the target (one zoom per frame or so).
    void this.queueZoom(async () => {
      const target = this.pinchTarget;
      this.pinchTarget = undefined;
      if (!target) return;
      await this.applyZoom(target.scale, pinch.anchor, target.at);
      this.fitMode = false;
    });
  };

  private readonly onTouchEnd = (e: TouchEvent): void => {
    if (!this.pinch) return;
    // Lifting the fingers must not turn the pinch into a late scroll of what they did.
    if (e.cancelable) e.preventDefault();
    if (e.touches.length < 2) this.pinch = undefined;
  };

  /**
   * A pinch belongs to the viewer, not to what lies under the fingers: when a second finger comes
   * down, the first finger's gesture below (the placement layer's tap or drag) gets the
   * `pointercancel` the browser would send had it scrolled, and the fingers' later pointer events
   * stop here. Without this, lifting the fingers would read as a tap and place a field.
   */
  private readonly onTouchPointer = (e: PointerEvent): void => {
    if (e.pointerType !== 'touch') return;
    const id = e.pointerId;
    switch (e.type) {
      case 'pointerdown':
        this.touchTargets.set(id, e.composedPath()[0] ?? e.target!);
        if (this.touchTargets.size < 2) return;
        for (const [other, target] of this.touchTargets) {
          if (other === id || this.pinchPointers.has(other)) continue;
          target.dispatchEvent(new PointerEvent('pointercancel', { pointerId: other, pointerType: 'touch', bubbles: true, composed: true }));
          this.pinchPointers.add(other);
        }
        this.pinchPointers.add(id);
        e.stopPropagation();
        return;
      case 'pointermove':
        if (this.pinchPointers.has(id)) e.stopPropagation();
        return;
      default:
        this.touchTargets.delete(id);
        if (this.pinchPointers.delete(id)) e.stopPropagation();
    }
  };

  private twoFingers(touches: TouchList): { mid: { x: number; y: number }; distance: number } {
    const scroller = this.scroller!;
    const box = scroller.getBoundingClientRect();
    const a = touches[0];
    const b = touches[1];
    return {
      mid: { x: (a.clientX + b.clientX) / 2 - box.left - scroller.clientLeft, y: (a.clientY + b.clientY) / 2 - box.top - scroller.clientTop },
      distance: Math.max(1, Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY)),
    };
  }

  private readonly onKeyDown = (e: KeyboardEvent): void => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const action =
      e.key === '+' || e.key === '='
        ? () => this.zoomIn()
        : e.key === '-'
          ? () => this.zoomOut()
          : e.key === '0'
            ? () => this.fitWidth()
            : undefined;
    if (!action) return;
    e.preventDefault();
    void action();
  };

  // Rendering ------------------------------------------------------------------------------------

  /** Coalesces render decisions to one per frame. */
  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.pump();
    });
  }

  private busy(): boolean {
    return (
      this.frame !== 0 ||
      this.inFlight.size > 0 ||
      this.detailJobs.size > 0 ||
      this.pendingRenders > 0 ||
      this.reading.size > 0 ||
      this.relayouts > 0
    );
  }

  /**
   * Decides what each page near the view gets (render-budget.ts), cancels what is no longer
   * wanted, shrinks or drops what is over its share, and starts the renders that fit the budget.
   */
  private pump(): void {
    const layout = this.layout;
    const scroller = this.scroller;
    const doc = this.document;
    if (!layout || !scroller || !doc || !this.isConnected) return this.settle();
    const view = { left: scroller.scrollLeft, top: scroller.scrollTop, width: scroller.clientWidth, height: scroller.clientHeight };
    const visible = pagesInBand(layout, view.top, view.top + view.height);
    const centre = view.top + view.height / 2;
    const distance = (i: number) => {
      const s = layout.slots[i];
      return Math.max(0, s.top - centre, centre - (s.top + s.height));
    };
    // Visible pages always, then neighbours, nearest first.
    const near = [...new Set([...visible, ...pagesInBand(layout, view.top - view.height, view.top + 2 * view.height)])]
      .filter((i) => i < layout.slots.length)
      .sort((a, b) => distance(a) - distance(b))
      .slice(0, WANTED);
    // A page is drawn once its geometry is read (its box is then at its real size); reading it
    // is asked here, and the layout is corrected when it arrives (onPagesRead).
    const wanted = near.filter((i) => {
      if (doc.pages.isKnown(i + 1) || this.unreadable.has(i)) return true;
      // Nothing but page 1 before page 1 is painted (`jse-ready`): the first paint waits for no other page.
      if (!this.firstPaintSent || this.reading.has(i)) return false;
      this.reading.add(i);
      doc.pages
        .get(i + 1)
        .catch(() => {
          if (this.document === doc) this.unreadable.add(i);
        })
        .finally(() => {
          if (this.document !== doc) return;
          this.reading.delete(i);
          this.schedule();
        });
      return false;
    });
    const dpr = window.devicePixelRatio || 1;
    const plans = planCanvases({ slots: layout.slots, view, near: wanted, dpr });
    const planOf = new Map(plans.map((p) => [p.index, p]));
    // A page on screen that is drawn already (a preview drawn before it came into view) is seen too.
    for (const p of plans) if (p.visible && this.painted.has(p.index)) this.markSeen(p.index);
    const scale = this.currentScale;

    for (const [i, job] of this.inFlight) {
      const plan = planOf.get(i);
      if (!plan || job.scale !== scale || job.dpr !== dpr || !sameSize(job.canvas, plan.base)) this.cancel(i);
    }
    for (const [i, job] of this.detailJobs) {
      const detail = planOf.get(i)?.detail;
      if (!detail || job.scale !== scale || job.dpr !== dpr || !covers(job.rect, detail.visible)) this.cancelDetail(i);
    }
    for (const [i, p] of this.painted) {
      const plan = planOf.get(i);
      if (!plan) this.drop(i);
      // Off screen now, or its page wants fewer pixels: a smaller copy, no render.
      else if (density(p.canvas, layout.slots[i]) > plan.base.outputScale * 1.01 && (!plan.visible || p.scale === scale)) this.shrink(i, plan.base);
    }
    for (const [i, d] of this.details) {
      const detail = planOf.get(i)?.detail;
      // One far larger than what its page now shows goes at once (the preview shows under it until
      // the new one is drawn): kept, it would hold the whole viewport's pixels beside the next page's.
      if (!detail || d.scale !== scale || d.dpr !== dpr || oversized(d.rect, detail.rect)) this.dropDetail(i);
    }

    const baseTodo = (plan: PagePlan): boolean => {
      const i = plan.index;
      if (this.inFlight.has(i) || this.failed.get(i) === scale) return false;
      const p = this.painted.get(i);
      if (!p) return true;
      // A preview may come from another zoom (it is stretched anyway); a page on screen is redrawn at this one.
      if (plan.visible && (p.scale !== scale || p.dpr !== dpr)) return true;
      return density(p.canvas, layout.slots[i]) < plan.base.outputScale * 0.99;
    };
    const detailTodo = (plan: PagePlan): boolean => {
      const detail = plan.detail;
      if (!detail || this.detailJobs.has(plan.index) || this.detailFailed.get(plan.index) === scale) return false;
      const d = this.details.get(plan.index);
      return !d || d.scale !== scale || d.dpr !== dpr || !covers(d.rect, detail.visible);
    };
    // On screen first (page, then its detail), then the previews of the neighbours.
    const todo: (() => boolean)[] = [];
    for (const plan of plans.filter((p) => p.visible)) {
      if (baseTodo(plan)) todo.push(() => this.startBase(doc, plan, layout, dpr));
    }
    for (const plan of plans.filter((p) => p.visible)) {
      if (detailTodo(plan)) todo.push(() => this.startDetail(doc, plan, layout, dpr));
    }
    for (const plan of plans.filter((p) => !p.visible)) {
      if (baseTodo(plan)) todo.push(() => this.startBase(doc, plan, layout, dpr));
    }
    let started = 0;
    for (const start of todo) {
      if (this.inFlight.size + this.detailJobs.size >= CONCURRENCY || !start()) break;
      started++;
    }
    this.pendingRenders = todo.length - started;
    this.settle();
  }

  /** Canvas pixels held: shown, being drawn, and details. */
  get liveCanvasPixels(): number {
    let n = 0;
    for (const held of [this.painted, this.inFlight, this.details, this.detailJobs]) {
      for (const { canvas } of held.values()) n += canvas.width * canvas.height;
    }
    return n;
  }

  /** The most canvas pixels this viewer holds at once, for its viewport (render-budget.ts). */
  get canvasBudget(): number {
    const scroller = this.scroller;
    if (!scroller) return 0;
    return canvasBudget(scroller.clientWidth, scroller.clientHeight, window.devicePixelRatio || 1, WANTED, CONCURRENCY);
  }

  /**
   * Makes room for a new canvas of `pixels` under the budget: details that no longer match first,
   * then canvases drawn at another zoom (kept stretched while the new one is drawn) shrunk to
   * previews. False when it does not fit yet (renders in flight will free their old canvases).
   */
  private makeRoom(pixels: number, layout: Layout): boolean {
    const budget = this.canvasBudget;
    const scale = this.currentScale;
    const fits = () => this.liveCanvasPixels + pixels <= budget;
    if (fits()) return true;
    for (const [i, d] of this.details) {
      if (d.scale !== scale) this.dropDetail(i);
    }
    const dpr = window.devicePixelRatio || 1;
    for (const [i, p] of this.painted) {
      if (fits()) break;
      if (p.scale === scale && p.dpr === dpr) continue;
      const slot = layout.slots[i];
      const small = canvasSize(slot.width, slot.height, dpr, PREVIEW_PIXELS);
      if (p.canvas.width * p.canvas.height > small.width * small.height) this.shrink(i, small);
    }
    // Details being replaced: the base canvas shows the page meanwhile.
    for (const i of [...this.details.keys()]) {
      if (fits()) break;
      this.dropDetail(i);
    }
    // Never stall: with nothing in flight no render would come back to try again.
    return fits() || this.inFlight.size + this.detailJobs.size === 0;
  }

  private startBase(doc: LoadedDocument, plan: PagePlan, layout: Layout, dpr: number): boolean {
    const index = plan.index;
    const size = plan.base;
    if (!this.makeRoom(size.width * size.height, layout)) return false;
    const canvas = document.createElement('canvas');
    // Sized now, not after getPage: the budget counts what is being drawn.
    canvas.width = size.width;
    canvas.height = size.height;
    const job: InFlight = { canvas, scale: layout.scale, dpr, cancelled: false };
    this.inFlight.set(index, job);
    this.renders++;
    void (async () => {
      try {
        const page = await doc.pdf.getPage(index + 1);
        if (job.cancelled) return;
        const viewport = page.getViewport({ scale: layout.scale * size.outputScale });
        job.task = page.render({ canvas, viewport });
        await job.task.promise;
        if (job.cancelled || this.document !== doc) return release(canvas);
        this.inFlight.delete(index);
        const old = this.painted.get(index);
        this.painted.set(index, { canvas, scale: job.scale, dpr });
        if (old) release(old.canvas);
        // Drawn at another zoom after failing: no longer worth a warning.
        if (this.unshown.includes(index + 1)) this.unshown = this.unshown.filter((n) => n !== index + 1);
        this.requestUpdate();
        if (plan.visible) this.markSeen(index);
        await this.firstPaint();
      } catch (cause) {
        release(canvas);
        if (this.inFlight.get(index) === job) this.inFlight.delete(index);
        if (!job.cancelled && this.document === doc && (cause as Error)?.name !== 'RenderingCancelledException') {
          // A page pdf.js cannot draw stays a white box (tried again at another zoom); the others go on.
          this.failed.set(index, job.scale);
          const page = index + 1;
          if (!this.unshown.includes(page)) {
            this.unshown = [...this.unshown, page];
            const detail: PageFailedDetail = { page, cause };
            this.dispatchEvent(new CustomEvent(PAGE_FAILED_EVENT, { detail, bubbles: true, composed: false }));
          }
          // The first paint was tried: the element must not wait for it forever.
          await this.firstPaint();
        }
      } finally {
        this.schedule();
      }
    })();
    return true;
  }

  /** Draws the part of a big page that is on screen (plus a margin) at the screen's density, over its base canvas. */
  private startDetail(doc: LoadedDocument, plan: PagePlan, layout: Layout, dpr: number): boolean {
    const index = plan.index;
    const { rect, canvas: size } = plan.detail!;
    if (!rect.width || !rect.height || !this.makeRoom(size.width * size.height, layout)) return false;
    const slot = layout.slots[index];
    const canvas = document.createElement('canvas');
    canvas.className = 'detail';
    canvas.width = size.width;
    canvas.height = size.height;
    // Placed in percent of the page box, so a zoom stretches it with the base until redrawn.
    // (CSSOM, not a style attribute: allowed under the strict CSP.)
    canvas.style.left = `${(rect.left / slot.width) * 100}%`;
    canvas.style.top = `${(rect.top / slot.height) * 100}%`;
    canvas.style.width = `${(rect.width / slot.width) * 100}%`;
    canvas.style.height = `${(rect.height / slot.height) * 100}%`;
    const job: DetailJob = { canvas, scale: layout.scale, dpr, rect, cancelled: false };
    this.detailJobs.set(index, job);
    this.renders++;
    void (async () => {
      try {
        const page = await doc.pdf.getPage(index + 1);
        if (job.cancelled) return;
        const k = size.outputScale;
        const viewport = page.getViewport({ scale: layout.scale * k });
        job.task = page.render({ canvas, viewport, transform: [1, 0, 0, 1, -rect.left * k, -rect.top * k] });
        await job.task.promise;
        if (job.cancelled || this.document !== doc) return release(canvas);
        this.detailJobs.delete(index);
        const old = this.details.get(index);
        this.details.set(index, { canvas, scale: job.scale, dpr, rect });
        if (old) release(old.canvas);
        this.requestUpdate();
      } catch (cause) {
        release(canvas);
        if (this.detailJobs.get(index) === job) this.detailJobs.delete(index);
        // The base canvas still shows the page; not retried at this zoom.
        if (!job.cancelled && (cause as Error)?.name !== 'RenderingCancelledException') this.detailFailed.set(index, job.scale);
      } finally {
        this.schedule();
      }
    })();
    return true;
  }

  /** 0-based pages the user has seen drawn (told once each per document). */
  private readonly seen = new Set<number>();

  /** Tells the element the user has seen page `index` drawn: its text may be read (suggestions). */
  private markSeen(index: number): void {
    if (this.seen.has(index)) return;
    this.seen.add(index);
    this.dispatchEvent(internalEvent<PageSeenDetail>(PAGE_SEEN_EVENT, { page: index + 1 }));
  }

  /** Tells the element, once per document, that the first page drawn has been tried. */
  private async firstPaint(): Promise<void> {
    if (this.firstPaintSent) return;
    this.firstPaintSent = true;
    await this.updateComplete;
    this.dispatchEvent(new Event(PAINTED_EVENT));
  }

  private cancel(index: number): void {
    const job = this.inFlight.get(index);
    if (!job) return;
    job.cancelled = true;
    job.task?.cancel();
    release(job.canvas);
    this.inFlight.delete(index);
  }

  private cancelDetail(index: number): void {
    const job = this.detailJobs.get(index);
    if (!job) return;
    job.cancelled = true;
    job.task?.cancel();
    release(job.canvas);
    this.detailJobs.delete(index);
  }

  /** Replaces a page's canvas by a smaller copy of it (a preview): no render, the page is never blank. */
  private shrink(index: number, size: { width: number; height: number }): void {
    const p = this.painted.get(index);
    if (!p) return;
    const small = document.createElement('canvas');
    small.width = size.width;
    small.height = size.height;
    small.getContext('2d')?.drawImage(p.canvas, 0, 0, size.width, size.height);
    release(p.canvas);
    this.painted.set(index, { ...p, canvas: small });
    this.requestUpdate();
  }

  private drop(index: number): void {
    const p = this.painted.get(index);
    if (!p) return;
    release(p.canvas);
    this.painted.delete(index);
    this.dropDetail(index);
    this.requestUpdate();
    // pdf.js keeps a drawn page's operator list and images: let them go too, as its viewer does
    // for pages leaving its buffer (a no-op while the page is being drawn again).
    const doc = this.document;
    if (doc && !this.inFlight.has(index)) void doc.pdf.getPage(index + 1).then((page) => page.cleanup(), () => undefined);
  }

  private dropDetail(index: number): void {
    const d = this.details.get(index);
    if (!d) return;
    release(d.canvas);
    this.details.delete(index);
    this.requestUpdate();
  }

  private dropAll(): void {
    for (const i of [...this.inFlight.keys()]) this.cancel(i);
    for (const i of [...this.detailJobs.keys()]) this.cancelDetail(i);
    for (const i of [...this.painted.keys()]) this.drop(i);
    for (const i of [...this.details.keys()]) this.dropDetail(i);
    this.detailFailed.clear();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.pendingRenders = 0;
    this.settle();
  }

  private settle(): void {
    if (this.busy()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  // Template -------------------------------------------------------------------------------------

  protected override render() {
    const { t } = this.i18n;
    const doc = this.document;
    const layout = this.layout;
    return html`${this.unshown.length
        ? html`<div class="page-alert" role="alert">
            ${this.unshown.map((page) => html`<p>${this.pageFailedLabel?.(page) ?? t('viewer.pageFailed', { page })}</p>`)}
          </div>`
        : nothing}<div
      class="scroller"
      tabindex="0"
      role="region"
      aria-label=${t('viewer.region')}
      @scroll=${this.onScroll}
      @keydown=${this.onKeyDown}
    >
      ${doc && layout
        ? html`<div class="content" ${styleProps({ width: `${layout.width}px`, height: `${layout.height}px` })}>
            ${repeat(this.near, (i) => i, (i) => {
              const slot = layout.slots[i];
              const n = i + 1;
              return html`<div
                class="page"
                part="page"
                data-page=${n}
                role="group"
                aria-label=${this.pageLabel?.(n, layout.slots.length) ?? t('doc.pageLabel', { page: n, count: layout.slots.length })}
                ${styleProps({ left: `${slot.left}px`, top: `${slot.top}px`, width: `${slot.width}px`, height: `${slot.height}px` })}
              >
                ${this.painted.get(i)?.canvas ?? nothing}${this.details.get(i)?.canvas ?? nothing}
                ${doc.pages.isKnown(n)
                  ? html`<jse-placement-layer
                      .pageNumber=${n}
                      .geometry=${this.geometries[i]}
                      .scale=${layout.scale}
                      .draft=${this.draft}
                      .suggestions=${this.suggestions}
                      exportparts="field"
                    ></jse-placement-layer>`
                  : nothing}
              </div>`;
            })}
          </div>`
        : nothing}
    </div>`;
  }
}

/** Gives a canvas's memory back now rather than when the garbage collector gets to it. */
function release(canvas: HTMLCanvasElement): void {
  canvas.width = 0;
  canvas.height = 0;
}

/** Canvas pixels per CSS pixel of a page's canvas, for the page's box now. */
function density(canvas: HTMLCanvasElement, slot: { width: number }): number {
  return canvas.width / slot.width;
}

function sameSize(canvas: HTMLCanvasElement, plan: CanvasPlan): boolean {
  return canvas.width === plan.width && canvas.height === plan.height;
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
