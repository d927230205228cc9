/**
 * What the page asked for, seen from the client: each `fetch` with its method and `Range`, the
 * bytes the code really read from each body, and whether it cancelled the body. A byte count at
 * the server depends on how fast the machine drains the socket; this does not.
 */
export interface SpiedFetch {
  url: string;
  method: string;
  range: string | null;
  status: number;
  /** Bytes handed to the reader so far. */
  read: number;
  /** The reader cancelled the body (or the request was aborted) before its end. */
  cancelled: boolean;
  /** The body was read to its end (at once when there is none to read). */
  done: boolean;
}

export interface FetchSpy {
  /** The requests whose URL contains `part`, in order. */
  requests(part: string): SpiedFetch[];
  restore(): void;
}

/** Wraps `window.fetch` until `restore()`. */
export function spyOnFetch(): FetchSpy {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the very function is put back afterwards
  const original = window.fetch;
  const seen: SpiedFetch[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const entry: SpiedFetch = { url: request.url, method: request.method, range: request.headers.get('range'), status: 0, read: 0, cancelled: false, done: false };
    seen.push(entry);
    init?.signal?.addEventListener('abort', () => (entry.cancelled ||= !entry.done), { once: true });
    const response = await original(input, init);
    entry.status = response.status;
    if (!response.body || request.method === 'HEAD' || [101, 204, 205, 304].includes(response.status)) {
      entry.done = true; // nothing to read (a HEAD, a 204): it is over
      return response;
    }
    const reader = response.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) {
          entry.done = true;
          controller.close();
        } else {
          entry.read += value.byteLength;
          controller.enqueue(value);
        }
      },
      cancel(reason) {
        entry.cancelled = true;
        return reader.cancel(reason);
      },
    }, { highWaterMark: 0 });
    const copy = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    Object.defineProperty(copy, 'url', { value: response.url });
    return copy;
  };
  return {
    requests: (part) => seen.filter((r) => r.url.includes(part)),
    restore: () => {
      window.fetch = original;
    },
  };
}
