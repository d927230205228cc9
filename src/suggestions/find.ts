/**
 * Suggestions from the document (SPEC §10): where the document itself says where to sign. Pure
 * (no DOM, no pdf.js call): it reads what pdf.js gives for one page — its text content items,
 * each with its transform in PDF user space, and its annotations — and returns ghost fields as
 * rectangles in the page's PDF user space (lower-left origin), the space of `Field`. The placement
 * layer then draws them through the same page geometry as fields (document/geometry.ts), so they
 * are right on any /Rotate and any box origin.
 *
 * Three sources:
 * - empty AcroForm signature fields: `Widget` annotations with `fieldType === 'Sig'`, over their own rectangle;
 * - text tags: Yousign's smart anchors `{{s1|signature|180|60}}` (signer index, kind, width and
 *   height in pt; the field's top-left corner at the tag's, the tag text left as is) and DocuSeal's
 *   `{{Nom;role=Client;type=signature}}` (signers numbered by their roles' first appearance);
 * - French anchor phrases on a line of their own (a label, not a sentence): « Signature »,
 *   « Signature du client », « Le client », « L'expert-comptable », « Pour le cabinet » (a signature
 *   below), « Lu et approuvé », « Bon pour accord » (a mention below, with those words), « Fait à …
 *   le … », « Date » (a date after the words), « Paraphe », « Initiales » (initials after the words).
 *
 * Positions are taken in the text's own frame (along its baseline, and across it), so text drawn
 * sideways gets its field along it; sizes are the kinds' default sizes (draft/field-kinds.ts).
 */
import type { FieldKind } from '../api/types.js';
import { KIND_SIZES } from '../draft/field-kinds.js';
import { clampToPage, type PageGeometry, type Rect } from '../document/geometry.js';

/** A pdf.js text content item (`TextItem`): the string, its transform in user space, its advance and font height. */
export interface TextItemLike {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
  readonly hasEOL?: boolean;
}

/** What is read of a pdf.js annotation (`page.getAnnotations()`). */
export interface AnnotationLike {
  readonly subtype?: string;
  readonly fieldType?: string;
  readonly fieldValue?: unknown;
  readonly fieldName?: string;
  readonly rect?: readonly number[];
  readonly hidden?: boolean;
  readonly hasAppearance?: boolean;
}

export type SuggestionSource = 'widget' | 'tag' | 'phrase';

/** A ghost field: offered, never placed until the user accepts it. */
export interface Suggestion {
  /** Stable for the same page read again: page, source, place. */
  readonly id: string;
  /** 1-based page. */
  readonly page: number;
  readonly kind: FieldKind;
  /** PDF user space, `x, y` the lower-left corner. */
  readonly rect: Rect;
  readonly source: SuggestionSource;
  /** The words it came from: the phrase, the tag, the form field's name. */
  readonly anchor: string;
  /** 1-based signer index a tag names (`s2` → 2). */
  readonly signer?: number;
  /** A mention's words (« Lu et approuvé »). */
  readonly text?: string;
}

export interface PageContent {
  /** 1-based. */
  page: number;
  geometry: PageGeometry;
  items: readonly TextItemLike[];
  annotations?: readonly AnnotationLike[];
  /**
   * The document says it holds signatures (AcroForm /SigFlags): pdf.js does not tell which
   * signature field has a value, so a field with an appearance (a visible signature) is then not offered.
   */
  signed?: boolean;
}

/** Part of the font height above the baseline, and below it, taken as a line's box. */
export const ASCENT = 0.8;
export const DESCENT = 0.2;
/** Space between the words and the field, in pt. */
export const GAP = 4;
/** Longest label line taken as an anchor phrase (characters, decorations removed). */
const MAX_LABEL = 60;

/** A run of text on one line, in its own frame: origin on the baseline at its start, `u` along, `v` up. */
interface Line {
  text: string;
  origin: readonly [number, number];
  u: readonly [number, number];
  v: readonly [number, number];
  /** Font height (pt). */
  height: number;
  /** Advance of the whole line along `u` (pt). */
  length: number;
  /** Where each character starts along `u` (pt from the origin); one more entry: the end. */
  offsets: number[];
}

