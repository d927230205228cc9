/**
 * The editing rules of signature fields, pure (no DOM, no Lit): where a click drops a field, how a
 * drag draws, moves or resizes one, what the arrow keys do. Inputs are screen offsets in CSS pixels
 * (as the page is shown, at `scale` CSS pixels per point); results are PDF rectangles in the page's
 * unrotated user space (SPEC §3). Every conversion goes through `document/geometry.ts`.
 *
 * The rules are applied "as seen": sizes, minimums and keyboard steps are along the screen's axes,
 * so on a /Rotate 90 page the default field is 180 × 60 on screen and 60 × 180 in the PDF.
 */
import {
  clampToPage,
  rectToPdf,
  rectToScreen,
  shownSize,
  shownToPdfSize,
  toPdf,
  type PageGeometry,
  type Point,
  type Rect,
} from '../document/geometry.js';
import type { FieldKind } from '../api/types.js';
import { KIND_SIZES } from '../draft/field-kinds.js';

/** Size of a signature field dropped by a click, in points as seen on screen (SPEC §2; other kinds: `KIND_SIZES`). */
export const DEFAULT_FIELD_SIZE = KIND_SIZES.signature.default;
/** Smallest signature field, in points as seen on screen (SPEC §2; other kinds: `KIND_SIZES`). */
export const MIN_FIELD_SIZE = KIND_SIZES.signature.min;
/** Arrow-key steps in points: plain and with Shift. */
export const KEY_STEP = 1;
export const KEY_STEP_LARGE = 10;

/** A resize handle, named by the screen edges it moves (n = top as seen). */
export type Handle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';
export const HANDLES: readonly Handle[] = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];

export type Direction = 'left' | 'right' | 'up' | 'down';

/** The field's rectangle in "shown points": screen space at scale 1 (top-left origin). */
function shown(page: PageGeometry, r: Rect): Rect {
  return rectToScreen(page, r, 1);
}

/** Back to PDF space, rounded off float noise and kept inside the page. */
function fromShown(page: PageGeometry, r: Rect): Rect {
  return clampToPage(page, roundRect(rectToPdf(page, r, 1)));
}

function roundRect(r: Rect): Rect {
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return { x: round(r.x), y: round(r.y), width: round(r.width), height: round(r.height) };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), Math.max(lo, hi));
}

/** The kind's minimum size as seen, never larger than the page itself. */
export function minSize(page: PageGeometry, kind: FieldKind = 'signature'): { width: number; height: number } {
  const p = shownSize(page);
  const min = KIND_SIZES[kind].min;
  return { width: Math.min(min.width, p.width), height: Math.min(min.height, p.height) };
}

/** The field a click at `at` (screen px) drops: the kind's default size as seen, centred on the click, inside the page. */
export function placeDefault(page: PageGeometry, at: Point, scale: number, kind: FieldKind = 'signature'): Rect {
  const centre = toPdf(page, at, scale);
  const size = shownToPdfSize(page, KIND_SIZES[kind].default);
  return clampToPage(page, roundRect({ x: centre.x - size.width / 2, y: centre.y - size.height / 2, ...size }));
}

/**
 * `rect` moved, as seen, clear of the fields already on the page: below the ones it overlaps
 * (`gap` points apart), else above them where the page ends, else left where it is. "+ Date" then
 * "+ Mention" (both dropped at the middle of what is shown) no longer land on top of each other.
 */
export function clearOfOthers(page: PageGeometry, rect: Rect, others: readonly Rect[], gap = 8): Rect {
  const seen = others.map((o) => rectToScreen(page, o, 1));
  const start = rectToScreen(page, rect, 1);
  const { height: H } = shownSize(page, 1);
  const hit = (r: Rect) => seen.find((o) => r.x < o.x + o.width && o.x < r.x + r.width && r.y < o.y + o.height && o.y < r.y + r.height);
  if (!hit(start)) return rect;
  for (const down of [true, false]) {
    const s = { ...start };
    for (let i = 0; i <= seen.length; i++) {
      const o = hit(s);
      if (!o) return clampToPage(page, rectToPdf(page, s, 1));
      s.y = down ? o.y + o.height + gap : o.y - gap - s.height;
      if (s.y < 0 || s.y + s.height > H) break;
    }
  }
  return rect;
}

