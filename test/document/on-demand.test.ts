/**
 * Page geometry on demand (SPEC §10), through the real element and pdf.js: page 1 only before
 * `jse-ready`, the others when the view comes near them, when the host asks (`getPageInfo`) or
 * before a send checks their fields; `jse-ready` even while hidden; the DOM does not grow with
 * the page count. Reads are counted on pdf.js's own `getPage`, bytes by the test server.
 */
import { expect } from '@open-wc/testing';
import { PDFDict, PDFDocument, PDFName, type PDFRef, StandardFonts, rgb } from 'pdf-lib';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { openPdf } from '../../src/document/pdfjs.js';
import { blankPdf } from './crafted.js';
import '../../src/index.js';
import type { DocumentViewer } from '../../src/viewer/document-viewer.js';
import { makePdf, serve } from '../helpers/documents.js';
import { inkPixels, nextEvent, pageCanvas, useInstalledPdfJs } from '../helpers/element.js';
import { frame, mount, scroller } from '../viewer/helpers.js';

/** Pages asked of pdf.js, in order, while counting. */
const asked: number[] = [];
/** pdf.js's document class (not exported as a value): found on a document it opened. */
let proto: { getPage: PDFDocumentProxy['getPage'] };
let original: PDFDocumentProxy['getPage'];

/**
 * A book as real ones are: every page carries some text, so the page objects are spread through
 * the file, and the page tree is balanced (nodes of 10 pages with their /Count), which lets a
 * reader find one page without reading the others (pdf-lib writes one flat /Kids array, where
 * pdf.js's own check of the last page at opening reads every page dictionary).
 */
async function book(count: number, special: Record<number, [number, number]> = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= count; n++) {
    const page = doc.addPage(special[n] ?? [595.28, 841.89]);
    page.drawText(`Page ${n}`, { x: 40, y: page.getHeight() - 60, size: 24, font, color: rgb(0, 0, 0) });
    for (let line = 0; line < 25; line++) {
      page.drawText(`Grand livre, compte ${n}-${line} : écriture ${(n * 7919 + line * 104729) % 100000}`, { x: 40, y: 700 - line * 20, size: 9, font });
    }
  }
  const rootRef = doc.catalog.get(PDFName.of('Pages')) as PDFRef;
  const root = doc.catalog.lookup(PDFName.of('Pages'), PDFDict);
  const pages = doc.getPages().map((p) => p.ref);
  const nodes: PDFRef[] = [];
  for (let i = 0; i < pages.length; i += 10) {
    const kids = pages.slice(i, i + 10);
    const ref = doc.context.register(doc.context.obj({ Type: 'Pages', Parent: rootRef, Kids: kids, Count: kids.length }));
    for (const kid of kids) doc.context.lookup(kid, PDFDict).set(PDFName.of('Parent'), ref);
    nodes.push(ref);
  }
  root.set(PDFName.of('Kids'), doc.context.obj(nodes));
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}

interface Stats {
  bytes: number;
}
let keys = 0;
const countKey = () => `on-demand-${Date.now().toString(36)}-${++keys}`;
const stats = async (key: string): Promise<Stats> => (await fetch(`/__stats/${key}`)).json() as Promise<Stats>;

