import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { JseSignRequest } from '../src/jse-sign-request.js';
import { makePdf, serve } from './helpers/documents.js';
import { inkPixels, nextEvent, pageCanvas, useInstalledPdfJs } from './helpers/element.js';

describe('<jse-sign-request> (source)', () => {
  before(useInstalledPdfJs);

  it('is registered and upgrades', async () => {
    const el = await fixture<JseSignRequest>(html`<jse-sign-request></jse-sign-request>`);
    expect(customElements.get('jse-sign-request')).to.equal(el.constructor);
    expect(el.shadowRoot!.textContent).to.contain('Aucun document');
  });

  it('renders page 1 of a generated PDF from src and reports jse-ready', async () => {
    const url = await serve(await makePdf([{ label: 'Bonjour' }, { mediaBox: [0, 0, 842, 595] }]), 'contrat.pdf');
    const el = document.createElement('jse-sign-request');
    const ready = nextEvent(el, 'jse-ready');
    el.src = url;
    document.body.append(el);
    const { detail } = await ready;
    expect(detail.documentName).to.equal('contrat.pdf');
    expect(detail.type).to.equal('pdf');
    expect(detail.pageCount).to.equal(2);
    expect(detail.pages[0].width).to.be.closeTo(595.28, 0.01);
    expect(inkPixels(pageCanvas(el))).to.be.greaterThan(500);
    el.remove();
  });

  it('speaks English on request, from its own lang or an ancestor', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><jse-sign-request></jse-sign-request></div>`);
    const el = wrapper.querySelector('jse-sign-request')!;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('No document to show');
    el.lang = 'fr';
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Aucun document');
  });
});
