/**
 * Suggestions never cost a whole-file download (SPEC §10): on a 300-page book the text is read
 * from the pages the user has seen and from the last page only — pdf.js's `getTextContent` is
 * counted by page, the bytes by the test server.
 */
import { expect } from '@open-wc/testing';
import { PDFDict, PDFDocument, PDFName, type PDFRef, StandardFonts } from 'pdf-lib';
import type { PDFPageProxy } from 'pdfjs-dist';
import { openPdf } from '../../src/document/pdfjs.js';
import { loadDocument } from '../../src/document/loader.js';
import '../../src/index.js';
import { PAGE_SEEN_EVENT, type PageSeenDetail } from '../../src/internal/events.js';
import type { DocumentViewer } from '../../src/viewer/document-viewer.js';
import { serve } from '../helpers/documents.js';
import { nextEvent, useInstalledPdfJs } from '../helpers/element.js';
import { until } from '../helpers/wait.js';
import { blankPdf } from '../document/crafted.js';

/**
 * A book with text on every page, its page objects spread through the file and a balanced page
 * tree (nodes of 10 pages), so one page is found without reading the others; a signature block on
 * the last page.
 */
async function book(count: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= count; n++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Page ${n}`, { x: 40, y: 780, size: 24, font });
    for (let line = 0; line < 25; line++) {
      page.drawText(`Grand livre, compte ${n}-${line} : écriture ${(n * 7919 + line * 104729) % 100000}`, { x: 40, y: 700 - line * 20, size: 9, font });
    }
    if (n === count) page.drawText('Signature du client', { x: 60, y: 150, size: 11, font });
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
const stats = async (key: string): Promise<Stats> => (await fetch(`/__stats/${key}`)).json() as Promise<Stats>;

describe('suggestions on a 300-page book', function () {
  this.timeout(90000);
  let proto: { getTextContent: PDFPageProxy['getTextContent'] };
  let original: PDFPageProxy['getTextContent'];
  const textRead: number[] = [];

  before(async () => {
    useInstalledPdfJs();
    const task = await openPdf({ data: blankPdf() });
    const page = await (await task.promise).getPage(1);
    proto = Object.getPrototypeOf(page) as typeof proto;
    original = proto.getTextContent;
    await task.destroy();
    proto.getTextContent = function (this: PDFPageProxy, ...args: Parameters<PDFPageProxy['getTextContent']>) {
      textRead.push(this.pageNumber);
      return original.apply(this, args);
    };
  });
  after(() => {
    proto.getTextContent = original;
    for (const el of document.querySelectorAll('jse-sign-request')) el.remove();
  });

  it('reads the text of the pages seen and of the last page only, a fraction of the file', async () => {
    const bytes = await book(300);
    const key = `suggest-${Date.now().toString(36)}`;
    const url = `${await serve(bytes, 'grand-livre.pdf')}?count=${key}`;
    const el = document.createElement('jse-sign-request');
    el.style.cssText = 'position:fixed;left:0;top:0;width:1000px;height:700px';
    const seen = new Set<number>();
    const ready = nextEvent(el, 'jse-ready', 30000);
    el.src = url;
    document.body.append(el);
    el.shadowRoot!.addEventListener(PAGE_SEEN_EVENT, (e) => seen.add((e as CustomEvent<PageSeenDetail>).detail.page));
    await ready;
    const viewer = el.shadowRoot!.querySelector('jse-document-viewer') as DocumentViewer;
    await viewer.whenIdle();
    // The last page's signature block is offered, without the page being shown.
    const button = await until(() => el.shadowRoot!.querySelector('.accept-suggestions'), 'the suggestion of the last page');
    expect(button.textContent.trim()).to.equal('Accepter les suggestions (1)');
    expect(el.fields).to.deep.equal([]);
    // The user goes to page 120: its text is read then.
    await viewer.scrollToPage(120);
    await viewer.whenIdle();
    await until(() => textRead.includes(120), 'page 120 read');
    const read = new Set(textRead);
    expect(seen.has(120) && seen.has(1), `pages seen: ${[...seen].join(', ')}`).to.equal(true);
    expect([...read].filter((n) => !seen.has(n) && n !== 300), 'text read from pages neither seen nor last').to.deep.equal([]);
    expect(read.has(300)).to.equal(true);
    expect(read.size, `pages read for text: ${[...read].join(', ')}`).to.be.at.most(seen.size + 1);
    const sent = (await stats(key)).bytes;
    // What drawing and reading just those pages costs through the same loader (another counter): the budget.
    const key2 = `${key}-alone`;
    const alone = await loadDocument(`${await serve(bytes, 'controle.pdf')}?count=${key2}`);
    for (const n of [...read]) {
      const page = await alone.pdf.getPage(n);
      await page.getOperatorList(); // what drawing it reads
      await page.getTextContent();
      await page.getAnnotations();
    }
    await alone.destroy();
    const budget = (await stats(key2)).bytes;
     
    console.log(`suggestions, 300 pages: ${sent} bytes fetched by the element, ${budget} by the loader and pdf.js drawing and reading pages ${[...read].sort((a, b) => a - b).join(', ')} alone, file ${bytes.length}`);
    // One 64 KiB range of slack: the viewer also reads the geometry of the pages around the view.
    expect(sent, `bytes fetched (pdf.js alone: ${budget}, file: ${bytes.length})`).to.be.at.most(budget + 65536);
    expect(sent).to.be.lessThan(bytes.length * 0.4);
  });
});
