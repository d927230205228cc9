/**
 * Layout → draft, for a document of any page count: pages counted from the end go to the new
 * document's last pages, pages counted from the start to its first ones; when the document is
 * shorter, the last pages win (a page counted from the start that lands on a page where fields
 * counted from the end land, or beyond the end, is dropped and counted as such). Each field keeps its seen size in points and
 * its centre's place relative to the page as seen: on a page of the same size, the same
 * rectangle; on another size or rotation, the same place. Pure: no DOM.
 */
import type { Field, FieldKind, Person, Signer } from '../api/types.js';
import type { PageGeometry } from '../document/geometry.js';
import { clampToPage, rectToPdf, shownSize } from '../document/geometry.js';
import { KIND_SIZES } from '../draft/field-kinds.js';
import type { Layout, LayoutField } from './layout.js';

/**
 * The pages (1-based) of a document of `count` pages that a field of `layout` goes on (none: the
 * field is dropped). A page counted from the start is dropped beyond the end, and where a page
 * counted from the end of the layout lands (a shorter document: the last pages win).
 */
export function targetPages(layout: Pick<Layout, 'fields'>, field: Pick<LayoutField, 'page'>, count: number): number[] {
  const { page } = field;
  if ('every' in page) {
    const last = page.every === 'page' ? count : count - 1;
    return Array.from({ length: Math.max(0, last) }, (_, i) => i + 1);
  }
  if (page.from === 'end') {
    const n = count - page.index + 1;
    return n >= 1 ? [n] : [];
  }
  const claimed = layout.fields.some((f) => 'from' in f.page && f.page.from === 'end' && count - f.page.index + 1 === page.index);
  return page.index <= count && !claimed ? [page.index] : [];
}

/** Every page a layout's fields go on in a document of `count` pages (to read their geometry first). */
export function pagesNeeded(layout: Layout, count: number): number[] {
  return [...new Set(layout.fields.flatMap((f) => targetPages(layout, f, count)))].sort((a, b) => a - b);
}

/** A field of the layout on a page: its PDF rectangle (inside the page, at least the kind's minimum size). */
export function placeOnPage(field: LayoutField, page: PageGeometry): { x: number; y: number; width: number; height: number } {
  const seen = shownSize(page);
  const min = KIND_SIZES[field.kind].min;
  const width = Math.min(Math.max(field.seenWidth, min.width), seen.width);
  const height = Math.min(Math.max(field.seenHeight, min.height), seen.height);
  const cx = (field.x + field.width / 2) * seen.width;
  const cy = (field.y + field.height / 2) * seen.height;
  const left = Math.min(Math.max(cx - width / 2, 0), seen.width - width);
  const top = Math.min(Math.max(cy - height / 2, 0), seen.height - height);
  return clampToPage(page, rectToPdf(page, { x: left, y: top, width, height }, 1));
}

export interface AppliedLayout {
  /** The fields to add, in the layout's order (a field on every page: one per page). */
  fields: Field[];
  /** Fields of the layout that found no page in this document. */
  dropped: number;
}

/**
 * The layout's fields for a document of `count` pages, `page(n)` the geometry of each page they
 * go on (see `pagesNeeded`), `signerIds[i]` the draft's signer for slot `i`.
 */
export function applyLayout(layout: Layout, count: number, page: (n: number) => PageGeometry | undefined, signerIds: readonly string[]): AppliedLayout {
  const fields: Field[] = [];
  let dropped = 0;
  for (const f of layout.fields) {
    const signerId = signerIds[f.signer];
    const pages = targetPages(layout, f, count).filter((n) => page(n));
    if (!signerId || pages.length === 0) {
      dropped++;
      continue;
    }
    for (const n of pages) fields.push({ signerId, page: n, ...placeOnPage(f, page(n)!), ...extras(f.kind, f) });
  }
  return { fields, dropped };
}

function extras(kind: FieldKind, f: LayoutField): Partial<Field> {
  return {
    kind,
    ...(kind === 'mention' && f.text !== undefined ? { text: f.text } : {}),
    ...(kind === 'text' && f.label !== undefined ? { label: f.label } : {}),
  };
}

/** The draft's signers once a layout is applied, and the signer id of each slot. */
export interface SignerPlan {
  /** The whole list to set (the existing signers first, then those the layout adds). */
  signers: Partial<Signer>[];
  slotIds: string[];
}

/**
 * Fills a layout's signer slots: a slot whose role resolved to a person takes the signer already
 * in the draft with that e-mail, else a new signer with that person's details; a slot without a
 * person takes the next signer of the draft no slot took, else a new empty row (to fill in, the
 * send is blocked until then). `newId` makes the ids of added signers.
 */
export function planSigners(
  slots: readonly { person?: Person | undefined }[],
  existing: readonly Signer[],
  newId: () => string,
): SignerPlan {
  const used = new Set<string>();
  const added: Signer[] = [];
  const all = () => [...existing, ...added];
  const byEmail = (email: string) =>
    all().find((s) => !used.has(s.id) && s.email.trim().toLowerCase() === email.trim().toLowerCase());
  const slotIds: (string | undefined)[] = slots.map(({ person }) => {
    const found = person?.email ? byEmail(person.email) : undefined;
    if (found) used.add(found.id);
    return found?.id;
  });
  // Persons not found in the draft yet are added; slots without one take a free signer.
  slots.forEach(({ person }, i) => {
    if (slotIds[i] || !person) return;
    const signer: Signer = { id: newId(), email: person.email, firstName: person.firstName, lastName: person.lastName, phone: person.phone ?? '' };
    added.push(signer);
    used.add(signer.id);
    slotIds[i] = signer.id;
  });
  slots.forEach((_, i) => {
    if (slotIds[i]) return;
    const free = existing.find((s) => !used.has(s.id));
    const signer = free ?? { id: newId(), email: '', firstName: '', lastName: '', phone: '' };
    if (!free) added.push(signer);
    used.add(signer.id);
    slotIds[i] = signer.id;
  });
  return { signers: all(), slotIds: slotIds as string[] };
}
