/**
 * What pdf.js will ask for first, fetched while its worker is still loading (issue 13). Opening a
 * PDF by ranges, pdf.js reads the first chunk, then the last one (`startxref` and the trailer),
 * then the chunks of the cross-reference section that `startxref` points to; only after them the
 * catalog and page 1's objects. Its worker takes longer to arrive and start than those requests
 * take, so they are made at once, alongside it, and pdf.js's requests for those very bytes are
 * answered from memory: the same bytes, one round trip each off the first paint.
 *
 * Pure (no fetching here): the loader fetches, this decides what and answers from what came.
 */

/** pdf.js's range chunk (`rangeChunkSize`, its default): requests are aligned on it. */
export const CHUNK_BYTES = 65536;

/** At most this many chunks of cross-reference section are fetched ahead (a longer one is left to pdf.js). */
export const MAX_XREF_CHUNKS = 4;

/** `startxref` is within the last 1,024 bytes of a well-formed file (pdf.js looks there too). */
const STARTXREF_WINDOW = 1024;

/** The byte range [begin, end) of the last chunk of a file of `size` bytes, as pdf.js asks for it. */
export function tailRange(size: number, chunk = CHUNK_BYTES): { begin: number; end: number } {
  return { begin: Math.floor((size - 1) / chunk) * chunk, end: size };
}

/**
 * The offset `startxref` gives in the end of a file (`tail`: its last bytes), or `undefined`
 * when there is none to trust.
 */
export function startXref(tail: Uint8Array): number | undefined {
  const from = Math.max(0, tail.length - STARTXREF_WINDOW);
  let text = '';
  for (let i = from; i < tail.length; i++) text += String.fromCharCode(tail[i]);
  const at = text.lastIndexOf('startxref');
  if (at < 0) return undefined;
  const m = /^startxref\s+(\d+)/.exec(text.slice(at));
  if (!m) return undefined;
  const offset = Number(m[1]);
  return Number.isSafeInteger(offset) ? offset : undefined;
}

/**
 * The chunks to fetch ahead for the cross-reference section at `offset`: from its chunk up to the
 * tail's (already fetched), at most `MAX_XREF_CHUNKS`; `undefined` when the tail holds it or
 * the offset is not in the file.
 */
export function xrefRange(offset: number, size: number, chunk = CHUNK_BYTES): { begin: number; end: number } | undefined {
  const tail = tailRange(size, chunk).begin;
  // Chunk 0 comes with the first read; an offset past the tail's start is in the tail.
  if (!(offset >= 0) || offset >= tail) return undefined;
  const begin = Math.max(chunk, Math.floor(offset / chunk) * chunk);
  if (begin >= tail || (tail - begin) / chunk > MAX_XREF_CHUNKS) return undefined;
  return { begin, end: tail };
}

interface Span {
  begin: number;
  end: number;
  bytes: Promise<Uint8Array>;
}

/** Byte ranges fetched ahead, each handed out once, to the request that covers it. */
export class Prefetched {
  readonly #spans: Span[] = [];

  /** A range being fetched (`bytes` may reject: the request then goes to the network as usual). */
  add(begin: number, end: number, bytes: Promise<Uint8Array>): void {
    bytes.catch(() => undefined); // no unhandled rejection when nobody takes it
    this.#spans.push({ begin, end, bytes });
  }

  /** Number of ranges not taken yet. */
  get size(): number {
    return this.#spans.length;
  }

  /**
   * Bytes [begin, end) if ranges fetched ahead cover all of them, contiguously; those ranges are
   * then forgotten (pdf.js keeps what it received). `undefined` otherwise: fetch them.
   */
  take(begin: number, end: number): Promise<Uint8Array> | undefined {
    const used: Span[] = [];
    let at = begin;
    while (at < end) {
      const span = this.#spans.find((s) => s.begin <= at && s.end > at);
      if (!span) return undefined;
      used.push(span);
      at = span.end;
    }
    for (const span of used) this.#spans.splice(this.#spans.indexOf(span), 1);
    return Promise.all(used.map((s) => s.bytes)).then((parts) => {
      const out = new Uint8Array(end - begin);
      for (const [i, s] of used.entries()) {
        const part = parts[i];
        if (part.length !== s.end - s.begin) throw new Error('a range fetched ahead came short');
        const from = Math.max(begin, s.begin);
        const to = Math.min(end, s.end);
        out.set(part.subarray(from - s.begin, to - s.begin), from - begin);
      }
      return out;
    });
  }
}

