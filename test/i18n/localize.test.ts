/**
 * The element's language (SPEC §2: French default, English on `lang`): its own `lang`, else the
 * closest ancestor's across shadow roots, followed when either changes — also when the element
 * lives inside another component's shadow tree, where a document-level observer sees nothing.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import type { JseSignRequest } from '../../src/jse-sign-request.js';

/** A host page component: `<div lang>` → `<jse-sign-request>`, both inside a shadow root. */
async function insideShadow(): Promise<{ host: HTMLElement; wrapper: HTMLElement; el: JseSignRequest }> {
  const host = document.createElement('div');
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  const wrapper = document.createElement('div');
  wrapper.lang = 'fr';
  const el = document.createElement('jse-sign-request');
  wrapper.append(el);
  root.append(wrapper);
  await el.updateComplete;
  return { host, wrapper, el };
}

function shown(el: JseSignRequest): string {
  return el.shadowRoot!.querySelector('.message')!.textContent.trim();
}

function toolbarLabel(el: JseSignRequest): string | null {
  return el.shadowRoot!.querySelector('[part="toolbar"]')!.getAttribute('aria-label');
}

describe('language inside a shadow tree', () => {
  afterEach(() => {
    for (const host of [...document.body.children]) if (host.shadowRoot?.querySelector('jse-sign-request')) host.remove();
  });

  it('follows an ancestor in a shadow root switching lang, on the next render', async () => {
    const { wrapper, el } = await insideShadow();
    expect(shown(el)).to.equal('Aucun document à afficher.');

    wrapper.lang = 'en';
    el.requestUpdate();
    await el.updateComplete;
    expect(shown(el)).to.equal('No document to show.');
    expect(toolbarLabel(el)).to.equal('Signature request');
    // The switch settles in that render: no further update is queued by it.
    expect(await el.updateComplete).to.equal(true);

    wrapper.lang = 'fr';
    el.requestUpdate();
    await el.updateComplete;
    expect(shown(el)).to.equal('Aucun document à afficher.');
  });

  it('follows its own lang attribute inside a shadow root, without the host re-rendering it', async () => {
    const { el } = await insideShadow();
    el.setAttribute('lang', 'en');
    // The mutation observer's callback comes as a microtask; the render it asks for follows.
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(shown(el)).to.equal('No document to show.');

    el.removeAttribute('lang');
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(shown(el)).to.equal('Aucun document à afficher.');
  });
});