/**
 * The field drawn by a drag from `from` to `to` (screen px): the rectangle between the two points,
 * clipped to the page, grown to the minimum size away from where the drag started.
 */
export function drawRect(page: PageGeometry, from: Point, to: Point, scale: number, kind: FieldKind = 'signature'): Rect {
  const { width: W, height: H } = shownSize(page);
  const min = minSize(page, kind);
  const a = { x: clamp(from.x / scale, 0, W), y: clamp(from.y / scale, 0, H) };
  const b = { x: clamp(to.x / scale, 0, W), y: clamp(to.y / scale, 0, H) };
  const span = (start: number, end: number, least: number, limit: number): [number, number] => {
    let lo = Math.min(start, end);
    let hi = Math.max(start, end);
    if (hi - lo < least) {
      // Grow in the direction the pointer went; if the page edge is in the way, grow the other way.
      if (end >= start) {
        lo = start;
        hi = start + least;
      } else {
        hi = start;
        lo = start - least;
      }
      if (lo < 0) [lo, hi] = [0, least];
      if (hi > limit) [lo, hi] = [limit - least, limit];
    }
    return [lo, hi];
  };
  const [x1, x2] = span(a.x, b.x, min.width, W);
  const [y1, y2] = span(a.y, b.y, min.height, H);
  return fromShown(page, { x: x1, y: y1, width: x2 - x1, height: y2 - y1 });
}

/** `start` moved by `delta` screen px, stopped at each page edge. */
export function moveRect(page: PageGeometry, start: Rect, delta: Point, scale: number): Rect {
  const { width: W, height: H } = shownSize(page);
  const s = shown(page, start);
  return fromShown(page, {
    x: clamp(s.x + delta.x / scale, 0, W - s.width),
    y: clamp(s.y + delta.y / scale, 0, H - s.height),
    width: s.width,
    height: s.height,
  });
}

/** `start` resized by dragging `handle` by `delta` screen px: the opposite edges stay, the size stays ≥ the minimum and inside the page. */
export function resizeRect(page: PageGeometry, start: Rect, handle: Handle, delta: Point, scale: number, kind: FieldKind = 'signature'): Rect {
  const { width: W, height: H } = shownSize(page);
  const min = minSize(page, kind);
  const s = shown(page, start);
  let left = s.x;
  let top = s.y;
  let right = s.x + s.width;
  let bottom = s.y + s.height;
  const dx = delta.x / scale;
  const dy = delta.y / scale;
  if (handle.includes('w')) left = clamp(left + dx, 0, right - min.width);
  if (handle.includes('e')) right = clamp(right + dx, left + min.width, W);
  if (handle.includes('n')) top = clamp(top + dy, 0, bottom - min.height);
  if (handle.includes('s')) bottom = clamp(bottom + dy, top + min.height, H);
  return fromShown(page, { x: left, y: top, width: right - left, height: bottom - top });
}

const VECTORS: Record<Direction, Point> = { left: { x: -1, y: 0 }, right: { x: 1, y: 0 }, up: { x: 0, y: -1 }, down: { x: 0, y: 1 } };

/**
 * An arrow key on a focused field: moves it by `step` points along the screen's axes, or with
 * `resize` grows (right, down) or shrinks (left, up) it from its top-left corner as seen.
 */
export function nudge(page: PageGeometry, start: Rect, direction: Direction, step: number, resize = false, kind: FieldKind = 'signature'): Rect {
  const v = VECTORS[direction];
  const delta = { x: v.x * step, y: v.y * step };
  if (!resize) return moveRect(page, start, delta, 1);
  return resizeRect(page, start, direction === 'left' || direction === 'right' ? 'e' : 's', delta, 1, kind);
}

/** The arrow key a `KeyboardEvent.key` names, if any. */
export function arrowDirection(key: string): Direction | undefined {
  switch (key) {
    case 'ArrowLeft':
      return 'left';
    case 'ArrowRight':
      return 'right';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    default:
      return undefined;
  }
}
