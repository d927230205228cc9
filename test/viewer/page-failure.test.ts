/**
 * A page pdf.js cannot draw (SPEC §2 "never fail silently"): the document still opens
 * (`jse-ready`), the user reads which page cannot be shown over the pages, the host gets
 * `jse-error` `damaged_document` with the same words, and the other pages stay usable.
 *
 * pdf.js draws whatever it can of a damaged content stream (its worker ignores operator errors),
 * so the failure of one page's drawing is made here by making its `render()` reject, as pdf.js's
 * own render task does when drawing throws.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { openPdf, type PDFPageProxy } from '../../src/document/pdfjs.js';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import { makePdf, serve } from '../helpers/documents.js';
import { inkPixels, nextEvent, pageCanvas, useInstalledPdfJs } from '../helpers/element.js';
import type { DocumentViewer } from '../../src/viewer/document-viewer.js';

type Render = PDFPageProxy['render'];

/** Makes pdf.js fail to draw the pages listed (1-based) until `restore()`; counts the attempts. */
async function failDrawing(pages: number[]): Promise<{ attempts: number[]; restore(): void }> {
  const task = await openPdf({ data: await makePdf([{ label: 'sonde' }]) });
  const proto = Object.getPrototypeOf(await (await task.promise).getPage(1)) as { render: Render };
  await task.destroy();
  const original = proto.render;
  const attempts: number[] = [];
  proto.render = function (this: PDFPageProxy, ...args: Parameters<Render>) {
    if (!pages.includes(this.pageNumber)) return original.apply(this, args);
    attempts.push(this.pageNumber);
    const promise = Promise.reject(new Error(`bad operator on page ${this.pageNumber}`));
    return { promise, cancel() {}, onContinue: null } as unknown as ReturnType<Render>;
  };
  return { attempts, restore: () => void (proto.render = original) };
}

interface Seen {
  type: string;
  detail: { code?: string; message?: string; retryable?: boolean; pageCount?: number };
}

function mountRecording(url: string, lang?: string): { el: JseSignRequest; seen: Seen[] } {
  const el = document.createElement('jse-sign-request');
  el.style.cssText = 'position:fixed;left:0;top:0;width:1000px;height:700px';
  if (lang) el.setAttribute('lang', lang);
  const seen: Seen[] = [];
  for (const type of ['jse-ready', 'jse-error'] as const) el.addEventListener(type, (e) => seen.push({ type, detail: e.detail }));
  el.src = url;
  document.body.append(el);
  return { el, seen };
}

function viewerOf(el: JseSignRequest): DocumentViewer {
  return el.shadowRoot!.querySelector('jse-document-viewer') as DocumentViewer;
}

function alertText(el: JseSignRequest): string | undefined {
  return viewerOf(el).shadowRoot!.querySelector('[role="alert"]')?.textContent?.replace(/\s+/g, ' ').trim();
}

describe('a page pdf.js cannot draw', () => {
  let broken: Awaited<ReturnType<typeof failDrawing>> | undefined;
  before(useInstalledPdfJs);
  afterEach(() => {
    broken?.restore();
    broken = undefined;
    for (const el of document.querySelectorAll('jse-sign-request')) el.remove();
  });

  it('page 1: jse-ready, then jse-error damaged_document, the message over the pages, page 2 drawn', async () => {
    broken = await failDrawing([1]);
    const url = await serve(await makePdf([{ label: 'Un' }, { label: 'Deux' }, { label: 'Trois' }]), 'page-illisible.pdf');
    const { el, seen } = mountRecording(url);
    const error = nextEvent(el, 'jse-error', 30000);
    await nextEvent(el, 'jse-ready', 30000);
    await error;

    expect(seen.map((e) => e.type)).to.deep.equal(['jse-ready', 'jse-error']);
    expect(seen[0].detail.pageCount).to.equal(3);
    expect(seen[1].detail).to.deep.equal({ code: 'damaged_document', message: 'La page 1 ne peut pas être affichée.', retryable: false });
    const viewer = viewerOf(el);
    await viewer.updateComplete;
    expect(alertText(el)).to.equal('La page 1 ne peut pas être affichée.');

    // The rest of the document is there and usable.
    await viewer.scrollToPage(2);
    await viewer.whenIdle();
    expect(inkPixels(pageCanvas(el, 2))).to.be.greaterThan(500);
    await expect(el).to.be.accessible();
  });

  it('a later page: reported once even when a zoom tries it again, in English when the element is', async () => {
    broken = await failDrawing([3]);
    const url = await serve(await makePdf([{ label: 'One' }, { label: 'Two' }, { label: 'Three' }]), 'last-page-broken.pdf');
    const { el, seen } = mountRecording(url, 'en');
    await nextEvent(el, 'jse-ready', 30000);
    const viewer = viewerOf(el);
    await viewer.whenIdle();
    const error = seen.some((e) => e.type === 'jse-error') ? undefined : nextEvent(el, 'jse-error', 30000);
    await viewer.scrollToPage(3);
    await viewer.whenIdle();
    await error;
    await viewer.zoomIn();
    await viewer.whenIdle();
    await viewer.updateComplete;

    expect(broken.attempts.length, 'tried again at the new zoom').to.be.greaterThan(1);
    const errors = seen.filter((e) => e.type === 'jse-error');
    expect(errors.map((e) => e.detail.message)).to.deep.equal(['Page 3 cannot be displayed.']);
    expect(alertText(el)).to.equal('Page 3 cannot be displayed.');
  });
});
