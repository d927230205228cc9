/**
 * Where each page sits in the scrolling area, which page is current, how zoom moves the view and
 * how large a page's canvas may be. Pure (no DOM, no Lit): the viewer measures, this decides, so
 * the rules are tested directly and every position the viewer sets comes from one formula.
 *
 * Units: sizes of pages in points as shown (rotation applied); everything else in CSS pixels of the
 * scrolling content (origin at its top-left corner); `scale` is CSS pixels per PDF point.
 */

/** A page's size as shown (rotation applied), in points. */
export interface ShownSize {
  width: number;
  height: number;
}

/** One page's box in the scrolling content, CSS px. */
export interface Slot {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Layout {
  scale: number;
  slots: Slot[];
  /** Size of the scrolling content, CSS px. */
  width: number;
  height: number;
}

/** Space around the pages and between two pages, CSS px. */
export const PADDING = 16;
export const GAP = 12;

/** pdf.js's 100 %: a point is 1/72 in, a CSS pixel 1/96 in. */
export const CSS_PX_PER_POINT = 96 / 72;

/** Zoom bounds, as CSS px per point (25 % … 500 %). */
export const MIN_SCALE = 0.25 * CSS_PX_PER_POINT;
export const MAX_SCALE = 5 * CSS_PX_PER_POINT;

/** The zoom buttons step through these percentages (pdf.js-like). */
export const ZOOM_STEPS = [25, 33, 50, 67, 75, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300, 400, 500] as const;

/**
 * At most this many page canvases exist at once, whatever the page count: enough for the pages
 * visible at the smallest zoom in a tall panel plus a few neighbours, small enough that a
 * thousand-page file costs the same memory as a ten-page one.
 */
export const MAX_LIVE_CANVASES = 12;

/**
 * Largest canvas, in device pixels (16 M, 64 MB of RGBA): above it a page is drawn at a lower
 * resolution and stretched, as pdf.js does, rather than exhausting the GPU on a zoomed A0 plan.
 */
export const MAX_CANVAS_PIXELS = 4096 * 4096;

export function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/**
 * Pages one under the other, each centred horizontally; the content is at least as wide as the
 * viewport so a page narrower than it stays centred.
 */
export function layoutPages(pages: readonly ShownSize[], scale: number, viewportWidth: number): Layout {
  const widest = pages.reduce((w, p) => Math.max(w, p.width * scale), 0);
  const width = Math.max(viewportWidth, widest + 2 * PADDING);
  const slots: Slot[] = [];
  let top = PADDING;
  for (const page of pages) {
    const w = page.width * scale;
    const h = page.height * scale;
    slots.push({ left: (width - w) / 2, top, width: w, height: h });
    top += h + GAP;
  }
  const height = pages.length ? top - GAP + PADDING : 2 * PADDING;
  return { scale, slots, width, height };
}

/**
 * The scale at which the widest page fills the viewport's width. The widest, not the current one:
 * then no page of a mixed portrait/landscape file needs horizontal scrolling at the default zoom.
 */
export function fitWidthScale(pages: readonly ShownSize[], viewportWidth: number): number {
  const widest = pages.reduce((w, p) => Math.max(w, p.width), 0);
  if (!widest || viewportWidth <= 2 * PADDING) return clampScale(CSS_PX_PER_POINT);
  return clampScale((viewportWidth - 2 * PADDING) / widest);
}

/** The next zoom of the ladder above (`+1`) or below (`-1`) the current scale. */
export function stepScale(scale: number, direction: 1 | -1): number {
  const percent = (scale / CSS_PX_PER_POINT) * 100;
  const steps = direction > 0 ? ZOOM_STEPS : [...ZOOM_STEPS].reverse();
  // 1 % tolerance: a fit-width scale of 99.6 % steps to 110 %, not to 100 %.
  const next = steps.find((s) => (direction > 0 ? s > percent * 1.01 : s < percent / 1.01));
  return clampScale(((next ?? steps[steps.length - 1]) / 100) * CSS_PX_PER_POINT);
}

/** Index of the first slot whose bottom is below `y` (binary search: slots are in order). */
export function firstSlotBelow(layout: Layout, y: number): number {
  let lo = 0;
  let hi = layout.slots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const s = layout.slots[mid];
    if (s.top + s.height <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** 0-based indexes of the pages that intersect the vertical band [top, bottom). */
export function pagesInBand(layout: Layout, top: number, bottom: number): number[] {
  const found: number[] = [];
  for (let i = firstSlotBelow(layout, top); i < layout.slots.length; i++) {
    const s = layout.slots[i];
    if (s.top >= bottom) break;
    found.push(i);
  }
  return found;
}

/**
 * The current page (1-based): the one showing the most of itself in the viewport band; on a tie
 * the upper one. 0 when there are no pages.
 */
export function currentPageIn(layout: Layout, top: number, bottom: number): number {
  let best = -1;
  let bestArea = -1;
  for (const i of pagesInBand(layout, top, bottom)) {
    const s = layout.slots[i];
    const shown = Math.min(bottom, s.top + s.height) - Math.max(top, s.top);
    if (shown > bestArea + 0.5) {
      best = i;
      bestArea = shown;
    }
  }
  if (best < 0) best = Math.min(firstSlotBelow(layout, top), layout.slots.length - 1);
  return best + 1;
}

/** A spot of the document, independent of zoom: a page and a point on it in shown points. */
export interface Anchor {
  page: number;
  u: number;
  v: number;
}

/**
 * The document spot at content position (x, y): on the page under it, or for a point in a gap or
 * margin the nearest page (the point then keeps its offset from that page, scaled).
 */
export function anchorAt(layout: Layout, x: number, y: number): Anchor {
  const count = layout.slots.length;
  if (!count) return { page: 0, u: 0, v: 0 };
  let i = firstSlotBelow(layout, y);
  if (i >= count) i = count - 1;
  const s = layout.slots[i];
  return { page: i, u: (x - s.left) / layout.scale, v: (y - s.top) / layout.scale };
}

/** Content position of an anchor in a (new) layout. */
export function anchorPosition(layout: Layout, anchor: Anchor): { x: number; y: number } {
  const s = layout.slots[anchor.page];
  if (!s) return { x: 0, y: 0 };
  return { x: s.left + anchor.u * layout.scale, y: s.top + anchor.v * layout.scale };
}

/**
 * The scroll offsets that put `anchor` at (viewX, viewY) of a viewport of that size, kept within
 * what the content allows.
 */
export function scrollFor(
  layout: Layout,
  anchor: Anchor,
  view: { x: number; y: number; width: number; height: number },
): { left: number; top: number } {
  const p = anchorPosition(layout, anchor);
  return {
    left: clamp(p.x - view.x, 0, Math.max(0, layout.width - view.width)),
    top: clamp(p.y - view.y, 0, Math.max(0, layout.height - view.height)),
  };
}

/**
 * Canvas size for a page box of `cssWidth` × `cssHeight` CSS px on a screen of `dpr` device pixels
 * per CSS pixel: sharp (one canvas pixel per device pixel) up to `maxPixels`, then scaled down
 * keeping the aspect. `outputScale` is canvas pixels per CSS pixel.
 */
export function canvasSize(
  cssWidth: number,
  cssHeight: number,
  dpr: number,
  maxPixels = MAX_CANVAS_PIXELS,
): { width: number; height: number; outputScale: number } {
  let outputScale = Math.max(dpr || 1, 0.01);
  const pixels = cssWidth * cssHeight * outputScale * outputScale;
  if (pixels > maxPixels) outputScale *= Math.sqrt(maxPixels / pixels);
  // Floor, not round: the cap is a cap.
  const width = Math.max(1, Math.floor(cssWidth * outputScale));
  const height = Math.max(1, Math.floor(cssHeight * outputScale));
  return { width, height, outputScale };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
