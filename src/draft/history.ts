/**
 * Undo and redo of every change to the draft's signers and fields (SPEC §10 "Placing faster").
 * Pure (no DOM, no Lit): it watches a draft and keeps the states between user steps.
 *
 * A step is what changes in one task: placing a field that also creates an empty signer row, a
 * drag (the draft changes once, when the gesture ends), a replication of many fields. Successive
 * edits of the same values of one signer (typing a name, key by key) make one step. The message
 * is not part of it: it is only edited in a text box, whose own undo applies. Changes the host
 * makes (the `signers` / `fields` setters, a restored draft) are a new start: `clear()`.
 */
import type { DraftField, DraftSigner, DraftState } from './draft.js';

/** What a step did, for the announcement ("Annulé : champ ajouté"). */
export type ChangeKind =
  | 'fieldAdded'
  | 'fieldsAdded'
  | 'fieldRemoved'
  | 'fieldsRemoved'
  | 'fieldMoved'
  | 'fieldResized'
  | 'fieldKind'
  | 'fieldText'
  | 'fieldSigner'
  | 'fieldsChanged'
  | 'signerAdded'
  | 'signerRemoved'
  | 'signerEdited'
  | 'changed';

export interface Change {
  kind: ChangeKind;
  /** How many fields or signers it concerns. */
  count: number;
}

/** What the history needs of the draft (src/draft/draft.ts). */
export interface HistoryDraft {
  readonly state: DraftState;
  readonly readOnly: boolean;
  restoreState(state: DraftState): void;
  subscribe(listener: () => void): () => void;
}

interface Entry {
  before: DraftState;
  after: DraftState;
  change: Change;
  /** Successive steps with the same key merge into one (typing in one signer's box). */
  coalesce?: string;
}

/** The history as kept in the tab's session (src/draft/persistence.ts): distinct values once. */
export interface StoredHistory {
  v: 1;
  signers: DraftSigner[];
  fields: DraftField[];
  /** Each state: indexes into `signers` and `fields`. */
  states: { s: number[]; f: number[] }[];
  /** Index of the state the draft is in now. */
  current: number;
  past: { b: number; a: number; change: Change; c?: string }[];
  future: { b: number; a: number; change: Change; c?: string }[];
}

export interface HistoryOptions {
  /** Steps kept (the oldest go first). */
  limit?: number;
  /** Runs the end-of-step check; a microtask by default (tests may pass their own). */
  schedule?: (run: () => void) => void;
}

export class DraftHistory {
  readonly #draft: HistoryDraft;
  readonly #limit: number;
  readonly #schedule: (run: () => void) => void;
  #past: Entry[] = [];
  #future: Entry[] = [];
  #current: DraftState;
  #pending = false;
  /** After an undo or a redo the next step starts afresh (no merging into an older one). */
  #sealed = true;
  readonly #listeners = new Set<() => void>();

