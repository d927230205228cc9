/** The pages model read on demand (src/document/pages.ts), directly: no pdf.js, reads counted. */
import { expect } from '@open-wc/testing';
import { DocumentPages, type PageGeometryInfo } from '../../src/document/pages.js';

const A4: PageGeometryInfo = { view: [0, 0, 595, 842], rotation: 0, width: 595, height: 842 };
const LANDSCAPE: PageGeometryInfo = { view: [0, 0, 842, 595], rotation: 0, width: 842, height: 595 };
const ROTATED: PageGeometryInfo = { view: [0, 0, 300, 200], rotation: 90, width: 200, height: 300 };

function model(count: number, geometry: (n: number) => PageGeometryInfo = () => A4) {
  const reads: number[] = [];
  let fail = new Set<number>();
  const pages = new DocumentPages(count, geometry(1), (n) => {
    reads.push(n);
    return fail.has(n) ? Promise.reject(new Error(`page ${n} unreadable`)) : Promise.resolve(geometry(n));
  });
  return { pages, reads, failOn: (ns: number[]) => (fail = new Set(ns)) };
}

describe('DocumentPages (geometry on demand)', () => {
  it('knows page 1 only, and lays out the others with its size', () => {
    const { pages, reads } = model(1000);
    expect(pages.count).to.equal(1000);
    expect(pages.knownCount).to.equal(1);
    expect(pages.known).to.deep.equal([{ number: 1, ...A4 }]);
    expect(pages.list).to.have.length(1000);
    expect(pages.list[999]).to.deep.equal({ number: 1000, ...A4 });
    expect(reads).to.deep.equal([]);
  });

  it('reads a page once, however often it is asked, and estimates from the nearest page read', async () => {
    const { pages, reads } = model(10, (n) => (n === 6 ? LANDSCAPE : n === 9 ? ROTATED : A4));
    const [a, b] = await Promise.all([pages.get(6), pages.get(6)]);
    expect(a).to.deep.equal({ number: 6, ...LANDSCAPE });
    expect(b).to.deep.equal(a);
    expect(reads).to.deep.equal([6]);
    // 2 and 3 are nearer page 1; 4 is 3 from page 1 and 2 from page 6.
    expect(pages.list.map((p) => p.width)).to.deep.equal([595, 595, 595, 842, 842, 842, 842, 842, 842, 842]);
    await pages.get(9);
    expect(pages.list.map((p) => [p.width, p.rotation])).to.deep.equal([
      [595, 0],
      [595, 0],
      [595, 0],
      [842, 0],
      [842, 0],
      [842, 0],
      [842, 0], // 7: 1 from 6, 2 from 9
      [200, 90], // 8: 2 from 6, 1 from 9
      [200, 90],
      [200, 90],
    ]);
    expect(pages.isKnown(8)).to.equal(false);
    expect(pages.isKnown(9)).to.equal(true);
    // On a tie the lower page wins: 3 is 2 from 1 and 2 from 5.
    const tie = model(5, (n) => (n === 5 ? LANDSCAPE : A4));
    await tie.pages.get(5);
    expect(tie.pages.list[2].width).to.equal(595);
  });

  it('tells listeners once per burst of reads, with the pages read', async () => {
    const { pages } = model(20);
    const told: (readonly number[])[] = [];
    const stop = pages.subscribe((read) => told.push(read));
    await pages.read([7, 3, 3, 12]);
    await Promise.resolve();
    expect(told).to.deep.equal([[3, 7, 12]]);
    stop();
    await pages.get(4);
    await Promise.resolve();
    expect(told).to.have.length(1);
  });

  it('refuses pages the document does not have, and reads again after a failure', async () => {
    const { pages, reads, failOn } = model(3);
    for (const n of [0, 4, 1.5, NaN]) {
      const error = await pages.get(n).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, String(n)).to.be.instanceOf(RangeError);
    }
    failOn([2]);
    const error = await pages.get(2).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).to.equal('page 2 unreadable');
    expect(pages.isKnown(2)).to.equal(false);
    failOn([]);
    expect((await pages.get(2)).number).to.equal(2);
    expect(reads).to.deep.equal([2, 2]);
  });

  it('hands out copies: what a caller changes is not the model', async () => {
    const { pages } = model(2);
    const one = await pages.get(1);
    one.view[2] = 1;
    one.width = 1;
    expect(pages.list[0].view[2]).to.equal(595);
    expect(pages.known[0].width).to.equal(595);
  });
});
