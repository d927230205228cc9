/**
 * Field kinds (SPEC §10): what each kind is, its default and minimum sizes, and what it needs to be
 * sent. Pure (no DOM, no Lit): the draft, the placement layer, the payload and the sandbox share it.
 */
import type { Field, FieldKind } from '../api/types.js';

/** Every kind, in the order the toolbar offers them. */
export const FIELD_KINDS: readonly FieldKind[] = ['signature', 'initials', 'date', 'mention', 'text'];

/** A size in points, as seen on screen (width along the screen's horizontal). */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Default size (a click drops this) and minimum size (drawing and resizing stop there), per kind. */
export const KIND_SIZES: Readonly<Record<FieldKind, { readonly default: Size; readonly min: Size }>> = {
  signature: { default: { width: 180, height: 60 }, min: { width: 60, height: 20 } },
  initials: { default: { width: 60, height: 30 }, min: { width: 24, height: 12 } },
  date: { default: { width: 100, height: 20 }, min: { width: 60, height: 12 } },
  mention: { default: { width: 180, height: 40 }, min: { width: 60, height: 14 } },
  text: { default: { width: 180, height: 30 }, min: { width: 40, height: 12 } },
};

/** True for a value that names a kind. */
export function isFieldKind(value: unknown): value is FieldKind {
  return typeof value === 'string' && (FIELD_KINDS as readonly string[]).includes(value);
}

/** The kind of a field: `signature` when the field does not say (payloads from before kinds). */
export function fieldKind(field: Pick<Field, 'kind'>): FieldKind {
  return field.kind ?? 'signature';
}

/**
 * The field as the wire carries it: the rectangle, the kind, and only the text that kind uses
 * (`text` for a mention, `label` for a text field).
 */
export function wireField(f: Field): Field {
  const kind = fieldKind(f);
  return {
    signerId: f.signerId,
    ...(f.documentIndex ? { documentIndex: f.documentIndex } : {}),
    page: f.page,
    x: f.x,
    y: f.y,
    width: f.width,
    height: f.height,
    kind,
    ...(kind === 'mention' && f.text !== undefined ? { text: f.text } : {}),
    ...(kind === 'text' && f.label !== undefined ? { label: f.label } : {}),
  };
}

/** What a field lacks before it can be sent: the mention's words, the text field's label. */
export function missingText(f: Field): 'text' | 'label' | undefined {
  const kind = fieldKind(f);
  if (kind === 'mention' && !f.text?.trim()) return 'text';
  if (kind === 'text' && !f.label?.trim()) return 'label';
  return undefined;
}