  constructor(draft: HistoryDraft, options: HistoryOptions = {}) {
    this.#draft = draft;
    this.#limit = options.limit ?? 100;
    this.#schedule = options.schedule ?? ((run) => queueMicrotask(run));
    this.#current = draft.state;
    draft.subscribe(() => {
      if (this.#pending) return;
      this.#pending = true;
      this.#schedule(() => this.flush());
    });
  }

  get canUndo(): boolean {
    this.flush();
    return this.#past.length > 0;
  }

  get canRedo(): boolean {
    this.flush();
    return this.#future.length > 0;
  }

  /** Records the changes made since the last step as one step (done at the end of each task anyway). */
  flush(): void {
    this.#pending = false;
    const now = this.#draft.state;
    if (sameState(now, this.#current)) {
      this.#current = now;
      return;
    }
    const change = describeChange(this.#current, now);
    const coalesce = coalesceKey(this.#current, now, change);
    const top = this.#past.at(-1);
    if (!this.#sealed && coalesce && top?.coalesce === coalesce) {
      top.after = now;
    } else {
      this.#past.push({ before: this.#current, after: now, change, ...(coalesce ? { coalesce } : {}) });
      if (this.#past.length > this.#limit) this.#past.splice(0, this.#past.length - this.#limit);
    }
    this.#sealed = false;
    this.#future = [];
    this.#current = now;
    this.#notify();
  }

  /** Undoes the last step; returns what it was, or undefined when there is none (or the draft is read-only). */
  undo(): Change | undefined {
    this.flush();
    const entry = this.#past.at(-1);
    if (!entry || this.#draft.readOnly) return undefined;
    this.#past.pop();
    this.#future.push(entry);
    this.#go(entry.before);
    return entry.change;
  }

  /** Redoes the last step undone; returns what it was, or undefined when there is none. */
  redo(): Change | undefined {
    this.flush();
    const entry = this.#future.at(-1);
    if (!entry || this.#draft.readOnly) return undefined;
    this.#future.pop();
    this.#past.push(entry);
    this.#go(entry.after);
    return entry.change;
  }

  /** Forgets every step: the draft as it is now is the new start. */
  clear(): void {
    this.#pending = false;
    this.#past = [];
    this.#future = [];
    this.#current = this.#draft.state;
    this.#sealed = true;
    this.#notify();
  }

  /** Calls `listener` when what can be undone or redone changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The history, compact, for the tab's session. */
  toJSON(): StoredHistory {
    this.flush();
    const signers: DraftSigner[] = [];
    const fields: DraftField[] = [];
    const signerIndex = new Map<string, number>();
    const fieldIndex = new Map<string, number>();
    const states: StoredHistory['states'] = [];
    const stateIndex = new Map<DraftState, number>();
    const pool = <T>(value: T, list: T[], index: Map<string, number>) => {
      const json = JSON.stringify(value);
      let i = index.get(json);
      if (i === undefined) {
        i = list.length;
        list.push(value);
        index.set(json, i);
      }
      return i;
    };
    const stateOf = (state: DraftState) => {
      let i = stateIndex.get(state);
      if (i === undefined) {
        i = states.length;
        states.push({ s: state.signers.map((s) => pool(s, signers, signerIndex)), f: state.fields.map((f) => pool(f, fields, fieldIndex)) });
        stateIndex.set(state, i);
      }
      return i;
    };
    const entry = (e: Entry) => ({ b: stateOf(e.before), a: stateOf(e.after), change: e.change, ...(e.coalesce ? { c: e.coalesce } : {}) });
    const current = stateOf(this.#current);
    return { v: 1, signers, fields, states, current, past: this.#past.map(entry), future: this.#future.map(entry) };
  }

  /**
   * Takes back a stored history, if its current state is the draft's now as the wire sees it
   * (signers and fields without keys, as the draft is stored): the draft then gets the stored
   * field keys back (the steps refer to them). Returns false, and clears, otherwise.
   */
  load(stored: StoredHistory | undefined): boolean {
    try {
      if (!stored || stored.v !== 1) throw new TypeError('no history');
      const state = (i: number): DraftState => {
        const s = stored.states[i];
        if (!s) throw new TypeError('unknown state');
        return {
          signers: s.s.map((j) => stored.signers[j] ?? fail()),
          fields: s.f.map((j) => stored.fields[j] ?? fail()),
        };
      };
      const entries = (list: StoredHistory['past']): Entry[] =>
        list.map((e) => ({ before: state(e.b), after: state(e.a), change: e.change, ...(e.c ? { coalesce: e.c } : {}) }));
      const current = state(stored.current);
      const past = entries(stored.past);
      const future = entries(stored.future);
      const now = this.#draft.state;
      if (JSON.stringify(now.signers) !== JSON.stringify(current.signers)) throw new TypeError('another draft');
      if (JSON.stringify(now.fields.map((f) => f.field)) !== JSON.stringify(current.fields.map((f) => f.field))) throw new TypeError('another draft');
      this.#draft.restoreState(current);
      this.#pending = false;
      this.#past = past;
      this.#future = future;
      this.#current = this.#draft.state;
      this.#sealed = true;
      this.#notify();
      return true;
    } catch {
      this.clear();
      return false;
    }
  }

  #go(state: DraftState): void {
    this.#draft.restoreState(state);
    this.#pending = false;
    this.#current = this.#draft.state;
    this.#sealed = true;
    this.#notify();
  }

  #notify(): void {
    for (const l of [...this.#listeners]) l();
  }
}

function fail(): never {
  throw new TypeError('unknown value');
}

function sameState(a: DraftState, b: DraftState): boolean {
  if (a === b) return true;
  if (a.signers.length !== b.signers.length || a.fields.length !== b.fields.length) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What changed between two states, the most telling first (a field placed with its new signer row: "field added"). */
export function describeChange(before: DraftState, after: DraftState): Change {
  const beforeFields = new Map(before.fields.map((f) => [f.key, f.field]));
  const afterFields = new Map(after.fields.map((f) => [f.key, f.field]));
  const added = after.fields.filter((f) => !beforeFields.has(f.key)).length;
  const removed = before.fields.filter((f) => !afterFields.has(f.key)).length;
  if (added) return { kind: added === 1 ? 'fieldAdded' : 'fieldsAdded', count: added };
  const beforeSigners = new Map(before.signers.map((s) => [s.id, s]));
  const afterSigners = new Map(after.signers.map((s) => [s.id, s]));
  const signersAdded = after.signers.filter((s) => !beforeSigners.has(s.id)).length;
  const signersRemoved = before.signers.filter((s) => !afterSigners.has(s.id)).length;
  if (signersRemoved) return { kind: 'signerRemoved', count: signersRemoved };
  if (removed) return { kind: removed === 1 ? 'fieldRemoved' : 'fieldsRemoved', count: removed };
  if (signersAdded) return { kind: 'signerAdded', count: signersAdded };
  const changed = after.fields.filter((f) => JSON.stringify(beforeFields.get(f.key)) !== JSON.stringify(f.field));
  if (changed.length > 1) return { kind: 'fieldsChanged', count: changed.length };
  const one = changed[0];
  if (one) {
    const was = beforeFields.get(one.key)!;
    const now = one.field;
    if ((was.kind ?? 'signature') !== (now.kind ?? 'signature')) return { kind: 'fieldKind', count: 1 };
    if (was.signerId !== now.signerId) return { kind: 'fieldSigner', count: 1 };
    if (was.width !== now.width || was.height !== now.height) return { kind: 'fieldResized', count: 1 };
    if (was.x !== now.x || was.y !== now.y || was.page !== now.page) return { kind: 'fieldMoved', count: 1 };
    return { kind: 'fieldText', count: 1 };
  }
  const edited = after.signers.filter((s) => JSON.stringify(beforeSigners.get(s.id)) !== JSON.stringify(s)).length;
  if (edited) return { kind: 'signerEdited', count: edited };
  return { kind: 'changed', count: 0 };
}

/** Typing in one signer's box, key by key, is one step: the signer and the values that changed. */
function coalesceKey(before: DraftState, after: DraftState, change: Change): string | undefined {
  if (change.kind !== 'signerEdited' || change.count !== 1) return undefined;
  const was = new Map(before.signers.map((s) => [s.id, s]));
  const s = after.signers.find((x) => JSON.stringify(was.get(x.id)) !== JSON.stringify(x))!;
  const old = was.get(s.id)!;
  const keys = (['email', 'firstName', 'lastName', 'phone'] as const).filter((k) => old[k] !== s[k]);
  return `signer:${s.id}:${keys.join(',')}`;
}
