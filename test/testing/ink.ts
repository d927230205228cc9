/** Rendering stamped pages with pdf.js and finding the stamp's ink (shared by the stamping tests). */
import { openPdf, type PDFPageProxy } from '../../src/document/pdfjs.js';
import { inkBounds, type InkImage } from '../../src/testing/stamp.js';

/** Canvas pixels per point of the renderings. */
export const SCALE = 2;

export async function withPage<T>(bytes: Uint8Array, n: number, use: (page: PDFPageProxy) => T | Promise<T>): Promise<T> {
  const task = await openPdf({ data: bytes.slice() });
  try {
    const pdf = await task.promise;
    return await use(await pdf.getPage(n));
  } finally {
    await task.destroy();
  }
}

export async function render(page: PDFPageProxy): Promise<ImageData> {
  const viewport = page.getViewport({ scale: SCALE });
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(viewport.width);
  canvas.height = Math.round(viewport.height);
  await page.render({ canvas, viewport }).promise;
  return canvas.getContext('2d', { willReadFrequently: true })!.getImageData(0, 0, canvas.width, canvas.height);
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where two renderings differ: the stamp's ink, whatever the page's own content. */
export function diffInk(before: ImageData, after: ImageData): { box: Box; isInk: (x: number, y: number) => boolean } | null {
  const { width, height } = after;
  const mask = new Uint8Array(width * height);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const d = Math.abs(before.data[i] - after.data[i]) + Math.abs(before.data[i + 1] - after.data[i + 1]) + Math.abs(before.data[i + 2] - after.data[i + 2]);
      if (d < 90) continue;
      mask[y * width + x] = 1;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  if (maxX < 0) return null;
  return { box: { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 }, isInk: (x, y) => mask[y * width + x] === 1 };
}

export const COLS = 8;
export const ROWS = 4;

/** Share of the ink in each cell of a COLS × ROWS grid laid over the ink box: the signature's shape. */
export function inkGrid(box: Box, isInk: (x: number, y: number) => boolean): number[] {
  const cells = new Array<number>(COLS * ROWS).fill(0);
  let total = 0;
  for (let y = box.y; y < box.y + box.height; y++) {
    for (let x = box.x; x < box.x + box.width; x++) {
      if (!isInk(x, y)) continue;
      const col = Math.min(COLS - 1, Math.floor(((x - box.x) / box.width) * COLS));
      const row = Math.min(ROWS - 1, Math.floor(((y - box.y) / box.height) * ROWS));
      cells[row * COLS + col] += 1;
      total++;
    }
  }
  return cells.map((c) => c / total);
}

/** The shape of the signature image itself, on the same grid. */
export async function sourceGrid(image: InkImage): Promise<number[]> {
  const bitmap = await createImageBitmap(new Blob([image.png as BlobPart], { type: 'image/png' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(bitmap, 0, 0);
  const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
  const bounds = inkBounds(data, bitmap.width, bitmap.height)!;
  return inkGrid(bounds, (x, y) => {
    const i = (y * bitmap.width + x) * 4;
    return data[i + 3] >= 128 && Math.min(data[i], data[i + 1], data[i + 2]) < 200;
  });
}

export function distance(a: number[], b: number[]): number {
  return a.reduce((sum, v, i) => sum + Math.abs(v - b[i]), 0);
}

