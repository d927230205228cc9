import { expect } from '@open-wc/testing';
import { CSS_PX_PER_POINT, MAX_CANVAS_PIXELS, layoutPages, pagesInBand, type Layout } from '../../src/viewer/layout.js';
import {
  DETAIL_OVERFLOW,
  PREVIEW_PIXELS,
  canvasBudget,
  sharpBudget,
  covers,
  oversized,
  planCanvases,
  planPixels,
  viewportPixels,
  type PagePlan,
  type Rect,
} from '../../src/viewer/render-budget.js';

const A4 = { width: 595.28, height: 841.89 };
const VIEW = { width: 800, height: 800 };

function view(top: number, left = 0): Rect {
  return { left, top, ...VIEW };
}

/** The pages the viewer would keep near `v`: the visible ones, then up to a viewport above and below. */
function nearOf(layout: Layout, v: Rect, max = 8): number[] {
  const centre = v.top + v.height / 2;
  const band = pagesInBand(layout, v.top - v.height, v.top + 2 * v.height);
  const d = (i: number) => Math.max(0, layout.slots[i].top - centre, centre - layout.slots[i].top - layout.slots[i].height);
  return band.sort((a, b) => d(a) - d(b)).slice(0, max);
}

function plan(layout: Layout, v: Rect, dpr = 2): PagePlan[] {
  return planCanvases({ slots: layout.slots, view: v, near: nearOf(layout, v), dpr });
}

