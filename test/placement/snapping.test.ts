import { expect } from '@open-wc/testing';
import { rectToPdf, rectToScreen, type PageGeometry, type Rect } from '../../src/document/geometry.js';
import { SNAP_MARGIN, guideBox, guidesAt, snapLines, snapMove, snapPoint, snapResize } from '../../src/placement/snapping.js';
import { formatMm, parseMm, rangeOf, toMillimetres, withDimension } from '../../src/placement/properties.js';

const A4: PageGeometry = { view: [0, 0, 595, 842], rotation: 0 };
/** /Rotate 90 with an offset box: shown 842 wide × 595 high. */
const R90: PageGeometry = { view: [100, 200, 695, 1042], rotation: 90 };
const R270: PageGeometry = { view: [-50, 30, 545, 872], rotation: 270 };
const MIN = { width: 60, height: 20 };

const shown = (page: PageGeometry, r: Rect) => rectToScreen(page, r, 1);
const pdf = (page: PageGeometry, r: Rect) => rectToPdf(page, r, 1);

function near(actual: Rect, expected: Rect, tol = 1e-3): void {
  for (const k of ['x', 'y', 'width', 'height'] as const) expect(actual[k], k).to.be.closeTo(expected[k], tol);
}

describe('snapping (pure)', () => {
  for (const [name, page] of [['A4', A4], ['/Rotate 90, offset box', R90], ['/Rotate 270, offset box', R270]] as const) {
    describe(`on ${name}`, () => {
      const neighbour = pdf(page, { x: 200, y: 100, width: 180, height: 60 });
      const lines = snapLines(page, [neighbour]);

      it('puts a left edge that comes within the threshold on the neighbour’s left edge, with a guide', () => {
        const moved = pdf(page, { x: 203.5, y: 250, width: 180, height: 60 });
        const r = snapMove(page, moved, lines, 6);
        near(shown(page, r.rect), { x: 200, y: 250, width: 180, height: 60 });
        const g = r.guides.find((x) => x.axis === 'x' && Math.abs(x.at - 200) < 1e-9);
        expect(g, 'a vertical guide at x = 200').to.not.equal(undefined);
        expect(g!.from).to.be.closeTo(100, 1e-9); // from the neighbour's top …
        expect(g!.to).to.be.closeTo(310, 1e-9); // … to the moved field's bottom
      });

      it('puts a top edge on the neighbour’s bottom and the centres on each other', () => {
        const r = snapMove(page, pdf(page, { x: 205, y: 164, width: 170, height: 40 }), lines, 6);
        // centre 290 → neighbour's centre 290 (x: no change needed); top 164 → 160 (neighbour's bottom).
        near(shown(page, r.rect), { x: 205, y: 160, width: 170, height: 40 });
        expect(r.guides.map((g) => `${g.axis}${Math.round(g.at)}`).sort()).to.deep.equal(['x290', 'y160']);
      });

      it('leaves a field farther than the threshold where it is, without guides', () => {
        const at = { x: 215, y: 310, width: 180, height: 60 };
        const r = snapMove(page, pdf(page, at), lines, 6);
        near(shown(page, r.rect), at);
        expect(r.guides).to.deep.equal([]);
      });

      it('snaps to the page margins (10 mm as seen) and edges', () => {
        const r = snapMove(page, pdf(page, { x: SNAP_MARGIN + 4, y: 500, width: 100, height: 30 }), snapLines(page, []), 6);
        expect(shown(page, r.rect).x).to.be.closeTo(SNAP_MARGIN, 1e-3);
        expect(SNAP_MARGIN).to.be.closeTo(28.3465, 1e-4);
        const right = shown(page, snapMove(page, pdf(page, { x: 400, y: 500, width: 100, height: 30 }), snapLines(page, []), 6).rect);
        expect(right.x).to.be.closeTo(400, 1e-9); // nothing near
      });

      it('resizes the moved edge onto a line, the others staying', () => {
        const start = { x: 400, y: 103, width: 100, height: 40 };
        const r = snapResize(page, pdf(page, { ...start, width: 105 }), 'ne', lines, 6, MIN); // right 505, top 103
        near(shown(page, r.rect), { x: 400, y: 100, width: 105, height: 43 });
        expect(r.guides.map((g) => `${g.axis}${Math.round(g.at)}`)).to.deep.equal(['y100']);
        const w = snapResize(page, pdf(page, { x: 383, y: 300, width: 100, height: 40 }), 'w', lines, 6, MIN);
        near(shown(page, w.rect), { x: 380, y: 300, width: 103, height: 40 });
      });

      it('snaps the corners of a field being drawn, with guides only where its edges lie', () => {
        expect(snapPoint(lines, { x: 197, y: 163 }, 6)).to.deep.equal({ x: 200, y: 160 });
        expect(snapPoint(lines, { x: 210, y: 250 }, 6)).to.deep.equal({ x: 210, y: 250 });
        const drawn = pdf(page, { x: 200, y: 160, width: 100, height: 50 });
        const g = guidesAt(page, drawn, lines, [200, 300], [160, 210]);
        expect(g.map((x) => `${x.axis}${Math.round(x.at)}`).sort()).to.deep.equal(['x200', 'y160']);
        expect(guidesAt(page, pdf(page, { x: 201, y: 161, width: 100, height: 50 }), lines, [200], [160])).to.deep.equal([]);
      });

      it('never snaps an edge below the minimum size', () => {
        // The right edge at 383 would snap to 380 (the neighbour's right), but the field must stay 60 wide from 322.
        const r = snapResize(page, pdf(page, { x: 322, y: 300, width: 61, height: 40 }), 'e', lines, 6, MIN);
        near(shown(page, r.rect), { x: 322, y: 300, width: 61, height: 40 });
      });
    });
  }

  it('draws guides at the zoom', () => {
    expect(guideBox({ axis: 'x', at: 100, from: 10, to: 60 }, 2)).to.deep.equal({ left: 200, top: 20, width: 0, height: 100 });
    expect(guideBox({ axis: 'y', at: 100, from: 10, to: 60 }, 0.5)).to.deep.equal({ left: 5, top: 50, width: 25, height: 0 });
  });
});

