import { expect } from '@open-wc/testing';
import { CHUNK_BYTES, MAX_XREF_CHUNKS, Prefetched, startXref, tailRange, xrefRange } from '../../src/document/prefetch.js';

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const bytesOf = (begin: number, end: number) => Uint8Array.from({ length: end - begin }, (_, i) => (begin + i) % 251);

describe('prefetch: what pdf.js reads first', () => {
  it('the last chunk is the one pdf.js asks for, aligned on its chunk size', () => {
    expect(tailRange(9581334)).to.deep.equal({ begin: 9568256, end: 9581334 });
    expect(tailRange(3 * CHUNK_BYTES)).to.deep.equal({ begin: 2 * CHUNK_BYTES, end: 3 * CHUNK_BYTES });
    expect(tailRange(3 * CHUNK_BYTES + 1)).to.deep.equal({ begin: 3 * CHUNK_BYTES, end: 3 * CHUNK_BYTES + 1 });
  });

  it('reads startxref from the end of the file, the last one when there are several', () => {
    expect(startXref(latin1('trailer\n<< /Size 904 /Root 2 0 R >>\n\nstartxref\n9563170\n%%EOF'))).to.equal(9563170);
    expect(startXref(latin1('startxref\n10\n%%EOF\n% update\nstartxref\r\n2048\r\n%%EOF\r\n'))).to.equal(2048);
    expect(startXref(latin1('no cross-reference here %%EOF'))).to.equal(undefined);
    expect(startXref(latin1('startxref\n%%EOF'))).to.equal(undefined);
  });

  it('fetches the cross-reference section ahead only when it is outside the chunks already read, and short', () => {
    const size = 100 * CHUNK_BYTES + 500;
    const tail = tailRange(size).begin;
    expect(xrefRange(tail + 10, size), 'in the tail').to.equal(undefined);
    expect(xrefRange(tail - 10, size)).to.deep.equal({ begin: tail - CHUNK_BYTES, end: tail });
    expect(xrefRange(tail - MAX_XREF_CHUNKS * CHUNK_BYTES, size)).to.deep.equal({ begin: tail - MAX_XREF_CHUNKS * CHUNK_BYTES, end: tail });
    expect(xrefRange(tail - MAX_XREF_CHUNKS * CHUNK_BYTES - 1, size), 'too long: left to pdf.js').to.equal(undefined);
    expect(xrefRange(-1, size)).to.equal(undefined);
    expect(xrefRange(size + 5, size)).to.equal(undefined);
    expect(xrefRange(100, 5 * CHUNK_BYTES), 'chunk 0 comes with the first read').to.deep.equal({ begin: CHUNK_BYTES, end: 4 * CHUNK_BYTES });
  });

  it('answers a request covered by ranges fetched ahead, once, and leaves the others to the network', async () => {
    const ahead = new Prefetched();
    ahead.add(65536, 131072, Promise.resolve(bytesOf(65536, 131072)));
    ahead.add(131072, 140000, Promise.resolve(bytesOf(131072, 140000)));
    expect(ahead.take(0, 65536), 'not fetched ahead').to.equal(undefined);
    expect(ahead.take(131072, 150000), 'only partly fetched ahead').to.equal(undefined);
    const both = await ahead.take(65536, 140000)!;
    expect([...both]).to.deep.equal([...bytesOf(65536, 140000)]);
    expect(ahead.size).to.equal(0);
    expect(ahead.take(65536, 131072), 'handed out once').to.equal(undefined);
  });

  it('a range fetched ahead that failed or came short rejects, so the request goes to the network', async () => {
    const ahead = new Prefetched();
    ahead.add(0, 10, Promise.reject(new Error('offline')));
    ahead.add(10, 20, Promise.resolve(bytesOf(10, 15)));
    let failed = 0;
    await ahead.take(0, 10)!.catch(() => failed++);
    await ahead.take(10, 20)!.catch(() => failed++);
    expect(failed).to.equal(2);
  });
});