describe('render budget', () => {
  it('draws a page on screen whole at the screen density and its neighbours as small previews', () => {
    const layout = layoutPages(Array(20).fill(A4), 1, VIEW.width); // 595 × 842 CSS px pages
    const plans = plan(layout, view(layout.slots[3].top));
    const shown = plans.filter((p) => p.visible);
    expect(shown.map((p) => p.index)).to.include(3);
    const page4 = plans.find((p) => p.index === 3)!;
    expect(page4.base.outputScale).to.equal(2);
    expect(page4.base.width).to.equal(Math.floor(595.28 * 2));
    expect(page4.detail).to.equal(undefined);
    const off = plans.filter((p) => !p.visible);
    expect(off.length).to.be.greaterThan(0);
    for (const p of off) expect(p.base.width * p.base.height).to.be.at.most(PREVIEW_PIXELS);
  });

  it('at a deep zoom gives a big page a preview and a sharp detail of what is on screen', () => {
    const scale = 5 * CSS_PX_PER_POINT; // 500 %
    const layout = layoutPages(Array(3).fill(A4), scale, VIEW.width);
    const s = layout.slots[0];
    const v = view(s.top + 1000, s.left + 900);
    const [first] = plan(layout, v);
    expect(first.index).to.equal(0);
    expect(first.base.width * first.base.height).to.be.at.most(PREVIEW_PIXELS);
    const detail = first.detail!;
    expect(detail.canvas.outputScale).to.equal(2);
    // What is on screen of the page, in the page's own coordinates, is inside the detail.
    expect(detail.visible).to.deep.equal({ left: 900, top: 1000, width: 800, height: 800 });
    expect(covers(detail.rect, detail.visible)).to.equal(true);
    expect(detail.rect.width).to.be.closeTo(800 * (1 + 2 * DETAIL_OVERFLOW), 0.01);
    expect(detail.canvas.width * detail.canvas.height).to.be.at.most(MAX_CANVAS_PIXELS);
  });

  it('keeps every canvas under the iOS cap, shrinking the detail margin then its density on a huge viewport', () => {
    const scale = 5 * CSS_PX_PER_POINT;
    const layout = layoutPages([{ width: 2384, height: 3370 }], scale, 3000); // A0 at 500 %
    const v = { left: 100, top: 100, width: 3000, height: 2000 };
    const [p] = planCanvases({ slots: layout.slots, view: v, near: [0], dpr: 2 });
    expect(p.base.width * p.base.height).to.be.at.most(MAX_CANVAS_PIXELS);
    expect(p.detail!.canvas.width * p.detail!.canvas.height).to.be.at.most(MAX_CANVAS_PIXELS);
    expect(covers(p.detail!.rect, p.detail!.visible)).to.equal(true);
  });

  it('needs no more than the budget of the viewport at any zoom and scroll position, whatever the page count', () => {
    const budget = canvasBudget(VIEW.width, VIEW.height, 2, 8, 0);
    for (const pages of [10, 1000]) {
      for (const percent of [25, 50, 100, 150, 200, 300, 500]) {
        const layout = layoutPages(Array.from({ length: pages }, (_, i) => (i % 5 === 2 ? { width: A4.height, height: A4.width } : A4)), (percent / 100) * CSS_PX_PER_POINT, VIEW.width);
        const maxTop = Math.min(layout.height - VIEW.height, 40 * 1200 * (percent / 100));
        for (let top = 0; top < maxTop; top += VIEW.height * 0.37) {
          const plans = plan(layout, view(top, Math.max(0, (layout.width - VIEW.width) / 2)));
          const total = plans.reduce((n, p) => n + planPixels(p), 0);
          expect(total, `${pages} pages at ${percent} %, top ${top}`).to.be.at.most(budget);
          for (const p of plans) {
            expect(p.base.width * p.base.height).to.be.at.most(MAX_CANVAS_PIXELS);
            if (p.detail) expect(p.detail.canvas.width * p.detail.canvas.height).to.be.at.most(MAX_CANVAS_PIXELS);
          }
          // Canvases at the screen's density are bounded by what is on screen, whatever the zoom:
          // pages drawn whole that fit, else details of their part on screen.
          // (A page so small that its preview is at the screen's density is not counted.)
          const sharpBase = (p: PagePlan) => p.base.outputScale >= 2 && p.base.width * p.base.height > PREVIEW_PIXELS;
          const sharp = plans.reduce((n, p) => n + (sharpBase(p) ? p.base.width * p.base.height : 0) + (p.detail ? p.detail.canvas.width * p.detail.canvas.height : 0), 0);
          expect(sharp, `sharp pixels, ${pages} pages at ${percent} %, top ${top}`).to.be.at.most(sharpBudget(VIEW.width, VIEW.height, 2));
          expect(plans.filter((p) => sharpBase(p) || p.detail).every((p) => p.visible), 'only pages on screen are sharp').to.equal(true);
          // Every page on screen gets a canvas.
          expect(plans.filter((p) => p.visible).length).to.equal(pagesInBand(layout, top, top + VIEW.height).length);
        }
      }
    }
  });

  it('the budget grows with the viewport and the density, not with the pages', () => {
    expect(canvasBudget(800, 800, 2, 8)).to.be.greaterThan(canvasBudget(800, 800, 1, 8));
    expect(canvasBudget(1600, 800, 2, 8)).to.be.greaterThan(canvasBudget(800, 800, 2, 8));
    // 800 × 800 CSS px at density 2, RGBA: within the target for a scroll at 150 % (102 MiB).
    expect((canvasBudget(800, 800, 2, 8) * 4) / 2 ** 20).to.be.at.most(102);
    // At most about three viewports at the screen's density (whole pages that fit, details).
    expect(sharpBudget(800, 800, 2)).to.be.at.most(3.5 * viewportPixels(800, 800, 2));
  });

  it('redraws a kept detail that holds far more than what its page now shows', () => {
    const drawn = { left: 0, top: 0, width: 1000, height: 1000 };
    expect(oversized(drawn, { left: 0, top: 0, width: 1000, height: 900 })).to.equal(false);
    expect(oversized(drawn, { left: 0, top: 500, width: 1000, height: 500 })).to.equal(true);
  });

  it('says whether a drawn detail still covers what is on screen', () => {
    const drawn = { left: 0, top: 100, width: 500, height: 500 };
    expect(covers(drawn, { left: 10, top: 110, width: 400, height: 400 })).to.equal(true);
    expect(covers(drawn, { left: 10, top: 50, width: 400, height: 400 })).to.equal(false);
    expect(covers(drawn, { left: 200, top: 300, width: 400, height: 400 })).to.equal(false);
  });
});
