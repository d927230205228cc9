/**
 * Stamping: what the sandbox does with what a signer gave when they sign (SPEC §7, §10 "Field
 * kinds"). A drawn image (signature, initials) is trimmed to its ink, scaled to fit the field
 * without stretching, centred; a text (the date as dd/mm/yyyy, a mention's words, a typed text) is
 * set in Helvetica, fitted to the field, centred. Both are drawn upright as the page is seen on
 * screen — on /Rotate 90/180/270 pages and on pages whose boxes do not start at 0,0. Runs in the
 * browser (pixels are read with a canvas).
 *
 * The sandbox rewrites the file; a real provider would append a signed revision.
 */
import { PDFDocument, StandardFonts, degrees, rgb, type PDFFont, type PDFImage } from 'pdf-lib';
import type { Field } from '../api/types.js';
import { normalizeRotation, type PageGeometry, type Rotation } from '../document/geometry.js';

/** A signature image cropped to its ink, as PNG. */
export interface InkImage {
  png: Uint8Array;
  /** Pixel size of the crop. */
  width: number;
  height: number;
}

/** Where pdf-lib draws an image: `x, y` the image's own lower-left corner, rotated about it. */
export interface ImagePlacement {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Counter-clockwise, in degrees, in PDF user space. */
  rotate: Rotation;
}

export type Inspection =
  | { ok: true; pages: PageGeometry[] }
  | { ok: false; reason: 'encrypted' | 'damaged'; detail: string };

/** Pixels fainter than this (alpha) or paler than this (each channel) are not ink. */
const MIN_ALPHA = 32;
const PAPER = 235;

// cos, sin of the multiples of 90°, exact (Math.cos would leave 6e-17 noise in the PDF).
const TURN: Record<Rotation, [number, number]> = { 0: [1, 0], 90: [0, 1], 180: [-1, 0], 270: [0, -1] };

/**
 * Where to draw an image of `image` proportions in `field` on a page shown with `rotation`, so that
 * on screen it is upright, as large as fits, and centred. Pure.
 *
 * A page with /Rotate R is shown turned R° clockwise, so the image is drawn turned R°
 * counter-clockwise in user space; the field's on-screen width is its PDF height when sideways.
 */
export function signaturePlacement(field: Pick<Field, 'x' | 'y' | 'width' | 'height'>, rotation: Rotation, image: { width: number; height: number }): ImagePlacement {
  const sideways = rotation === 90 || rotation === 270;
  const shownWidth = sideways ? field.height : field.width;
  const shownHeight = sideways ? field.width : field.height;
  const scale = Math.min(shownWidth / image.width, shownHeight / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  const [cos, sin] = TURN[rotation];
  const cx = field.x + field.width / 2;
  const cy = field.y + field.height / 2;
  // The image's centre is origin + (w/2)·u + (h/2)·v with u = (cos, sin), v = (−sin, cos).
  return {
    x: cx - (width / 2) * cos + (height / 2) * sin,
    y: cy - (width / 2) * sin - (height / 2) * cos,
    width,
    height,
    rotate: rotation,
  };
}

/** Where pdf-lib draws a line of text: `x, y` its baseline's start, rotated about it. */
export interface TextPlacement {
  x: number;
  y: number;
  size: number;
  /** Counter-clockwise, in degrees, in PDF user space. */
  rotate: Rotation;
}

/** Share of the field a text may fill: some air around it, as a hand would leave. */
const TEXT_FILL = { width: 0.94, height: 0.8 };

/**
 * Where to set a line of text in `field` on a page shown with `rotation`, so that on screen it is
 * upright, as large as fits (its width and its full height, descenders included) and centred. Pure:
 * `metrics` are the font's at size 1 (`width` of this text, `height` ascender to descender,
 * `descent` below the baseline).
 */
export function textPlacement(
  field: Pick<Field, 'x' | 'y' | 'width' | 'height'>,
  rotation: Rotation,
  metrics: { width: number; height: number; descent: number },
): TextPlacement {
  const sideways = rotation === 90 || rotation === 270;
  const shownWidth = sideways ? field.height : field.width;
  const shownHeight = sideways ? field.width : field.height;
  const size = Math.min((shownWidth * TEXT_FILL.width) / Math.max(metrics.width, 1e-6), (shownHeight * TEXT_FILL.height) / metrics.height);
  const [cos, sin] = TURN[rotation];
  const cx = field.x + field.width / 2;
  const cy = field.y + field.height / 2;
  // As seen, the baseline starts half the width left of the centre and (descent − height/2) above it.
  const a = (-metrics.width * size) / 2;
  const b = (metrics.descent - metrics.height / 2) * size;
  return { x: cx + a * cos - b * sin, y: cy + a * sin + b * cos, size, rotate: rotation };
}

/** The signing date as the provider writes it: dd/mm/yyyy, in France's time zone. */
export function signingDate(at: number | Date): string {
  const parts = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')}`;
}

/** The ink's bounding box in an RGBA pixel buffer, or null when there is no ink. Pure. */
export function inkBounds(data: Uint8ClampedArray, width: number, height: number): { x: number; y: number; width: number; height: number } | null {
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (data[i + 3] < MIN_ALPHA) continue;
      if (data[i] >= PAPER && data[i + 1] >= PAPER && data[i + 2] >= PAPER) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return maxX < 0 ? null : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
}

/** Decodes a drawn signature (PNG or JPEG) and crops it to its ink. Throws when there is no ink. */
export async function trimToInk(image: Blob | Uint8Array | ArrayBuffer): Promise<InkImage> {
  const blob = image instanceof Blob ? image : new Blob([image as BlobPart]);
  const bitmap = await createImageBitmap(blob);
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0);
    const bounds = inkBounds(ctx.getImageData(0, 0, bitmap.width, bitmap.height).data, bitmap.width, bitmap.height);
    if (!bounds) throw new Error('the signature image has no ink');
    const crop = new OffscreenCanvas(bounds.width, bounds.height);
    crop.getContext('2d')!.drawImage(bitmap, -bounds.x, -bounds.y);
    const png = new Uint8Array(await (await crop.convertToBlob({ type: 'image/png' })).arrayBuffer());
    return { png, width: bounds.width, height: bounds.height };
  } finally {
    bitmap.close();
  }
}

