/**
 * Keyboard: Tab reaches the fields of pages far from the view, which have no box in the DOM
 * (only pages near the viewport do, issue 13), and Shift+Tab comes back: each page's layer has a
 * focusable control, focusing it scrolls it into view, and the pages after it come into the DOM
 * before the next key.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { makePdf, serve } from '../helpers/documents.js';
import { deepActiveElement, useInstalledPdfJs } from '../helpers/element.js';
import { until } from '../helpers/wait.js';
import type { DocumentViewer } from '../../src/viewer/document-viewer.js';
import { mount } from './helpers.js';


/** The page whose placement layer holds the focus, or undefined. */
function focusedPage(viewer: DocumentViewer): number | undefined {
  for (const layer of viewer.shadowRoot!.querySelectorAll<HTMLElement & { pageNumber: number }>('jse-placement-layer')) {
    if (layer.shadowRoot?.activeElement) return layer.pageNumber;
  }
  return undefined;
}

/** The field focused in the viewer's placement layers: its page and its key, or undefined. */
function focusedField(viewer: DocumentViewer): { page: number; key: string } | undefined {
  for (const layer of viewer.shadowRoot!.querySelectorAll<HTMLElement & { pageNumber: number }>('jse-placement-layer')) {
    const active = layer.shadowRoot?.activeElement as HTMLElement | null | undefined;
    const field = active?.closest<HTMLElement>('[part~="field"]');
    if (field) return { page: layer.pageNumber, key: field.dataset.key ?? '' };
  }
  return undefined;
}

describe('keyboard: Tab through the fields of the whole document', function () {
  this.timeout(60000);
  before(() => useInstalledPdfJs());
  afterEach(() => document.querySelectorAll('jse-sign-request').forEach((e) => e.remove()));

  it('goes from a field on page 1 to the next field on a page not in the DOM, and back with Shift+Tab', async () => {
    const { el, viewer } = await mount(await serve(await makePdf(Array.from({ length: 40 }, (_, i) => ({ label: `Page ${i + 1}` }))), 'far-fields.pdf'));
    el.signers = [{ id: 's1', email: 'anne.martin@example.fr', firstName: 'Anne', lastName: 'Martin', phone: '+33612345678' }];
    el.fields = [
      { signerId: 's1', page: 1, x: 72, y: 600, width: 180, height: 60 },
      { signerId: 's1', page: 30, x: 72, y: 400, width: 180, height: 60 },
    ];
    await el.updateComplete;
    expect(viewer.shadowRoot!.querySelector('[data-page="30"]'), 'page 30 has no box yet').to.equal(null);
    const first = await until(() => {
      const layer = viewer.shadowRoot!.querySelector<HTMLElement>('[data-page="1"] jse-placement-layer');
      return layer?.shadowRoot?.querySelector<HTMLElement>('[part~="field"]');
    }, 'the field on page 1');
    first.focus();
    expect(focusedField(viewer)?.page).to.equal(1);

    // Tab through what the pages in the DOM have (the field's tools, each layer's own button),
    // staying in the pages: then page 30's field, though page 30 had no box.
    const tabUntil = async (key: 'Tab' | 'Shift+Tab', page: number) => {
      if (key === 'Shift+Tab') await sendKeys({ down: 'Shift' });
      for (let i = 0; i < 60 && focusedField(viewer)?.page !== page; i++) {
        expect(focusedPage(viewer), `${key} ${i + 1}: still in the pages`).to.not.equal(undefined);
        const was = deepActiveElement();
        await sendKeys({ press: 'Tab' });
        // A jump to a far page lands a few frames later, once its box is there.
        await until(() => deepActiveElement() !== was && focusedPage(viewer) !== undefined, `${key} ${i + 1} moved the focus within the pages`, 5000);
      }
      if (key === 'Shift+Tab') await sendKeys({ up: 'Shift' });
    };
    await tabUntil('Tab', 30);
    const far = await until(() => focusedField(viewer)?.page === 30 && focusedField(viewer), 'focus on the field of page 30');
    expect(far.page).to.equal(30);
    expect(viewer.currentPage).to.be.within(29, 31);

    // And back: Shift+Tab reaches page 1 again, the field's last control first.
    await tabUntil('Shift+Tab', 1);
    expect(focusedPage(viewer)).to.equal(1);
    expect(focusedField(viewer)?.page, 'on the field (its tools)').to.equal(1);
  });
});
