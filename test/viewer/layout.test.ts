import { expect } from '@open-wc/testing';
import {
  CSS_PX_PER_POINT,
  GAP,
  MAX_SCALE,
  MIN_SCALE,
  PADDING,
  anchorAt,
  anchorPosition,
  canvasSize,
  currentPageIn,
  fitWidthScale,
  layoutPages,
  pagesInBand,
  scrollFor,
  stepScale,
} from '../../src/viewer/layout.js';

const A4 = { width: 595.28, height: 841.89 };
const LANDSCAPE = { width: 841.89, height: 595.28 };

describe('viewer layout (pure)', () => {
  it('stacks pages with gaps, centred, the content at least as wide as the viewport', () => {
    const layout = layoutPages([A4, LANDSCAPE, A4], 1, 1000);
    expect(layout.width).to.equal(1000);
    expect(layout.slots[0]).to.deep.equal({ left: (1000 - 595.28) / 2, top: PADDING, width: 595.28, height: 841.89 });
    expect(layout.slots[1].top).to.be.closeTo(PADDING + 841.89 + GAP, 1e-9);
    expect(layout.slots[1].left).to.be.closeTo((1000 - 841.89) / 2, 1e-9);
    expect(layout.height).to.be.closeTo(2 * PADDING + 2 * GAP + 2 * 841.89 + 595.28, 1e-9);
    // Zoomed wider than the viewport: the widest page starts at the padding.
    const wide = layoutPages([A4, LANDSCAPE], 2, 1000);
    expect(wide.width).to.be.closeTo(841.89 * 2 + 2 * PADDING, 1e-9);
    expect(wide.slots[1].left).to.equal(PADDING);
  });

  it('fits the widest page to the width, within the zoom bounds', () => {
    expect(fitWidthScale([A4, LANDSCAPE], 900)).to.be.closeTo((900 - 2 * PADDING) / 841.89, 1e-12);
    expect(fitWidthScale([{ width: 20, height: 20 }], 5000)).to.equal(MAX_SCALE);
    expect(fitWidthScale([{ width: 14400, height: 20 }], 300)).to.equal(MIN_SCALE);
  });

  it('steps the zoom along the ladder from any scale', () => {
    const pct = (s: number) => Math.round((s / CSS_PX_PER_POINT) * 100);
    expect(pct(stepScale(CSS_PX_PER_POINT, 1))).to.equal(110);
    expect(pct(stepScale(CSS_PX_PER_POINT, -1))).to.equal(90);
    // 99.6 % (a fit width) steps to 110 %, not to 100 %.
    expect(pct(stepScale(0.996 * CSS_PX_PER_POINT, 1))).to.equal(110);
    expect(pct(stepScale(0.62 * CSS_PX_PER_POINT, -1))).to.equal(50);
    expect(stepScale(MAX_SCALE, 1)).to.equal(MAX_SCALE);
    expect(stepScale(MIN_SCALE, -1)).to.equal(MIN_SCALE);
  });

  it('finds the pages in a band and the current page (the one showing most)', () => {
    const layout = layoutPages(Array.from({ length: 200 }, () => A4), 1, 800);
    const pageH = 841.89 + GAP;
    expect(pagesInBand(layout, 0, 500)).to.deep.equal([0]);
    expect(pagesInBand(layout, PADDING + pageH * 10 + 800, PADDING + pageH * 12 + 10)).to.deep.equal([10, 11, 12]);
    expect(currentPageIn(layout, 0, 600)).to.equal(1);
    // Page 6 shows 600 px of itself, page 5 only 200: 6 is current.
    const top5 = layout.slots[4].top;
    expect(currentPageIn(layout, top5 + 641.89, top5 + 641.89 + 800)).to.equal(6);
    expect(currentPageIn(layout, layout.height - 600, layout.height)).to.equal(200);
  });

  it('keeps an anchored spot under the same viewport point across zooms (exactly, away from the edges)', () => {
    const pages = [A4, LANDSCAPE, A4, A4];
    const view = { x: 310, y: 240, width: 800, height: 600 };
    let layout = layoutPages(pages, 1.3, view.width);
    let scroll = { left: 0, top: 1300 };
    const anchor = anchorAt(layout, scroll.left + view.x, scroll.top + view.y);
    expect(anchor.page).to.equal(1);
    for (const scale of [2.1, 3.7, 1.6]) {
      layout = layoutPages(pages, scale, view.width);
      scroll = scrollFor(layout, anchor, view);
      const p = anchorPosition(layout, anchor);
      expect(p.x - scroll.left).to.be.closeTo(view.x, 1e-9);
      expect(p.y - scroll.top).to.be.closeTo(view.y, 1e-9);
    }
    // Near the top the scroll cannot go negative: the spot moves, the view stays valid.
    const top = scrollFor(layoutPages(pages, 0.5, 800), anchorAt(layoutPages(pages, 1, 800), 400, 30), { ...view, y: 100 });
    expect(top.top).to.equal(0);
    expect(top.left).to.equal(0);
  });

  it('sizes canvases for the screen density and caps their pixels', () => {
    expect(canvasSize(600, 800, 2)).to.deep.equal({ width: 1200, height: 1600, outputScale: 2 });
    const capped = canvasSize(3000, 4000, 2, 4_000_000);
    expect(capped.width * capped.height).to.be.at.most(4_000_000);
    expect(capped.width * capped.height).to.be.greaterThan(3_990_000);
    expect(capped.width / capped.height).to.be.closeTo(3000 / 4000, 0.001);
    expect(canvasSize(10, 10, 0).outputScale).to.equal(1);
  });
});
