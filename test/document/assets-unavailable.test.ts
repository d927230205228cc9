/**
 * pdf.js's worker missing from where the element looks for it (a folder served without
 * build/pdf.worker.min.mjs: the server answers 404): `assets_unavailable` naming that URL, in the
 * event and in the message the user reads (French and English) — never "damaged document". Once the
 * setup is fixed, the same page opens documents again.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { configure } from '../../src/config.js';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import { makePdf, serve } from '../helpers/documents.js';
import { nextEvent, PDFJS_DIST } from '../helpers/element.js';

/** A folder that exists but holds no pdf.js: its worker URL answers 404. */
const EMPTY_BASE = new URL('/__raw/test/pages/', location.href).href;
const MISSING_WORKER = `${EMPTY_BASE}build/pdf.worker.min.mjs`;

async function mount(src: string, lang: string): Promise<JseSignRequest> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  const el = document.createElement('jse-sign-request');
  el.src = src;
  wrapper.append(el);
  return el;
}

describe('pdf.js worker missing', function () {
  this.timeout(30000);
  after(() => configure({ assetsBase: PDFJS_DIST, workerSrc: `${PDFJS_DIST}build/pdf.worker.min.mjs` }));

  it('is assets_unavailable with the URL that failed, told to the user in French and English', async () => {
    expect((await fetch(MISSING_WORKER)).status).to.equal(404);
    configure({ assetsBase: EMPTY_BASE, workerSrc: MISSING_WORKER });
    const src = await serve(await makePdf([{ label: 'Worker' }]), 'w.pdf');

    const fr = await mount(src, 'fr');
    const { detail } = await nextEvent(fr, 'jse-error', 25000);
    expect(detail.code).to.equal('assets_unavailable');
    expect(detail.url).to.equal(MISSING_WORKER);
    expect(detail.retryable).to.equal(false);
    expect(detail.message).to.contain(MISSING_WORKER);
    expect(detail.message).to.contain('Le lecteur de documents ne peut pas démarrer\u202f:');
    await fr.updateComplete;
    const shown = fr.shadowRoot!.textContent;
    expect(shown).to.contain(MISSING_WORKER);
    expect(shown).not.to.contain('endommagé');

    const en = await mount(src, 'en');
    const enError = await nextEvent(en, 'jse-error', 25000);
    expect(enError.detail.code).to.equal('assets_unavailable');
    expect(enError.detail.message).to.equal(
      `The document viewer cannot start: one of its files cannot be loaded (${MISSING_WORKER}). Your document is fine; tell your software’s vendor (they must serve the component’s pdfjs/ folder or call configure()).`,
    );
  });

  it('opens documents again once the worker is served', async () => {
    configure({ assetsBase: PDFJS_DIST, workerSrc: `${PDFJS_DIST}build/pdf.worker.min.mjs` });
    const src = await serve(await makePdf([{ label: 'Back' }]), 'b.pdf');
    const el = await mount(src, 'fr');
    const { detail } = await nextEvent(el, 'jse-ready', 25000);
    expect(detail.pageCount).to.equal(1);
  });
});
