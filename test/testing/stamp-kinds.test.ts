/**
 * Every field kind stamped (SPEC §10, issue 15), then rendered with pdf.js: each kind's ink inside
 * its field (±1 pt), upright as the page is seen; the date and the mention read back with pdf.js's
 * text content. Then the signer journey: initials drawn, each mention and text asked in order.
 */
import { expect } from '@open-wc/testing';
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { Field, FieldKind } from '../../src/api/types.js';
import { rectToPdf, shownSize, type PageGeometry } from '../../src/document/geometry.js';
import { openPdf, type PDFPageProxy } from '../../src/document/pdfjs.js';
import { createSandbox, JourneyError, type Sandbox } from '../../src/testing/index.js';
import { signingDate, stampFields, textPlacement, trimToInk, type InkImage, type Stamp } from '../../src/testing/stamp.js';
import { makePdf, type PageSpec } from '../helpers/documents.js';
import { useInstalledPdfJs } from '../helpers/element.js';
import { body, drawnSignature, PAUL, PlainClient } from './helpers.js';
import { SCALE, diffInk, distance, inkGrid, render, sourceGrid, withPage, type Box } from './ink.js';

before(useInstalledPdfJs);

const CASES: [string, PageSpec][] = [
  ['an upright A4 page', {}],
  ['a /Rotate 90 page whose box starts at (50, 100)', { mediaBox: [50, 100, 645, 942], rotate: 90 }],
  ['a /Rotate 270 page', { rotate: 270 }],
  ['a /Rotate 180 page with an offset CropBox', { mediaBox: [0, 0, 700, 900], cropBox: [40, 60, 640, 860], rotate: 180 }],
];

/** Where each kind goes, as seen (fractions of the page shown), with its size as seen in points. */
const LAYOUT: { kind: FieldKind; fx: number; fy: number; width: number; height: number; text?: string }[] = [
  { kind: 'signature', fx: 0.1, fy: 0.08, width: 180, height: 60 },
  { kind: 'initials', fx: 0.75, fy: 0.08, width: 60, height: 30 },
  { kind: 'date', fx: 0.1, fy: 0.3, width: 100, height: 20 },
  { kind: 'mention', fx: 0.1, fy: 0.45, width: 180, height: 40, text: 'Lu et approuvé' },
  { kind: 'text', fx: 0.1, fy: 0.62, width: 180, height: 30, text: 'Lyon' },
];

interface Found {
  field: Field;
  /** The field on screen by pdf.js's viewport, in canvas px. */
  box: Box;
  ink: { box: Box; isInk: (x: number, y: number) => boolean } | null;
}

