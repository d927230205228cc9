/**
 * Page geometry: the single place where on-screen positions and PDF user space are converted,
 * for any /Rotate, any box origin and any zoom. Pure (no DOM), the same transform as pdf.js's
 * `PageViewport` (checked against it in the tests).
 *
 * Screen space: CSS pixels from the top-left corner of the page as shown (rotation applied),
 * y downwards. PDF space: points in the page's unrotated user space, y upwards.
 */

/** pdf.js `page.view`: the CropBox [x1, y1, x2, y2] in user space. */
export type PageBox = readonly [number, number, number, number];
export type Rotation = 0 | 90 | 180 | 270;

export interface PageGeometry {
  view: PageBox;
  rotation: Rotation;
}

export interface Point {
  x: number;
  y: number;
}

/** A rectangle: in PDF space `x, y` is the lower-left corner; on screen it is the top-left. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Normalises any multiple of 90 (negative too) to 0, 90, 180 or 270. */
export function normalizeRotation(degrees: number): Rotation {
  return ((((Math.round(degrees / 90) * 90) % 360) + 360) % 360) as Rotation;
}

/** True when the page is shown on its side (width and height swap on screen). */
export function isSideways(rotation: Rotation): boolean {
  return rotation === 90 || rotation === 270;
}

/** Size of the page as shown, in CSS pixels at `scale` (points at scale 1). */
export function shownSize(page: PageGeometry, scale = 1): { width: number; height: number } {
  const [x1, y1, x2, y2] = page.view;
  const w = Math.abs(x2 - x1) * scale;
  const h = Math.abs(y2 - y1) * scale;
  return isSideways(page.rotation) ? { width: h, height: w } : { width: w, height: h };
}

/** PDF point → screen point. */
export function toScreen(page: PageGeometry, p: Point, scale: number): Point {
  const [x1, y1, x2, y2] = box(page.view);
  switch (page.rotation) {
    case 0:
      return { x: (p.x - x1) * scale, y: (y2 - p.y) * scale };
    case 90:
      return { x: (p.y - y1) * scale, y: (p.x - x1) * scale };
    case 180:
      return { x: (x2 - p.x) * scale, y: (p.y - y1) * scale };
    case 270:
      return { x: (y2 - p.y) * scale, y: (x2 - p.x) * scale };
  }
}

/** Screen point → PDF point (the inverse of `toScreen`). */
export function toPdf(page: PageGeometry, s: Point, scale: number): Point {
  const [x1, y1, x2, y2] = box(page.view);
  const u = s.x / scale;
  const v = s.y / scale;
  switch (page.rotation) {
    case 0:
      return { x: x1 + u, y: y2 - v };
    case 90:
      return { x: x1 + v, y: y1 + u };
    case 180:
      return { x: x2 - u, y: y1 + v };
    case 270:
      return { x: x2 - v, y: y2 - u };
  }
}

/** A PDF rectangle (lower-left origin) → its screen rectangle (top-left origin). */
export function rectToScreen(page: PageGeometry, r: Rect, scale: number): Rect {
  const a = toScreen(page, { x: r.x, y: r.y }, scale);
  const b = toScreen(page, { x: r.x + r.width, y: r.y + r.height }, scale);
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) };
}

/** A screen rectangle → its PDF rectangle (lower-left origin, positive size). */
export function rectToPdf(page: PageGeometry, r: Rect, scale: number): Rect {
  const a = toPdf(page, { x: r.x, y: r.y }, scale);
  const b = toPdf(page, { x: r.x + r.width, y: r.y + r.height }, scale);
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(b.x - a.x), height: Math.abs(b.y - a.y) };
}

/**
 * A size given as seen on screen (width along the screen's horizontal), in PDF units:
 * on a page shown sideways the PDF rectangle is the other way round (SPEC §2).
 */
export function shownToPdfSize(page: PageGeometry, size: { width: number; height: number }): { width: number; height: number } {
  return isSideways(page.rotation) ? { width: size.height, height: size.width } : { ...size };
}

/** Moves (and if needed shrinks) a PDF rectangle so it lies inside the page box. */
export function clampToPage(page: PageGeometry, r: Rect): Rect {
  const [x1, y1, x2, y2] = box(page.view);
  const width = Math.min(r.width, x2 - x1);
  const height = Math.min(r.height, y2 - y1);
  return {
    x: Math.min(Math.max(r.x, x1), x2 - width),
    y: Math.min(Math.max(r.y, y1), y2 - height),
    width,
    height,
  };
}

/** True when the PDF rectangle lies inside the page box (with a tolerance for float noise). */
export function isInsidePage(page: PageGeometry, r: Rect, tolerance = 1e-6): boolean {
  const [x1, y1, x2, y2] = box(page.view);
  return r.x >= x1 - tolerance && r.y >= y1 - tolerance && r.x + r.width <= x2 + tolerance && r.y + r.height <= y2 + tolerance;
}

function box(view: PageBox): [number, number, number, number] {
  return [Math.min(view[0], view[2]), Math.min(view[1], view[3]), Math.max(view[0], view[2]), Math.max(view[1], view[3])];
}
