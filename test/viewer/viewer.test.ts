import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { shownSize, toScreen } from '../../src/document/geometry.js';
import { CSS_PX_PER_POINT, MAX_LIVE_CANVASES, PADDING } from '../../src/viewer/layout.js';
import { makePdf, serve, type PageSpec } from '../helpers/documents.js';
import { inkPixels, useInstalledPdfJs } from '../helpers/element.js';
import { input } from '../helpers/input.js';
import { frame, liveDomCanvases, mount, nextView, pageBox, scroller, spotAt, spotPosition, visiblePages } from './helpers.js';
import { until } from '../helpers/wait.js';

const A4: [number, number, number, number] = [0, 0, 595.28, 841.89];

/** The red square makePdf draws on each page: 100 × 100 pt, 40 pt from the crop box's left, 100 pt below its top. */
function redSquareCentre(spec: PageSpec): { x: number; y: number } {
  const [x1, , , y2] = spec.cropBox ?? spec.mediaBox ?? A4;
  return { x: x1 + 90, y: y2 - 150 };
}

function isRed(canvas: HTMLCanvasElement, x: number, y: number): boolean {
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const [r, g, b] = ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data;
  return r > 200 && g < 60 && b < 60;
}

function toolbarText(el: HTMLElement): string {
  return el.shadowRoot!.querySelector('[part="toolbar"]')!.textContent.replace(/\s+/g, ' ');
}

