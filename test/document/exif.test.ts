import { expect } from '@open-wc/testing';
import { readOrientation, stripJpegExif, type ExifOrientation } from '../../src/document/exif.js';
import { A4, MARGIN, orientationMatrix, placeImage, type Matrix } from '../../src/document/image-layout.js';
import { exifSegment, withExif } from './images.js';

/** A minimal JPEG-shaped byte string: SOI, an APP0, maybe an Exif APP1, SOS, EOI. */
function jpegSkeleton(orientation?: number, littleEndian = false): Uint8Array {
  const app0 = [0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const base = new Uint8Array([0xff, 0xd8, ...app0, 0xff, 0xda, 0, 2, 0xff, 0xd9]);
  return orientation === undefined ? base : withExif(base, orientation, littleEndian);
}

describe('EXIF orientation (pure)', () => {
  it('reads the orientation of a JPEG, big- and little-endian, and 1 when absent', () => {
    for (const o of [1, 3, 6, 8]) {
      expect(readOrientation(jpegSkeleton(o))).to.equal(o);
      expect(readOrientation(jpegSkeleton(o, true))).to.equal(o);
    }
    expect(readOrientation(jpegSkeleton())).to.equal(1);
    expect(readOrientation(jpegSkeleton(9))).to.equal(1); // out of range: as stored
    expect(readOrientation(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0, 4]))).to.equal(1); // truncated
  });

  it('reads the orientation of a PNG eXIf chunk', () => {
    const tiff = exifSegment(6, false).subarray(10); // the TIFF body of the APP1 segment
    const chunk = new Uint8Array(12 + tiff.length);
    new DataView(chunk.buffer).setUint32(0, tiff.length);
    chunk.set(new TextEncoder().encode('eXIf'), 4);
    chunk.set(tiff, 8);
    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    const ihdr = [0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0, 0, 0, 0];
    const iend = [0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0, 0, 0, 0];
    expect(readOrientation(new Uint8Array([...signature, ...ihdr, ...chunk, ...iend]))).to.equal(6);
    expect(readOrientation(new Uint8Array([...signature, ...ihdr, ...iend]))).to.equal(1);
  });

  it('strips the Exif segment and keeps every other byte', () => {
    const plain = jpegSkeleton();
    const stripped = stripJpegExif(jpegSkeleton(6));
    expect([...stripped]).to.deep.equal([...plain]);
    expect(readOrientation(stripped)).to.equal(1);
    expect(stripJpegExif(plain)).to.equal(plain);
  });
});

describe('image placement on its A4 page (pure)', () => {
  it('uses A4 portrait for a tall or square image and landscape for a wide one', () => {
    expect(placeImage(100, 200).page).to.deep.equal({ width: A4.width, height: A4.height });
    expect(placeImage(100, 100).page).to.deep.equal({ width: A4.width, height: A4.height });
    expect(placeImage(300, 200).page).to.deep.equal({ width: A4.height, height: A4.width });
  });

  it('centres the image and scales it to fit inside a 10 mm margin, keeping its proportions', () => {
    expect(MARGIN).to.be.closeTo(28.3465, 1e-4);
    for (const [w, h] of [[32, 32], [600, 375], [1654, 2338], [4000, 100], [100, 4000]] as const) {
      const { page, box } = placeImage(w, h);
      expect(box.width / box.height).to.be.closeTo(w / h, 1e-9);
      expect(box.x).to.be.closeTo(page.width - box.x - box.width, 1e-9);
      expect(box.y).to.be.closeTo(page.height - box.y - box.height, 1e-9);
      expect(Math.min(box.x, box.y)).to.be.closeTo(MARGIN, 1e-9); // touches the margin on one side
      expect(Math.min(box.x, box.y)).to.be.at.least(MARGIN - 1e-9);
    }
    expect(() => placeImage(0, 10)).to.throw(RangeError);
  });

  it('maps each stored corner to where EXIF says it is seen', () => {
    const box = { x: 10, y: 20, width: 300, height: 200 };
    const apply = (m: Matrix, u: number, v: number) => [m[0] * u + m[2] * v + m[4], m[1] * u + m[3] * v + m[5]];
    // Stored top-left pixel (u 0, v 1 in the image's unit square): where the user sees it, per EXIF 2.3.
    const seen: Record<ExifOrientation, 'tl' | 'tr' | 'br' | 'bl'> = { 1: 'tl', 2: 'tr', 3: 'br', 4: 'bl', 5: 'tl', 6: 'tr', 7: 'br', 8: 'bl' };
    const corners = { tl: [10, 220], tr: [310, 220], br: [310, 20], bl: [10, 20] };
    for (const o of [1, 2, 3, 4, 5, 6, 7, 8] as ExifOrientation[]) {
      const m = orientationMatrix(o, box);
      const [x, y] = apply(m, 0, 1);
      expect([x, y], `orientation ${o}`).to.deep.equal(corners[seen[o]]);
      // The whole unit square covers the box exactly.
      const xs = [apply(m, 0, 0)[0], apply(m, 1, 1)[0], apply(m, 1, 0)[0], x];
      expect(Math.min(...xs)).to.equal(10);
      expect(Math.max(...xs)).to.equal(310);
    }
    // Orientation 6: the stored first row is the right-hand column; the stored first column the top row.
    const m6 = orientationMatrix(6, box);
    expect(apply(m6, 1, 1)).to.deep.equal([310, 20]); // stored top-right → bottom-right
    expect(apply(m6, 0, 0)).to.deep.equal([10, 220]); // stored bottom-left → top-left
  });
});
