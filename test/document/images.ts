/** Images the tests build themselves: canvas-drawn PNG/JPEG, and an Exif segment to add to a JPEG. */

/** An APP1 Exif segment whose IFD0 holds only the orientation tag. */
export function exifSegment(orientation: number, littleEndian = false): Uint8Array {
  const tiff = new Uint8Array(8 + 2 + 12 + 4);
  const view = new DataView(tiff.buffer);
  view.setUint16(0, littleEndian ? 0x4949 : 0x4d4d);
  view.setUint16(2, 42, littleEndian);
  view.setUint32(4, 8, littleEndian); // IFD0 right after the header
  view.setUint16(8, 1, littleEndian); // one entry
  view.setUint16(10, 0x0112, littleEndian); // Orientation
  view.setUint16(12, 3, littleEndian); // SHORT
  view.setUint32(14, 1, littleEndian); // count 1
  view.setUint16(18, orientation, littleEndian); // value, left-justified
  view.setUint32(22, 0, littleEndian); // no next IFD
  const segment = new Uint8Array(4 + 6 + tiff.length);
  segment.set([0xff, 0xe1, ((segment.length - 2) >> 8) & 0xff, (segment.length - 2) & 0xff, 0x45, 0x78, 0x69, 0x66, 0, 0]);
  segment.set(tiff, 10);
  return segment;
}

/** The JPEG with an Exif orientation segment inserted right after SOI. */
export function withExif(jpeg: Uint8Array, orientation: number, littleEndian = false): Uint8Array {
  const segment = exifSegment(orientation, littleEndian);
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(jpeg.subarray(0, 2));
  out.set(segment, 2);
  out.set(jpeg.subarray(2), 2 + segment.length);
  return out;
}

/** A canvas image as bytes: the left half red and the right half blue unless `draw` says otherwise. */
export async function canvasImage(
  width: number,
  height: number,
  type: 'image/png' | 'image/jpeg',
  draw?: (ctx: CanvasRenderingContext2D) => void,
): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  if (draw) draw(ctx);
  else {
    ctx.fillStyle = '#ff0000';
    ctx.fillRect(0, 0, width / 2, height);
    ctx.fillStyle = '#0000ff';
    ctx.fillRect(width / 2, 0, width / 2, height);
  }
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob'))), type, 0.95));
  return new Uint8Array(await blob.arrayBuffer());
}
