/**
 * EXIF orientation: phones store a photo as the sensor saw it and say in EXIF how to turn it.
 * Browsers apply it when they show the photo, so the user saw it turned; the PDF page must show it
 * the same way (SPEC §3). PDF viewers ignore EXIF inside a PDF's JPEG, so the loader applies the
 * orientation in the page's drawing and strips the tag from the embedded JPEG (a viewer that
 * did honour it would otherwise turn the image twice). Pure: bytes in, numbers or bytes out.
 */

/** EXIF orientation 1–8 (1: as stored). */
export type ExifOrientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

const ORIENTATION_TAG = 0x0112;

/** The orientation of a JPEG (APP1 Exif) or PNG (`eXIf` chunk); 1 when absent or unreadable. */
export function readOrientation(bytes: Uint8Array): ExifOrientation {
  const tiff = isPng(bytes) ? pngExif(bytes) : jpegExif(bytes)?.tiff;
  return tiff ? orientationFromTiff(tiff) : 1;
}

/** True when the orientation puts the image on its side (its width and height swap on screen). */
export function swapsSides(orientation: ExifOrientation): boolean {
  return orientation >= 5;
}

/** The JPEG without its APP1 Exif segments (everything else, ICC profile included, kept byte for byte). */
export function stripJpegExif(bytes: Uint8Array): Uint8Array {
  const segments = jpegSegments(bytes).filter((s) => s.isExif);
  if (segments.length === 0) return bytes;
  const out = new Uint8Array(bytes.length - segments.reduce((n, s) => n + s.end - s.start, 0));
  let from = 0;
  let to = 0;
  for (const s of segments) {
    out.set(bytes.subarray(from, s.start), to);
    to += s.start - from;
    from = s.end;
  }
  out.set(bytes.subarray(from), to);
  return out;
}

interface Segment {
  start: number;
  end: number;
  isExif: boolean;
  tiff?: Uint8Array;
}

/** The segments before the image data (SOS), with where each starts and ends. */
function jpegSegments(bytes: Uint8Array): Segment[] {
  const segments: Segment[] = [];
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return segments;
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) break;
    const marker = bytes[i + 1];
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // start of scan / end of image
    const length = (bytes[i + 2] << 8) | bytes[i + 3];
    const end = i + 2 + length;
    if (length < 2 || end > bytes.length) break;
    const isExif =
      marker === 0xe1 &&
      length >= 8 &&
      bytes[i + 4] === 0x45 && // E
      bytes[i + 5] === 0x78 && // x
      bytes[i + 6] === 0x69 && // i
      bytes[i + 7] === 0x66 && // f
      bytes[i + 8] === 0 &&
      bytes[i + 9] === 0;
    segments.push({ start: i, end, isExif, ...(isExif ? { tiff: bytes.subarray(i + 10, end) } : {}) });
    i = end;
  }
  return segments;
}

function jpegExif(bytes: Uint8Array): Segment | undefined {
  return jpegSegments(bytes).find((s) => s.isExif);
}

function isPng(bytes: Uint8Array): boolean {
  return bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
}

function pngExif(bytes: Uint8Array): Uint8Array | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = 8;
  while (i + 8 <= bytes.length) {
    const length = view.getUint32(i);
    const type = String.fromCharCode(bytes[i + 4], bytes[i + 5], bytes[i + 6], bytes[i + 7]);
    if (type === 'eXIf') return bytes.subarray(i + 8, Math.min(bytes.length, i + 8 + length));
    if (type === 'IDAT' || type === 'IEND') return undefined; // eXIf must come before the image data
    i += 12 + length;
  }
  return undefined;
}

/** Reads tag 0x0112 of IFD0 of a TIFF structure (the body of an Exif block). */
function orientationFromTiff(tiff: Uint8Array): ExifOrientation {
  if (tiff.length < 8) return 1;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const order = view.getUint16(0);
  if (order !== 0x4949 && order !== 0x4d4d) return 1;
  const little = order === 0x4949;
  if (view.getUint16(2, little) !== 42) return 1;
  const ifd = view.getUint32(4, little);
  if (ifd + 2 > tiff.length) return 1;
  const count = view.getUint16(ifd, little);
  for (let n = 0; n < count; n++) {
    const entry = ifd + 2 + n * 12;
    if (entry + 12 > tiff.length) return 1;
    if (view.getUint16(entry, little) === ORIENTATION_TAG) {
      const value = view.getUint16(entry + 8, little); // SHORT, left-justified in the value field
      return value >= 1 && value <= 8 ? (value as ExifOrientation) : 1;
    }
  }
  return 1;
}
