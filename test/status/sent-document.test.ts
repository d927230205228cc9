/**
 * Issue 18: after sending, the status view shows the sent document beside it, read-only, with the
 * request's fields where they were placed (pages and field boxes; no handles, tools or "add"
 * button, nothing focusable or draggable), and the keyboard focus lands on the status heading.
 */
import { expect } from '@open-wc/testing';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import type { Sandbox } from '../../src/testing/index.js';
import { fr } from '../../src/i18n/messages.js';
import { deepActiveElement, nextEvent } from '../helpers/element.js';
import { mouseDrag, pointIn } from '../helpers/input.js';
import { frames } from '../helpers/wait.js';
import { confirmDialog, marie, mount, newSandbox, paul, sendButton, startWorker, twoPageUrl, until, viewerOf } from '../send/harness.js';

/** Every field box of the viewer's pages, with its page number. */
function fieldBoxes(el: JseSignRequest): { page: number; box: HTMLElement }[] {
  const viewer = viewerOf(el);
  return [...viewer.shadowRoot!.querySelectorAll<HTMLElement>('jse-placement-layer')].flatMap((layer) => {
    const page = Number(layer.closest<HTMLElement>('[data-page]')!.dataset['page']);
    return [...layer.shadowRoot!.querySelectorAll<HTMLElement>('[part~="field"]')].map((box) => ({ page, box }));
  });
}

/** A field box's place relative to its page box, in CSS px. */
function placeOnPage(el: JseSignRequest, page: number, box: HTMLElement): number[] {
  const pageBox = viewerOf(el).shadowRoot!.querySelector<HTMLElement>(`[data-page="${page}"]`)!.getBoundingClientRect();
  const r = box.getBoundingClientRect();
  return [r.left - pageBox.left, r.top - pageBox.top, r.width, r.height].map((v) => Math.round(v));
}


