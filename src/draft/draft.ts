/**
 * The draft: the signers and their fields, the state the user builds before sending.
 * Pure (no DOM, no Lit) so the element, `submit()` and the sandbox share one model.
 */
import type { Field, FieldKind, Signer, SigningOrder } from '../api/types.js';
import { FIELD_KINDS, isFieldKind } from './field-kinds.js';

type Listener = () => void;

let counter = 0;
/** A signer id unique in this tab (ids given by the host are kept). */
export function newSignerId(): string {
  counter += 1;
  return `s${Date.now().toString(36)}${counter.toString(36)}`;
}

/**
 * A signer as the draft holds it: the wire signer, and the country the phone picker showed when
 * the sender typed the phone (ISO 3166-1 alpha-2, `BE`), which is how a number in national form
 * is read. Kept in the draft (its undo steps, its copy in the tab's session), so checking and
 * sending the draft never depend on what the signers panel shows. Not part of the wire format.
 */
export interface DraftSigner extends Signer {
  readonly phoneCountry?: string;
}

const COUNTRY = /^[A-Z]{2}$/;

/** `{ phoneCountry }` when `value` is a country code, else nothing (values from storage or a host). */
function phoneCountryOf(value: unknown): { phoneCountry?: string } {
  return typeof value === 'string' && COUNTRY.test(value) ? { phoneCountry: value } : {};
}

function checkPhoneCountry(value: unknown): void {
  if (value !== undefined && !(typeof value === 'string' && COUNTRY.test(value))) {
    throw new TypeError(`phoneCountry ${JSON.stringify(value)} is not a country code (ISO 3166-1 alpha-2)`);
  }
}

/** A field as the draft holds it: the wire field plus a key that stays the same while it is edited. */
export interface DraftField {
  readonly key: string;
  readonly field: Field;
}