/** Reads bytes [begin, end) of the file (a `Range` request). */
export type ReadRange = (begin: number, end: number) => Promise<Uint8Array>;

/** At most this many chunks are fetched ahead on the way to page 1 and the last page (catalog, page tree, pages, contents). */
export const MAX_WALK_CHUNKS = 8;

/**
 * Fetches ahead what pdf.js reads first, into `ahead`: the last chunk; the cross-reference section
 * `startxref` points to; then, for a classic cross-reference table (not a stream: its objects are
 * compressed), the chunks holding the catalog, the page tree down to page 1 (first kids, as pdf.js
 * walks it), page 1's contents and the last page (pdf.js reads it to check the page count) — each
 * only once the one before says where. It stops at the
 * first thing it does not understand: pdf.js then asks for the rest itself. `head` is chunk 0
 * (being read: the tail is asked for at once, alongside).
 * Resolves when done (never rejects).
 */
export async function fetchAhead(size: number, head: Uint8Array | Promise<Uint8Array>, read: ReadRange, ahead: Prefetched): Promise<void> {
  const chunks = new Map<number, Promise<Uint8Array>>();
  const headBytes = Promise.resolve(head);
  headBytes.catch(() => undefined); // its failure is the loader's to report
  chunks.set(0, headBytes);
  const chunkRange = (c: number) => ({ begin: c * CHUNK_BYTES, end: Math.min(size, (c + 1) * CHUNK_BYTES) });
  /** Fetches [begin, end) (whole chunks) ahead, once; each chunk's bytes kept for the walk. */
  const fetch = (begin: number, end: number): void => {
    const bytes = read(begin, end);
    ahead.add(begin, end, bytes);
    for (let c = begin / CHUNK_BYTES; c * CHUNK_BYTES < end; c++) {
      const r = chunkRange(c);
      chunks.set(
        c,
        bytes.then((b) => b.subarray(r.begin - begin, r.end - begin)),
      );
    }
  };
  try {
    const tail = tailRange(size);
    fetch(tail.begin, tail.end);
    const offset = startXref(await chunks.get(tail.begin / CHUNK_BYTES)!);
    if (offset === undefined) return;
    const xref = xrefRange(offset, size);
    if (xref) fetch(xref.begin, xref.end);
    if (offset < 0 || offset >= size) return;
    // The cross-reference section: from its chunk to the end of the file, all fetched by now.
    const first = Math.floor(offset / CHUNK_BYTES);
    const parts: Uint8Array[] = [];
    for (let c = first; c * CHUNK_BYTES < size; c++) {
      const part = chunks.get(c);
      if (!part) return; // too long to be fetched ahead
      parts.push(await part);
    }
    const table = parseXref(latin1(concat(parts), offset - first * CHUNK_BYTES));
    if (!table) return;
    let walked = 0;
    /** Starts fetching the chunk of object `n` unless held; its chunk number, or undefined. */
    const ensure = (n: number): number | undefined => {
      const at = table.offsets.get(n);
      if (at === undefined || at >= size) return undefined;
      const c = Math.floor(at / CHUNK_BYTES);
      if (!chunks.has(c)) {
        if (++walked > MAX_WALK_CHUNKS) return undefined;
        const r = chunkRange(c);
        fetch(r.begin, r.end);
      }
      return c;
    };
    /** The text of object `n` (its dictionary), fetching its chunk ahead if not held. */
    const object = async (n: number): Promise<string | undefined> => {
      const c = ensure(n);
      if (c === undefined) return undefined;
      const bytes = await chunks.get(c)!;
      return objectText(latin1(bytes, table.offsets.get(n)! - c * CHUNK_BYTES), n);
    };
    const catalog = await object(table.root);
    const pages = catalog === undefined ? undefined : refOf(catalog, 'Pages');
    /** Down the page tree by first (or last) kids to a page; for page 1, its contents too. */
    const walk = async (which: 'first' | 'last') => {
      let ref = pages;
      for (let depth = 0; ref !== undefined && depth < 16; depth++) {
        const node = await object(ref);
        if (!node) return;
        if (/\/Type\s*\/Page(?![A-Za-z])/.test(node)) {
          if (which === 'last') return;
          // Page 1: its contents (the first stream of an array is where drawing starts).
          const contents = refOf(node, 'Contents') ?? firstRefIn(node, 'Contents');
          if (contents !== undefined) await object(contents);
          return;
        }
        if (which === 'first') {
          ref = firstRefIn(node, 'Kids');
        } else {
          // To reach the last page pdf.js reads every kid before it (to count its pages).
          const kids = refsIn(node, 'Kids');
          for (const kid of kids ?? []) ensure(kid);
          ref = kids?.at(-1);
        }
      }
    };
    // Page 1, and the last page: pdf.js reads that one's dictionary before the document opens (its
    // check of the page count), both at once.
    await Promise.all([walk('first'), walk('last')]);
  } catch {
    // Whatever failed is fetched by pdf.js when it asks.
  }
}

