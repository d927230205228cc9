/**
 * How many canvas pixels each page near the viewport gets: canvas memory is bounded by the
 * viewport, not by the pages kept (Safari stops drawing past 256–384 MB of canvases, iOS refuses a
 * canvas over 16.7 MP). Pure (no DOM): the viewer says what is on screen, this decides.
 *
 * - A page on screen is drawn whole at the screen's density when that costs at most
 *   `WHOLE_PAGE_VIEWPORTS` viewports of pixels (all such pages together at most `WHOLE_VIEWPORTS`).
 * - A bigger page on screen (deep zoom) gets a base canvas of at most one viewport of pixels and,
 *   over it, a "detail" canvas at the screen's density of the part on screen plus a margin, as
 *   pdf.js ≥ 5 does (web/pdf_page_detail_view.js).
 * - Pages near the viewport but off screen keep a small preview (`PREVIEW_PIXELS`), so a page
 *   scrolled into view is never blank while its sharp canvas is drawn.
 * - No canvas is over `MAX_CANVAS_PIXELS`.
 *
 * Units: CSS px of the scrolling content; canvas sizes in canvas pixels; `dpr` device px per CSS px.
 */
import { MAX_CANVAS_PIXELS, canvasSize, type Slot } from './layout.js';

/** A rectangle in CSS px (content coordinates, or a page's own when said so). */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A canvas to draw: its size in canvas pixels and canvas pixels per CSS pixel. */
export interface CanvasPlan {
  width: number;
  height: number;
  outputScale: number;
}

export interface DetailPlan {
  /** The part of the page this canvas covers, CSS px from the page box's top-left corner. */
  rect: Rect;
  /** The part on screen, same coordinates: a detail canvas that covers it needs no redraw. */
  visible: Rect;
  canvas: CanvasPlan;
}

export interface PagePlan {
  /** 0-based page index. */
  index: number;
  /** On screen (intersects the viewport) or only near it. */
  visible: boolean;
  /** The page's canvas (the whole page, at this resolution). */
  base: CanvasPlan;
  /** A sharp canvas of the part on screen, for a page too big to draw whole at the screen's density. */
  detail?: DetailPlan;
}

/**
 * A page on screen is drawn whole at the screen's density up to this many viewports of pixels;
 * a bigger one gets a preview and a detail canvas of what is on screen. Sharp pixels are then
 * bounded by what is on screen, not by the pages' size: at 150 % on a screen of density 2 an A4
 * page alone is 8 MP (32 MB), where what shows of it is half that (issue 13: a third of pdf.js's
 * viewer on the same scroll).
 */
export const WHOLE_PAGE_VIEWPORTS = 1.5;
/** All pages drawn whole at the screen's density, together. */
export const WHOLE_VIEWPORTS = 2;
/** At most this many pages have a detail canvas (two pages share the screen at a page boundary). */
export const MAX_DETAILS = 2;
/**
 * A detail canvas covers the part on screen plus this fraction of the viewport on each side (a
 * short scroll needs no redraw; a longer one shows the preview under it until the detail is redrawn).
 */
export const DETAIL_OVERFLOW = 0.05;
/** Pages near the viewport but off screen: at most this many canvas pixels (0.25 MP, 1 MB). */
export const PREVIEW_PIXELS = 250_000;

export interface BudgetInput {
  slots: readonly Slot[];
  /** The visible part of the content, CSS px. */
  view: Rect;
  /** 0-based pages to keep a canvas for, nearest first (the visible ones among them). */
  near: readonly number[];
  dpr: number;
  /** Largest canvas allowed (defaults to `MAX_CANVAS_PIXELS`). */
  maxPixels?: number;
}

/**
 * The most canvas pixels the viewer may hold at once (what is shown, what is being drawn, and the
 * old canvases they replace) for a viewport of `width` × `height` CSS px with `pages` canvases at
 * most: a function of the viewport, whatever the document's page count or the zoom.
 */
export function canvasBudget(width: number, height: number, dpr: number, pages: number, inFlight = 2): number {
  return Math.ceil(sharpBudget(width, height, dpr) + (pages + inFlight) * PREVIEW_PIXELS);
}

/**
 * The most canvas pixels at the screen's density (whole pages, details) for a viewport of
 * `width` × `height` CSS px: what is on screen, and a margin — never the pages' own size.
 */
export function sharpBudget(width: number, height: number, dpr: number): number {
  const viewport = viewportPixels(width, height, dpr);
  const detail = (1 + 2 * DETAIL_OVERFLOW) * (1 + 2 * MAX_DETAILS * DETAIL_OVERFLOW) * viewport;
  // Pages drawn whole are the ones that fit: the others (and only they) get details.
  return WHOLE_VIEWPORTS * viewport + detail;
}

