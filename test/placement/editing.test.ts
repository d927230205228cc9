import { expect } from '@open-wc/testing';
import type { PageGeometry, Rect } from '../../src/document/geometry.js';
import { rectToScreen } from '../../src/document/geometry.js';
import { drawRect, moveRect, nudge, placeDefault, resizeRect } from '../../src/placement/editing.js';
import { SIGNER_COLORS, initialsOf, signerColor } from '../../src/placement/palette.js';

const A4: PageGeometry = { view: [0, 0, 595, 842], rotation: 0 };
/** /Rotate 90 with an offset box: shown 842 wide × 595 high. */
const R90: PageGeometry = { view: [100, 200, 695, 1042], rotation: 90 };

function near(actual: Rect, expected: Rect, tol = 1e-3): void {
  for (const k of ['x', 'y', 'width', 'height'] as const) expect(actual[k], k).to.be.closeTo(expected[k], tol);
}
const shown = (page: PageGeometry, r: Rect) => rectToScreen(page, r, 1);

describe('placement editing rules (pure)', () => {
  it('drops a 180 × 60 field as seen, centred on the click, at any zoom', () => {
    near(placeDefault(A4, { x: 300 * 2, y: 400 * 2 }, 2), { x: 210, y: 842 - 430, width: 180, height: 60 });
    const r = placeDefault(R90, { x: 400 * 1.5, y: 300 * 1.5 }, 1.5);
    expect(r.width).to.be.closeTo(60, 1e-9);
    expect(r.height).to.be.closeTo(180, 1e-9);
    near(shown(R90, r), { x: 310, y: 270, width: 180, height: 60 });
  });

  it('keeps a dropped field inside the page near each edge', () => {
    near(shown(A4, placeDefault(A4, { x: 5, y: 5 }, 1)), { x: 0, y: 0, width: 180, height: 60 });
    near(shown(A4, placeDefault(A4, { x: 594, y: 841 }, 1)), { x: 415, y: 782, width: 180, height: 60 });
    near(shown(R90, placeDefault(R90, { x: 841, y: 1 }, 1)), { x: 662, y: 0, width: 180, height: 60 });
  });

  it('draws between the two points, grown to the minimum away from the start, clipped to the page', () => {
    near(shown(A4, drawRect(A4, { x: 100, y: 100 }, { x: 300, y: 250 }, 1)), { x: 100, y: 100, width: 200, height: 150 });
    near(shown(A4, drawRect(A4, { x: 300, y: 250 }, { x: 100, y: 100 }, 1)), { x: 100, y: 100, width: 200, height: 150 });
    near(shown(A4, drawRect(A4, { x: 100, y: 100 }, { x: 110, y: 105 }, 1)), { x: 100, y: 100, width: 60, height: 20 });
    near(shown(A4, drawRect(A4, { x: 100, y: 100 }, { x: 95, y: 95 }, 1)), { x: 40, y: 80, width: 60, height: 20 });
    near(shown(A4, drawRect(A4, { x: 500, y: 800 }, { x: 900, y: 900 }, 1)), { x: 500, y: 800, width: 95, height: 42 });
    near(shown(R90, drawRect(R90, { x: 10, y: 10 }, { x: 30, y: 15 }, 1)), { x: 10, y: 10, width: 60, height: 20 });
  });

  it('moves along the screen axes and stops at each page edge', () => {
    const start = placeDefault(R90, { x: 400, y: 300 }, 1);
    near(shown(R90, moveRect(R90, start, { x: 20, y: -10 }, 2)), { x: 320, y: 265, width: 180, height: 60 });
    near(shown(R90, moveRect(R90, start, { x: -5000, y: 0 }, 1)), { x: 0, y: 270, width: 180, height: 60 });
    near(shown(R90, moveRect(R90, start, { x: 5000, y: 0 }, 1)), { x: 662, y: 270, width: 180, height: 60 });
    near(shown(R90, moveRect(R90, start, { x: 0, y: -5000 }, 1)), { x: 310, y: 0, width: 180, height: 60 });
    near(shown(R90, moveRect(R90, start, { x: 0, y: 5000 }, 1)), { x: 310, y: 535, width: 180, height: 60 });
  });

  it('resizes by each handle, the opposite edges staying, never below the minimum nor past the page', () => {
    const start = placeDefault(A4, { x: 300, y: 400 }, 1); // shown 210,370 180×60
    const cases: [Parameters<typeof resizeRect>[2], { x: number; y: number }, Rect][] = [
      ['e', { x: 30, y: 99 }, { x: 210, y: 370, width: 210, height: 60 }],
      ['w', { x: -30, y: 99 }, { x: 180, y: 370, width: 210, height: 60 }],
      ['n', { x: 99, y: -30 }, { x: 210, y: 340, width: 180, height: 90 }],
      ['s', { x: 99, y: 30 }, { x: 210, y: 370, width: 180, height: 90 }],
      ['se', { x: 10, y: 10 }, { x: 210, y: 370, width: 190, height: 70 }],
      ['nw', { x: 10, y: 10 }, { x: 220, y: 380, width: 170, height: 50 }],
      ['ne', { x: 10, y: 10 }, { x: 210, y: 380, width: 190, height: 50 }],
      ['sw', { x: 10, y: 10 }, { x: 220, y: 370, width: 170, height: 70 }],
      ['se', { x: -500, y: -500 }, { x: 210, y: 370, width: 60, height: 20 }],
      ['nw', { x: 500, y: 500 }, { x: 330, y: 410, width: 60, height: 20 }],
      ['se', { x: 5000, y: 5000 }, { x: 210, y: 370, width: 385, height: 472 }],
      ['nw', { x: -5000, y: -5000 }, { x: 0, y: 0, width: 390, height: 430 }],
    ];
    for (const [handle, delta, expected] of cases) near(shown(A4, resizeRect(A4, start, handle, delta, 1)), expected);
  });

  it('resizes as seen on a /Rotate 90 page', () => {
    const start = placeDefault(R90, { x: 400, y: 300 }, 1);
    const r = resizeRect(R90, start, 'e', { x: 40, y: 0 }, 2);
    near(shown(R90, r), { x: 310, y: 270, width: 200, height: 60 });
    expect(r.height).to.be.closeTo(200, 1e-9); // the screen's width is the PDF's height
  });

  it('nudges by the key step along the screen axes; Alt resizes', () => {
    const start = placeDefault(R90, { x: 400, y: 300 }, 1);
    near(shown(R90, nudge(R90, start, 'right', 1)), { x: 311, y: 270, width: 180, height: 60 });
    near(shown(R90, nudge(R90, start, 'up', 10)), { x: 310, y: 260, width: 180, height: 60 });
    near(shown(R90, nudge(R90, start, 'right', 10, true)), { x: 310, y: 270, width: 190, height: 60 });
    near(shown(R90, nudge(R90, start, 'up', 50, true)), { x: 310, y: 270, width: 180, height: 20 });
  });

  it('gives signers distinct colours readable on white (≥ 4.5:1) and initials', () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (const c of SIGNER_COLORS) expect(1.05 / (luminance(c) + 0.05), c).to.be.at.least(4.5);
    expect(new Set(SIGNER_COLORS).size).to.equal(SIGNER_COLORS.length);
    expect(signerColor(0)).to.not.equal(signerColor(1));
    expect(signerColor(SIGNER_COLORS.length)).to.equal(signerColor(0));
    expect(initialsOf(' marie', 'Dupont ')).to.equal('MD');
    expect(initialsOf('', '')).to.equal('');
  });
});
