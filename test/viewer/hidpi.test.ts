/**
 * Sharp on HiDPI screens (issue 6): with Chromium's device pixel ratio at 2 (real emulation, not a
 * stub), each page canvas has two canvas pixels per CSS pixel, and a page zoomed far in stays
 * within the canvas pixel cap instead of allocating what the zoom alone would ask for, a detail
 * canvas drawing the part on screen sharp.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { MAX_CANVAS_PIXELS } from '../../src/viewer/layout.js';
import { makePdf, serve } from '../helpers/documents.js';
import { inkPixels, useInstalledPdfJs } from '../helpers/element.js';
import { input } from '../helpers/input.js';
import { mount, pageBox, sharpOnScreen } from './helpers.js';

describe('viewer on a HiDPI screen', function () {
  this.timeout(40000);
  before(async () => {
    useInstalledPdfJs();
    await input({ type: 'density', value: 2 });
  });
  after(() => input({ type: 'density', value: 1 }));
  afterEach(() => document.querySelectorAll('jse-sign-request').forEach((e) => e.remove()));

  it('renders two canvas pixels per CSS pixel at density 2', async () => {
    expect(devicePixelRatio).to.equal(2);
    const { viewer } = await mount(await serve(await makePdf([{}, {}]), 'hidpi.pdf'));
    const box = pageBox(viewer, 1);
    const canvas = box.querySelector('canvas')!;
    const r = box.getBoundingClientRect();
    expect(canvas.width).to.equal(Math.floor(r.width * 2));
    expect(canvas.height).to.equal(Math.floor(r.height * 2));
    expect(inkPixels(canvas)).to.be.greaterThan(1000);
  });

  it('caps the canvas pixels when zoomed far in, the part on screen staying sharp', async () => {
    const { viewer } = await mount(await serve(await makePdf([{}]), 'hidpi-zoom.pdf'));
    for (let i = 0; i < 12; i++) await viewer.zoomIn();
    await viewer.whenIdle();
    const box = pageBox(viewer, 1);
    const r = box.getBoundingClientRect();
    expect(r.width * 2 * r.height * 2).to.be.greaterThan(MAX_CANVAS_PIXELS); // the zoom alone would exceed it
    const canvases = [...box.querySelectorAll('canvas')].filter((c) => c.width > 0);
    expect(canvases.length).to.be.greaterThan(0);
    for (const canvas of canvases) expect(canvas.width * canvas.height).to.be.at.most(MAX_CANVAS_PIXELS);
    // The page's own canvas is smaller than the cap; a detail canvas draws what is on screen at density 2.
    expect(sharpOnScreen(viewer, 1, 2)).to.equal(true);
  });
});
