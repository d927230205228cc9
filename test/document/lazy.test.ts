/**
 * pdf.js and pdf-lib are not loaded by the element's module: pdf.js when the first document
 * opens, pdf-lib when the first image does. This file imports nothing that imports them
 * (no pdf-lib helper: documents are written by hand or drawn on a canvas).
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { useInstalledPdfJs, nextEvent } from '../helpers/element.js';
import { blankPdf } from './crafted.js';
import { canvasImage } from './images.js';

const loaded = (what: RegExp) => performance.getEntriesByType('resource').some((e) => what.test(e.name));
const PDFJS = /pdfjs-dist\/(build|legacy)\//;
const PDF_LIB = /pdf-lib/;

async function put(bytes: Uint8Array, name: string): Promise<string> {
  const url = `/__files/lazy-${Date.now().toString(36)}/${name}`;
  await fetch(url, { method: 'PUT', body: bytes as BodyInit });
  return url;
}

describe('lazy loading of pdf.js and pdf-lib', function () {
  this.timeout(30000);
  before(useInstalledPdfJs);

  it('the element upgrades and renders without pdf.js or pdf-lib', async () => {
    const el = document.createElement('jse-sign-request');
    document.body.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Aucun document');
    expect(loaded(PDFJS), 'pdf.js requested').to.equal(false);
    expect(loaded(PDF_LIB), 'pdf-lib requested').to.equal(false);
    el.remove();
  });

  it('loads pdf.js when a PDF opens, still not pdf-lib', async () => {
    const el = document.createElement('jse-sign-request');
    const ready = nextEvent(el, 'jse-ready');
    el.src = await put(blankPdf(), 'blank.pdf');
    document.body.append(el);
    expect((await ready).detail.pageCount).to.equal(1);
    expect(loaded(PDFJS)).to.equal(true);
    expect(loaded(PDF_LIB)).to.equal(false);
    el.remove();
  });

  it('loads pdf-lib when an image opens', async () => {
    const el = document.createElement('jse-sign-request');
    const ready = nextEvent(el, 'jse-ready');
    el.src = await put(await canvasImage(30, 20, 'image/png'), 'image.png');
    document.body.append(el);
    expect((await ready).detail.type).to.equal('image');
    expect(loaded(PDF_LIB)).to.equal(true);
    el.remove();
  });
});
