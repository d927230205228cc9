/**
 * Replication (SPEC §10 "Placing faster"), pure, on the pages of a generated mixed document as
 * pdf.js reads them: every rectangle is checked against pdf.js's own mapping
 * (`convertToViewportPoint`, `convertToPdfPoint`), never against the geometry module it uses.
 */
import { expect } from '@open-wc/testing';
import type { Field } from '../../src/api/types.js';
import { normalizeRotation, type PageGeometry } from '../../src/document/geometry.js';
import { openPdf, type PageViewport, type PDFDocumentProxy } from '../../src/document/pdfjs.js';
import {
  DEFAULT_INITIALS_PLACE,
  copiesToPages,
  duplicateOf,
  initialsFields,
  initialsPageNumbers,
  type TargetPage,
} from '../../src/placement/replicate.js';
import { useInstalledPdfJs } from '../helpers/element.js';
import { makePdf } from '../helpers/documents.js';
import { MIXED } from './mixed.js';


interface Seen {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The rectangle as seen on the page at scale 1, by pdf.js. */
function seenByPdfJs(viewport: PageViewport, r: { x: number; y: number; width: number; height: number }): Seen {
  const [ax, ay] = viewport.convertToViewportPoint(r.x, r.y) as [number, number];
  const [bx, by] = viewport.convertToViewportPoint(r.x + r.width, r.y + r.height) as [number, number];
  return { x: Math.min(ax, bx), y: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
}

/** Centre as fractions of the page as seen, and size as seen. */
function relative(viewport: PageViewport, r: Field) {
  const s = seenByPdfJs(viewport, r);
  return { cx: (s.x + s.width / 2) / viewport.width, cy: (s.y + s.height / 2) / viewport.height, width: s.width, height: s.height };
}

function inside(viewport: PageViewport, r: Field): boolean {
  const s = seenByPdfJs(viewport, r);
  return s.x >= -1e-6 && s.y >= -1e-6 && s.x + s.width <= viewport.width + 1e-6 && s.y + s.height <= viewport.height + 1e-6;
}

describe('replication (pure, checked with pdf.js)', () => {
  before(useInstalledPdfJs);
  let pdf: PDFDocumentProxy;
  let destroy: () => Promise<void>;
  const targets: TargetPage[] = [];
  const viewports: PageViewport[] = [];
  before(async () => {
    const task = await openPdf({ data: await makePdf(MIXED) });
    pdf = await task.promise;
    destroy = () => task.destroy();
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      viewports.push(page.getViewport({ scale: 1 }));
      targets.push({ number: n, geometry: { view: page.view as unknown as PageGeometry["view"], rotation: normalizeRotation(page.rotate) } });
    }
  });
  after(() => destroy());

  it('covers all pages, or all but the last', () => {
    expect(initialsPageNumbers(6, 'all')).to.deep.equal([1, 2, 3, 4, 5, 6]);
    expect(initialsPageNumbers(6, 'allButLast')).to.deep.equal([1, 2, 3, 4, 5]);
    expect(initialsPageNumbers(1, 'allButLast')).to.deep.equal([1]);
  });

  it('initials without a model land at the bottom-right corner as seen on every page, upright as seen', () => {
    const out = initialsFields([], 's1', targets);
    expect(out.map((f) => f.page)).to.deep.equal([1, 2, 3, 4, 5, 6]);
    for (const f of out) {
      const vp = viewports[f.page - 1];
      const r = relative(vp, f);
      expect(f.kind).to.equal('initials');
      expect(r.cx, `page ${f.page} cx`).to.be.closeTo(DEFAULT_INITIALS_PLACE.cx, 1e-6);
      expect(r.cy, `page ${f.page} cy`).to.be.closeTo(DEFAULT_INITIALS_PLACE.cy, 1e-6);
      expect(r.width, `page ${f.page} width`).to.be.closeTo(60, 1e-6);
      expect(r.height, `page ${f.page} height`).to.be.closeTo(30, 1e-6);
      expect(inside(vp, f), `page ${f.page} inside`).to.equal(true);
    }
  });

  it('initials follow the signer’s first initials, from a rotated page, and skip pages that have theirs', () => {
    // A model on the /Rotate 270 page, placed by pdf.js's inverse mapping at a known seen spot.
    const vp = viewports[2];
    const [ax, ay] = vp.convertToPdfPoint(100, 200) as [number, number];
    const [bx, by] = vp.convertToPdfPoint(100 + 50, 200 + 24) as [number, number];
    const model: Field = { signerId: 's1', page: 3, x: Math.min(ax, bx), y: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay), kind: 'initials' };
    const others: Field = { signerId: 's2', page: 5, x: 10, y: 10, width: 60, height: 30, kind: 'initials' };
    const out = initialsFields([model, others], 's1', targets.slice(0, 5), { field: model, geometry: targets[2].geometry });
    expect(out.map((f) => f.page)).to.deep.equal([1, 2, 4, 5]);
    const want = { cx: 125 / vp.width, cy: 212 / vp.height };
    for (const f of out) {
      const r = relative(viewports[f.page - 1], f);
      expect(r.cx, `page ${f.page}`).to.be.closeTo(want.cx, 1e-6);
      expect(r.cy, `page ${f.page}`).to.be.closeTo(want.cy, 1e-6);
      expect([r.width, r.height].map((v) => Math.round(v * 1e6) / 1e6), `page ${f.page}`).to.deep.equal([50, 24]);
    }
  });

  it('a field copied to all pages keeps its place as seen, its kind and its words', () => {
    const vp = viewports[1]; // /Rotate 90
    const [ax, ay] = vp.convertToPdfPoint(300, 40) as [number, number];
    const [bx, by] = vp.convertToPdfPoint(300 + 180, 40 + 40) as [number, number];
    const field: Field = { signerId: 's1', page: 2, x: Math.min(ax, bx), y: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay), kind: 'mention', text: 'Lu et approuvé' };
    const copies = copiesToPages(field, targets[1].geometry, targets);
    expect(copies.map((f) => f.page)).to.deep.equal([1, 3, 4, 5, 6]);
    const want = relative(vp, field);
    for (const c of copies) {
      const r = relative(viewports[c.page - 1], c);
      expect(c).to.include({ kind: 'mention', text: 'Lu et approuvé', signerId: 's1' });
      expect(r.cx, `page ${c.page}`).to.be.closeTo(want.cx, 1e-6);
      expect(r.cy, `page ${c.page}`).to.be.closeTo(want.cy, 1e-6);
      expect(r.width, `page ${c.page}`).to.be.closeTo(180, 1e-6);
      expect(r.height, `page ${c.page}`).to.be.closeTo(40, 1e-6);
    }
  });

