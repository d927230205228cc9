/**
 * A field's position and size in millimetres (SPEC §10 "Placing faster"), pure (no DOM, no Lit).
 *
 * The four values are those of the page as seen: `x` and `y` from the page's top-left corner as
 * shown (rotation applied, the CropBox's origin gone), `width` along the screen's horizontal.
 * The field stays on the page and keeps its kind's minimum size (`editing.ts`'s `minSize`).
 */
import { clampToPage, rectToPdf, rectToScreen, shownSize, type PageGeometry, type Rect } from '../document/geometry.js';
import type { FieldKind } from '../api/types.js';
import { minSize } from './editing.js';
import { PT_PER_MM } from './snapping.js';

export type Dimension = 'x' | 'y' | 'width' | 'height';
/** The properties in the order the form shows them. */
export const DIMENSIONS: readonly Dimension[] = ['x', 'y', 'width', 'height'];

/** The allowed range of one value, in millimetres. */
export interface Range {
  min: number;
  max: number;
}

/** Values typed this close outside their range (half the last digit shown) are taken as the bound. */
const SLACK_MM = 0.005;

export const mmToPt = (mm: number): number => mm * PT_PER_MM;
export const ptToMm = (pt: number): number => pt / PT_PER_MM;

/** A PDF rectangle as the form shows it: millimetres, from the top-left of the page as seen. */
export function toMillimetres(page: PageGeometry, rect: Rect): Record<Dimension, number> {
  const s = rectToScreen(page, rect, 1);
  return { x: ptToMm(s.x), y: ptToMm(s.y), width: ptToMm(s.width), height: ptToMm(s.height) };
}

/** The range of `dim` for this field, the other three values staying as they are. */
export function rangeOf(page: PageGeometry, rect: Rect, dim: Dimension, kind: FieldKind = 'signature'): Range {
  const { width: W, height: H } = shownSize(page);
  const min = minSize(page, kind);
  const s = rectToScreen(page, rect, 1);
  const pt: Range =
    dim === 'x'
      ? { min: 0, max: W - s.width }
      : dim === 'y'
        ? { min: 0, max: H - s.height }
        : dim === 'width'
          ? { min: min.width, max: W - s.x }
          : { min: min.height, max: H - s.y };
  return { min: ptToMm(pt.min), max: ptToMm(Math.max(pt.min, pt.max)) };
}

/**
 * The field with `dim` set to `mm`, the other values unchanged: its new PDF rectangle, or the
 * range it must be in when `mm` is outside it (or not a number).
 */
export function withDimension(page: PageGeometry, rect: Rect, dim: Dimension, mm: number, kind: FieldKind = 'signature'): { rect: Rect } | { range: Range } {
  const range = rangeOf(page, rect, dim, kind);
  if (!Number.isFinite(mm) || mm < range.min - SLACK_MM || mm > range.max + SLACK_MM) return { range };
  const value = mmToPt(Math.min(Math.max(mm, range.min), range.max));
  const s = { ...rectToScreen(page, rect, 1), [dim]: value };
  const p = rectToPdf(page, s, 1);
  const round = (v: number) => Math.round(v * 1e4) / 1e4;
  return { rect: clampToPage(page, { x: round(p.x), y: round(p.y), width: round(p.width), height: round(p.height) }) };
}

/** A typed number of millimetres: "25,4", "25.4", "25,4 mm", " 25 "; undefined if it is not one. */
export function parseMm(text: string): number | undefined {
  const m = /^\s*([+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+))\s*(?:mm)?\s*$/i.exec(text);
  if (!m) return undefined;
  const v = Number(m[1].replace(',', '.'));
  return Number.isFinite(v) ? v : undefined;
}

/** Millimetres as shown: at most two decimals, in the language's notation (a comma in French). */
export function formatMm(mm: number, lang: string, round: 'nearest' | 'down' | 'up' = 'nearest'): string {
  const f = round === 'down' ? Math.floor : round === 'up' ? Math.ceil : Math.round;
  // Rounded first off float noise (1e-6), then to the hundredth in the direction asked.
  const v = f(Math.round(mm * 1e6) / 1e4) / 100;
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 2, useGrouping: false }).format(Object.is(v, -0) ? 0 : v);
}