/** The page as pdf.js shows it: `view` is the CropBox clipped to the MediaBox, normalised. */
function pageGeometry(page: ReturnType<PDFDocument['getPage']>): PageGeometry {
  const media = normalise(page.getMediaBox());
  const crop = normalise(page.getCropBox());
  const clipped: [number, number, number, number] = [
    Math.max(media[0], crop[0]),
    Math.max(media[1], crop[1]),
    Math.min(media[2], crop[2]),
    Math.min(media[3], crop[3]),
  ];
  const view = clipped[2] > clipped[0] && clipped[3] > clipped[1] ? clipped : media;
  return { view, rotation: normalizeRotation(page.getRotation().angle) };
}

function normalise(box: { x: number; y: number; width: number; height: number }): [number, number, number, number] {
  const x2 = box.x + box.width;
  const y2 = box.y + box.height;
  return [Math.min(box.x, x2), Math.min(box.y, y2), Math.max(box.x, x2), Math.max(box.y, y2)];
}

/**
 * Whether the sandbox can process the document (load it, read its pages, write it back), as a
 * provider would check on receipt. Encrypted files and files pdf-lib cannot parse are refused.
 */
export async function inspectPdf(bytes: Uint8Array): Promise<Inspection> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    const name = error instanceof Error ? error.name + ' ' + error.message : String(error);
    return /encrypt/i.test(name) ? { ok: false, reason: 'encrypted', detail: name } : { ok: false, reason: 'damaged', detail: name };
  }
  if (doc.isEncrypted) return { ok: false, reason: 'encrypted', detail: 'encrypted' };
  try {
    const pages = doc.getPages().map(pageGeometry);
    if (pages.length === 0) return { ok: false, reason: 'damaged', detail: 'no pages' };
    await doc.save();
    return { ok: true, pages };
  } catch (error) {
    return { ok: false, reason: 'damaged', detail: error instanceof Error ? error.message : String(error) };
  }
}

/** What goes in one field: a drawn image (signature, initials) or a line of text (date, mention, text). */
export type Stamp = { field: Field; image: InkImage } | { field: Field; text: string };

/** Ink of typed text: a dark blue, as a pen. */
const TEXT_COLOUR = rgb(0.06, 0.12, 0.4);

/** Draws each image or text in its field and returns the rewritten PDF. */
export async function stampFields(pdf: Uint8Array, stamps: readonly Stamp[]): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const embedded = new Map<InkImage, PDFImage>();
  let font: PDFFont | undefined;
  for (const stamp of stamps) {
    const { field } = stamp;
    const page = doc.getPage(field.page - 1);
    const { rotation } = pageGeometry(page);
    if ('image' in stamp) {
      const { image } = stamp;
      let pdfImage = embedded.get(image);
      if (!pdfImage) {
        pdfImage = await doc.embedPng(image.png);
        embedded.set(image, pdfImage);
      }
      const at = signaturePlacement(field, rotation, image);
      page.drawImage(pdfImage, { x: at.x, y: at.y, width: at.width, height: at.height, rotate: degrees(at.rotate) });
      continue;
    }
    font ??= await doc.embedFont(StandardFonts.Helvetica);
    const text = encodable(font, stamp.text.replace(/\s+/g, ' ').trim());
    if (!text) continue;
    const height = font.heightAtSize(1);
    const metrics = { width: font.widthOfTextAtSize(text, 1), height, descent: height - font.heightAtSize(1, { descender: false }) };
    const at = textPlacement(field, rotation, metrics);
    page.drawText(text, { x: at.x, y: at.y, size: at.size, font, color: TEXT_COLOUR, rotate: degrees(at.rotate) });
  }
  return doc.save();
}

/** The text with what the standard font cannot encode (emoji, other scripts) replaced by "?". */
function encodable(font: PDFFont, text: string): string {
  let out = '';
  for (const ch of text) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += '?';
    }
  }
  return out;
}

/** Draws each image in its field and returns the rewritten PDF. */
export function stampSignatures(pdf: Uint8Array, stamps: readonly { field: Field; image: InkImage }[]): Promise<Uint8Array> {
  return stampFields(pdf, stamps);
}
