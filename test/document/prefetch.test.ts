import { expect } from '@open-wc/testing';
import { CHUNK_BYTES, MAX_XREF_CHUNKS, Prefetched, fetchAhead, firstRefIn, objectText, parseXref, refOf, refsIn, startXref, tailRange, xrefRange } from '../../src/document/prefetch.js';
import { openPdf, rangeTransport } from '../../src/document/pdfjs.js';
import { makePdf } from '../helpers/documents.js';
import { useInstalledPdfJs } from '../helpers/element.js';
import { handmadePdf } from './crafted.js';

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

  it('reads a classic cross-reference table and the dictionaries on the way to page 1', () => {
    const pdf = handmadePdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [ 3 0 R ] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Contents [4 0 R 5 0 R] >>', '<< /Length 0 >>\nstream\n\nendstream', '<< /Length 0 >>\nstream\n\nendstream']);
    const text = String.fromCharCode(...pdf);
    const table = parseXref(text.slice(startXref(pdf)))!;
    expect(table.root).to.equal(1);
    expect([...table.offsets.keys()]).to.deep.equal([1, 2, 3, 4, 5]);
    const dict = (n: number) => objectText(text.slice(table.offsets.get(n)), n)!;
    expect(refOf(dict(1), 'Pages')).to.equal(2);
    expect(firstRefIn(dict(2), 'Kids')).to.equal(3);
    expect(refsIn(dict(3), 'Contents')).to.deep.equal([4, 5]);
    expect(refsIn('/Kids [ 5 0 R 7 0 R', 'Kids'), 'an array cut short').to.equal(undefined);
    expect(refOf(dict(3), 'Contents')).to.equal(undefined);
    expect(firstRefIn(dict(3), 'Contents')).to.equal(4);
    expect(dict(4)).to.not.contain('endstream');
    expect(objectText(text.slice(table.offsets.get(2)), 3), 'another object').to.equal(undefined);
    // A cross-reference stream, or an update whose older sections hold objects: left to pdf.js.
    expect(parseXref('12 0 obj << /Type /XRef >>')).to.equal(undefined);
    expect(parseXref('xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Root 1 0 R /Prev 100 >>')).to.equal(undefined);
  });

  describe('against pdf.js', () => {
    before(() => useInstalledPdfJs());

    it('fetches ahead the chunks pdf.js asks for to open the document and show page 1, and only those, each once', async () => {
      const bytes = await makePdf(Array.from({ length: 900 }, (_, i) => ({ label: `Page ${i + 1}` })));
      expect(bytes.length).to.be.above(4 * CHUNK_BYTES);
      const reads: string[] = [];
      const read = (begin: number, end: number) => {
        reads.push(`${begin}-${end}`);
        return Promise.resolve(bytes.slice(begin, end));
      };
      const ahead = new Prefetched();
      await fetchAhead(bytes.length, bytes.slice(0, CHUNK_BYTES), read, ahead);
      const fetchedAhead = [...reads];
      // The tail, and more: the cross-reference table and the way to page 1 if outside those.
      expect(fetchedAhead).to.include(`${tailRange(bytes.length).begin}-${bytes.length}`);
      const transport = await rangeTransport({ size: bytes.length, initial: bytes.slice(0, CHUNK_BYTES), read: (b, e) => read(b, e), prefetched: ahead });
      const task = await openPdf({ range: transport });
      const pdf = await task.promise;
      const page = await pdf.getPage(1);
      await page.getOperatorList();
      // What pdf.js still had to ask for itself: nothing (this file's objects are all in its table).
      expect(reads.slice(fetchedAhead.length), 'asked by pdf.js after').to.deep.equal([]);
      expect(ahead.size, `fetched ahead and never asked for (${fetchedAhead.join(', ')})`).to.equal(0);
      expect(reads.length, reads.join(', ')).to.equal(new Set(reads).size);
      await task.destroy();
    });
  });
});