/** Every suggestion on one page: form fields, then tags, then phrases not already covered by either. */
export function findSuggestions(content: PageContent): Suggestion[] {
  const widgets = widgetSuggestions(content);
  const lines = textLines(content.items);
  const tags = tagSuggestions(content, lines);
  const phrases = phraseSuggestions(content, lines).filter((p) => ![...widgets, ...tags].some((s) => overlaps(s.rect, p.rect)));
  return [...widgets, ...tags, ...phrases];
}

/** Empty signature fields of the page's form. */
export function widgetSuggestions(content: PageContent): Suggestion[] {
  const out: Suggestion[] = [];
  for (const a of content.annotations ?? []) {
    if (a.fieldType !== 'Sig' || (a.subtype !== undefined && a.subtype !== 'Widget') || a.hidden) continue;
    if (a.fieldValue !== undefined && a.fieldValue !== null && a.fieldValue !== '') continue;
    if (content.signed && a.hasAppearance) continue;
    const r = a.rect;
    if (!r || r.length !== 4 || !r.every(Number.isFinite)) continue;
    const rect = { x: Math.min(r[0], r[2]), y: Math.min(r[1], r[3]), width: Math.abs(r[2] - r[0]), height: Math.abs(r[3] - r[1]) };
    if (rect.width < 1 || rect.height < 1) continue; // an invisible signature
    out.push(make(content, 'widget', 'signature', clampToPage(content.geometry, rect), a.fieldName ?? ''));
  }
  return out;
}

const YOUSIGN = /\{\{\s*s(\d{1,2})\s*\|\s*([a-z_]+)\s*\|\s*(\d{1,4}(?:\.\d+)?)\s*\|\s*(\d{1,4}(?:\.\d+)?)\s*\}\}/gi;
const DOCUSEAL = /\{\{([^{}|]{0,80};[^{}|]*type\s*=\s*[a-z_]+[^{}|]*)\}\}/gi;

/** Kinds of Yousign's and DocuSeal's tags that have a kind here. */
const TAG_KINDS: Readonly<Record<string, FieldKind>> = {
  signature: 'signature',
  initials: 'initials',
  initial: 'initials',
  date: 'date',
  signature_date: 'date',
  mention: 'mention',
  text: 'text',
};

/** Text tags, Yousign's and DocuSeal's. */
export function tagSuggestions(content: PageContent, lines: readonly Line[] = textLines(content.items)): Suggestion[] {
  const out: Suggestion[] = [];
  const roles: string[] = [];
  for (const line of lines) {
    for (const m of line.text.matchAll(YOUSIGN)) {
      const kind = TAG_KINDS[m[2].toLowerCase()];
      if (!kind) continue;
      const width = Number(m[3]);
      const height = Number(m[4]);
      if (!(width > 0 && height > 0)) continue;
      const start = line.offsets[m.index] ?? 0;
      const top = ASCENT * line.height;
      const rect = frameRect(line, start, start + width, top - height, top);
      out.push(make(content, 'tag', kind, clampToPage(content.geometry, rect), m[0], { signer: Number(m[1]) || 1, ...mentionText(kind) }));
    }
    for (const m of line.text.matchAll(DOCUSEAL)) {
      const attrs = new Map<string, string>();
      const [name, ...parts] = m[1].split(';');
      for (const part of parts) {
        const eq = part.indexOf('=');
        if (eq > 0) attrs.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
      }
      const kind = TAG_KINDS[(attrs.get('type') ?? '').toLowerCase()];
      if (!kind) continue;
      const role = attrs.get('role') ?? '';
      let signer = roles.indexOf(role) + 1;
      if (!signer) signer = roles.push(role);
      const size = KIND_SIZES[kind].default;
      const width = Number(attrs.get('width')) || size.width;
      const height = Number(attrs.get('height')) || size.height;
      const start = line.offsets[m.index] ?? 0;
      const top = ASCENT * line.height;
      const rect = frameRect(line, start, start + width, top - height, top);
      const text = kind === 'mention' ? { text: name.trim() || 'Lu et approuvé' } : {};
      out.push(make(content, 'tag', kind, clampToPage(content.geometry, rect), m[0], { signer, ...text }));
    }
  }
  return out;
}

function mentionText(kind: FieldKind): { text?: string } {
  return kind === 'mention' ? { text: 'Lu et approuvé' } : {};
}

/** Where a phrase puts its field: below the words, or after them on the same line. */
type Placement = 'below' | 'after';

