import { expect } from '@open-wc/testing';
import {
  clampToPage,
  isInsidePage,
  normalizeRotation,
  rectToPdf,
  rectToScreen,
  shownSize,
  shownToPdfSize,
  toPdf,
  toScreen,
  type PageGeometry,
  type Rotation,
} from '../../src/document/geometry.js';
import { openPdf, type PDFDocumentProxy, type PDFPageProxy } from '../../src/document/pdfjs.js';
import { makePdf, fixturesPresent, type PageSpec } from '../helpers/documents.js';
import { useInstalledPdfJs } from '../helpers/element.js';

const ROTATIONS: Rotation[] = [0, 90, 180, 270];
const SCALES = [0.37, 1, 4 / 3, 2.5];
/** "Exact to 0.01 pt": a screen distance of 0.01 pt at that scale. */
const TOLERANCE_PT = 0.01;

type Box = [number, number, number, number];
const BOXES: { name: string; media: Box; crop?: Box }[] = [
  { name: 'A4 at the origin', media: [0, 0, 595.28, 841.89] },
  { name: 'offset crop box', media: [0, 0, 800, 1000], crop: [100, 200, 400, 650] },
  { name: 'negative origin', media: [-300, -420, 312.5, 391] },
  { name: 'negative crop inside', media: [-500, -500, 500, 500], crop: [-250.25, -100, 180, 333.3] },
];

async function open(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const task = await openPdf({ data: bytes });
  return task.promise;
}

function geometryOf(page: PDFPageProxy): PageGeometry {
  return { view: page.view as unknown as [number, number, number, number], rotation: normalizeRotation(page.rotate) };
}

/** Screen points spread over the page as shown, corners included. */
function samplePoints(width: number, height: number): { x: number; y: number }[] {
  const points = [];
  for (const fx of [0, 0.13, 0.5, 0.87, 1]) for (const fy of [0, 0.29, 0.5, 0.71, 1]) points.push({ x: fx * width, y: fy * height });
  return points;
}

/** Checks geometry.ts against pdf.js's PageViewport for one page at several scales. */
function compareWithPdfJs(page: PDFPageProxy, label: string): void {
  const g = geometryOf(page);
  for (const scale of SCALES) {
    const viewport = page.getViewport({ scale });
    const size = shownSize(g, scale);
    expect(size.width, `${label} width @${scale}`).to.be.closeTo(viewport.width, 1e-6);
    expect(size.height, `${label} height @${scale}`).to.be.closeTo(viewport.height, 1e-6);
    for (const s of samplePoints(viewport.width, viewport.height)) {
      const ours = toPdf(g, s, scale);
      const [px, py] = viewport.convertToPdfPoint(s.x, s.y) as [number, number];
      expect(ours.x, `${label} toPdf x @${scale} (${s.x},${s.y})`).to.be.closeTo(px, TOLERANCE_PT);
      expect(ours.y, `${label} toPdf y @${scale} (${s.x},${s.y})`).to.be.closeTo(py, TOLERANCE_PT);
      const back = toScreen(g, ours, scale);
      expect(back.x, `${label} round trip x @${scale}`).to.be.closeTo(s.x, TOLERANCE_PT * scale);
      expect(back.y, `${label} round trip y @${scale}`).to.be.closeTo(s.y, TOLERANCE_PT * scale);
      const [vx, vy] = viewport.convertToViewportPoint(ours.x, ours.y) as [number, number];
      expect(back.x, `${label} toScreen x vs pdf.js`).to.be.closeTo(vx, TOLERANCE_PT * scale);
      expect(back.y, `${label} toScreen y vs pdf.js`).to.be.closeTo(vy, TOLERANCE_PT * scale);
    }
  }
}

