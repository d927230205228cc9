/** Renders a page of a loaded document to a canvas, for tests that look at pixels. */
import type { LoadedDocument } from '../../src/document/types.js';

export async function renderPage(doc: LoadedDocument, n = 1, scale = 1): Promise<HTMLCanvasElement> {
  const page = await doc.pdf.getPage(n);
  const viewport = page.getViewport({ scale });
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(viewport.width);
  canvas.height = Math.round(viewport.height);
  await page.render({ canvas, viewport }).promise;
  return canvas;
}

/** The average colour of a rectangle of the canvas, as [r, g, b] 0–255. */
export function averageColour(canvas: HTMLCanvasElement, x: number, y: number, w: number, h: number): [number, number, number] {
  const { data } = canvas.getContext('2d', { willReadFrequently: true })!.getImageData(Math.round(x), Math.round(y), Math.round(w), Math.round(h));
  const sum = [0, 0, 0];
  for (let i = 0; i < data.length; i += 4) {
    // Transparent pixels count as the white page they are drawn on.
    const a = data[i + 3] / 255;
    for (let c = 0; c < 3; c++) sum[c] += data[i + c] * a + 255 * (1 - a);
  }
  const n = data.length / 4;
  return [sum[0] / n, sum[1] / n, sum[2] / n];
}
