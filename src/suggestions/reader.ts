/**
 * Reads the suggestions of the pages the user has seen, and of the last page (where a contract is
 * signed), from pdf.js — never the whole file (SPEC §10): a page's text content and annotations
 * are read once, when the viewer has drawn it on screen (its bytes are then already here) or, for
 * the last page, once the document is ready. Pages are read one after the other, after the views.
 */
import type { LoadedDocument } from '../document/types.js';
import { normalizeRotation } from '../document/geometry.js';
import type { SuggestionBoard } from './board.js';
import { findSuggestions, type AnnotationLike, type TextItemLike } from './find.js';

export class SuggestionReader {
  readonly #board: SuggestionBoard;
  #doc?: LoadedDocument;
  #started = false;
  /** Pages seen before the document was ready: read once it is. */
  #waiting = new Set<number>();
  readonly #asked = new Set<number>();
  #queue: Promise<void> = Promise.resolve();
  #signed?: Promise<boolean>;

  constructor(board: SuggestionBoard) {
    this.#board = board;
  }

  /** Another document (or none): forgets the pages read, the board is cleared. */
  reset(doc: LoadedDocument | undefined): void {
    if (doc === this.#doc) return;
    this.#doc = doc;
    this.#started = false;
    this.#waiting = new Set();
    this.#asked.clear();
    this.#signed = undefined;
    this.#board.clear();
  }

  /** The document is ready (`jse-ready`): the last page is read, and the pages seen meanwhile. */
  start(doc: LoadedDocument): void {
    this.reset(doc);
    if (this.#started) return;
    this.#started = true;
    const pages = [...this.#waiting, doc.pages.count];
    this.#waiting.clear();
    for (const n of pages) this.#read(n);
  }

  /** The viewer drew page `n` on screen. */
  seen(doc: LoadedDocument, n: number): void {
    this.reset(doc);
    if (!this.#started) this.#waiting.add(n);
    else this.#read(n);
  }

  /** Resolves once every page asked so far is read (tests wait for it). */
  get settled(): Promise<void> {
    return this.#queue;
  }

  #read(n: number): void {
    const doc = this.#doc;
    if (!doc || this.#asked.has(n) || n < 1 || n > doc.pages.count) return;
    this.#asked.add(n);
    this.#queue = this.#queue.then(async () => {
      if (this.#doc !== doc) return;
      try {
        this.#signed ??= doc.pdf.getMetadata().then(
          (m) => (m.info as { IsSignaturesPresent?: boolean } | undefined)?.IsSignaturesPresent === true,
          () => false,
        );
        const [info, page] = await Promise.all([doc.pages.get(n), doc.pdf.getPage(n)]);
        const [text, annotations, signed] = await Promise.all([page.getTextContent(), page.getAnnotations(), this.#signed]);
        if (this.#doc !== doc) return;
        const items = text.items.filter((i): i is TextItemLike & (typeof text.items)[number] => 'str' in i);
        this.#board.setPage(
          n,
          findSuggestions({
            page: n,
            geometry: { view: info.view, rotation: normalizeRotation(info.rotation) },
            items,
            annotations: annotations as AnnotationLike[],
            signed,
          }),
        );
      } catch {
        // A page whose text cannot be read offers nothing; the document still works.
      }
    });
  }
}
