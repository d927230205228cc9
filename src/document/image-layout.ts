/**
 * Where an image goes on its PDF page (SPEC §3): an A4 page, portrait or landscape as the image is
 * seen, the image centred and scaled to fit inside a 10 mm margin, turned by its EXIF orientation.
 * Pure: the numbers only; image-to-pdf.ts draws them with pdf-lib.
 */
import type { ExifOrientation } from './exif.js';

/** A4 in points, as pdf-lib's `PageSizes.A4`. */
export const A4 = { width: 595.28, height: 841.89 } as const;
/** 10 mm in points. */
export const MARGIN = (10 / 25.4) * 72;

export interface ImagePlacement {
  page: { width: number; height: number };
  /** The image as seen (orientation applied), in PDF points, lower-left origin. */
  box: { x: number; y: number; width: number; height: number };
}

/** The page and the image's box for an image of that size as seen (orientation applied). */
export function placeImage(shownWidth: number, shownHeight: number): ImagePlacement {
  if (!(shownWidth > 0 && shownHeight > 0)) throw new RangeError(`image size must be positive: ${shownWidth}×${shownHeight}`);
  const page = shownWidth > shownHeight ? { width: A4.height, height: A4.width } : { width: A4.width, height: A4.height };
  const scale = Math.min((page.width - 2 * MARGIN) / shownWidth, (page.height - 2 * MARGIN) / shownHeight);
  const width = shownWidth * scale;
  const height = shownHeight * scale;
  return { page, box: { x: (page.width - width) / 2, y: (page.height - height) / 2, width, height } };
}

/** A PDF transformation matrix [a b c d e f]. */
export type Matrix = [number, number, number, number, number, number];

/**
 * The matrix that draws an image XObject (the unit square, its first stored row at the top) so that
 * it fills `box` as the user saw it: EXIF says how the stored pixels map to the shown picture.
 *
 * With s, t the stored position (0–1, from the left and from the top) and p, q the shown one, each
 * orientation is an affine map (p, q) = f(s, t); the XObject's unit square has u = s, v = 1 − t,
 * and the page has X = x + p·width, Y = y + (1 − q)·height.
 */
export function orientationMatrix(orientation: ExifOrientation, box: ImagePlacement['box']): Matrix {
  // [ps, pt, p0, qs, qt, q0]: p = ps·s + pt·t + p0, q = qs·s + qt·t + q0 (EXIF 2.3, tag 0x0112).
  const maps: Record<ExifOrientation, [number, number, number, number, number, number]> = {
    1: [1, 0, 0, 0, 1, 0], // row 0 top, column 0 left
    2: [-1, 0, 1, 0, 1, 0], // row 0 top, column 0 right
    3: [-1, 0, 1, 0, -1, 1], // row 0 bottom, column 0 right
    4: [1, 0, 0, 0, -1, 1], // row 0 bottom, column 0 left
    5: [0, 1, 0, 1, 0, 0], // row 0 left, column 0 top
    6: [0, -1, 1, 1, 0, 0], // row 0 right, column 0 top
    7: [0, -1, 1, -1, 0, 1], // row 0 right, column 0 bottom
    8: [0, 1, 0, -1, 0, 1], // row 0 left, column 0 bottom
  };
  const [ps, pt, p0, qs, qt, q0] = maps[orientation];
  const { x, y, width, height } = box;
  return [width * ps, -height * qs, -width * pt, height * qt, x + width * (pt + p0), y + height * (1 - qt - q0)];
}