/** `Array.isArray` narrows a readonly array to `any[]`; this keeps the element type. */
function isArray(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

let fieldCounter = 0;
function newFieldKey(): string {
  fieldCounter += 1;
  return `f${fieldCounter}`;
}

/** Keys brought back (an undo, a stored history) are not given out again. */
function reserveFieldKey(key: string): void {
  const n = /^f(\d+)$/.exec(key)?.[1];
  if (n !== undefined) fieldCounter = Math.max(fieldCounter, Number(n));
}

/** The signers and fields of a draft at one moment, keys included (what undo and redo bring back). */
export interface DraftState {
  readonly signers: readonly DraftSigner[];
  readonly fields: readonly DraftField[];
}

export class Draft {
  #signers: DraftSigner[] = [];
  #fields: DraftField[] = [];
  #message = '';
  #activeSignerId: string | undefined;
  #placingKind: FieldKind = 'signature';
  #shownDocument = 0;
  #signingOrder: SigningOrder = 'parallel';
  #deadline: string | undefined;
  #readOnly = false;
  readonly #listeners = new Set<Listener>();

  /**
   * True while the draft must not change: during a send, and after a send whose outcome is unknown
   * (editing then sending anew could create a second request, SPEC §3). Changes throw meanwhile.
   */
  get readOnly(): boolean {
    return this.#readOnly;
  }

  setReadOnly(readOnly: boolean): void {
    if (readOnly === this.#readOnly) return;
    this.#readOnly = readOnly;
    this.#emit();
  }

  #assertEditable(): void {
    if (this.#readOnly) throw new DraftLockedError();
  }

  /** The signers, in order, each with the phone country picked for it (see `DraftSigner`). */
  get signers(): readonly DraftSigner[] {
    return this.#signers;
  }

  /** The wire fields, in order. */
  get fields(): readonly Field[] {
    return this.#fields.map((f) => f.field);
  }

  /** The fields with their keys, for editing. */
  get entries(): readonly DraftField[] {
    return this.#fields;
  }

  /**
   * The document of a set shown now (SPEC §10, 0-based): new fields without a `documentIndex` go
   * on it, and the pages show only its fields. Always 0 for one document.
   */
  get shownDocument(): number {
    return this.#shownDocument;
  }

  setShownDocument(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index === this.#shownDocument) return;
    this.#shownDocument = index;
    this.#emit();
  }

  /** The fields (with their keys) on one document of a set (`shownDocument` by default). */
  entriesOf(documentIndex = this.#shownDocument): readonly DraftField[] {
    return this.#fields.filter((f) => (f.field.documentIndex ?? 0) === documentIndex);
  }

  /** `parallel` (default) or `sequential`: the signers invited one after the other, in the list's order. */
  get signingOrder(): SigningOrder {
    return this.#signingOrder;
  }

  setSigningOrder(order: SigningOrder): void {
    this.#assertEditable();
    if (order !== 'parallel' && order !== 'sequential') throw new TypeError(`signingOrder must be parallel or sequential, not ${String(order)}`);
    if (order === this.#signingOrder) return;
    this.#signingOrder = order;
    this.#emit();
  }

  /** The day picked as the deadline (`YYYY-MM-DD`), undefined for the default (14 days). */
  get deadline(): string | undefined {
    return this.#deadline;
  }

  setDeadline(day: string | undefined): void {
    this.#assertEditable();
    if (day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new TypeError(`deadline must be YYYY-MM-DD, not ${String(day)}`);
    if (day === this.#deadline) return;
    this.#deadline = day;
    this.#emit();
  }

  /** Moves a signer `by` places in the list (the signing order), within its bounds. */
  moveSigner(id: string, by: number): void {
    this.#assertEditable();
    const from = this.#signers.findIndex((s) => s.id === id);
    if (from < 0) return;
    const to = Math.max(0, Math.min(this.#signers.length - 1, from + Math.trunc(by)));
    if (to === from) return;
    const list = [...this.#signers];
    const [moved] = list.splice(from, 1);
    list.splice(to, 0, moved);
    this.#signers = list;
    this.#emit();
  }

  /** The optional message to the signers. */
  get message(): string {
    return this.#message;
  }

  setMessage(message: string): void {
    this.#assertEditable();
    this.#message = message;
    this.#emit();
  }

  /** Appends a signer (an empty row unless values are given) and returns it. */
  addSigner(values: Partial<DraftSigner> = {}): DraftSigner {
    this.#assertEditable();
    checkPhoneCountry(values.phoneCountry);
    const signer: DraftSigner = {
      id: values.id && !this.#signers.some((s) => s.id === values.id) ? values.id : newSignerId(),
      email: values.email ?? '',
      firstName: values.firstName ?? '',
      lastName: values.lastName ?? '',
      phone: values.phone ?? '',
      ...phoneCountryOf(values.phoneCountry),
    };
    this.#signers = [...this.#signers, signer];
    this.#emit();
    return signer;
  }

  /**
   * Changes some of a signer's values (the id stays); `phoneCountry: undefined` forgets the
   * country picked. Throws a `TypeError` for a `phoneCountry` that is not a country code.
   */
  updateSigner(id: string, patch: Partial<Omit<DraftSigner, 'id'>>): void {
    this.#assertEditable();
    if ('phoneCountry' in patch) checkPhoneCountry(patch.phoneCountry);
    this.#signers = this.#signers.map((s) => {
      if (s.id !== id) return s;
      const { phoneCountry, ...rest } = { ...s, ...patch, id };
      return { ...rest, ...phoneCountryOf(phoneCountry) };
    });
    this.#emit();
  }

  /** Removes a signer; their fields are deleted, or given to `reassignTo` when it names another signer. */
  removeSigner(id: string, reassignTo?: string): void {
    this.#assertEditable();
    const target = reassignTo && reassignTo !== id && this.#signers.some((s) => s.id === reassignTo) ? reassignTo : undefined;
    this.#signers = this.#signers.filter((s) => s.id !== id);
    this.#fields = target
      ? this.#fields.map((f) => (f.field.signerId === id ? { key: f.key, field: { ...f.field, signerId: target } } : f))
      : this.#fields.filter((f) => f.field.signerId !== id);
    this.#emit();
  }

  /**
   * The signer new fields go to: the one last chosen (by placing, selecting or reassigning a field,
   * or by the signers panel) while it still exists, else the last signer; undefined when there is none.
   */
  get activeSignerId(): string | undefined {
    const chosen = this.#activeSignerId;
    if (chosen && this.#signers.some((s) => s.id === chosen)) return chosen;
    return this.#signers.at(-1)?.id;
  }

  /** Chooses the signer new fields go to (ignored when unknown). */
  setActiveSigner(id: string | undefined): void {
    if (id !== undefined && !this.#signers.some((s) => s.id === id)) return;
    if (id === this.#activeSignerId) return;
    this.#activeSignerId = id;
    this.#emit();
  }

  /** The kind new fields get (the toolbar's kind picker); `signature` until chosen. */
  get placingKind(): FieldKind {
    return this.#placingKind;
  }

  /** Chooses the kind new fields get (ignored when not a kind). */
  setPlacingKind(kind: FieldKind): void {
    if (!isFieldKind(kind) || kind === this.#placingKind) return;
    this.#placingKind = kind;
    this.#emit();
  }

  /** The field with that key, if it is still in the draft. */
  field(key: string): Field | undefined {
    return this.#fields.find((f) => f.key === key)?.field;
  }

  /** The number of fields each signer has. */
  fieldCount(signerId: string): number {
    return this.#fields.filter((f) => f.field.signerId === signerId).length;
  }

  /** Adds a field (its signer must exist) and returns its key; without `documentIndex`, on the document shown. */
  addField(field: Field): string {
    this.#assertEditable();
    const placed = field.documentIndex === undefined && this.#shownDocument ? { ...field, documentIndex: this.#shownDocument } : field;
    const checked = checkField(placed, this.#fields.length, new Set(this.#signers.map((s) => s.id)));
    const key = newFieldKey();
    this.#fields = [...this.#fields, { key, field: checked }];
    this.#emit();
    return key;
  }

  /** Changes a field (position, size, page or signer). */
  updateField(key: string, patch: Partial<Field>): void {
    this.#assertEditable();
    const ids = new Set(this.#signers.map((s) => s.id));
    this.#fields = this.#fields.map((f, i) => (f.key === key ? { key, field: checkField({ ...f.field, ...patch }, i, ids) } : f));
    this.#emit();
  }

  removeField(key: string): void {
    this.#assertEditable();
    this.#fields = this.#fields.filter((f) => f.key !== key);
    this.#emit();
  }

  /** Replaces the signers; missing ids are generated, given ones kept. Fields of removed signers go too. */
  setSigners(list: readonly Partial<DraftSigner>[]): void {
    this.#assertEditable();
    if (!isArray(list)) throw new TypeError('signers must be an array');
    const signers = list.map((s, i) => {
      if (typeof s !== 'object' || s === null) throw new TypeError(`signers[${i}] must be an object`);
      return {
        id: typeof s.id === 'string' && s.id !== '' ? s.id : newSignerId(),
        email: String(s.email ?? ''),
        firstName: String(s.firstName ?? ''),
        lastName: String(s.lastName ?? ''),
        phone: String(s.phone ?? ''),
        ...phoneCountryOf(s.phoneCountry),
      };
    });
    const ids = new Set(signers.map((s) => s.id));
    if (ids.size !== signers.length) throw new TypeError('signer ids must be unique');
    this.#signers = signers;
    this.#fields = this.#fields.filter((f) => ids.has(f.field.signerId));
    this.#emit();
  }

  /** Replaces the fields; throws a `TypeError` for a malformed field or an unknown signer. */
  setFields(list: readonly Field[]): void {
    this.#assertEditable();
    if (!isArray(list)) throw new TypeError('fields must be an array');
    const ids = new Set(this.#signers.map((s) => s.id));
    const checked = list.map((f, i) => checkField(f, i, ids));
    this.#fields = checked.map((field) => ({ key: newFieldKey(), field }));
    this.#emit();
  }

  /** The signers and fields now (immutable values: later changes make new arrays). */
  get state(): DraftState {
    return { signers: this.#signers, fields: this.#fields };
  }

  /**
   * Puts the signers and fields back as they were in `state` (undo, redo), field keys included.
   * Throws a `TypeError`, changing nothing, when a field does not fit (malformed, unknown signer).
   */
  restoreState(state: DraftState): void {
    this.#assertEditable();
    const signers = state.signers.map((s) => ({ id: s.id, email: s.email, firstName: s.firstName, lastName: s.lastName, phone: s.phone, ...phoneCountryOf(s.phoneCountry) }));
    const ids = new Set(signers.map((s) => s.id));
    if (ids.size !== signers.length) throw new TypeError('signer ids must be unique');
    const fields = state.fields.map((f, i) => ({ key: String(f.key), field: checkField(f.field, i, ids) }));
    if (new Set(fields.map((f) => f.key)).size !== fields.length) throw new TypeError('field keys must be unique');
    for (const f of fields) reserveFieldKey(f.key);
    this.#signers = signers;
    this.#fields = fields;
    this.#emit();
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(): void {
    for (const l of this.#listeners) l();
  }
}

/** Thrown when the draft is changed while it is read-only. */
export class DraftLockedError extends Error {
  override readonly name = 'DraftLockedError';
  constructor() {
    super('The draft cannot change while it is being sent or while the outcome of its send is unknown.');
  }
}

function checkField(f: Field, i: number, signerIds: ReadonlySet<string>): Field {
  if (typeof f !== 'object' || f === null) throw new TypeError(`fields[${i}] must be an object`);
  if (typeof f.signerId !== 'string' || !signerIds.has(f.signerId)) {
    throw new TypeError(`fields[${i}].signerId ${JSON.stringify(f.signerId)} is not a known signer`);
  }
  if (!Number.isInteger(f.page) || f.page < 1) throw new TypeError(`fields[${i}].page must be an integer ≥ 1`);
  if (f.documentIndex !== undefined && !(Number.isInteger(f.documentIndex) && f.documentIndex >= 0)) {
    throw new TypeError(`fields[${i}].documentIndex must be an integer ≥ 0`);
  }
  for (const key of ['x', 'y', 'width', 'height'] as const) {
    if (typeof f[key] !== 'number' || !Number.isFinite(f[key])) throw new TypeError(`fields[${i}].${key} must be a finite number`);
  }
  if (f.width <= 0 || f.height <= 0) throw new TypeError(`fields[${i}] must have a positive width and height`);
  if (f.kind !== undefined && !isFieldKind(f.kind)) throw new TypeError(`fields[${i}].kind ${JSON.stringify(f.kind)} is not one of ${FIELD_KINDS.join(', ')}`);
  for (const key of ['text', 'label'] as const) {
    if (f[key] !== undefined && typeof f[key] !== 'string') throw new TypeError(`fields[${i}].${key} must be a string`);
  }
  return {
    signerId: f.signerId,
    ...(f.documentIndex ? { documentIndex: f.documentIndex } : {}),
    page: f.page,
    x: f.x,
    y: f.y,
    width: f.width,
    height: f.height,
    ...(f.kind !== undefined ? { kind: f.kind } : {}),
    ...(f.text !== undefined ? { text: f.text } : {}),
    ...(f.label !== undefined ? { label: f.label } : {}),
  };
}