describe('position and size in millimetres (pure)', () => {
  const MM = 72 / 25.4;
  for (const [name, page] of [['A4', A4], ['/Rotate 90, offset box', R90], ['/Rotate 270, offset box', R270]] as const) {
    it(`reads and sets x, y, width, height from the top-left as seen (${name})`, () => {
      const rect = pdf(page, { x: 10 * MM, y: 20 * MM, width: 60 * MM, height: 20 * MM });
      const mm = toMillimetres(page, rect);
      for (const [k, v] of Object.entries({ x: 10, y: 20, width: 60, height: 20 })) expect(mm[k as 'x'], k).to.be.closeTo(v, 1e-3);
      const moved = withDimension(page, rect, 'y', 100, 'signature');
      expect('rect' in moved).to.equal(true);
      if ('rect' in moved) near(shown(page, moved.rect), { x: 10 * MM, y: 100 * MM, width: 60 * MM, height: 20 * MM });
      const wider = withDimension(page, rect, 'width', 80);
      if ('rect' in wider) near(shown(page, wider.rect), { x: 10 * MM, y: 20 * MM, width: 80 * MM, height: 20 * MM });
      else expect.fail('80 mm wide is allowed');
    });
  }

  it('refuses a field off the page or below its minimum size, and says the range', () => {
    const rect = pdf(A4, { x: 0, y: 0, width: 180, height: 60 });
    const off = withDimension(A4, rect, 'x', 200);
    expect(off).to.have.property('range');
    if ('range' in off) {
      expect(off.range.min).to.equal(0);
      expect(off.range.max).to.be.closeTo((595 - 180) / MM, 1e-9);
    }
    const small = withDimension(A4, rect, 'height', 5, 'signature');
    if ('range' in small) expect(small.range.min).to.be.closeTo(20 / MM, 1e-9);
    else expect.fail('5 mm is below a signature’s minimum');
    expect(withDimension(A4, rect, 'width', Number.NaN)).to.have.property('range');
    // A value shown rounded (to the nearest hundredth) just past the maximum is taken as the maximum.
    const max = rangeOf(A4, rect, 'x').max;
    expect(withDimension(A4, rect, 'x', max + 0.006)).to.have.property('range');
    const atMax = withDimension(A4, rect, 'x', max + 0.004);
    if ('rect' in atMax) expect(atMax.rect.x + atMax.rect.width).to.be.closeTo(595, 1e-3);
    else expect.fail('the rounded maximum is allowed');
    expect(rangeOf(A4, rect, 'width', 'initials').min).to.be.closeTo(24 / MM, 1e-9);
  });

  it('parses and formats millimetres in French and English', () => {
    expect(parseMm('25,4')).to.equal(25.4);
    expect(parseMm(' 25.4 mm')).to.equal(25.4);
    expect(parseMm('7')).to.equal(7);
    expect(parseMm(',5')).to.equal(0.5);
    expect(parseMm('')).to.equal(undefined);
    expect(parseMm('12a')).to.equal(undefined);
    expect(parseMm('1,2,3')).to.equal(undefined);
    expect(formatMm(25.4, 'fr')).to.equal('25,4');
    expect(formatMm(25.4, 'en')).to.equal('25.4');
    expect(formatMm(1234.5678, 'fr')).to.equal('1234,57');
    expect(formatMm(10.0000001, 'en')).to.equal('10');
    expect(formatMm(146.399, 'en', 'down')).to.equal('146.39');
    expect(formatMm(7.051, 'en', 'up')).to.equal('7.06');
    expect(formatMm(-0.0001, 'en')).to.equal('0');
  });
});
