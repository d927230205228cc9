/**
 * The suggestions offered for the document shown: those found on the pages read so far, minus the
 * ones the user dismissed and those a field of the draft already covers (an accepted suggestion is
 * such a field: undoing it brings the ghost back). Accepting adds the field to the draft — nothing
 * reaches the draft otherwise. Pure (no DOM, no pdf.js): the element feeds it pages read.
 */
import type { Field } from '../api/types.js';
import type { Draft } from '../draft/draft.js';
import { fieldKind } from '../draft/field-kinds.js';
import { overlaps, type Suggestion } from './find.js';

type Listener = () => void;

export class SuggestionBoard {
  readonly #draft: Draft;
  /** The words a mention gets when its suggestion has none. */
  readonly #mentionDefault: () => string;
  readonly #found = new Map<number, readonly Suggestion[]>();
  readonly #dismissed = new Set<string>();
  readonly #listeners = new Set<Listener>();

  constructor(draft: Draft, options: { mentionDefault?: () => string } = {}) {
    this.#draft = draft;
    this.#mentionDefault = options.mentionDefault ?? (() => 'Lu et approuvé');
  }

  /** Forgets everything (another document). */
  clear(): void {
    this.#found.clear();
    this.#dismissed.clear();
    this.#emit();
  }

  /** The suggestions found on page `n` (replacing any found before for it). */
  setPage(n: number, found: readonly Suggestion[]): void {
    this.#found.set(n, found);
    this.#emit();
  }

  /** Pages whose text has been read. */
  get pagesRead(): number[] {
    return [...this.#found.keys()].sort((a, b) => a - b);
  }

  /** Suggestions offered now, page by page. */
  get offered(): Suggestion[] {
    return this.pagesRead.flatMap((n) => this.forPage(n));
  }

  /** Suggestions offered now on page `n`. */
  forPage(n: number): Suggestion[] {
    const fields = this.#draft.fields.filter((f) => f.page === n);
    return (this.#found.get(n) ?? []).filter((s) => !this.#dismissed.has(s.id) && !fields.some((f) => covers(f, s)));
  }

  /** Adds the field the suggestion stands for; returns its draft key (undefined when it is no longer offered or the draft is locked). */
  accept(id: string): string | undefined {
    const s = this.offered.find((x) => x.id === id);
    if (!s || this.#draft.readOnly) return undefined;
    return this.#add(s);
  }

  /** Accepts every suggestion offered (one draft step: one undo); returns the keys of the fields added. */
  acceptAll(): string[] {
    if (this.#draft.readOnly) return [];
    return this.offered.map((s) => this.#add(s));
  }

  /** No longer offers that suggestion (for this document). */
  dismiss(id: string): void {
    if (this.#dismissed.has(id)) return;
    this.#dismissed.add(id);
    this.#emit();
  }

  /** The signer a tag names (`s2`: the second signer) when there is one, else the one new fields go to (a new row when there is none). */
  #signerFor(s: Suggestion): string {
    const draft = this.#draft;
    const named = s.signer !== undefined ? draft.signers[s.signer - 1] : undefined;
    return named?.id ?? draft.activeSignerId ?? draft.addSigner().id;
  }

  #add(s: Suggestion): string {
    const signerId = this.#signerFor(s);
    const field: Field = {
      signerId,
      page: s.page,
      ...s.rect,
      kind: s.kind,
      ...(s.kind === 'mention' ? { text: s.text?.trim() || this.#mentionDefault() } : {}),
      ...(s.kind === 'text' ? { label: s.anchor } : {}),
    };
    const key = this.#draft.addField(field);
    this.#draft.setActiveSigner(signerId);
    return key;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    const off = this.#draft.subscribe(listener);
    return () => {
      this.#listeners.delete(listener);
      off();
    };
  }

  #emit(): void {
    for (const l of [...this.#listeners]) l();
  }
}

/** A field of the same kind over most of the suggestion: it is taken. */
function covers(f: Field, s: Suggestion): boolean {
  return fieldKind(f) === s.kind && overlaps(f, s.rect);
}