describe('page geometry (pure) against pdf.js', () => {
  before(useInstalledPdfJs);

  it('matches PageViewport on generated pages: four rotations × offset and negative boxes × several zooms', async () => {
    const specs: PageSpec[] = [];
    for (const box of BOXES) for (const rotate of ROTATIONS) specs.push({ mediaBox: box.media, ...(box.crop ? { cropBox: box.crop } : {}), rotate });
    const pdf = await open(await makePdf(specs));
    try {
      for (const [i, spec] of specs.entries()) {
        const page = await pdf.getPage(i + 1);
        const label = `${BOXES[Math.floor(i / 4)].name} /Rotate ${spec.rotate}`;
        // The generated page really has the box and rotation asked for.
        expect([...page.view], label).to.deep.equal(spec.cropBox ?? spec.mediaBox);
        expect(normalizeRotation(page.rotate), label).to.equal(spec.rotate);
        compareWithPdfJs(page, label);
      }
    } finally {
      await pdf.loadingTask.destroy();
    }
  });

  it('round-trips rectangles screen → PDF → screen and keeps the shown orientation of sizes', () => {
    for (const box of BOXES) {
      for (const rotation of ROTATIONS) {
        const g: PageGeometry = { view: box.crop ?? box.media, rotation };
        for (const scale of SCALES) {
          const screen = { x: 17.25, y: 33.5, width: 180 * scale, height: 60 * scale };
          const pdf = rectToPdf(g, screen, scale);
          // A field 180 × 60 as seen is 60 × 180 in PDF units on a page shown sideways (SPEC §2).
          const expected = shownToPdfSize(g, { width: 180, height: 60 });
          expect(pdf.width).to.be.closeTo(expected.width, 1e-9);
          expect(pdf.height).to.be.closeTo(expected.height, 1e-9);
          const back = rectToScreen(g, pdf, scale);
          for (const k of ['x', 'y', 'width', 'height'] as const) expect(back[k], `${box.name} ${rotation} ${k}`).to.be.closeTo(screen[k], TOLERANCE_PT * scale);
        }
      }
    }
  });

  it('normalises rotations and keeps clamped rectangles inside the page box', () => {
    expect([-90, 450, 720, -270, 180].map(normalizeRotation)).to.deep.equal([270, 90, 0, 90, 180]);
    const g: PageGeometry = { view: [-300, -420, 312.5, 391], rotation: 90 };
    const clamped = clampToPage(g, { x: 290, y: -500, width: 60, height: 180 });
    expect(clamped).to.deep.equal({ x: 252.5, y: -420, width: 60, height: 180 });
    expect(isInsidePage(g, clamped)).to.equal(true);
    expect(isInsidePage(g, { x: 290, y: 0, width: 60, height: 10 })).to.equal(false);
    // Larger than the page: shrunk to it.
    expect(clampToPage(g, { x: 0, y: 0, width: 5000, height: 20 })).to.deep.equal({ x: -300, y: 0, width: 612.5, height: 20 });
  });

  describe('on real rotated and cropped files (shared corpus)', () => {
    before(async function () {
      if (!(await fixturesPresent())) {
        console.warn('geometry corpus tests skipped: no fixtures at JSE_FIXTURES (default ../shared/fixtures); generated pages cover the same cases');
        this.skip();
      }
    });

    const FIXTURES: { name: string; expect: (pages: PageGeometry[]) => void }[] = [
      { name: 'rotation.pdf', expect: (p) => void expect(p.map((g) => g.rotation)).to.deep.equal([0, 90]) },
      { name: 'issue14415.pdf', expect: (p) => void expect(p[0].rotation).to.equal(180) },
      { name: 'pr20043.pdf', expect: (p) => void expect(p[0].rotation).to.equal(270) },
      { name: 'issue6413.pdf', expect: (p) => void expect([...p[0].view]).to.deep.equal([173, 247, 1014, 1437]) },
      { name: 'issue1350.pdf', expect: (p) => void expect(p.some((g) => g.view[0] !== 0 || g.view[1] !== 0)).to.equal(true) },
    ];

    for (const fixture of FIXTURES) {
      it(`${fixture.name}: a screen point maps to the PDF point pdf.js gives`, async () => {
        const task = await openPdf({ url: `/__fixtures/pdfs/${fixture.name}` });
        const pdf = await task.promise;
        try {
          const geometries: PageGeometry[] = [];
          for (let n = 1; n <= pdf.numPages; n++) {
            const page = await pdf.getPage(n);
            geometries.push(geometryOf(page));
            compareWithPdfJs(page, `${fixture.name} p${n}`);
          }
          // The file has the rotation or box it is in the corpus for.
          fixture.expect(geometries);
        } finally {
          await task.destroy();
        }
      });
    }
  });
});
