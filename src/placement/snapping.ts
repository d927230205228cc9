/**
 * Snapping while a field is dragged or resized (SPEC §10 "Placing faster"), pure (no DOM, no Lit).
 *
 * Everything happens in the page as seen: "shown points", the screen space at scale 1 (top-left
 * origin, rotation applied, the box's origin gone), so a /Rotate 90 page or an offset CropBox
 * snaps along the screen's axes like any other. A field's left, centre and right snap to vertical
 * lines, its top, middle and bottom to horizontal ones; the lines are the other fields' edges and
 * centres on the same page, the page's edges and centre, and its margins (`SNAP_MARGIN` from each
 * edge as seen). The threshold is given in screen pixels by the caller and converted here.
 */
import { clampToPage, rectToPdf, rectToScreen, shownSize, type PageGeometry, type Point, type Rect } from '../document/geometry.js';
import type { Handle } from './editing.js';

/** Millimetres per point and back: 1 mm = 72 / 25.4 pt. */
export const PT_PER_MM = 72 / 25.4;
/** The page margin fields snap to, from each edge of the page as seen: 10 mm, in points. */
export const SNAP_MARGIN = 10 * PT_PER_MM;
/** How close (CSS px on screen, whatever the zoom) an edge must come to a line to snap to it. */
export const SNAP_THRESHOLD_PX = 6;

/** `x`: a vertical line at x = `at`; `y`: a horizontal line at y = `at`. */
export type Axis = 'x' | 'y';

/** A line a field can snap to, in shown points, drawn from `from` to `to` along the other axis. */
export interface SnapLine {
  readonly axis: Axis;
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** A guide to draw while a field is snapped: same shape as a line, stretched over the field too. */
export type Guide = SnapLine;

export interface Snapped {
  /** The field's rectangle in PDF space (unrotated user space, lower-left origin). */
  rect: Rect;
  /** The lines the field now lies on, in shown points. */
  guides: Guide[];
}

const EPS = 1e-6;

/**
 * The lines of a page: its edges, centre and margins as seen, and the edges and centres of
 * `others` (PDF rectangles of the other fields on that page).
 */
export function snapLines(page: PageGeometry, others: readonly Rect[], margin = SNAP_MARGIN): SnapLine[] {
  const { width: W, height: H } = shownSize(page);
  const lines: SnapLine[] = [];
  const pageLines = (axis: Axis, size: number, across: number) => {
    const at = [0, size / 2, size];
    // Margins only where they leave room for a field between them.
    if (size > 4 * margin) at.push(margin, size - margin);
    for (const a of at) lines.push({ axis, at: a, from: 0, to: across });
  };
  pageLines('x', W, H);
  pageLines('y', H, W);
  for (const other of others) {
    const s = rectToScreen(page, other, 1);
    for (const at of [s.x, s.x + s.width / 2, s.x + s.width]) lines.push({ axis: 'x', at, from: s.y, to: s.y + s.height });
    for (const at of [s.y, s.y + s.height / 2, s.y + s.height]) lines.push({ axis: 'y', at, from: s.x, to: s.x + s.width });
  }
  return lines;
}

/** The nearest line of `axis` to any of `values`, within `threshold`, accepted by `ok`: the offset to it. */
function nearest(lines: readonly SnapLine[], axis: Axis, values: readonly number[], threshold: number, ok: (at: number, i: number) => boolean = () => true): number | undefined {
  let best: number | undefined;
  for (const line of lines) {
    if (line.axis !== axis) continue;
    values.forEach((v, i) => {
      const d = line.at - v;
      if (Math.abs(d) <= threshold + EPS && ok(line.at, i) && (best === undefined || Math.abs(d) < Math.abs(best))) best = d;
    });
  }
  return best;
}

/** The guides of the lines that `values` (along `axis`) lie on, stretched over the field's `span`. */
function guidesOn(lines: readonly SnapLine[], axis: Axis, values: readonly number[], span: [number, number]): Guide[] {
  const out = new Map<number, Guide>();
  for (const line of lines) {
    if (line.axis !== axis || !values.some((v) => Math.abs(v - line.at) < 1e-3)) continue;
    const key = Math.round(line.at * 1e3);
    const prev = out.get(key);
    const from = Math.min(line.from, span[0], prev?.from ?? Infinity);
    const to = Math.max(line.to, span[1], prev?.to ?? -Infinity);
    out.set(key, { axis, at: line.at, from, to });
  }
  return [...out.values()];
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));

/** Shown points → PDF, rounded off float noise and kept inside the page (as `editing.ts` does). */
function toPdfRect(page: PageGeometry, r: Rect): Rect {
  const p = rectToPdf(page, r, 1);
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return clampToPage(page, { x: round(p.x), y: round(p.y), width: round(p.width), height: round(p.height) });
}

