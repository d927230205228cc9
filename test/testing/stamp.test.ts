/**
 * Stamping fidelity (SPEC §7): a signature stamped in a field, then the signed page rendered by
 * pdf.js, must show its ink inside the field (1 pt tolerance), spanning at least 90 % of the field
 * on its tighter axis, centred, and upright as the page is seen — on rotated pages and on boxes that do not
 * start at 0,0, real ones from the corpus and the same cases generated here.
 */
import { expect } from '@open-wc/testing';
import { rectToPdf, shownSize, type PageGeometry } from '../../src/document/geometry.js';
import type { Field } from '../../src/api/types.js';
import { inkBounds, inspectPdf, signaturePlacement, stampSignatures, trimToInk } from '../../src/testing/stamp.js';
import { SCALE, diffInk, distance, inkGrid, render, sourceGrid, withPage } from './ink.js';
import { fixturesPresent, makePdf, type PageSpec } from '../helpers/documents.js';
import { useInstalledPdfJs } from '../helpers/element.js';
import { drawnSignature } from './helpers.js';

before(() => {
  useInstalledPdfJs();
});

/**
 * Places a field as the sender would (180 × 60 as seen, or smaller on a small page, in the lower
 * middle of the page as shown), stamps `signature` in it and checks the rendered ink.
 */
async function checkStamp(bytes: Uint8Array, pageNumber: number, signature: Blob, expected: { rotation?: number; offsetOrigin?: boolean } = {}): Promise<void> {
  const original = await withPage(bytes, pageNumber, async (page) => ({
    geometry: { view: page.view as unknown as PageGeometry['view'], rotation: page.rotate } as PageGeometry,
    pixels: await render(page),
  }));
  const { geometry } = original;
  if (expected.rotation !== undefined) expect(geometry.rotation, 'the case has the rotation it claims').to.equal(expected.rotation);
  if (expected.offsetOrigin) expect(geometry.view[0] !== 0 || geometry.view[1] !== 0, 'the case has a box not at 0,0').to.equal(true);

  const shown = shownSize(geometry);
  const width = Math.min(180, shown.width * 0.4);
  const onScreen = { x: (shown.width - width) / 2, y: shown.height * 0.72, width, height: width / 3 };
  const field: Field = { signerId: 's1', page: pageNumber, ...rectToPdf(geometry, onScreen, 1) };

  const ink = await trimToInk(signature);
  const inspection = await inspectPdf(bytes);
  expect(inspection.ok, 'pdf-lib processes the document').to.equal(true);
  const stamped = await stampSignatures(bytes, [{ field, image: ink }]);

  await withPage(stamped, pageNumber, async (page) => {
    const after = await render(page);
    const viewport = page.getViewport({ scale: SCALE });
    // The field on screen by pdf.js's own transform, not ours.
    const [ax, ay] = viewport.convertToViewportPoint(field.x, field.y) as [number, number];
    const [bx, by] = viewport.convertToViewportPoint(field.x + field.width, field.y + field.height) as [number, number];
    const f = { x: Math.min(ax, bx), y: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
    const found = diffInk(original.pixels, after);
    expect(found, 'the signature shows on the page').to.not.equal(null);
    const { box } = found!;
    const tolerance = 1 * SCALE + 1; // 1 pt, plus the pixel a box edge can round to
    expect(box.x, 'left edge inside the field').to.be.at.least(f.x - tolerance);
    expect(box.y, 'top edge inside the field').to.be.at.least(f.y - tolerance);
    expect(box.x + box.width, 'right edge inside the field').to.be.at.most(f.x + f.width + tolerance);
    expect(box.y + box.height, 'bottom edge inside the field').to.be.at.most(f.y + f.height + tolerance);
    expect(Math.max(box.width / f.width, box.height / f.height), 'fills the field on its tighter axis').to.be.at.least(0.9);
    expect(box.width, 'upright: the wide signature is wide on screen').to.be.greaterThan(box.height);
    expect(Math.abs(box.x + box.width / 2 - (f.x + f.width / 2)), 'centred across').to.be.at.most(tolerance);
    expect(Math.abs(box.y + box.height / 2 - (f.y + f.height / 2)), 'centred down').to.be.at.most(tolerance);
    // Upright, the ink on screen has the image's shape; turned half a turn, it would match the
    // image turned half a turn better (a quarter turn is caught by the wide-axis check above).
    const shape = inkGrid(box, found!.isInk);
    const source = await sourceGrid(ink);
    expect(distance(shape, source), 'reads upright, not upside down').to.be.lessThan(distance(shape, [...source].reverse()));
  });
}

describe('stamping: pure placement', () => {
  const image = { width: 300, height: 100 };
  const field = { x: 100, y: 200, width: 180, height: 60 };

  it('fits and centres without stretching on an upright page', () => {
    const at = signaturePlacement(field, 0, image);
    expect(at).to.deep.equal({ x: 100, y: 200, width: 180, height: 60, rotate: 0 });
    const tall = signaturePlacement(field, 0, { width: 100, height: 100 });
    expect(tall).to.deep.equal({ x: 160, y: 200, width: 60, height: 60, rotate: 0 });
  });

  it('turns the image against the page rotation, keeping its footprint in the field', () => {
    const sideways = { x: 100, y: 200, width: 60, height: 180 }; // 180 × 60 as seen on /Rotate 90 or 270
    // rotate 90: the image's width runs up the y axis from its origin, its height leftwards.
    expect(signaturePlacement(sideways, 90, image)).to.deep.equal({ x: 160, y: 200, width: 180, height: 60, rotate: 90 });
    expect(signaturePlacement(sideways, 270, image)).to.deep.equal({ x: 100, y: 380, width: 180, height: 60, rotate: 270 });
    expect(signaturePlacement(field, 180, image)).to.deep.equal({ x: 280, y: 260, width: 180, height: 60, rotate: 180 });
  });

  it('finds the ink box, ignoring transparent and paper-white pixels', () => {
    const data = new Uint8ClampedArray(4 * 4 * 3);
    const set = (x: number, y: number, rgba: number[]): void => data.set(rgba, (y * 4 + x) * 4);
    set(0, 0, [0, 0, 0, 0]); // transparent black: not ink
    set(3, 0, [255, 255, 255, 255]); // paper: not ink
    set(1, 1, [20, 20, 90, 255]);
    set(2, 2, [20, 20, 90, 200]);
    expect(inkBounds(data, 4, 3)).to.deep.equal({ x: 1, y: 1, width: 2, height: 2 });
    expect(inkBounds(new Uint8ClampedArray(16), 2, 2)).to.equal(null);
  });

  it('trims a drawn signature to its ink, on transparency and on a white background', async () => {
    const transparent = await trimToInk(await drawnSignature());
    // The strokes span x ≈ 95…585 and y ≈ 35…215 of the 640 × 260 pad.
    expect(transparent.width).to.be.within(480, 500);
    expect(transparent.height).to.be.within(170, 190);
    const pad = new OffscreenCanvas(400, 200);
    const ctx = pad.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 400, 200);
    ctx.fillStyle = '#000';
    ctx.fillRect(50, 60, 200, 40);
    const white = await trimToInk(await pad.convertToBlob({ type: 'image/jpeg', quality: 1 }));
    expect(white.width).to.be.within(199, 203);
    expect(white.height).to.be.within(39, 43);
    let empty: unknown;
    const blank = new OffscreenCanvas(10, 10);
    blank.getContext('2d');
    await trimToInk(await blank.convertToBlob()).catch((e: unknown) => (empty = e));
    expect(String(empty)).to.contain('no ink');
  });
});