/** A classic cross-reference section (`text` starts at `startxref`): in-use objects' offsets and the trailer's /Root. */
export function parseXref(text: string): { offsets: Map<number, number>; root: number } | undefined {
  let rest = text.replace(/^\s+/, '');
  if (!rest.startsWith('xref')) return undefined; // a cross-reference stream: compressed, left to pdf.js
  rest = rest.slice(4);
  const offsets = new Map<number, number>();
  for (;;) {
    const header = /^\s*(\d+)\s+(\d+)[ \t]*\r?\n?/.exec(rest);
    if (!header) break;
    const start = Number(header[1]);
    const count = Number(header[2]);
    rest = rest.slice(header[0].length);
    for (let i = 0; i < count; i++) {
      const entry = /^\s*(\d{10})\s+(\d{5})\s+([nf])/.exec(rest);
      if (!entry) return undefined;
      if (entry[3] === 'n') offsets.set(start + i, Number(entry[1]));
      rest = rest.slice(entry[0].length);
    }
  }
  const trailer = /^\s*trailer\s*<<([\s\S]*?)>>/.exec(rest);
  if (!trailer) return undefined;
  // An incremental update's older sections (/Prev) may hold the objects: left to pdf.js.
  if (/\/Prev\s/.test(trailer[1])) return undefined;
  const root = /\/Root\s+(\d+)\s+\d+\s+R/.exec(trailer[1]);
  return root ? { offsets, root: Number(root[1]) } : undefined;
}

/**
 * The dictionary text of object `n` at the start of `text` (`n 0 obj << … >>`), up to `stream` or
 * `endobj`; all of `text` when the object goes on past it (a page tree node's long /Kids array:
 * its first kid is at the start).
 */
export function objectText(text: string, n: number): string | undefined {
  const head = new RegExp(`^\\s*${n}\\s+\\d+\\s+obj\\b`).exec(text);
  if (!head) return undefined;
  const body = text.slice(head[0].length);
  const end = body.search(/\bstream\b|\bendobj\b/);
  return end < 0 ? body : body.slice(0, end);
}

/** The object number of `/key n g R` in a dictionary's text. */
export function refOf(dict: string, key: string): number | undefined {
  const m = new RegExp(`/${key}\\s+(\\d+)\\s+\\d+\\s+R`).exec(dict);
  return m ? Number(m[1]) : undefined;
}

/** The object numbers of the array `/key [ n g R … ]`, when the whole array is there. */
export function refsIn(dict: string, key: string): number[] | undefined {
  const array = new RegExp(`/${key}\\s*\\[([^\\]]*)\\]`).exec(dict);
  return array ? [...array[1].matchAll(/(\d+)\s+\d+\s+R/g)].map((m) => Number(m[1])) : undefined;
}

/** The object number of the first reference in the array `/key [ n g R … ]`. */
export function firstRefIn(dict: string, key: string): number | undefined {
  const m = new RegExp(`/${key}\\s*\\[\\s*(\\d+)\\s+\\d+\\s+R`).exec(dict);
  return m ? Number(m[1]) : undefined;
}

function latin1(bytes: Uint8Array, from = 0, length = bytes.length): string {
  let text = '';
  const end = Math.min(bytes.length, from + length);
  for (let i = Math.max(0, from); i < end; i += 0x2000) text += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + 0x2000)));
  return text;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
