/**
 * The pages of an open document, read on demand (SPEC §10): reading every page's dictionary
 * before the first paint downloads most of a real book, whose page objects are spread through the
 * file. Page 1 is read before anything is shown; the others when the viewer comes near them, when
 * the host asks (`getPageInfo(n)`) or before a send checks the fields on them. Until then a page is
 * laid out with the size of the nearest page already read, and corrected when its real size
 * arrives (listeners are told which pages changed). Pure: no DOM, the reading is given.
 */
import type { PageInfo } from '../events.js';

/** A page's geometry as read, without its number (the model adds it). */
export type PageGeometryInfo = Omit<PageInfo, 'number'>;

/** Told, once per burst of reads, which pages (1-based) are now known. */
export type PagesListener = (read: readonly number[]) => void;

export class DocumentPages {
  /** Number of pages in the document. */
  readonly count: number;
  readonly #read: (n: number) => Promise<PageGeometryInfo>;
  readonly #known = new Map<number, PageInfo>();
  readonly #pending = new Map<number, Promise<PageInfo>>();
  readonly #listeners = new Set<PagesListener>();
  #list?: readonly PageInfo[];
  #fresh: number[] = [];
  #notifying = false;

  /**
   * @param count pages in the document (at least 1)
   * @param first page 1, already read
   * @param read reads page `n`'s geometry (pdf.js `getPage`)
   */
  constructor(count: number, first: PageGeometryInfo, read: (n: number) => Promise<PageGeometryInfo>) {
    if (!(count >= 1)) throw new RangeError('a document has at least one page');
    this.count = count;
    this.#read = read;
    this.#known.set(1, { number: 1, ...first });
  }

  /**
   * Every page, in order: the real geometry of the pages read, for the others the size and
   * rotation of the nearest page read (the lower one on a tie). A new array after each change.
   */
  get list(): readonly PageInfo[] {
    this.#list ??= this.#estimate();
    return this.#list;
  }

  /** The pages read so far, in order. */
  get known(): PageInfo[] {
    return [...this.#known.values()].sort((a, b) => a.number - b.number).map(copy);
  }

  /** Number of pages read so far. */
  get knownCount(): number {
    return this.#known.size;
  }

  /** True once page `n` (1-based) has been read. */
  isKnown(n: number): boolean {
    return this.#known.has(n);
  }

  /** Page `n`'s geometry, read now if it was not yet. Rejects with a `RangeError` for a page the document does not have. */
  get(n: number): Promise<PageInfo> {
    if (!Number.isInteger(n) || n < 1 || n > this.count) {
      return Promise.reject(new RangeError(`page ${n} is not in the document (1–${this.count})`));
    }
    const known = this.#known.get(n);
    if (known) return Promise.resolve(copy(known));
    let pending = this.#pending.get(n);
    if (!pending) {
      pending = this.#read(n).then(
        (info) => {
          this.#pending.delete(n);
          const page: PageInfo = { number: n, ...info, view: [...info.view] as PageInfo['view'] };
          this.#known.set(n, page);
          this.#list = undefined;
          this.#changed(n);
          return page;
        },
        (cause: unknown) => {
          this.#pending.delete(n); // asked again next time
          throw cause;
        },
      );
      this.#pending.set(n, pending);
    }
    return pending.then(copy);
  }

  /** Reads the given pages (each once); resolves with them in the order given. */
  read(numbers: Iterable<number>): Promise<PageInfo[]> {
    return Promise.all([...new Set(numbers)].map((n) => this.get(n)));
  }

  /** Calls `listener` after pages are read; returns the unsubscribe. */
  subscribe(listener: PagesListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Reads that resolve together (the worker answers in a stream) make one notification. */
  #changed(n: number): void {
    this.#fresh.push(n);
    if (this.#notifying) return;
    this.#notifying = true;
    queueMicrotask(() => {
      this.#notifying = false;
      const read = this.#fresh.sort((a, b) => a - b);
      this.#fresh = [];
      for (const listener of [...this.#listeners]) listener(read);
    });
  }

  #estimate(): PageInfo[] {
    const out: PageInfo[] = new Array<PageInfo>(this.count);
    // Nearest page read before (left) and after (right) each page, in two sweeps.
    const before = new Array<PageInfo | undefined>(this.count);
    let last: PageInfo | undefined;
    for (let n = 1; n <= this.count; n++) {
      last = this.#known.get(n) ?? last;
      before[n - 1] = last;
    }
    let next: PageInfo | undefined;
    for (let n = this.count; n >= 1; n--) {
      const own = this.#known.get(n);
      next = own ?? next;
      if (own) {
        out[n - 1] = own;
        continue;
      }
      const b = before[n - 1];
      const nearest = !next || (b && n - b.number <= next.number - n) ? b! : next;
      out[n - 1] = { ...nearest, number: n };
    }
    return out;
  }
}

function copy(page: PageInfo): PageInfo {
  return { ...page, view: [...page.view] as PageInfo['view'] };
}
