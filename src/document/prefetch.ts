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