interface PhraseRule {
  test: RegExp;
  kind: FieldKind;
  place: Placement;
}

/** Matched on the line lower-cased, without accents, with decorations (`:`, `_`, `…`, brackets) removed from its ends. */
const PHRASES: readonly PhraseRule[] = [
  { test: /^signature(?: (?:du|de la|de l'|de|des|et) .{1,40})?$/, kind: 'signature', place: 'below' },
  { test: /^(?:pour )?(?:le client|la cliente|l'expert-comptable|l'expert comptable|le cabinet|l'associe signataire)$/, kind: 'signature', place: 'below' },
  { test: /^lu et approuve(?:,? bon pour accord)?$/, kind: 'mention', place: 'below' },
  { test: /^bon pour accord$/, kind: 'mention', place: 'below' },
  { test: /^(?:signature )?precedee? de la mention .{2,40}$/, kind: 'mention', place: 'below' },
  { test: /^fait a\b.{0,50}$/, kind: 'date', place: 'after' },
  { test: /^date(?: de signature)?$/, kind: 'date', place: 'after' },
  { test: /^(?:paraphes?|initiales?)(?: (?:du|de la|de l'|des) .{1,30})?$/, kind: 'initials', place: 'after' },
];

/** Lower-case, no accents, typographic apostrophes and spaces made plain. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2019\u2018`´]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim();
}

const DECORATION = /^[\s:_.…\-–—*•()[\]]+|[\s:_.…\-–—*•()[\]]+$/g;

/** French anchor phrases on lines of their own. */
export function phraseSuggestions(content: PageContent, lines: readonly Line[] = textLines(content.items)): Suggestion[] {
  const out: Suggestion[] = [];
  for (const line of lines) {
    const label = normalize(line.text).replace(DECORATION, '');
    if (!label || label.length > MAX_LABEL) continue;
    const rule = PHRASES.find((r) => r.test.test(label));
    if (!rule) continue;
    const size = KIND_SIZES[rule.kind].default;
    const h = line.height;
    // The words themselves, without the underscores or dots that follow them.
    const end = wordsEnd(line);
    const rect =
      rule.place === 'below'
        ? frameRect(line, 0, size.width, -DESCENT * h - GAP - size.height, -DESCENT * h - GAP)
        : frameRect(line, end + GAP, end + GAP + size.width, ((ASCENT - DESCENT) * h) / 2 - size.height / 2, ((ASCENT - DESCENT) * h) / 2 + size.height / 2);
    const words = line.text.replace(DECORATION, '').trim();
    const text = rule.kind === 'mention' ? { text: quoted(words) ?? words } : {};
    out.push(make(content, 'phrase', rule.kind, clampToPage(content.geometry, rect), words, text));
  }
  return out;
}

/** The words between « » or quotes (« signature précédée de la mention « Lu et approuvé » »). */
function quoted(text: string): string | undefined {
  const m = /[«“"]\s*([^«»“”"]+?)\s*[»”"]/.exec(text);
  return m?.[1];
}

/** Where the line's words end (pt along it), a colon included, before trailing underscores, dots and spaces. */
function wordsEnd(line: Line): number {
  const kept = line.text.replace(/[\s_.…\-–—]+$/, '');
  return line.offsets[kept.length] ?? line.length;
}

/**
 * Relative advance widths of characters (Helvetica's, in 1/1000 em, the usual sans-serif of forms
 * and contracts): pdf.js gives an item's whole advance only, and this shares it among its
 * characters far better than evenly. Accented letters take their base letter's width.
 */
const WIDTHS =
  '278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,500,500,500,334,260,334,584'
    .split(',')
    .map(Number);

function charWidth(ch: string): number {
  const base = ch.normalize('NFD').charCodeAt(0);
  return base >= 32 && base <= 126 ? WIDTHS[base - 32] : 556;
}

/** The axis-aligned PDF rectangle of `[s1, s2] × [t1, t2]` in the line's frame. */
function frameRect(line: Line, s1: number, s2: number, t1: number, t2: number): Rect {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of [s1, s2]) {
    for (const t of [t1, t2]) {
      xs.push(line.origin[0] + s * line.u[0] + t * line.v[0]);
      ys.push(line.origin[1] + s * line.u[1] + t * line.v[1]);
    }
  }
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x: round(x), y: round(y), width: round(Math.max(...xs) - x), height: round(Math.max(...ys) - y) };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function make(content: PageContent, source: SuggestionSource, kind: FieldKind, rect: Rect, anchor: string, extra: { signer?: number; text?: string } = {}): Suggestion {
  const id = `${content.page}:${source}:${kind}:${Math.round(rect.x)},${Math.round(rect.y)}`;
  return { id, page: content.page, kind, rect, source, anchor, ...extra };
}

/** True when two rectangles share more than a sliver (a third of the smaller one). */
export function overlaps(a: Rect, b: Rect): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return false;
  return w * h > Math.min(a.width * a.height, b.width * b.height) / 3;
}

/**
 * The page's text as lines: items with the same direction and baseline, close to one another
 * along it (a wide gap starts another run: two signature columns on one baseline stay apart),
 * joined with a space where the gap is a word space.
 */
export function textLines(items: readonly TextItemLike[]): Line[] {
  interface Run {
    item: TextItemLike;
    u: [number, number];
    v: [number, number];
    height: number;
    /** Along and across, in the frame of the first run of its line. */
    start: number;
    base: number;
  }
  const runs: Run[] = [];
  for (const item of items) {
    // Spaces are gaps (pdf.js may give one spanning two columns): words are joined by their distance.
    if (!item.str.trim() || item.transform.length < 6) continue;
    const [a, b, c, d] = item.transform as [number, number, number, number];
    const la = Math.hypot(a, b);
    const lc = Math.hypot(c, d);
    if (!la || !lc) continue;
    const u: [number, number] = [a / la, b / la];
    // Up is perpendicular to the baseline, on the side of the glyphs (a mirrored matrix keeps it).
    let v: [number, number] = [-u[1], u[0]];
    if (v[0] * c + v[1] * d < 0) v = [-v[0], -v[1]];
    runs.push({ item, u, v, height: item.height || lc, start: 0, base: 0 });
  }
  // Group by direction (rounded), then by baseline.
  const groups = new Map<string, Run[]>();
  for (const r of runs) {
    const key = `${Math.round(r.u[0] * 100)},${Math.round(r.u[1] * 100)},${Math.round(r.v[0] * 100)},${Math.round(r.v[1] * 100)}`;
    const e = r.item.transform[4];
    const f = r.item.transform[5];
    r.start = e * r.u[0] + f * r.u[1];
    r.base = e * r.v[0] + f * r.v[1];
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(r);
  }
  const lines: Line[] = [];
  for (const group of groups.values()) {
    group.sort((p, q) => q.base - p.base || p.start - q.start);
    const rows: Run[][] = [];
    for (const r of group) {
      const row = rows.at(-1);
      if (row && Math.abs(row[0].base - r.base) <= 0.3 * Math.max(row[0].height, r.height)) row.push(r);
      else rows.push([r]);
    }
    for (const row of rows) {
      row.sort((p, q) => p.start - q.start);
      let current: { runs: Run[]; end: number } | undefined;
      const flush = () => {
        if (current) lines.push(toLine(current.runs));
        current = undefined;
      };
      for (const r of row) {
        if (current && r.start - current.end > 2.5 * r.height) flush();
        if (!current) current = { runs: [], end: r.start };
        current.runs.push(r);
        current.end = Math.max(current.end, r.start + r.item.width);
      }
      flush();
    }
  }
  return lines;

  function toLine(row: Run[]): Line {
    const first = row[0];
    const origin: [number, number] = [first.item.transform[4], first.item.transform[5]];
    let text = '';
    const offsets: number[] = [];
    let end = first.start;
    for (const r of row) {
      const gap = r.start - end;
      if (text && gap > 0.15 * r.height && !/\s$/.test(text) && !/^\s/.test(r.item.str)) {
        offsets.push(end - first.start);
        text += ' ';
      }
      const str = r.item.str;
      const weights = str.split('').map(charWidth);
      const total = weights.reduce((a, b) => a + b, 0) || 1;
      let at = 0;
      for (let i = 0; i < str.length; i++) {
        offsets.push(r.start - first.start + (at / total) * r.item.width);
        at += weights[i];
      }
      text += r.item.str;
      end = Math.max(end, r.start + r.item.width);
    }
    offsets.push(end - first.start);
    return { text, origin, u: first.u, v: first.v, height: Math.max(...row.map((r) => r.height)), length: end - first.start, offsets };
  }
}