describe('document viewer', () => {
  before(useInstalledPdfJs);
  afterEach(() => {
    for (const el of document.querySelectorAll('jse-sign-request')) el.remove();
  });

  it('gives every page a box of its shown size and draws mixed sizes and rotations as pdf.js does', async () => {
    const specs: PageSpec[] = [
      { label: 'portrait' },
      { mediaBox: [0, 0, 842, 595], label: 'paysage' },
      { rotate: 90, label: 'rot 90' },
      { mediaBox: [-300, -400, 312, 392], rotate: 180, label: 'rot 180 origine négative' },
      { mediaBox: [0, 0, 700, 900], cropBox: [100, 150, 500, 750], rotate: 270, label: 'rot 270 crop' },
    ];
    const { el, viewer } = await mount(await serve(await makePdf(specs), 'mixte.pdf'));
    // Fit width by default: the widest of the pages read so far (page 1 first, then those near
    // the view: the others are read on demand, SPEC §10) fills the width.
    const read = viewer.document!.pages.known;
    expect(read.length).to.be.below(specs.length);
    expect(Math.max(...read.map((p) => p.width)) * viewer.scale).to.be.closeTo(scroller(viewer).clientWidth - 2 * PADDING, 0.5);
    for (const n of specs.keys()) await el.getPageInfo(n + 1);
    await viewer.whenIdle();
    const scale = viewer.scale;
    // Once every page is read, the widest page as shown fills the width inside the padding.
    const widest = Math.max(...specs.map((s) => shownOf(s).width));
    expect(widest * scale).to.be.closeTo(scroller(viewer).clientWidth - 2 * PADDING, 0.5);

    for (const [i, spec] of specs.entries()) {
      const n = i + 1;
      await viewer.scrollToPage(n);
      const box = pageBox(viewer, n);
      expect(box.getAttribute('part')).to.equal('page');
      const shown = shownOf(spec);
      const r = box.getBoundingClientRect();
      expect(r.width, `page ${n} width`).to.be.closeTo(shown.width * scale, 0.5);
      expect(r.height, `page ${n} height`).to.be.closeTo(shown.height * scale, 0.5);

      await viewer.whenIdle();
      const canvas = box.querySelector('canvas')!;
      expect(canvas, `page ${n} canvas`).to.not.equal(null);
      // The red square is where the geometry module (pdf.js's transform) says it is on screen.
      const page = { view: (spec.cropBox ?? spec.mediaBox ?? A4), rotation: (spec.rotate ?? 0) };
      const k = canvas.width / r.width;
      const at = toScreen(page, redSquareCentre(spec), scale);
      expect(isRed(canvas, at.x * k, at.y * k), `red square of page ${n}`).to.equal(true);
      // …and not where it would be without the rotation.
      if (spec.rotate) {
        const unrotated = toScreen({ ...page, rotation: 0 }, redSquareCentre(spec), scale);
        if (Math.hypot(unrotated.x - at.x, unrotated.y - at.y) > 100 * scale) {
          expect(isRed(canvas, unrotated.x * k, unrotated.y * k)).to.equal(false);
        }
      }
    }
    // The element exports the page part for host styling.
    expect(el.shadowRoot!.querySelector('jse-document-viewer')!.getAttribute('exportparts')).to.contain('page');
  });

  it('renders only near pages, never more than the bound, and paints every page shown once scrolling stops', async () => {
    const count = 130;
    const specs: PageSpec[] = Array.from({ length: count }, (_, i) => ({ label: `Page ${i + 1}`, ...(i % 7 === 3 ? { mediaBox: [0, 0, 842, 595] } : {}) }));
    const { el, viewer } = await mount(await serve(await makePdf(specs), 'long.pdf'));
    const sc = scroller(viewer);
    // Every page has its place from the start (its size estimated until read), so the scrollbar is
    // about right; only the pages near the view have a box in the DOM.
    expect(sc.scrollHeight).to.be.greaterThan(count * 300 * viewer.scale);
    const boxes = viewer.shadowRoot!.querySelectorAll('.page').length;
    expect(boxes).to.be.greaterThan(0);
    expect(boxes).to.be.lessThan(12);
    expect(viewer.renderCount).to.be.lessThan(MAX_LIVE_CANVASES);

    const seen = new Set<HTMLCanvasElement>();
    let most = 0;
    let mostDom = 0;
    const sample = () => {
      most = Math.max(most, viewer.liveCanvasCount);
      const live = liveDomCanvases(viewer);
      mostDom = Math.max(mostDom, live.length);
      for (const c of viewer.shadowRoot!.querySelectorAll('canvas')) seen.add(c);
    };
    // Scroll first → last, a bit less than a viewport per frame, pausing now and then so renders start.
    let steps = 0;
    while (sc.scrollTop + sc.clientHeight < sc.scrollHeight - 1) {
      sc.scrollBy({ top: sc.clientHeight * 0.8, behavior: 'instant' });
      await frame();
      sample();
      if (++steps % 10 === 0) {
        await new Promise((r) => setTimeout(r, 60));
        sample();
      }
    }
    await viewer.whenIdle();
    sample();
    expect(most, 'live canvases (viewer)').to.be.at.most(MAX_LIVE_CANVASES);
    expect(mostDom, 'live canvases (DOM)').to.be.at.most(MAX_LIVE_CANVASES);
    // Canvases dropped on the way gave their memory back.
    expect([...seen].filter((c) => c.width > 0).length).to.be.at.most(MAX_LIVE_CANVASES);
    expect(seen.size, 'pages drawn on the way').to.be.greaterThan(MAX_LIVE_CANVASES);

    const shown = visiblePages(viewer);
    expect(shown).to.include(count);
    for (const n of shown) {
      const canvas = pageBox(viewer, n).querySelector('canvas');
      expect(canvas, `page ${n} has a canvas`).to.not.equal(null);
      expect(inkPixels(canvas!), `page ${n} painted`).to.be.greaterThan(300);
    }
    expect(toolbarText(el)).to.contain(`${count} / ${count}`);

    // A jump to the middle: the pages there are painted too.
    await viewer.scrollToPage(65);
    await viewer.whenIdle();
    expect(toolbarText(el)).to.contain(`65 / ${count}`);
    for (const n of visiblePages(viewer)) expect(inkPixels(pageBox(viewer, n).querySelector('canvas')!), `page ${n}`).to.be.greaterThan(300);
    expect(viewer.liveCanvasCount).to.be.at.most(MAX_LIVE_CANVASES);

    // Smallest zoom, many pages on screen at once: back to the top under the same bound.
    while (viewer.zoomPercent > 25) await viewer.zoomOut();
    while (sc.scrollTop > 0) {
      sc.scrollBy({ top: -sc.clientHeight * 0.9, behavior: 'instant' });
      await frame();
      sample();
    }
    await viewer.whenIdle();
    sample();
    expect(most).to.be.at.most(MAX_LIVE_CANVASES);
    expect(mostDom).to.be.at.most(MAX_LIVE_CANVASES);
    const many = visiblePages(viewer);
    expect(many.length).to.be.greaterThan(2);
    for (const n of many) expect(inkPixels(pageBox(viewer, n).querySelector('canvas')!), `page ${n} at 25 %`).to.be.greaterThan(50);
  });

  it('draws sharp on the screen density, within the canvas pixel cap', async () => {
    const { viewer } = await mount(await serve(await makePdf([{}, {}]), 'net.pdf'));
    const box = pageBox(viewer, 1);
    const canvas = box.querySelector('canvas')!;
    const r = box.getBoundingClientRect();
    expect(canvas.width).to.equal(Math.floor(r.width * devicePixelRatio));
    expect(canvas.height).to.equal(Math.floor(r.height * devicePixelRatio));
  });

  it('zoom buttons keep the top of the current page in place and the toolbar follows', async () => {
    const { el, viewer } = await mount(await serve(await makePdf(Array.from({ length: 8 }, () => ({}))), 'zoom.pdf'));
    const fit = viewer.scale;
    await viewer.scrollToPage(3);
    const before = pageBox(viewer, 3).getBoundingClientRect();
    const button = (label: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;

    let view = nextView(viewer);
    button('Zoom avant').click();
    await view;
    await viewer.whenIdle();
    expect(viewer.scale).to.be.greaterThan(fit);
    let after = pageBox(viewer, 3).getBoundingClientRect();
    expect(after.top).to.be.closeTo(before.top, 2);
    expect(after.width).to.be.closeTo((before.width * viewer.scale) / fit, 0.5);
    expect(toolbarText(el)).to.contain(`${viewer.zoomPercent} %`);
    expect(toolbarText(el)).to.contain('3 / 8');
    expect(inkPixels(pageBox(viewer, 3).querySelector('canvas')!)).to.be.greaterThan(300);
    // Sharp where it shows: the page drawn whole at the screen's density, or (a page bigger than
    // the viewport allows) a detail canvas at that density over a preview.
    const canvases = [...pageBox(viewer, 3).querySelectorAll('canvas')];
    const sharp = canvases.find((c) => c.classList.contains('detail')) ?? canvases[0];
    expect(sharp.width).to.be.closeTo(sharp.getBoundingClientRect().width * devicePixelRatio, 1);
    expect(inkPixels(sharp)).to.be.greaterThan(300);
    if (sharp === canvases[0]) expect(sharp.width).to.equal(Math.floor(after.width * devicePixelRatio));

    view = nextView(viewer);
    button('Zoom arrière').click();
    await view;
    button('Zoom arrière').click();
    await nextView(viewer);
    expect(viewer.scale).to.be.lessThan(fit);
    after = pageBox(viewer, 3).getBoundingClientRect();
    expect(after.top).to.be.closeTo(before.top, 2);

    view = nextView(viewer);
    button('Ajuster à la largeur').click();
    await view;
    expect(viewer.scale).to.be.closeTo(fit, 1e-9);
    expect(pageBox(viewer, 3).getBoundingClientRect().top).to.be.closeTo(before.top, 2);
    expect(Math.round((fit / CSS_PX_PER_POINT) * 100)).to.equal(viewer.zoomPercent);
  });

  it('Ctrl+wheel zooms around the pointer (real wheel input), within 2 px', async () => {
    const { viewer } = await mount(await serve(await makePdf(Array.from({ length: 6 }, () => ({}))), 'wheel.pdf'));
    await viewer.scrollToPage(2);
    const fit = viewer.scale;
    const view = scroller(viewer).getBoundingClientRect();
    for (const [x, y] of [
      [view.left + view.width * 0.3, view.top + view.height * 0.6],
      [view.left + view.width * 0.8, view.top + view.height * 0.25],
    ] as const) {
      const spot = spotAt(viewer, x, y);
      await input({ type: 'wheel', x, y, deltaY: -120, modifiers: ['Control'] });
      await viewer.whenIdle();
      const now = spotPosition(viewer, spot);
      expect(now.x, `x after zoom in at ${x},${y}`).to.be.closeTo(x, 2);
      expect(now.y, `y after zoom in at ${x},${y}`).to.be.closeTo(y, 2);
    }
    expect(viewer.scale).to.be.greaterThan(fit * 1.5);
    const zoomed = viewer.scale;
    const p = { x: view.left + view.width * 0.6, y: view.top + view.height * 0.5 };
    const spot = spotAt(viewer, p.x, p.y);
    await input({ type: 'wheel', ...p, deltaY: 80, modifiers: ['Control'] });
    await viewer.whenIdle();
    expect(viewer.scale).to.be.lessThan(zoomed);
    const now = spotPosition(viewer, spot);
    expect(now.x).to.be.closeTo(p.x, 2);
    expect(now.y).to.be.closeTo(p.y, 2);
    // A plain wheel scrolls and does not zoom.
    const scale = viewer.scale;
    const top = scroller(viewer).scrollTop;
    await input({ type: 'wheel', ...p, deltaY: 200 });
    await viewer.whenIdle();
    expect(viewer.scale).to.equal(scale);
    expect(scroller(viewer).scrollTop).to.be.greaterThan(top);
  });

  it('pinch zooms around the fingers (real multi-touch), within 2 px', async () => {
    const { el, viewer } = await mount(await serve(await makePdf(Array.from({ length: 4 }, () => ({}))), 'pinch.pdf'));
    const fit = viewer.scale;
    const view = scroller(viewer).getBoundingClientRect();
    const c = { x: view.left + view.width * 0.55, y: view.top + view.height * 0.5 };
    const spot = spotAt(viewer, c.x, c.y);
    const steps: Parameters<typeof input> = [{ type: 'touch', action: 'start', points: [{ x: c.x - 60, y: c.y - 20 }, { x: c.x + 60, y: c.y + 20 }] }];
    for (let i = 1; i <= 10; i++) {
      const k = 1 + i * 0.1;
      steps.push({ type: 'touch', action: 'move', points: [{ x: c.x - 60 * k, y: c.y - 20 * k }, { x: c.x + 60 * k, y: c.y + 20 * k }] });
    }
    steps.push({ type: 'touch', action: 'end', points: [] });
    await input(...steps);
    await viewer.whenIdle();
    // The fingers end twice as far apart as they started (the pinch may be recognised on the first move).
    expect(viewer.scale / fit).to.be.within(1.75, 2.05);
    const now = spotPosition(viewer, spot);
    expect(now.x).to.be.closeTo(c.x, 2);
    expect(now.y).to.be.closeTo(c.y, 2);
    expect(inkPixels(pageBox(viewer, spot.page).querySelector('canvas')!)).to.be.greaterThan(300);
    // The fingers were a pinch, not a tap: no field was placed under them.
    expect(el.fields).to.have.length(0);
  });

  it('follows the width while at fit width, keyboard zooms from the focused pages, and is accessible', async () => {
    const { el, viewer } = await mount(await serve(await makePdf(Array.from({ length: 5 }, () => ({}))), 'clavier.pdf'));
    await expect(el).to.be.accessible();
    await viewer.scrollToPage(2);
    const top = pageBox(viewer, 2).getBoundingClientRect().top;
    const fit = viewer.scale;
    // The host panel grows: still fit to width, the top of the current page where it was.
    el.style.width = '1300px';
    await until(() => viewer.scale > fit, 'the fit zoom follows the panel');
    await viewer.whenIdle();
    expect(viewer.scale).to.be.greaterThan(fit);
    expect(viewer.scale * 595.28).to.be.closeTo(scroller(viewer).clientWidth - 2 * PADDING, 0.5);
    expect(pageBox(viewer, 2).getBoundingClientRect().top).to.be.closeTo(top, 2);

    // Keyboard: the pages take the focus; Ctrl+= / Ctrl+- zoom, Ctrl+0 fits the width again.
    const fitted = viewer.scale;
    scroller(viewer).focus();
    await input({ type: 'key', action: 'down', key: 'Control' }, { type: 'key', action: 'press', key: '=' }, { type: 'key', action: 'up', key: 'Control' });
    await viewer.whenIdle();
    expect(viewer.scale).to.be.greaterThan(fitted);
    await input({ type: 'key', action: 'down', key: 'Control' }, { type: 'key', action: 'press', key: '0' }, { type: 'key', action: 'up', key: 'Control' });
    await viewer.whenIdle();
    expect(viewer.scale).to.be.closeTo(fitted, 1e-9);
    expect(pageBox(viewer, 2).getBoundingClientRect().top).to.be.closeTo(top, 2);
  });
});

function shownOf(spec: PageSpec): { width: number; height: number } {
  return shownSize({ view: spec.cropBox ?? spec.mediaBox ?? A4, rotation: spec.rotate ?? 0 });
}
