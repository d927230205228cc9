import { configure } from '../../src/element.js';
import type { JseSignRequest } from '../../src/jse-sign-request.js';

/** In source mode pdf.js's assets come straight from the installed package. */
export const PDFJS_DIST = '/node_modules/pdfjs-dist/';

export function useInstalledPdfJs(): void {
  configure({ assetsBase: PDFJS_DIST });
}

export { nextEvent } from './wait.js';

/** The element holding the focus in `root` (the page by default), through shadow roots. */
export function deepActiveElement(root: DocumentOrShadowRoot = document): Element | null {
  let active = root.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Counts the non-white pixels of a canvas: a rendered page has ink, a blank one has none. */
export function inkPixels(canvas: HTMLCanvasElement): number {
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3] > 0 && (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200)) ink++;
  }
  return ink;
}

export function pageCanvas(el: JseSignRequest, page = 1): HTMLCanvasElement {
  const canvas = (el.shadowRoot!.querySelector("jse-document-viewer")?.shadowRoot ?? el.shadowRoot!).querySelector<HTMLCanvasElement>(`[data-page="${page}"] canvas`);
  if (!canvas) throw new Error(`page ${page} has no canvas`);
  return canvas;
}
