/**
 * Images become the one-page PDF they are shown and sent as (SPEC §3), on images the tests make:
 * A4 portrait or landscape, centred inside a 10 mm margin, turned as the user saw them (EXIF).
 */
import { expect } from '@open-wc/testing';
import { loadDocument } from '../../src/document/loader.js';
import { A4, MARGIN } from '../../src/document/image-layout.js';
import { serve } from '../helpers/documents.js';
import { useInstalledPdfJs } from '../helpers/element.js';
import { canvasImage, withExif } from './images.js';
import { averageColour, renderPage } from './render.js';

type RGB = [number, number, number];
const isRed = ([r, g, b]: RGB) => r > 200 && g < 60 && b < 60;
const isBlue = ([r, g, b]: RGB) => b > 200 && r < 60 && g < 60;

/** Where the image lies on a rendered page: its box (portrait or landscape A4) at `scale`. */
function imageBox(width: number, height: number, shownW: number, shownH: number, scale: number) {
  const fit = Math.min((width - 2 * MARGIN) / shownW, (height - 2 * MARGIN) / shownH);
  const w = shownW * fit * scale;
  const h = shownH * fit * scale;
  return { x: (width * scale - w) / 2, y: (height * scale - h) / 2, w, h };
}

describe('images as one-page PDFs (generated images)', function () {
  this.timeout(30000);
  before(useInstalledPdfJs);

  it('a wide PNG: landscape A4, centred, scaled to fit the 10 mm margin', async () => {
    const png = await canvasImage(400, 200, 'image/png');
    const doc = await loadDocument(await serve(png, 'schéma.png'));
    expect(doc).to.include({ type: 'image', mime: 'image/png', size: png.length, name: 'schéma.png' });
    expect(doc.pages.list).to.deep.equal([{ number: 1, view: [0, 0, A4.height, A4.width], rotation: 0, width: A4.height, height: A4.width }]);
    const canvas = await renderPage(doc, 1, 1);
    const box = imageBox(A4.height, A4.width, 400, 200, 1);
    // 400×200 in 785×539 pt: the width is the limit, so the left and right margins are exactly 10 mm.
    expect(box.x).to.be.closeTo(MARGIN, 0.01);
    expect(isRed(averageColour(canvas, box.x + 4, box.y + 4, box.w / 2 - 8, box.h - 8))).to.equal(true);
    expect(isBlue(averageColour(canvas, box.x + box.w / 2 + 4, box.y + 4, box.w / 2 - 8, box.h - 8))).to.equal(true);
    const white: RGB = averageColour(canvas, 0, 0, box.x - 2, canvas.height);
    expect(Math.min(...white)).to.be.above(254);
    expect(Math.min(...averageColour(canvas, 0, 0, canvas.width, box.y - 2))).to.be.above(254);
    const pdf = await doc.bytes();
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).to.equal('%PDF-');
    await doc.destroy();
  });

  it('a tall JPEG: portrait A4; the same image gives the same PDF bytes', async () => {
    const jpeg = await canvasImage(150, 300, 'image/jpeg');
    const src = await serve(jpeg, 'scan.jpg');
    const a = await loadDocument(src);
    const b = await loadDocument(src);
    expect(a.pages.list[0].view).to.deep.equal([0, 0, A4.width, A4.height]);
    expect([...(await a.bytes())]).to.deep.equal([...(await b.bytes())]);
    await a.destroy();
    await b.destroy();
  });

  it('a JPEG with EXIF orientation 6 becomes an upright page, as the browser shows it', async () => {
    // Stored 200×100: left half red, right half blue. Orientation 6 turns it a quarter clockwise to be
    // seen: 100×200, red on top, blue below.
    const jpeg = withExif(await canvasImage(200, 100, 'image/jpeg'), 6);
    const seen = await createImageBitmap(new Blob([jpeg as BlobPart], { type: 'image/jpeg' }));
    expect([seen.width, seen.height], 'the browser applies the orientation').to.deep.equal([100, 200]);
    const shownCanvas = document.createElement('canvas');
    [shownCanvas.width, shownCanvas.height] = [100, 200];
    shownCanvas.getContext('2d')!.drawImage(seen, 0, 0);
    expect(isRed(averageColour(shownCanvas, 10, 10, 80, 80))).to.equal(true);
    expect(isBlue(averageColour(shownCanvas, 10, 110, 80, 80))).to.equal(true);

    const doc = await loadDocument(await serve(jpeg, 'photo-telephone.jpg'));
    expect(doc.pages.list[0]).to.deep.equal({ number: 1, view: [0, 0, A4.width, A4.height], rotation: 0, width: A4.width, height: A4.height });
    const canvas = await renderPage(doc, 1, 1);
    const box = imageBox(A4.width, A4.height, 100, 200, 1);
    expect(isRed(averageColour(canvas, box.x + 8, box.y + 8, box.w - 16, box.h / 2 - 16)), 'red on top').to.equal(true);
    expect(isBlue(averageColour(canvas, box.x + 8, box.y + box.h / 2 + 8, box.w - 16, box.h / 2 - 16)), 'blue below').to.equal(true);
    // The tag is gone from the embedded JPEG, so no viewer can turn it a second time.
    const pdfText = new TextDecoder('latin1').decode(await doc.bytes());
    expect(pdfText).not.to.contain('Exif\u0000\u0000');
    await doc.destroy();
  });

  for (const [orientation, topLeft] of [
    [3, 'blue'],
    [8, 'blue'],
    [2, 'blue'],
  ] as const) {
    it(`a JPEG with EXIF orientation ${orientation} shows ${topLeft} at its top-left, like the browser`, async () => {
      const jpeg = withExif(await canvasImage(200, 100, 'image/jpeg'), orientation);
      const seen = await createImageBitmap(new Blob([jpeg as BlobPart], { type: 'image/jpeg' }));
      const doc = await loadDocument(await serve(jpeg, 'p.jpg'));
      const { width, height } = doc.pages.list[0];
      const canvas = await renderPage(doc, 1, 1);
      const box = imageBox(width, height, seen.width, seen.height, 1);
      const corner = averageColour(canvas, box.x + 5, box.y + 5, 20, 20);
      expect((topLeft === 'blue' ? isBlue : isRed)(corner)).to.equal(true);
      const shown = document.createElement('canvas');
      [shown.width, shown.height] = [seen.width, seen.height];
      shown.getContext('2d')!.drawImage(seen, 0, 0);
      expect((topLeft === 'blue' ? isBlue : isRed)(averageColour(shown, 2, 2, 10, 10)), 'the browser agrees').to.equal(true);
      await doc.destroy();
    });
  }
});
