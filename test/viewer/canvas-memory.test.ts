/**
 * Canvas memory bounded by the viewport (issue 13), in real Chromium at device pixel ratio 2: a
 * scroll through a long generated document at 150 % never holds more canvas pixels than the
 * budget of the viewport, no canvas is over the iOS cap, and once scrolling stops every page on
 * screen is painted and sharp.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { MAX_CANVAS_PIXELS, MAX_LIVE_CANVASES } from '../../src/viewer/layout.js';
import { PREVIEW_PIXELS, sharpBudget, viewportPixels } from '../../src/viewer/render-budget.js';
import { makePdf, serve } from '../helpers/documents.js';
import { inkPixels, useInstalledPdfJs } from '../helpers/element.js';
import { input } from '../helpers/input.js';
import type { DocumentViewer } from '../../src/viewer/document-viewer.js';
import { frame, mount, pageBox, scroller, sharpOnScreen, visiblePages } from './helpers.js';

function domCanvases(viewer: DocumentViewer): HTMLCanvasElement[] {
  return [...viewer.shadowRoot!.querySelectorAll('canvas')].filter((c) => c.width > 0);
}

describe('canvas memory bounded by the viewport', function () {
  this.timeout(120000);
  before(async () => {
    useInstalledPdfJs();
    await input({ type: 'density', value: 2 });
  });
  after(() => input({ type: 'density', value: 1 }));
  afterEach(() => document.querySelectorAll('jse-sign-request').forEach((e) => e.remove()));

  it('holds at most the budget of the viewport through a long scroll at 150 %, and paints what is on screen sharp once it stops', async () => {
    const count = 80;
    const { viewer } = await mount(await serve(await makePdf(Array.from({ length: count }, (_, i) => ({ label: `Page ${i + 1}` }))), 'long-hidpi.pdf'), { width: 900, height: 800 });
    while (viewer.zoomPercent < 150) await viewer.zoomIn();
    await viewer.whenIdle();
    const sc = scroller(viewer);
    const budget = viewer.canvasBudget;
    // A function of the viewport alone: the same for 80 pages as for 8.
    expect(budget).to.be.greaterThan(0);
    expect(budget).to.be.at.most(12 * viewportPixels(sc.clientWidth, sc.clientHeight, 2));
    let most = 0;
    let mostDom = 0;
    let biggest = 0;
    let samples = 0;
    const sample = () => {
      samples++;
      most = Math.max(most, viewer.liveCanvasPixels);
      const live = domCanvases(viewer);
      mostDom = Math.max(mostDom, live.reduce((n, c) => n + c.width * c.height, 0));
      biggest = Math.max(biggest, ...live.map((c) => c.width * c.height));
      expect(viewer.liveCanvasCount).to.be.at.most(MAX_LIVE_CANVASES);
    };
    /**
     * Canvases at the screen's density (more pixels than a preview) are bounded by what is in
     * view: one per page on screen at most (its whole page or its detail), pages off screen have
     * previews only. At 150 % an A4 page at density 2 is 8 MP, near three viewports here: drawn
     * whole it would be over this bound; its details (what shows, plus a margin) stay under it.
     */
    const sharpBound = Math.min(sharpBudget(sc.clientWidth, sc.clientHeight, 2), 1.7 * viewportPixels(sc.clientWidth, sc.clientHeight, 2));
    const sharpInView = () => {
      const inView = visiblePages(viewer);
      const sharp = [...viewer.shadowRoot!.querySelectorAll<HTMLElement>('.page')].flatMap((box) =>
        [...box.querySelectorAll('canvas')].filter((c) => c.width * c.height > PREVIEW_PIXELS).map((c) => ({ page: Number(box.dataset.page), c })),
      );
      expect(sharp.every((s) => inView.includes(s.page)), `sharp canvases only for pages in view (${inView.join(', ')})`).to.equal(true);
      expect(sharp.length).to.be.at.most(inView.length);
      expect(sharp.reduce((n, s) => n + s.c.width * s.c.height, 0)).to.be.at.most(sharpBound);
    };
    let steps = 0;
    while (sc.scrollTop + sc.clientHeight < sc.scrollHeight - 1) {
      sc.scrollBy({ top: sc.clientHeight * 0.7, behavior: 'instant' });
      await frame();
      sample();
      // Now and then wait for everything on screen: the sharp canvases and details are then all there.
      if (++steps % 8 === 0) {
        await viewer.whenIdle();
        sample();
        sharpInView();
      }
    }
    await viewer.whenIdle();
    sample();
    sharpInView();
    expect(samples).to.be.greaterThan(count / 2);
    expect(most, 'canvas pixels held (viewer)').to.be.at.most(budget);
    expect(mostDom, 'canvas pixels in the DOM').to.be.at.most(budget);
    expect(biggest).to.be.at.most(MAX_CANVAS_PIXELS);
    // The bound is doing something: every page at full density all along would be far more.
    // (Any page's box: they are all A4, and only the pages near the view have a box in the DOM.)
    const page = pageBox(viewer, count).getBoundingClientRect();
    expect(count * page.width * page.height * 4).to.be.greaterThan(3 * budget);

    const shown = visiblePages(viewer);
    expect(shown).to.include(count);
    for (const n of shown) {
      expect(inkPixels(pageBox(viewer, n).querySelector('canvas')!), `page ${n} painted`).to.be.greaterThan(300);
      expect(sharpOnScreen(viewer, n, 2), `page ${n} sharp`).to.equal(true);
    }

    // Back up in one jump: the pages there are painted and sharp too.
    await viewer.scrollToPage(40);
    await viewer.whenIdle();
    for (const n of visiblePages(viewer)) {
      expect(inkPixels(pageBox(viewer, n).querySelector('canvas')!), `page ${n} painted`).to.be.greaterThan(300);
      expect(sharpOnScreen(viewer, n, 2), `page ${n} sharp`).to.equal(true);
    }
    expect(viewer.liveCanvasPixels).to.be.at.most(budget);
  });

  it('at 500 % draws the part on screen sharp in a detail canvas, every canvas under the cap', async () => {
    const { viewer } = await mount(await serve(await makePdf([{}, {}]), 'deep.pdf'), { width: 900, height: 800 });
    while (viewer.zoomPercent < 500) await viewer.zoomIn();
    await viewer.whenIdle();
    const sc = scroller(viewer);
    const box = pageBox(viewer, 1);
    // The red square (100 pt, 100 pt below the top, 40 pt from the left) in view.
    const k = viewer.scale;
    sc.scrollTo({ top: box.offsetTop + 90 * k, left: box.offsetLeft + 30 * k, behavior: 'instant' });
    await viewer.whenIdle();
    const r = box.getBoundingClientRect();
    expect(r.width * 2 * r.height * 2).to.be.greaterThan(MAX_CANVAS_PIXELS); // the zoom alone would exceed it
    for (const c of domCanvases(viewer)) expect(c.width * c.height).to.be.at.most(MAX_CANVAS_PIXELS);
    const detail = box.querySelector<HTMLCanvasElement>('canvas.detail');
    expect(detail, 'detail canvas').to.not.equal(null);
    expect(sharpOnScreen(viewer, 1, 2)).to.equal(true);
    expect(inkPixels(detail!), 'the red square, drawn in the detail').to.be.greaterThan(1000);
    expect(viewer.liveCanvasPixels).to.be.at.most(viewer.canvasBudget);
  });
});
