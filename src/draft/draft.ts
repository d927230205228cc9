/**
 * The draft: the signers and their fields, the state the user builds before sending.
 * Pure (no DOM, no Lit) so the element, `submit()` and the sandbox share one model.
 */
import type { Field, Signer } from '../api/types.js';

type Listener = () => void;

let counter = 0;
/** A signer id unique in this tab (ids given by the host are kept). */
export function newSignerId(): string {
  counter += 1;
  return `s${Date.now().toString(36)}${counter.toString(36)}`;
}

export class Draft {
  #signers: Signer[] = [];
  #fields: Field[] = [];
  readonly #listeners = new Set<Listener>();

  get signers(): readonly Signer[] {
    return this.#signers;
  }

  get fields(): readonly Field[] {
    return this.#fields;
  }

  /** Replaces the signers; missing ids are generated, given ones kept. Fields of removed signers go too. */
  setSigners(list: readonly Partial<Signer>[]): void {
    if (!Array.isArray(list)) throw new TypeError('signers must be an array');
    const signers = list.map((s, i) => {
      if (typeof s !== 'object' || s === null) throw new TypeError(`signers[${i}] must be an object`);
      return {
        id: typeof s.id === 'string' && s.id !== '' ? s.id : newSignerId(),
        email: String(s.email ?? ''),
        firstName: String(s.firstName ?? ''),
        lastName: String(s.lastName ?? ''),
        phone: String(s.phone ?? ''),
      };
    });
    const ids = new Set(signers.map((s) => s.id));
    if (ids.size !== signers.length) throw new TypeError('signer ids must be unique');
    this.#signers = signers;
    this.#fields = this.#fields.filter((f) => ids.has(f.signerId));
    this.#emit();
  }

  /** Replaces the fields; throws a `TypeError` for a malformed field or an unknown signer. */
  setFields(list: readonly Field[]): void {
    if (!Array.isArray(list)) throw new TypeError('fields must be an array');
    const ids = new Set(this.#signers.map((s) => s.id));
    this.#fields = list.map((f, i) => checkField(f, i, ids));
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

function checkField(f: Field, i: number, signerIds: ReadonlySet<string>): Field {
  if (typeof f !== 'object' || f === null) throw new TypeError(`fields[${i}] must be an object`);
  if (typeof f.signerId !== 'string' || !signerIds.has(f.signerId)) {
    throw new TypeError(`fields[${i}].signerId ${JSON.stringify(f.signerId)} is not a known signer`);
  }
  if (!Number.isInteger(f.page) || f.page < 1) throw new TypeError(`fields[${i}].page must be an integer ≥ 1`);
  for (const key of ['x', 'y', 'width', 'height'] as const) {
    if (typeof f[key] !== 'number' || !Number.isFinite(f[key])) throw new TypeError(`fields[${i}].${key} must be a finite number`);
  }
  if (f.width <= 0 || f.height <= 0) throw new TypeError(`fields[${i}] must have a positive width and height`);
  return { signerId: f.signerId, page: f.page, x: f.x, y: f.y, width: f.width, height: f.height };
}
