/**
 * Several documents (SPEC §10): the pages of the document in the open tab are seen. The viewer of
 * a set sits inside the tab panel below the tabs; it must take the panel's height (it has no height
 * of its own: its pages are laid out inside a scroller), wide and narrow — a review in the demo found
 * it 0 px high, the pages invisible behind the tabs.
 */
import { expect } from '@open-wc/testing';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import type { Sandbox } from '../../src/testing/index.js';
import { makePdf, serve } from '../helpers/documents.js';
import { nextEvent } from '../helpers/element.js';
import { until } from '../helpers/wait.js';
import { newSandbox, viewerOf } from '../send/harness.js';

async function mountSet(sandbox: Sandbox, width: number): Promise<JseSignRequest> {
  const documents = [
    { src: await serve(await makePdf([{ label: 'Lettre p1' }, { label: 'Lettre p2' }]), 'Lettre.pdf'), name: 'Lettre de mission' },
    { src: await serve(await makePdf([{ rotate: 90, label: 'Mandat' }]), 'Mandat.pdf'), name: 'Mandat SEPA' },
  ];
  const el = document.createElement('jse-sign-request');
  el.style.cssText = `display:flex;width:${width}px;height:860px`;
  el.tokenEndpoint = sandbox.tokenEndpoint;
  el.documents = documents;
  const ready = nextEvent(el, 'jse-ready', 20000);
  document.body.append(el);
  await ready;
  await el.updateComplete;
  return el;
}

/** The scroller of the viewer shown, and page 1's box within it. */
function seen(el: JseSignRequest): { scroller: DOMRect; page: DOMRect } | undefined {
  const viewer = viewerOf(el);
  const scroller = viewer.shadowRoot!.querySelector<HTMLElement>('.scroller');
  const page = viewer.shadowRoot!.querySelector<HTMLElement>('[data-page="1"]');
  if (!scroller || !page) return undefined;
  return { scroller: scroller.getBoundingClientRect(), page: page.getBoundingClientRect() };
}

function expectPageInView(el: JseSignRequest, what: string): void {
  const { scroller, page } = seen(el)!;
  expect(scroller.height, `${what}: the viewer's height`).to.be.greaterThan(300);
  // Page 1 is inside the scroller's box: at least 200 px of it in view.
  const visible = Math.min(scroller.bottom, page.bottom) - Math.max(scroller.top, page.top);
  expect(visible, `${what}: px of page 1 in view`).to.be.greaterThan(200);
}

describe('several documents: the open tab’s pages are in view', function () {
  this.timeout(60000);
  let sandbox: Sandbox;
  let el: JseSignRequest | undefined;

  beforeEach(async () => {
    sessionStorage.clear();
    sandbox = await newSandbox();
  });
  afterEach(async () => {
    el?.remove();
    el = undefined;
    await sandbox.stop();
  });

  it('in order: « Monter » and « Descendre » side by side on each signer’s row, inside it', async () => {
    el = await mountSet(sandbox, 1200);
    el.signers = [
      { id: 's1', email: 'claire.martin@cabinet-exemple.fr', firstName: 'Claire', lastName: 'Martin', phone: '+33612345678' },
      { id: 's2', email: 'jean.dupont@example.com', firstName: 'Jean', lastName: 'Dupont', phone: '+33698765432' },
    ];
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="jse-signing-order"][value="sequential"]')!.click();
    await el.updateComplete;
    const rows = await until(() => {
      const found = [...el!.shadowRoot!.querySelectorAll<HTMLElement>('.order-list li')];
      return found.length === 2 && found;
    }, 'the order list');
    for (const li of rows) {
      const up = li.querySelector('.order-up')!.getBoundingClientRect();
      const down = li.querySelector('.order-down')!.getBoundingClientRect();
      const row = li.getBoundingClientRect();
      expect(Math.abs(up.top - down.top), `${li.dataset['signer']}: the two buttons on one line`).to.be.below(1);
      expect(down.left, 'Descendre after Monter').to.be.greaterThan(up.right);
      expect(down.right, 'inside the row').to.be.at.most(row.right + 0.5);
      expect(down.bottom, 'inside the row').to.be.at.most(row.bottom + 0.5);
    }
  });

  for (const width of [1200, 390]) {
    it(`${width} px wide: the first tab’s pages, then the second’s after switching`, async () => {
      el = await mountSet(sandbox, width);
      await until(() => seen(el!), 'the viewer and its page 1');
      expectPageInView(el, 'first tab');
      const second = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')[1];
      second.click();
      await until(() => second.getAttribute('aria-selected') === 'true' && seen(el!) && viewerOf(el!).document?.pages.count === 1, 'the second tab shown');
      await el.updateComplete;
      expectPageInView(el, 'second tab');
    });
  }
});