  it('a field too near an edge for a smaller page stays inside that page', () => {
    const big = targets[3]; // offset crop 600 × 700
    const vp = viewports[3];
    const [ax, ay] = vp.convertToPdfPoint(590 - 180, 10) as [number, number];
    const [bx, by] = vp.convertToPdfPoint(590, 70) as [number, number];
    const field: Field = { signerId: 's1', page: 4, x: Math.min(ax, bx), y: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
    for (const c of copiesToPages(field, big.geometry, targets)) expect(inside(viewports[c.page - 1], c), `page ${c.page}`).to.equal(true);
  });

  it('a duplicate goes 12 pt right and down as seen, or back where the page ends', () => {
    for (const t of targets) {
      const vp = viewports[t.number - 1];
      for (const [x, y, dx, dy] of [
        [100, 100, 12, 12],
        [vp.width - 185, vp.height - 62, -12, -12],
      ] as const) {
        const [ax, ay] = vp.convertToPdfPoint(x, y) as [number, number];
        const [bx, by] = vp.convertToPdfPoint(x + 180, y + 60) as [number, number];
        const f: Field = { signerId: 's1', page: t.number, x: Math.min(ax, bx), y: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
        const d = seenByPdfJs(vp, duplicateOf(f, t.geometry));
        expect(d.x, `page ${t.number}`).to.be.closeTo(x + dx, 1e-6);
        expect(d.y, `page ${t.number}`).to.be.closeTo(y + dy, 1e-6);
        expect(d.width).to.be.closeTo(180, 1e-6);
      }
    }
  });
});
