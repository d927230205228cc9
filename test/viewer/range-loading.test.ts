import { expect } from '@open-wc/testing';
import {
  PDFDocument,
  StandardFonts,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
  rgb,
} from 'pdf-lib';
import '../../src/index.js';
import { serve } from '../helpers/documents.js';
import { inkPixels, pageCanvas, useInstalledPdfJs } from '../helpers/element.js';
import { spyOnFetch } from '../helpers/fetch-spy.js';
import { mount, pageBox } from './helpers.js';

interface Stats {
  bytes: number;
  requests: { method: string; range: string | null; status: number; bytes: number }[];
}

async function stats(key: string): Promise<Stats> {
  return (await fetch(`/__stats/${key}`)).json() as Promise<Stats>;
}

/** Deterministic noise (incompressible, so the file really is as large as its images). */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed * 2654435761 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/**
 * `pages` pages, each with its own uncompressed image of `imageBytes`. pdf-lib writes objects in
 * the order they were numbered: the images are registered last page first, so page 1's image is
 * the last one in the file, and the page dictionaries, content streams and xref come after all
 * images. Showing page 1 needs the file's tail only; a viewer that reads the file from the start
 * (or prefetches it) reads megabytes.
 */
async function heavyPdf(pages: number, imageBytes: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const width = 128;
  const height = Math.floor(imageBytes / (3 * width));
  const images = new Map<number, ReturnType<typeof doc.context.register>>();
  for (let n = pages; n >= 1; n--) {
    const stream = doc.context.stream(noise(width * height * 3, n), {
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      ColorSpace: 'DeviceRGB',
      BitsPerComponent: 8,
    });
    images.set(n, doc.context.register(stream));
  }
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage([595.28, 841.89]);
    const name = page.node.newXObject('Im', images.get(n)!);
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(400, 0, 0, 300, 100, 420), drawObject(name), popGraphicsState());
    page.drawText(`Page ${n}`, { x: 60, y: 780, size: 28, font, color: rgb(0, 0, 0) });
  }
  return doc.save({ useObjectStreams: false });
}

describe('range loading (real 206 responses, bytes counted by the server)', () => {
  before(useInstalledPdfJs);
  afterEach(() => {
    for (const el of document.querySelectorAll('jse-sign-request')) el.remove();
  });

  it('shows page 1 of a several-MB, 120-page file after ≤ 15 % is sent, then asks for nothing more while the view stays', async function () {
    this.timeout(40000);
    const bytes = await heavyPdf(120, 48 * 1024);
    expect(bytes.length).to.be.greaterThan(5_000_000);
    const size = bytes.length;
    const key = `range-${Date.now()}`;
    const url = `${await serve(bytes, 'gros-dossier.pdf')}?count=${key}`;

    const spy = spyOnFetch();
    let mounted: Awaited<ReturnType<typeof mount>>;
    try {
      mounted = await mount(url);
    } catch (e) {
      spy.restore();
      throw e;
    }
    const { el, viewer } = mounted;
    // jse-ready comes once the first page is painted.
    expect(inkPixels(pageCanvas(el, 1))).to.be.greaterThan(1000);
    const atFirstPaint = (await stats(key)).bytes;
    await viewer.whenIdle();
    const settled = await stats(key);
    // Nothing more while the view stays: once idle, no request of the client is still under way (a
    // background download — pdf.js streaming or auto-fetching — always has its next one out), and
    // another idle round asks for nothing. Counted at the client, not waited for on a clock.
    const inFlight = spy.requests(key).filter((r) => !r.done && !r.cancelled);
    const asked = spy.requests(key).length;
    await viewer.whenIdle();
    const askedLater = spy.requests(key).length;
    spy.restore();

    const report = `${atFirstPaint} B at first paint, ${settled.bytes} B once the pages near the view are drawn, of ${size} B; requests: ${settled.requests
      .map((r) => `${r.method} ${r.range ?? 'whole'} ${r.status} ${r.bytes}`)
      .join(', ')}`;
    expect(atFirstPaint, report).to.be.at.most(size * 0.15);
    expect(settled.bytes, report).to.be.at.most(size * 0.15);
    // Pages really came by ranges.
    expect(settled.requests.filter((r) => r.status === 206).length, report).to.be.greaterThan(1);
    expect(inFlight.map((r) => `${r.method} ${r.range ?? 'whole'}`), `requests under way once idle; ${report}`).to.deep.equal([]);
    expect(askedLater, 'requests asked after the view settled').to.equal(asked);

    // Going far away fetches that page's data (by ranges) and draws it.
    await viewer.scrollToPage(100);
    await viewer.whenIdle();
    expect(inkPixels(pageBox(viewer, 100).querySelector('canvas')!)).to.be.greaterThan(1000);
    const after = await stats(key);
    expect(after.bytes).to.be.greaterThan(settled.bytes);
    expect(after.bytes).to.be.lessThan(size * 0.3);
  });
});