const GENERATED: { name: string; spec: PageSpec; expected: { rotation?: number; offsetOrigin?: boolean } }[] = [
  { name: '/Rotate 0', spec: {}, expected: { rotation: 0 } },
  { name: '/Rotate 90', spec: { rotate: 90 }, expected: { rotation: 90 } },
  { name: '/Rotate 180', spec: { rotate: 180 }, expected: { rotation: 180 } },
  { name: '/Rotate 270', spec: { rotate: 270 }, expected: { rotation: 270 } },
  { name: 'offset CropBox (as issue6413)', spec: { mediaBox: [0, 0, 1190, 1684], cropBox: [173, 247, 1014, 1437] }, expected: { offsetOrigin: true } },
  { name: 'MediaBox origin (357, 490) (as issue1350)', spec: { mediaBox: [357, 490, 969, 1282] }, expected: { offsetOrigin: true } },
  { name: 'offset CropBox and /Rotate 90', spec: { mediaBox: [0, 0, 1190, 1684], cropBox: [173, 247, 1014, 1437], rotate: 90 }, expected: { rotation: 90, offsetOrigin: true } },
  { name: 'MediaBox origin (0, 482) and /Rotate 270', spec: { mediaBox: [0, 482, 612, 1274], rotate: 270 }, expected: { rotation: 270, offsetOrigin: true } },
];

describe('stamping fidelity on generated pages', () => {
  let signature: Blob;
  before(async () => {
    signature = await drawnSignature();
  });
  for (const { name, spec, expected } of GENERATED) {
    it(name, async () => {
      const bytes = await makePdf([{ label: 'first' }, spec]);
      await checkStamp(bytes, 2, signature, expected);
    });
  }

  it('stamps every field of the signer, across pages, in one pass', async () => {
    const bytes = await makePdf([{ rotate: 90 }, {}]);
    const ink = await trimToInk(signature);
    const fields: Field[] = [
      { signerId: 's1', page: 1, x: 100, y: 100, width: 60, height: 180 },
      { signerId: 's1', page: 2, x: 100, y: 100, width: 180, height: 60 },
    ];
    const stamped = await stampSignatures(bytes, fields.map((field) => ({ field, image: ink })));
    for (const n of [1, 2]) {
      const [before, after] = [await withPage(bytes, n, render), await withPage(stamped, n, render)];
      expect(diffInk(before, after), `page ${n} has the signature`).to.not.equal(null);
    }
  });
});

const REAL: { file: string; page: number; expected: { rotation?: number; offsetOrigin?: boolean } }[] = [
  { file: 'rotation.pdf', page: 1, expected: { rotation: 0 } },
  { file: 'rotation.pdf', page: 2, expected: { rotation: 90 } },
  { file: 'issue14415.pdf', page: 1, expected: { rotation: 180 } },
  { file: 'pr20043.pdf', page: 1, expected: { rotation: 270 } },
  { file: 'issue6413.pdf', page: 1, expected: { offsetOrigin: true } },
  { file: 'issue1350.pdf', page: 1, expected: {} },
  { file: 'issue1350.pdf', page: 2, expected: { offsetOrigin: true } },
  { file: 'issue1350.pdf', page: 3, expected: { offsetOrigin: true } },
];

describe('stamping fidelity on real documents (shared corpus)', () => {
  let signature: Blob;
  before(async function () {
    if (!(await fixturesPresent())) {
      console.log('skipped: the shared fixtures (JSE_FIXTURES, ../shared/fixtures) are absent');
      this.skip();
    }
    signature = await (await fetch('/__fixtures/images/samplesignature.png')).blob();
  });
  for (const { file, page, expected } of REAL) {
    it(`${file} page ${page}`, async () => {
      const bytes = new Uint8Array(await (await fetch(`/__fixtures/pdfs/${file}`)).arrayBuffer());
      await checkStamp(bytes, page, signature, expected);
    });
  }
});