/**
 * A field being moved (`moved`, a PDF rectangle where the pointer alone puts it) snapped: each
 * axis shifts by the smallest offset that puts one of its edges or its centre on a line, if one
 * is within `threshold` points; the field stays inside the page.
 */
export function snapMove(page: PageGeometry, moved: Rect, lines: readonly SnapLine[], threshold: number): Snapped {
  const { width: W, height: H } = shownSize(page);
  const s = rectToScreen(page, moved, 1);
  const xs = (x: number) => [x, x + s.width / 2, x + s.width];
  const ys = (y: number) => [y, y + s.height / 2, y + s.height];
  const x = clamp(s.x + (nearest(lines, 'x', xs(s.x), threshold) ?? 0), 0, W - s.width);
  const y = clamp(s.y + (nearest(lines, 'y', ys(s.y), threshold) ?? 0), 0, H - s.height);
  const guides = [...guidesOn(lines, 'x', xs(x), [y, y + s.height]), ...guidesOn(lines, 'y', ys(y), [x, x + s.width])];
  return { rect: toPdfRect(page, { x, y, width: s.width, height: s.height }), guides };
}

/**
 * A field being resized by `handle` (`resized`, a PDF rectangle where the pointer alone puts it)
 * snapped: each edge the handle moves goes onto the nearest line within `threshold` points, as
 * long as the field keeps `min` (shown points) and stays inside the page.
 */
export function snapResize(
  page: PageGeometry,
  resized: Rect,
  handle: Handle,
  lines: readonly SnapLine[],
  threshold: number,
  min: { width: number; height: number },
): Snapped {
  const { width: W, height: H } = shownSize(page);
  const s = rectToScreen(page, resized, 1);
  let [left, top, right, bottom] = [s.x, s.y, s.x + s.width, s.y + s.height];
  const movedX: number[] = [];
  const movedY: number[] = [];
  if (handle.includes('w')) {
    left += nearest(lines, 'x', [left], threshold, (at) => at >= -EPS && at <= right - min.width + EPS) ?? 0;
    movedX.push(left);
  }
  if (handle.includes('e')) {
    right += nearest(lines, 'x', [right], threshold, (at) => at <= W + EPS && at >= left + min.width - EPS) ?? 0;
    movedX.push(right);
  }
  if (handle.includes('n')) {
    top += nearest(lines, 'y', [top], threshold, (at) => at >= -EPS && at <= bottom - min.height + EPS) ?? 0;
    movedY.push(top);
  }
  if (handle.includes('s')) {
    bottom += nearest(lines, 'y', [bottom], threshold, (at) => at <= H + EPS && at >= top + min.height - EPS) ?? 0;
    movedY.push(bottom);
  }
  const guides = [...guidesOn(lines, 'x', movedX, [top, bottom]), ...guidesOn(lines, 'y', movedY, [left, right])];
  return { rect: toPdfRect(page, { x: left, y: top, width: right - left, height: bottom - top }), guides };
}

/**
 * A point (shown points) of a field being drawn, snapped: each coordinate goes onto the nearest
 * line of its axis within `threshold` points.
 */
export function snapPoint(lines: readonly SnapLine[], p: Point, threshold: number): Point {
  return { x: p.x + (nearest(lines, 'x', [p.x], threshold) ?? 0), y: p.y + (nearest(lines, 'y', [p.y], threshold) ?? 0) };
}

/**
 * The guides of a field drawn between snapped points: the lines at `xs` / `ys` (shown points) that
 * the field's edges (`rect`, PDF space) really lie on once drawn (a drawing grown to the minimum
 * size may leave them).
 */
export function guidesAt(page: PageGeometry, rect: Rect, lines: readonly SnapLine[], xs: readonly number[], ys: readonly number[]): Guide[] {
  const s = rectToScreen(page, rect, 1);
  const on = (edges: number[], at: readonly number[]) => edges.filter((e) => at.some((a) => Math.abs(a - e) < 1e-3));
  return [
    ...guidesOn(lines, 'x', on([s.x, s.x + s.width], xs), [s.y, s.y + s.height]),
    ...guidesOn(lines, 'y', on([s.y, s.y + s.height], ys), [s.x, s.x + s.width]),
  ];
}

/** A guide at `scale` CSS px per point: where to draw it in the layer (CSS px). */
export function guideBox(guide: Guide, scale: number): { left: number; top: number; width: number; height: number } {
  return guide.axis === 'x'
    ? { left: guide.at * scale, top: guide.from * scale, width: 0, height: (guide.to - guide.from) * scale }
    : { left: guide.from * scale, top: guide.at * scale, width: (guide.to - guide.from) * scale, height: 0 };
}
