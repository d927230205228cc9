/**
 * The draft's fields checked against the document's pages (SPEC §2): fields set before the
 * document was known may fall outside their page; they block sending until moved. Pure.
 */
import type { Field, ValidationProblem } from '../api/types.js';
import { isInsidePage, normalizeRotation, type PageBox } from '../document/geometry.js';
import { missingText } from './field-kinds.js';

/** A page as the loader describes it (`view` is pdf.js `page.view`). */
export interface PageBounds {
  view: PageBox | readonly number[];
  rotation: number;
}

/** Tolerance in points, for coordinates that went through a float round trip. */
const TOLERANCE = 0.01;

/** The indexes of the fields that lie outside their page (or on a page the document does not have). */
export function fieldsOutsidePages(fields: readonly Field[], pages: readonly PageBounds[]): number[] {
  const out: number[] = [];
  fields.forEach((f, i) => {
    const page = pages[f.page - 1];
    if (!page || !isInsidePage({ view: page.view as PageBox, rotation: normalizeRotation(page.rotation) }, f, TOLERANCE)) out.push(i);
  });
  return out;
}

/**
 * The `outside_page` problems of the fields, shaped as the proxy's (`path` a JSON Pointer
 * `/fields/{index}`); `message(field, index)` gives the user's text.
 */
export function outsidePageProblems(
  fields: readonly Field[],
  pages: readonly PageBounds[],
  message: (field: Field, index: number) => string,
): ValidationProblem[] {
  return fieldsOutsidePages(fields, pages).map((i) => ({ path: `/fields/${i}`, code: 'outside_page', message: message(fields[i], i) }));
}

/**
 * The `required` problems of mentions without words (`/fields/{index}/text`) and text fields
 * without a label (`/fields/{index}/label`), shaped as the proxy's.
 */
export function missingTextProblems(
  fields: readonly Field[],
  message: (field: Field, missing: 'text' | 'label', index: number) => string,
): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  fields.forEach((f, i) => {
    const missing = missingText(f);
    if (missing) out.push({ path: `/fields/${i}/${missing}`, code: 'required', message: message(f, missing, i) });
  });
  return out;
}