/** Device pixels of the viewport (at least one preview's worth, so a tiny panel still draws). */
export function viewportPixels(width: number, height: number, dpr: number): number {
  return Math.max(PREVIEW_PIXELS, width * height * (dpr || 1) ** 2);
}

/** What each page of `near` gets; visible pages nearest first, in the order to draw them. */
export function planCanvases({ slots, view, near, dpr, maxPixels = MAX_CANVAS_PIXELS }: BudgetInput): PagePlan[] {
  const density = dpr || 1;
  const viewport = viewportPixels(view.width, view.height, density);
  const visibleArea = (s: Slot) => overlap(s, view);
  const isVisible = (i: number) => {
    const s = slots[i];
    return !!s && visibleArea(s) > 0;
  };
  const visible = near.filter(isVisible).sort((a, b) => visibleArea(slots[b]) - visibleArea(slots[a]));
  const others = near.filter((i) => !isVisible(i) && slots[i]);
  const plans: PagePlan[] = [];
  let whole = 0;
  let details = 0;
  for (const index of visible) {
    const s = slots[index];
    const sharp = canvasSize(s.width, s.height, density, maxPixels);
    const pixels = sharp.width * sharp.height;
    const fitsWhole = sharp.outputScale >= density && pixels <= WHOLE_PAGE_VIEWPORTS * viewport && whole + pixels <= WHOLE_VIEWPORTS * viewport;
    if (fitsWhole) {
      whole += pixels;
      plans.push({ index, visible: true, base: sharp });
    } else if (details < MAX_DETAILS) {
      details++;
      // Under the detail, a preview: it shows while the detail is redrawn after a scroll.
      const base = preview(s, density);
      plans.push({ index, visible: true, base, detail: detailFor(s, view, density, maxPixels) });
    } else {
      plans.push({ index, visible: true, base: preview(s, density) });
    }
  }
  for (const index of others) plans.push({ index, visible: false, base: preview(slots[index], density) });
  return plans;
}

/** Canvas pixels of a plan (its base and detail). */
export function planPixels(plan: PagePlan): number {
  return plan.base.width * plan.base.height + (plan.detail ? plan.detail.canvas.width * plan.detail.canvas.height : 0);
}

/**
 * A detail canvas kept is redrawn once it is this much larger than what its page now shows needs:
 * a page scrolled half out of view must not keep the whole viewport's detail it had, beside its
 * neighbour's new one.
 */
export const DETAIL_OVERSIZE = 1.25;

/** Whether a detail drawn over `drawn` holds too many pixels for the detail now `planned` (page coordinates). */
export function oversized(drawn: Rect, planned: Rect): boolean {
  return drawn.width * drawn.height > DETAIL_OVERSIZE * planned.width * planned.height;
}

/** Whether a detail canvas drawn over `drawn` (page coordinates) still covers what is on screen. */
export function covers(drawn: Rect, visible: Rect): boolean {
  const eps = 0.5;
  return (
    drawn.left <= visible.left + eps &&
    drawn.top <= visible.top + eps &&
    drawn.left + drawn.width >= visible.left + visible.width - eps &&
    drawn.top + drawn.height >= visible.top + visible.height - eps
  );
}

function preview(s: Slot, density: number): CanvasPlan {
  return canvasSize(s.width, s.height, density, PREVIEW_PIXELS);
}

/** The part of page `s` on screen, plus a margin, in the page's own coordinates, at the screen's density. */
function detailFor(s: Slot, view: Rect, density: number, maxPixels: number): DetailPlan {
  const visible = intersect({ left: view.left - s.left, top: view.top - s.top, width: view.width, height: view.height }, s.width, s.height);
  // The margin shrinks so the canvas stays under the cap, then the density does (canvasSize).
  const fullDensity = view.width * view.height * density * density;
  const room = Math.sqrt(maxPixels / Math.max(1, fullDensity));
  const overflow = Math.max(0, Math.min(DETAIL_OVERFLOW, (room - 1) / 2));
  const grown = intersect(
    {
      left: visible.left - overflow * view.width,
      top: visible.top - overflow * view.height,
      width: visible.width + 2 * overflow * view.width,
      height: visible.height + 2 * overflow * view.height,
    },
    s.width,
    s.height,
  );
  return { rect: grown, visible, canvas: canvasSize(grown.width, grown.height, density, maxPixels) };
}

/** `r` clipped to a page box of `width` × `height` (page coordinates). */
function intersect(r: Rect, width: number, height: number): Rect {
  const left = Math.max(0, r.left);
  const top = Math.max(0, r.top);
  const right = Math.min(width, r.left + r.width);
  const bottom = Math.min(height, r.top + r.height);
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

function overlap(s: Slot, view: Rect): number {
  const w = Math.min(s.left + s.width, view.left + view.width) - Math.max(s.left, view.left);
  const h = Math.min(s.top + s.height, view.top + view.height) - Math.max(s.top, view.top);
  return w > 0 && h > 0 ? w * h : 0;
}