describe('the sent document in the status view (issue 18)', function () {
  this.timeout(60000);
  let sandbox: Sandbox;
  let el: JseSignRequest | undefined;

  before(startWorker);
  beforeEach(async () => {
    sessionStorage.clear();
    sandbox = await newSandbox();
  });
  afterEach(async () => {
    el?.remove();
    el = undefined;
    await sandbox.stop();
  });

  it('shows the pages with the fields where they were placed, read-only; focus on the status heading; axe clean', async () => {
    let connected!: Promise<unknown>;
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => {
      e.signers = [marie, paul];
      e.fields = [
        { signerId: 's1', page: 1, x: 100, y: 120, width: 180, height: 60 },
        { signerId: 's2', page: 1, x: 320, y: 300, width: 180, height: 60, kind: 'signature' },
        { signerId: 's2', page: 2, x: 200, y: 200, width: 60, height: 30, kind: 'initials' },
      ];
      connected = nextEvent(e, 'jse-connected');
    }));
    await connected;
    const viewer = viewerOf(el);
    await until(() => fieldBoxes(el!).length === 3, 'the fields drawn while editing');
    const before = fieldBoxes(el).map(({ page, box }) => [page, ...placeOnPage(el!, page, box)]);
    const scale = viewer.scale;

    sendButton(el).click();
    await until(() => confirmDialog(el!).open, 'the confirmation');
    const pending = nextEvent(el, 'jse-pending');
    confirmDialog(el).querySelector<HTMLButtonElement>('button.primary')!.click();
    const { request } = (await pending).detail;
    await until(() => el!.shadowRoot!.querySelector('jse-status-view')?.shadowRoot?.querySelector('#status-title'), 'the status view');

    // The document is still there, beside the status, and it is another, read-only view.
    const sent = await until(() => el!.shadowRoot!.querySelector<HTMLElement>('jse-document-viewer.sent-document'), 'the sent document');
    expect(el.shadowRoot!.querySelectorAll('jse-document-viewer')).to.have.length(1);
    expect(el.shadowRoot!.querySelector('jse-signers-panel')).to.equal(null);
    expect(sent.shadowRoot!.querySelectorAll('[data-page]')).to.have.length(2);
    await until(() => fieldBoxes(el!).length === 3, 'the sent fields drawn');
    expect(viewerOf(el).scale).to.be.closeTo(scale, 0.01);
    const after = fieldBoxes(el).map(({ page, box }) => [page, ...placeOnPage(el!, page, box)]);
    expect(after).to.deep.equal(before);
    expect(request.fields).to.have.length(3);

    // Nothing to edit: no handles, tools or "add" button, no field in the tab order.
    for (const layer of viewerOf(el).shadowRoot!.querySelectorAll('jse-placement-layer')) {
      const root = layer.shadowRoot!;
      expect(root.querySelectorAll('.handle, .tools, button, [tabindex]')).to.have.length(0);
    }
    for (const { box } of fieldBoxes(el)) {
      expect(box.getAttribute('role')).to.equal('img');
      expect(box.getAttribute('aria-label')).to.match(/Marie Dupont|Paul Durand/);
    }
    // The toolbar's editing controls are gone too.
    expect(el.shadowRoot!.querySelector('.add-field')).to.equal(null);

    // Focus: the status heading (not the page's body).
    const focused = deepActiveElement(el.shadowRoot!);
    expect(focused?.id).to.equal('status-title');
    expect(focused?.textContent).to.equal('En attente de signature');

    // A real drag on a field moves nothing.
    const { page, box } = fieldBoxes(el)[0];
    box.scrollIntoView({ block: 'center' });
    await frames();
    const start = pointIn(box);
    const placed = placeOnPage(el, page, box);
    await mouseDrag(start, { x: start.x + 60, y: start.y + 40 });
    await frames();
    expect(placeOnPage(el, page, fieldBoxes(el)[0].box)).to.deep.equal(placed);
    expect(el.fields.map((f) => [f.x, f.y])).to.deep.equal([
      [100, 120],
      [320, 300],
      [200, 200],
    ]);
    expect(fieldBoxes(el)[0].box.closest('.surface')!.classList.contains('read-only')).to.equal(true);
    await expect(el).to.be.accessible();

    // The toolbar keeps the page counter and the zoom, for this document.
    const zoomIn = el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="toolbar"] button[aria-label="${fr['viewer.zoomIn']}"]`)!;
    expect(el.shadowRoot!.querySelector('[part~="toolbar"] .page-counter')!.textContent).to.contain('1 / 2');
    const zoomed = viewerOf(el).scale;
    zoomIn.click();
    await until(() => viewerOf(el!).scale > zoomed, 'the sent document zoomed in');
  });

  it('re-attached by request-id with its document: the request\'s own fields shown on it, read-only', async () => {
    const stored = sandbox.state.createRequest({
      idempotencyKey: 'sent-document-attach',
      fingerprint: 'fp-sent-document-attach',
      signers: [marie, paul],
      fields: [
        { signerId: 's1', page: 1, x: 340, y: 120, width: 180, height: 60 },
        { signerId: 's2', page: 2, x: 60, y: 120, width: 180, height: 60 },
      ],
      documentName: 'contrat.pdf',
      bytes: new Uint8Array(await (await fetch(await twoPageUrl())).arrayBuffer()),
    });
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => e.setAttribute('request-id', stored.id)));
    await until(() => el!.shadowRoot!.querySelector('jse-document-viewer.sent-document'), 'the sent document');
    await until(() => fieldBoxes(el!).length === 2, 'its two fields');
    expect(fieldBoxes(el).map(({ page }) => page)).to.deep.equal([1, 2]);
    expect(fieldBoxes(el).map(({ box }) => box.getAttribute('aria-label'))).to.satisfy((labels: string[]) =>
      labels[0].includes('Marie Dupont') && labels[1].includes('Paul Durand'),
    );
    // The element's own draft is not the request's: nothing was put in it.
    expect(el.fields).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('at 390 px: the status comes first, the pages under it, nothing wider than the element; axe clean', async () => {
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => {
      e.style.cssText = 'display:flex;width:390px;height:800px';
      e.signers = [marie];
      e.fields = [{ signerId: 's1', page: 1, x: 100, y: 120, width: 180, height: 60 }];
    }));
    const pending = nextEvent(el, 'jse-pending');
    await el.submit();
    await pending;
    const sent = await until(() => el!.shadowRoot!.querySelector<HTMLElement>('jse-document-viewer.sent-document'), 'the sent document');
    const status = el.shadowRoot!.querySelector<HTMLElement>('jse-status-view')!;
    await until(() => status.shadowRoot!.querySelector('#status-title'), 'the status heading');
    expect(status.getBoundingClientRect().top).to.be.lessThan(sent.getBoundingClientRect().top);
    const workspace = el.shadowRoot!.querySelector<HTMLElement>('.workspace.sent')!;
    expect(workspace.scrollWidth).to.be.at.most(workspace.clientWidth);
    await expect(el).to.be.accessible();
  });
});
