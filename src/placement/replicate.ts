/**
 * Placing many fields at once (SPEC §10 "Placing faster"): initials on every page for a signer,
 * a field copied to all pages, a field duplicated. Pure (no DOM): the caller gives the geometry
 * of each page (read on demand, src/document/pages.ts) and adds what this returns to the draft.
 *
 * "The same place on each page as it is seen": the work is done in the page as shown (rotation
 * applied, from its top-left corner): the field's centre keeps its fraction of the shown width and
 * height, and the field keeps its size in points as shown (width along the screen's horizontal),
 * then it is mapped back to the page's PDF user space — on a /Rotate 90 page the PDF rectangle is
 * the other way round, on an offset CropBox it is offset with it — and kept inside the page.
 */
import type { Field } from '../api/types.js';
import { clampToPage, rectToPdf, rectToScreen, shownSize, type PageGeometry, type Rect } from '../document/geometry.js';
import { KIND_SIZES, fieldKind } from '../draft/field-kinds.js';

/** A place as seen: the centre as fractions of the page shown, the size in points as shown. */
export interface SeenPlace {
  cx: number;
  cy: number;
  width: number;
  height: number;
}

/** Which pages "Parapher toutes les pages" covers. */
export type InitialsPages = 'all' | 'allButLast';

/** A page to place on: its number (1-based) and geometry. */
export interface TargetPage {
  number: number;
  geometry: PageGeometry;
}

/** Where initials go when the signer has none yet: the bottom-right corner as seen. */
export const DEFAULT_INITIALS_PLACE: SeenPlace = {
  cx: 0.87,
  cy: 0.94,
  width: KIND_SIZES.initials.default.width,
  height: KIND_SIZES.initials.default.height,
};

/** The place of a PDF rectangle on its page, as seen. */
export function seenPlace(page: PageGeometry, rect: Rect): SeenPlace {
  const s = rectToScreen(page, rect, 1);
  const size = shownSize(page, 1);
  return { cx: (s.x + s.width / 2) / size.width, cy: (s.y + s.height / 2) / size.height, width: s.width, height: s.height };
}

/** The PDF rectangle at a seen place on a page, kept inside the page. */
export function placeOn(page: PageGeometry, place: SeenPlace): Rect {
  const size = shownSize(page, 1);
  const width = Math.min(place.width, size.width);
  const height = Math.min(place.height, size.height);
  const screen = { x: place.cx * size.width - width / 2, y: place.cy * size.height - height / 2, width, height };
  return clampToPage(page, rectToPdf(page, screen, 1));
}

/** The pages "Parapher toutes les pages" covers in a document of `count` pages. */
export function initialsPageNumbers(count: number, which: InitialsPages): number[] {
  const last = which === 'allButLast' && count > 1 ? count - 1 : count;
  return Array.from({ length: last }, (_, i) => i + 1);
}

/**
 * Initials for `signerId` on each target page that has none of theirs yet, at the place of the
 * signer's first initials (`model`: that field and its page's geometry) or, without one, the
 * bottom-right corner as seen.
 */
export function initialsFields(
  fields: readonly Field[],
  signerId: string,
  targets: readonly TargetPage[],
  model?: { field: Field; geometry: PageGeometry },
): Field[] {
  const place = model ? seenPlace(model.geometry, model.field) : DEFAULT_INITIALS_PLACE;
  const has = new Set(fields.filter((f) => f.signerId === signerId && fieldKind(f) === 'initials').map((f) => f.page));
  return targets
    .filter((t) => !has.has(t.number))
    .map((t) => ({ signerId, page: t.number, ...placeOn(t.geometry, place), kind: 'initials' as const }));
}

/** The first initials field of a signer (the model for the others), if any. */
export function firstInitials(fields: readonly Field[], signerId: string): Field | undefined {
  return fields.find((f) => f.signerId === signerId && fieldKind(f) === 'initials');
}

/** Copies of `field` (on the page of geometry `from`) on each target page but its own, at the same place as seen. */
export function copiesToPages(field: Field, from: PageGeometry, targets: readonly TargetPage[]): Field[] {
  const place = seenPlace(from, field);
  return targets.filter((t) => t.number !== field.page).map((t) => ({ ...field, page: t.number, ...placeOn(t.geometry, place) }));
}

/** A duplicate beside the field on its page: `step` points right and down as seen, or left and up where the page ends. */
export function duplicateOf(field: Field, page: PageGeometry, step = 12): Field {
  const s = rectToScreen(page, field, 1);
  const size = shownSize(page, 1);
  const dx = s.x + s.width + step <= size.width ? step : -step;
  const dy = s.y + s.height + step <= size.height ? step : -step;
  const moved = clampToPage(page, rectToPdf(page, { ...s, x: s.x + dx, y: s.y + dy }, 1));
  return { ...field, ...moved };
}