/** pdf.js's own mapping of a PDF rectangle to canvas px. */
function viewportBox(page: PDFPageProxy, f: Field): Box {
  const viewport = page.getViewport({ scale: SCALE });
  const [ax, ay] = viewport.convertToViewportPoint(f.x, f.y) as [number, number];
  const [bx, by] = viewport.convertToViewportPoint(f.x + f.width, f.y + f.height) as [number, number];
  return { x: Math.min(ax, bx), y: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
}

/** The ink that appeared within `margin` px around a box (fields are laid far enough apart). */
function inkNear(before: ImageData, after: ImageData, box: Box, margin: number) {
  const crop = (img: ImageData): ImageData => {
    const x = Math.max(0, Math.floor(box.x - margin));
    const y = Math.max(0, Math.floor(box.y - margin));
    const w = Math.min(img.width - x, Math.ceil(box.width + 2 * margin));
    const h = Math.min(img.height - y, Math.ceil(box.height + 2 * margin));
    const out = new ImageData(w, h);
    for (let r = 0; r < h; r++) out.data.set(img.data.subarray(((y + r) * img.width + x) * 4, ((y + r) * img.width + x + w) * 4), r * w * 4);
    return Object.assign(out, { ox: x, oy: y });
  };
  const a = crop(before);
  const b = crop(after) as ImageData & { ox: number; oy: number };
  const found = diffInk(a, b);
  if (!found) return null;
  return {
    box: { ...found.box, x: found.box.x + b.ox, y: found.box.y + b.oy },
    isInk: (x: number, y: number) => found.isInk(x - b.ox, y - b.oy),
  };
}

async function stampAll(spec: PageSpec, image: InkImage, date: string): Promise<{ bytes: Uint8Array; stamped: Uint8Array; fields: Field[]; found: Found[]; page: PDFPageProxy; close: () => Promise<void> }> {
  const bytes = await makePdf([spec]);
  const geometry = await withPage(bytes, 1, (p) => ({ view: p.view as unknown as PageGeometry['view'], rotation: p.rotate }) as PageGeometry);
  const shown = shownSize(geometry);
  const fields: Field[] = LAYOUT.map(({ kind, fx, fy, width, height, text }) => ({
    signerId: 's1',
    page: 1,
    kind,
    ...rectToPdf(geometry, { x: shown.width * fx, y: shown.height * fy, width, height }, 1),
    ...(kind === 'mention' ? { text } : kind === 'text' ? { label: 'Ville' } : {}),
  }));
  const stamps: Stamp[] = fields.map((field, i) => {
    const kind = field.kind!;
    if (kind === 'signature' || kind === 'initials') return { field, image };
    return { field, text: kind === 'date' ? date : LAYOUT[i].text! };
  });
  const stamped = await stampFields(bytes, stamps);
  const before = await withPage(bytes, 1, render);
  const task = await openPdf({ data: stamped.slice() });
  const page = await (await task.promise).getPage(1);
  const after = await render(page);
  const found = fields.map((field) => {
    const box = viewportBox(page, field);
    return { field, box, ink: inkNear(before, after, box, 24) };
  });
  return { bytes, stamped, fields, found, page, close: () => task.destroy() };
}

describe('stamping every kind', () => {
  let image: InkImage;
  before(async () => {
    image = await trimToInk(await drawnSignature());
  });

  it('the date is dd/mm/yyyy in France', () => {
    expect(signingDate(Date.parse('2026-12-02T10:00:00Z'))).to.equal('02/12/2026');
    expect(signingDate(Date.parse('2026-12-31T23:30:00Z'))).to.equal('01/01/2027'); // already the 1st in Paris
  });

  it('text is fitted to the field as seen, on its side on a sideways page', () => {
    const metrics = { width: 5, height: 1.2, descent: 0.2 };
    const upright = textPlacement({ x: 0, y: 0, width: 100, height: 20 }, 0, metrics);
    expect(upright.size).to.be.closeTo(Math.min((100 * 0.94) / 5, (20 * 0.8) / 1.2), 1e-9);
    const sideways = textPlacement({ x: 0, y: 0, width: 20, height: 100 }, 90, metrics);
    expect(sideways.size).to.be.closeTo(upright.size, 1e-9);
    expect(sideways.rotate).to.equal(90);
  });

  for (const [name, spec] of CASES) {
    it(`each kind's ink lies inside its field (±1 pt), upright, and the texts read back (${name})`, async () => {
      const date = '02/12/2026';
      const { found, page, close } = await stampAll(spec, image, date);
      try {
        const tolerance = 1 * SCALE + 1; // 1 pt, plus the pixel a box edge can round to
        const source = await sourceGrid(image);
        for (const { field, box: f, ink } of found) {
          const kind = field.kind!;
          expect(ink, `${kind} shows`).to.not.equal(null);
          const { box } = ink!;
          expect(box.x, `${kind} left`).to.be.at.least(f.x - tolerance);
          expect(box.y, `${kind} top`).to.be.at.least(f.y - tolerance);
          expect(box.x + box.width, `${kind} right`).to.be.at.most(f.x + f.width + tolerance);
          expect(box.y + box.height, `${kind} bottom`).to.be.at.most(f.y + f.height + tolerance);
          // Upright: every one of these is a wide line of ink on screen, never a tall one.
          expect(box.width, `${kind} upright: wide on screen`).to.be.greaterThan(box.height);
          expect(Math.max(box.width / f.width, box.height / f.height), `${kind} fills its field`).to.be.at.least(0.5);
          if (kind === 'signature' || kind === 'initials') {
            const shape = inkGrid(box, ink!.isInk);
            expect(distance(shape, source), `${kind} reads upright, not upside down`).to.be.lessThan(distance(shape, [...source].reverse()));
          }
        }
        // The texts, read back by pdf.js, upright on screen: the baseline runs left to right.
        const viewport = page.getViewport({ scale: 1 });
        const items = (await page.getTextContent()).items.flatMap((i) => ('str' in i ? [{ str: i.str, transform: i.transform as number[] }] : []));
        for (const text of [date, 'Lu et approuvé', 'Lyon']) {
          const item = items.find((i) => i.str === text);
          expect(item, `"${text}" in the text content`).to.not.equal(undefined);
          const [a, b, c, d] = multiply(viewport.transform, item!.transform);
          expect(a, `"${text}" runs left to right`).to.be.greaterThan(0);
          expect(Math.abs(b) + Math.abs(c), `"${text}" not turned`).to.be.lessThan(1e-6 * Math.abs(a) + 1e-9);
          expect(d, `"${text}" not upside down`).to.be.lessThan(0);
        }
      } finally {
        await close();
      }
    });
  }
});

/** The product of two PDF matrices [a b c d e f] (m1 then m2, as pdf.js's Util.transform). */
function multiply(m1: readonly number[], m2: readonly number[]): number[] {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

describe('signer journey with initials, mentions and texts', () => {
  let worker: SetupWorker;
  let sandbox: Sandbox;
  let client: PlainClient;
  let requestId: string;
  const clock = Date.parse('2026-12-02T09:00:00Z');
  before(async () => {
    worker = setupWorker();
    await worker.start({ onUnhandledFrame: 'bypass', quiet: true });
  });
  after(() => worker.stop());
  beforeEach(async () => {
    sandbox = createSandbox({ proxyUrl: '/proxy', tokenEndpoint: '/token', now: () => clock });
    await sandbox.start(worker);
    client = new PlainClient(sandbox);
    const fields: Field[] = [
      { signerId: 's1', page: 2, x: 300, y: 100, width: 180, height: 60 },
      { signerId: 's1', page: 2, x: 300, y: 200, width: 180, height: 40, kind: 'mention', text: 'Bon pour accord' },
      { signerId: 's1', page: 1, x: 300, y: 300, width: 180, height: 30, kind: 'text', label: 'Ville' },
      { signerId: 's1', page: 1, x: 300, y: 400, width: 180, height: 40, kind: 'mention', text: 'Lu et approuvé' },
      { signerId: 's1', page: 1, x: 500, y: 40, width: 60, height: 30, kind: 'initials' },
      { signerId: 's1', page: 2, x: 300, y: 40, width: 100, height: 20, kind: 'date' },
    ];
    const response = await client.create(await makePdf([{}, {}]), body({ signers: [PAUL], fields }), 'kinds');
    requestId = ((await response.json()) as { id: string }).id;
  });
  afterEach(() => sandbox.stop());

  async function code(action: () => unknown): Promise<string> {
    try {
      await action();
    } catch (error) {
      if (error instanceof JourneyError) return error.code;
      throw error;
    }
    return 'no error';
  }

  it('asks for each mention and text in order, refuses a wrong mention and missing initials, and stamps them all', async () => {
    const session = sandbox.journey.open(PAUL.email);
    session.enterCode(session.acceptDocument().code);
    await session.drawSignature(await drawnSignature());
    expect(session.needsInitials).to.equal(true);
    expect(session.prompts.map((p) => [p.page, p.kind, p.prompt])).to.deep.equal([
      [1, 'text', 'Ville'],
      [1, 'mention', 'Lu et approuvé'],
      [2, 'mention', 'Bon pour accord'],
    ]);
    session.acceptTerms({ termsOfUse: true, dataProtection: true });
    expect(await code(() => session.sign())).to.equal('no_initials');
    await session.drawInitials(await drawnSignature());
    expect(await code(() => session.sign())).to.equal('texts_missing');
    expect(await code(() => session.answer('   '))).to.equal('empty_text');
    expect(session.answer('  Lyon ')).to.deep.include({ kind: 'mention', prompt: 'Lu et approuvé' });
    expect(await code(() => session.answer('Lu'))).to.equal('mention_mismatch');
    session.answer('lu et  APPROUVÉ');
    expect(session.nextPrompt()!.prompt).to.equal('Bon pour accord');
    expect(session.answer('Bon pour accord')).to.equal(undefined);
    expect(session.answers).to.deep.equal(['Lyon', 'lu et APPROUVÉ', 'Bon pour accord']);
    const done = await session.sign();
    expect(done.status).to.equal('signed');
    const signed = sandbox.state.getRequest(requestId)!.current;
    const texts = async (n: number) =>
      withPage(signed, n, async (page) => (await page.getTextContent()).items.flatMap((i) => ('str' in i && i.str.trim() ? [i.str] : [])));
    expect(await texts(1)).to.include.members(['Lyon', 'lu et APPROUVÉ']);
    expect(await texts(2)).to.include.members(['Bon pour accord', '02/12/2026']);
  });

  it('signAs answers the mentions as asked and the texts as given', async () => {
    await sandbox.journey.signAs(PAUL.email, await drawnSignature(), { texts: ['Paris'] });
    const signed = sandbox.state.getRequest(requestId)!.current;
    const items = await withPage(signed, 1, async (page) => (await page.getTextContent()).items.flatMap((i) => ('str' in i ? [i.str] : [])));
    expect(items).to.include.members(['Paris', 'Lu et approuvé']);
  });
});
