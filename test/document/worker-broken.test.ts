/**
 * A worker URL that answers 200 but is not pdf.js's worker (here an HTML page, as a misrouted SPA
 * server answers): the probe cannot tell, pdf.js's worker fails to start, and that failure is
 * `assets_unavailable` naming the URL — not "damaged document". Its own file: pdf.js disables
 * workers for the rest of the page after such a failure.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { configure } from '../../src/config.js';
import { makePdf, serve } from '../helpers/documents.js';
import { nextEvent, PDFJS_DIST } from '../helpers/element.js';

const NOT_A_WORKER = new URL('/__raw/test/pages/standalone.html', location.href).href;

describe('pdf.js worker URL serving something else', function () {
  this.timeout(30000);

  it('is assets_unavailable with that URL', async () => {
    const answer = await fetch(NOT_A_WORKER, { method: 'HEAD' });
    expect(answer.status).to.equal(200);
    configure({ assetsBase: PDFJS_DIST, workerSrc: NOT_A_WORKER });
    const el = document.createElement('jse-sign-request');
    el.src = await serve(await makePdf([{ label: 'HTML' }]), 'h.pdf');
    const error = nextEvent(el, 'jse-error', 25000);
    document.body.append(el);
    const { detail } = await error;
    expect(detail.code).to.equal('assets_unavailable');
    expect(detail.url).to.equal(NOT_A_WORKER);
    expect(detail.message).to.contain(NOT_A_WORKER);
    el.remove();
  });
});
