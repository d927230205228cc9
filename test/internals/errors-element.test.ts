/**
 * Failures the element reports as `jse-error` with an honest code: the host's contacts search
 * rejecting (shown in the panel, and now an event too).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import type { SignersPanel } from '../../src/signers/signers-panel.js';
import { makePdf, serve } from '../helpers/documents.js';
import { nextEvent, useInstalledPdfJs } from '../helpers/element.js';

let url: string;

async function mount(lang?: string): Promise<{ el: JseSignRequest; panel: SignersPanel }> {
  const el = document.createElement('jse-sign-request');
  if (lang) el.lang = lang;
  const ready = nextEvent(el, 'jse-ready');
  el.src = url;
  document.body.append(el);
  await ready;
  await el.updateComplete;
  const panel = el.shadowRoot!.querySelector<SignersPanel>('jse-signers-panel')!;
  await panel.updateComplete;
  return { el, panel };
}

describe('<jse-sign-request> — failures as jse-error', () => {
  before(async () => {
    useInstalledPdfJs();
    url = await serve(await makePdf([{ label: 'Contacts' }]), 'contacts.pdf');
  });
  afterEach(() => {
    for (const el of document.querySelectorAll('jse-sign-request')) el.remove();
    sessionStorage.clear();
  });

  for (const lang of ['fr', 'en']) {
    it(`fires jse-error (contacts_unavailable) when the host's contacts search rejects, with the words shown (${lang})`, async () => {
      const { el, panel } = await mount(lang);
      const asked: string[] = [];
      el.contacts = (query) => {
        asked.push(query);
        return Promise.reject(new Error('annuaire indisponible'));
      };
      await el.updateComplete;
      const fired = nextEvent(el, 'jse-error');
      panel.shadowRoot!.querySelector<HTMLInputElement>('#search')!.focus();
      await sendKeys({ type: 'zo' });
      const event = await fired;
      expect(asked).to.deep.equal(['zo']);
      expect(event.bubbles && event.composed).to.equal(true);
      const shown = lang === 'fr' ? 'La recherche de contacts a échoué.' : 'The contact search failed.';
      expect(event.detail).to.deep.equal({ code: 'contacts_unavailable', message: shown, retryable: true });
      await panel.updateComplete;
      expect(panel.shadowRoot!.querySelector('.search [role="status"]')!.textContent).to.equal(shown);
      // Nothing typed is lost.
      expect(panel.shadowRoot!.querySelector<HTMLInputElement>('#search')!.value).to.equal('zo');
    });
  }
});
