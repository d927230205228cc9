/**
 * Draft → layout, when a request is sent with a `layout-key`: each field's page counted from the
 * start or from the end of the document (whichever is nearer; the middle page of an odd count
 * from the end, where signature blocks are), its rectangle in fractions of the page as seen, and
 * the same field on every page (initials) kept as one "every page" field. Pure: no DOM.
 */
import type { Field, Signer } from '../api/types.js';
import type { PageGeometry } from '../document/geometry.js';
import { rectToScreen, shownSize } from '../document/geometry.js';
import { fieldKind } from '../draft/field-kinds.js';
import { LAYOUT_VERSION, type Layout, type LayoutField, type LayoutPage, type LayoutSigner } from './layout.js';

export interface CaptureInput {
  readonly fields: readonly Field[];
  readonly signers: readonly Pick<Signer, 'id' | 'email'>[];
  readonly pageCount: number;
  /** The geometry of each page holding a field (1-based); a field on a page it lacks is left out. */
  readonly page: (n: number) => PageGeometry | undefined;
  /** The role a signer had (a key of `signerRoles`), or `undefined`. */
  readonly roleOf?: (signer: Pick<Signer, 'id' | 'email'>) => string | undefined;
  readonly documentName: string;
  /** When it was sent (ISO 8601). */
  readonly savedAt: string;
}

/** True when page `n` of `count` is nearer the end (the middle page of an odd count counts as the end). */
export function countsFromEnd(n: number, count: number): boolean {
  return count - n <= n - 1;
}

/** The page of a layout for page `n` of a document of `count` pages. */
export function layoutPage(n: number, count: number): LayoutPage {
  return countsFromEnd(n, count) ? { from: 'end', index: count - n + 1 } : { from: 'start', index: n };
}

/** The layout of a sent draft. */
export function captureLayout(input: CaptureInput): Layout {
  const { pageCount } = input;
  const signerIndex = new Map(input.signers.map((s, i) => [s.id, i]));
  const signers: LayoutSigner[] = input.signers.map((s) => {
    const role = input.roleOf?.(s);
    return role !== undefined ? { role } : {};
  });
  // Each field in seen-page fractions, with its page number for now.
  const placed: { n: number; field: Omit<LayoutField, 'page'> }[] = [];
  for (const f of input.fields) {
    const geometry = input.page(f.page);
    const signer = signerIndex.get(f.signerId);
    if (!geometry || signer === undefined || f.page < 1 || f.page > pageCount) continue;
    const seen = shownSize(geometry);
    const r = rectToScreen(geometry, f, 1);
    const kind = fieldKind(f);
    placed.push({
      n: f.page,
      field: {
        signer,
        kind,
        ...(kind === 'mention' && f.text !== undefined ? { text: f.text } : {}),
        ...(kind === 'text' && f.label !== undefined ? { label: f.label } : {}),
        x: clamp01(r.x / seen.width),
        y: clamp01(r.y / seen.height),
        width: clamp01(r.width / seen.width),
        height: clamp01(r.height / seen.height),
        seenWidth: r.width,
        seenHeight: r.height,
      },
    });
  }
  const fields: LayoutField[] = [];
  // The same field on every page (or every page but the last) is one field: it follows the page count.
  const groups = new Map<string, { pages: Set<number>; field: Omit<LayoutField, 'page'>; first: number }>();
  placed.forEach(({ n, field }, i) => {
    const key = sameness(field);
    const group = groups.get(key);
    if (group) group.pages.add(n);
    else groups.set(key, { pages: new Set([n]), field, first: i });
  });
  const every = new Map<number, LayoutPage>(); // index of a group's first field → its page rule
  const inEvery = new Set<string>();
  for (const [key, group] of groups) {
    const rule = everyRule(group.pages, pageCount);
    if (!rule) continue;
    every.set(group.first, rule);
    inEvery.add(key);
  }
  placed.forEach(({ n, field }, i) => {
    const rule = every.get(i);
    if (rule) fields.push({ page: rule, ...field });
    else if (!inEvery.has(sameness(field))) fields.push({ page: layoutPage(n, pageCount), ...field });
  });
  return { v: LAYOUT_VERSION, savedAt: input.savedAt, documentName: input.documentName, pageCount, signers, fields };
}

/** Fields at the same place (to 0.5 pt on an A4 page) for the same signer, of the same kind and words. */
function sameness(f: Omit<LayoutField, 'page'>): string {
  const q = (v: number) => Math.round(v * 1000);
  return JSON.stringify([f.signer, f.kind, f.text ?? null, f.label ?? null, q(f.x), q(f.y), q(f.width), q(f.height)]);
}

function everyRule(pages: ReadonlySet<number>, count: number): LayoutPage | undefined {
  const upTo = (last: number) => pages.size === last && [...pages].every((n) => n >= 1 && n <= last);
  if (count >= 2 && upTo(count)) return { every: 'page' };
  if (count >= 3 && upTo(count - 1)) return { every: 'pageButLast' };
  return undefined;
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}