/** Every node of the element's shadow trees, the nested ones included. */
function shadowNodes(root: ShadowRoot): number {
  let count = 0;
  const walk = (node: Node) => {
    count++;
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  for (const child of root.childNodes) walk(child);
  return count;
}

describe('page geometry on demand', function () {
  this.timeout(60000);
  before(async () => {
    useInstalledPdfJs();
    const task = await openPdf({ data: blankPdf() });
    proto = Object.getPrototypeOf(await task.promise) as typeof proto;
    original = proto.getPage;
    await task.destroy();
  });
  beforeEach(() => {
    asked.length = 0;
    proto.getPage = function (this: PDFDocumentProxy, n: number) {
      asked.push(n);
      return original.call(this, n);
    };
  });
  afterEach(() => {
    proto.getPage = original;
    for (const el of document.querySelectorAll('jse-sign-request')) el.remove();
  });

  it('reads no page but the first before jse-ready, and fetches a fraction of a long book', async () => {
    const bytes = await book(300);
    const key = countKey();
    const url = `${await serve(bytes, 'grand-livre.pdf')}?count=${key}`;
    const el = document.createElement('jse-sign-request');
    el.style.cssText = 'position:fixed;left:0;top:0;width:1000px;height:700px';
    let readBeforeReady: number[] = [];
    let bytesBeforeReady: Promise<Stats> | undefined;
    const ready = nextEvent(el, 'jse-ready', 30000);
    el.addEventListener('jse-ready', () => {
      readBeforeReady = [...asked];
      bytesBeforeReady = stats(key);
    });
    el.src = url;
    document.body.append(el);
    const { detail } = await ready;
    expect(new Set(readBeforeReady), 'pages asked of pdf.js before jse-ready').to.deep.equal(new Set([1]));
    expect(detail.pageCount).to.equal(300);
    expect(detail.pages).to.have.length(1);
    expect(detail.pages[0]).to.include({ number: 1, rotation: 0 });
    expect(detail.pages[0].width).to.be.closeTo(595.28, 0.01);
    expect(inkPixels(pageCanvas(el))).to.be.greaterThan(500);
    const sent = (await bytesBeforeReady!).bytes;
    expect(sent, `bytes before jse-ready (file: ${bytes.length})`).to.be.lessThan(bytes.length * 0.4);
    // Afterwards the view reads the pages near it, not the book (and the suggestions the last page, SPEC §10).
    const viewer = el.shadowRoot!.querySelector('jse-document-viewer') as DocumentViewer;
    await viewer.whenIdle();
    expect(Math.max(...asked.filter((n) => n !== 300))).to.be.lessThan(20);
  });

  it('getPageInfo reads one page, corrects its place without moving what is on screen', async () => {
    // Not wider than page 1: the zoom (fit width, the widest page read) stays as it is.
    const bytes = await book(40, { 30: [500, 400], 31: [400, 1200] });
    const { el, viewer } = await mount(await serve(bytes, 'mixte.pdf'), { width: 1000, height: 700 });
    // Look at page 35: pages 30 and 31 above are laid out as A4 until read.
    const scale = viewer.scale;
    await viewer.scrollToPage(35);
    // A scroll of the user's own: the spot on screen is then what is kept, not "page 35 at the top".
    scroller(viewer).scrollBy({ top: 150, behavior: 'instant' });
    await frame();
    await viewer.whenIdle();
    const box = () => viewer.shadowRoot!.querySelector<HTMLElement>('[data-page="35"]')!.getBoundingClientRect().top;
    const before = box();
    const heightBefore = scroller(viewer).scrollHeight;
    asked.length = 0;
    const info = await el.getPageInfo(30);
    expect(info).to.deep.equal({ number: 30, view: [0, 0, 500, 400], rotation: 0, width: 500, height: 400 });
    expect(await el.getPageInfo(31)).to.include({ number: 31, width: 400, height: 1200 });
    expect(asked.filter((n) => n === 30 || n === 31)).to.deep.equal([30, 31]);
    await viewer.whenIdle();
    await frame();
    // The content changed height (page 30 is shorter, 31 taller)…
    expect(scroller(viewer).scrollHeight).to.not.be.closeTo(heightBefore, 1);
    // …and page 35 did not move on screen.
    expect(viewer.scale).to.equal(scale);
    expect(box()).to.be.closeTo(before, 1);
    // Pages it does not have, and no document.
    const wrong = await el.getPageInfo(41).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(wrong).to.be.instanceOf(RangeError);
    const empty = document.createElement('jse-sign-request');
    const none = await empty.getPageInfo(1).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(none).to.be.instanceOf(Error);
  });

  it('fields on pages not read yet are checked when their page is read, and before sending', async () => {
    const bytes = await book(60, { 40: [300, 300], 50: [300, 300] });
    const url = await serve(bytes, 'champs.pdf');
    const invalid: string[][] = [];
    // Fields set before loading: pages 40 and 50 are small squares.
    const other = document.createElement('jse-sign-request');
    other.style.cssText = 'position:fixed;left:0;top:0;width:1000px;height:700px';
    other.addEventListener('jse-invalid', (e) => invalid.push(e.detail.errors.map((p) => `${p.path} ${p.code}`)));
    other.signers = [{ id: 'a', email: 'marie@example.fr', firstName: 'Marie', lastName: 'Dupont', phone: '+33612345678' }];
    other.fields = [
      { signerId: 'a', page: 1, x: 100, y: 100, width: 180, height: 60 },
      { signerId: 'a', page: 40, x: 200, y: 100, width: 180, height: 60 }, // past page 40's right edge
      { signerId: 'a', page: 50, x: 200, y: 100, width: 180, height: 60 }, // past page 50's right edge
    ];
    const ready = nextEvent(other, 'jse-ready', 30000);
    other.src = url;
    document.body.append(other);
    await ready;
    expect(asked.filter((n) => n === 40 || n === 50)).to.deep.equal([]);
    expect(invalid.flat()).to.not.include('/fields/1 outside_page');
    // Page 40 read (the host asks): its field is reported then.
    await other.getPageInfo(40);
    await frame();
    expect(invalid.flat()).to.include('/fields/1 outside_page');
    expect(invalid.flat()).to.not.include('/fields/2 outside_page');
    // Sending reads page 50 (and only the pages with fields), and refuses its field.
    asked.length = 0;
    const refused = await other.submit().then(
      () => undefined,
      (e: { code: string; errors?: { path: string; code: string }[] }) => e,
    );
    expect(refused?.code).to.equal('invalid_request');
    expect(refused?.errors?.filter((e) => e.code === 'outside_page').map((e) => e.path)).to.deep.equal(['/fields/1', '/fields/2']);
    expect(asked).to.include(50);
    expect(asked.filter((n) => n !== 50 && n > 20)).to.deep.equal([]);
  });

  it('fires jse-ready while hidden (display: none), and paints once shown', async () => {
    const panel = document.createElement('div');
    panel.style.display = 'none';
    document.body.append(panel);
    const el = document.createElement('jse-sign-request');
    el.style.cssText = 'display:block;width:900px;height:600px';
    const ready = nextEvent(el, 'jse-ready', 30000);
    el.src = await serve(await makePdf([{ label: 'Caché' }, {}]), 'cache.pdf');
    panel.append(el);
    const { detail } = await ready;
    expect(detail.pageCount).to.equal(2);
    expect(detail.pages.map((p) => p.number)).to.deep.equal([1]);
    panel.style.display = 'block';
    const viewer = el.shadowRoot!.querySelector('jse-document-viewer') as DocumentViewer;
    await frame();
    await viewer.whenIdle();
    expect(inkPixels(pageCanvas(el))).to.be.greaterThan(500);
    panel.remove();
  });

  it('a 1,000-page document has hardly more DOM than a 10-page one, and one language observer', async () => {
    const nodes: number[] = [];
    // MutationObservers watching the whole document (the language observers), by observer.
    const documentWide = new Set<MutationObserver>();
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the very function is put back afterwards
    const observe = MutationObserver.prototype.observe;
    MutationObserver.prototype.observe = function (this: MutationObserver, target: Node, options?: MutationObserverInit) {
      if (target === document.documentElement && options?.subtree) documentWide.add(this);
      return observe.call(this, target, options);
    };
    try {
      for (const count of [10, 1000]) {
        documentWide.clear();
        const { el, viewer } = await mount(await serve(await makePdf(Array.from({ length: count }, () => ({}))), `${count}.pdf`));
        // Scroll a little way in: layers come and go with the pages near the view.
        for (let i = 0; i < 5; i++) {
          scroller(viewer).scrollBy({ top: 900, behavior: 'instant' });
          await frame();
        }
        await viewer.whenIdle();
        nodes.push(shadowNodes(el.shadowRoot!));
        expect(documentWide.size, `document-wide observers, ${count} pages`).to.be.at.most(1);
        el.remove();
      }
    } finally {
      MutationObserver.prototype.observe = observe;
    }
    expect(nodes[1], `shadow-tree nodes: 10 pages ${nodes[0]}, 1,000 pages ${nodes[1]}`).to.be.at.most(nodes[0] * 1.5);
  });
});
