/**
 * A page as the viewer shows it, without the viewer: a pdf.js canvas and a `<jse-placement-layer>`
 * in a sized box, with a real Draft. Expected rectangles come from pdf.js's own viewport
 * (`convertToPdfPoint`), never from the geometry module under test.
 */
import type { PageViewport, PDFDocumentProxy, PDFPageProxy } from '../../src/document/pdfjs.js';
import { openPdf } from '../../src/document/pdfjs.js';
import { Draft } from '../../src/draft/draft.js';
import type { PlacementLayer } from '../../src/placement/placement-layer.js';
import { makePdf, type PageSpec } from '../helpers/documents.js';

export interface Screen {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Mounted {
  scroller: HTMLDivElement;
  box: HTMLDivElement;
  canvas: HTMLCanvasElement;
  layer: PlacementLayer;
  draft: Draft;
  page: PDFPageProxy;
  pdf: PDFDocumentProxy;
  viewport: PageViewport;
  /** Re-renders the canvas and the layer at another zoom, as the viewer does. */
  zoom(scale: number): Promise<void>;
  /** Viewport (client) coordinates of a point given in the page box's CSS px. */
  client(x: number, y: number): { x: number; y: number };
  /** The PDF rectangle pdf.js gives for a rectangle in the page box's CSS px. */
  pdfRect(r: Screen): { x: number; y: number; width: number; height: number };
  /** The page box's CSS px rectangle of a PDF rectangle, by pdf.js. */
  screenRect(r: { x: number; y: number; width: number; height: number }): Screen;
  fieldElements(): HTMLElement[];
  destroy(): Promise<void>;
}

export interface MountOptions {
  scale?: number;
  /** Make the surrounding box scroll (for touch: a field drag must not scroll it, elsewhere it must). */
  scrollable?: boolean;
  left?: number;
  top?: number;
}

export async function mountPage(spec: PageSpec, options: MountOptions = {}): Promise<Mounted> {
  // The element defines its parts in its own scoped registry; this page uses the layer alone.
  if (!customElements.get('jse-placement-layer')) {
    customElements.define('jse-placement-layer', (await import('../../src/placement/placement-layer.js')).PlacementLayer);
  }
  const task = await openPdf({ data: await makePdf([spec]) });
  const pdf = await task.promise;
  const page = await pdf.getPage(1);
  const scroller = document.createElement('div');
  scroller.style.cssText = `position:fixed;left:${options.left ?? 120}px;top:${options.top ?? 40}px;${
    options.scrollable ? 'height:420px;overflow:auto;width:660px' : ''
  }`;
  const box = document.createElement('div');
  box.style.cssText = 'position:relative;background:#fff';
  const canvas = document.createElement('canvas');
  canvas.style.cssText = 'display:block;width:100%;height:100%';
  const layer = document.createElement('jse-placement-layer') as PlacementLayer;
  const draft = new Draft();
  box.append(canvas, layer);
  scroller.append(box);
  if (options.scrollable) {
    const below = document.createElement('div');
    below.style.height = '800px';
    scroller.append(below);
  }
  document.body.append(scroller);
  const m: Mounted = {
    scroller,
    box,
    canvas,
    layer,
    draft,
    page,
    pdf,
    viewport: page.getViewport({ scale: 1 }),
    async zoom(scale: number) {
      const viewport = page.getViewport({ scale });
      m.viewport = viewport;
      box.style.width = `${viewport.width}px`;
      box.style.height = `${viewport.height}px`;
      canvas.width = Math.round(viewport.width);
      canvas.height = Math.round(viewport.height);
      await page.render({ canvas, viewport }).promise;
      layer.pageNumber = 1;
      layer.geometry = { view: page.view, rotation: page.rotate };
      layer.scale = scale;
      layer.draft = draft;
      await layer.updateComplete;
    },
    client(x, y) {
      const r = box.getBoundingClientRect();
      return { x: r.left + x, y: r.top + y };
    },
    pdfRect(r) {
      const [ax, ay] = m.viewport.convertToPdfPoint(r.x, r.y) as [number, number];
      const [bx, by] = m.viewport.convertToPdfPoint(r.x + r.width, r.y + r.height) as [number, number];
      return { x: Math.min(ax, bx), y: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
    },
    screenRect(r) {
      const [ax, ay] = m.viewport.convertToViewportPoint(r.x, r.y) as [number, number];
      const [bx, by] = m.viewport.convertToViewportPoint(r.x + r.width, r.y + r.height) as [number, number];
      return { x: Math.min(ax, bx), y: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
    },
    fieldElements() {
      return [...layer.shadowRoot!.querySelectorAll<HTMLElement>('.field')];
    },
    async destroy() {
      scroller.remove();
      await task.destroy();
    },
  };
  await m.zoom(options.scale ?? 0.6);
  return m;
}

/** Waits for the layer to draw the draft's latest state (and a frame for input to land). */
export async function settle(m: Mounted): Promise<void> {
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  await m.layer.updateComplete;
}

export { deepActiveElement } from '../helpers/element.js';

/** The bounding box, in CSS px of the canvas, of its red pixels (the square makePdf draws). */
export function redBounds(canvas: HTMLCanvasElement): { left: number; top: number; right: number; bottom: number } {
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  let [l, t, r, b] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (data[i] > 200 && data[i + 1] < 60 && data[i + 2] < 60) {
        l = Math.min(l, x);
        t = Math.min(t, y);
        r = Math.max(r, x + 1);
        b = Math.max(b, y + 1);
      }
    }
  }
  const k = canvas.getBoundingClientRect().width / canvas.width;
  return { left: l * k, top: t * k, right: r * k, bottom: b * k };
}
