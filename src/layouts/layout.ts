/**
 * A layout kept per kind of document (SPEC §10 "Layouts kept per kind of document"): where the
 * fields of the last document sent with a `layout-key` were, so the next document of that kind
 * (another client's lettre de mission, with one page more or less) starts from them. Pure types
 * and checks: no DOM, no Lit.
 *
 * Pages are counted from the start or from the end of the document (a lettre de mission's
 * signature block is on its last page, whatever its length); positions are fractions of the page
 * as it is seen (rotation applied), so they fit pages of other sizes and rotations.
 */
import type { FieldKind, Person } from '../api/types.js';
import { isFieldKind } from '../draft/field-kinds.js';

/** The layout format's version: a stored layout of another version is ignored. */
export const LAYOUT_VERSION = 1;

/**
 * Which page a field goes on: `from: 'start'` with `index` 1 the first page, 2 the second…;
 * `from: 'end'` with `index` 1 the last page, 2 the one before…; `every: 'page'` on every page,
 * `every: 'pageButLast'` on every page but the last (initials).
 */
export type LayoutPage =
  | { readonly from: 'start' | 'end'; readonly index: number }
  | { readonly every: 'page' | 'pageButLast' };

/**
 * One field of a layout. `x`, `y`, `width`, `height` are fractions (0–1) of the page as seen,
 * `x, y` its top-left corner (y downwards); `seenWidth`, `seenHeight` its size in points as seen,
 * which it keeps on a page of another size (its centre keeps its relative place).
 */
export interface LayoutField {
  readonly page: LayoutPage;
  /** Index into `Layout.signers`. */
  readonly signer: number;
  readonly kind: FieldKind;
  /** A mention's words. */
  readonly text?: string;
  /** A text field's label. */
  readonly label?: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly seenWidth: number;
  readonly seenHeight: number;
}

/**
 * A signer slot: the role it was filled from (a key of the host's `signerRoles`, e.g. "Client"),
 * or none when the signer matched no role (the slot is then filled by position, or left to fill).
 */
export interface LayoutSigner {
  readonly role?: string;
}

/** A layout as stored (JSON): what a host's `layoutStore` receives and gives back. */
export interface Layout {
  /** Always `LAYOUT_VERSION` (1). */
  readonly v: typeof LAYOUT_VERSION;
  /** When it was sent (ISO 8601). */
  readonly savedAt: string;
  /** The name of the document it was sent with (shown when offering it). */
  readonly documentName: string;
  /** That document's page count. */
  readonly pageCount: number;
  /** The signers, in the order of the request. */
  readonly signers: readonly LayoutSigner[];
  readonly fields: readonly LayoutField[];
}

/**
 * How a role of a layout is filled when the layout is applied (the host's `signerRoles`):
 * - `'me'`: the current user (`me`, else the proxy's `/me` user);
 * - a person with at least an `email`: used as given, the details it lacks completed from the
 *   contact with that e-mail in `contacts` (searched with the e-mail when `contacts` is a function).
 *
 * A signer of a sent request takes the role whose person has its e-mail, so the layout remembers
 * which field was the client's and which the firm's.
 */
export type SignerRole = 'me' | (Partial<Person> & { readonly email: string });

/** Roles by name: `{ Client: { email: 'client@example.fr' }, 'Expert-comptable': 'me' }`. */
export type SignerRoles = Readonly<Record<string, SignerRole>>;

/**
 * Where layouts are kept (the element's `layoutStore`): the firm's backend, shared by its
 * collaborators, or `localStorage` by default. Either method may be synchronous or return a promise.
 */
export interface LayoutStore {
  /** The layout last saved for `key`, or `undefined`. */
  get(key: string): Promise<Layout | undefined> | Layout | undefined;
  /** Keeps `layout` for `key` (replacing the previous one). */
  set(key: string, layout: Layout): Promise<void> | void;
}

const FRACTION_SLACK = 1e-6;

/** The layout in `value` when it is one of this version (checked field by field), else `undefined`. */
export function parseLayout(value: unknown): Layout | undefined {
  if (!isObject(value) || value.v !== LAYOUT_VERSION) return undefined;
  const { savedAt, documentName, pageCount, signers, fields } = value;
  if (typeof savedAt !== 'string' || typeof documentName !== 'string') return undefined;
  if (!isCount(pageCount) || !Array.isArray(signers) || !Array.isArray(fields)) return undefined;
  const slots: LayoutSigner[] = [];
  for (const s of signers as unknown[]) {
    if (!isObject(s) || (s.role !== undefined && typeof s.role !== 'string')) return undefined;
    slots.push(typeof s.role === 'string' ? { role: s.role } : {});
  }
  const out: LayoutField[] = [];
  for (const f of fields as unknown[]) {
    const field = parseField(f, slots.length);
    if (!field) return undefined;
    out.push(field);
  }
  return { v: LAYOUT_VERSION, savedAt, documentName, pageCount, signers: slots, fields: out };
}

function parseField(f: unknown, signers: number): LayoutField | undefined {
  if (!isObject(f)) return undefined;
  const page = parsePage(f.page);
  if (!page || !Number.isInteger(f.signer) || (f.signer as number) < 0 || (f.signer as number) >= signers) return undefined;
  if (!isFieldKind(f.kind)) return undefined;
  const nums = [f.x, f.y, f.width, f.height, f.seenWidth, f.seenHeight];
  if (!nums.every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
  const [x, y, width, height, seenWidth, seenHeight] = nums as number[];
  const inUnit = (n: number) => n >= -FRACTION_SLACK && n <= 1 + FRACTION_SLACK;
  if (![x, y, width, height].every(inUnit) || width <= 0 || height <= 0 || seenWidth <= 0 || seenHeight <= 0) return undefined;
  if ((f.text !== undefined && typeof f.text !== 'string') || (f.label !== undefined && typeof f.label !== 'string')) return undefined;
  return {
    page,
    signer: f.signer as number,
    kind: f.kind,
    ...(typeof f.text === 'string' ? { text: f.text } : {}),
    ...(typeof f.label === 'string' ? { label: f.label } : {}),
    x,
    y,
    width,
    height,
    seenWidth,
    seenHeight,
  };
}

function parsePage(p: unknown): LayoutPage | undefined {
  if (!isObject(p)) return undefined;
  if (p.every === 'page' || p.every === 'pageButLast') return { every: p.every };
  if ((p.from === 'start' || p.from === 'end') && isCount(p.index)) return { from: p.from, index: p.index };
  return undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isCount(n: unknown): n is number {
  return Number.isInteger(n) && (n as number) >= 1;
}
