/**
 * Sending across the element's life: a double submit, reset() or removal while a send is in
 * flight, another document set on a live element, and a token endpoint given after attaching.
 */
import { expect } from '@open-wc/testing';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import type { Sandbox } from '../../src/testing/index.js';
import { makePdf, serve } from '../helpers/documents.js';
import { nextEvent } from '../helpers/element.js';
import { marie, mount, newSandbox, panelOf, paul, sendButton, startWorker, twoPageUrl, until } from './harness.js';

const creates = (sandbox: Sandbox) => sandbox.calls.filter((c) => c.route === 'create');
const field = { signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 };

describe('sending across the element life (issue 9)', function () {
  this.timeout(60000);
  let sandbox: Sandbox;
  let el: JseSignRequest | undefined;

  before(startWorker);
  beforeEach(async () => {
    sessionStorage.clear();
    sandbox = await newSandbox();
  });
  afterEach(async () => {
    document.querySelectorAll('jse-sign-request').forEach((e) => e.remove());
    el = undefined;
    await sandbox.stop();
  });

  it('a second submit() while sending gets the same promise: one POST', async () => {
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => (e.signers = [marie])));
    el.fields = [field];
    const [a, b] = [el.submit(), el.submit()];
    expect(b).to.equal(a);
    await a;
    expect(creates(sandbox)).to.have.length(1);
    expect(sandbox.state.requests.size).to.equal(1);
  });

  it('reset() while sending is refused and the send completes', async () => {
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => (e.signers = [marie])));
    el.fields = [field];
    let open!: () => void;
    sandbox.faults.slow('create', new Promise<void>((resolve) => (open = resolve)));
    const errors: string[] = [];
    el.addEventListener('jse-error', (e) => errors.push(e.detail.code));
    const sent = el.submit();
    await until(() => creates(sandbox).length > 0 || sandbox.faults.pending === 0, 'the POST under way');
    expect(() => el!.reset()).to.throw(/cannot change/);
    open();
    const request = await sent;
    expect(request.status).to.equal('pending');
    expect(errors).to.deep.equal([]);
    expect(sandbox.state.requests.size).to.equal(1);
  });

  it('removed while its send is in flight, mounted again: locked to a retry with the same key, still one request', async () => {
    const src = await twoPageUrl();
    ({ el } = await mount(sandbox, src, (e) => (e.signers = [marie])));
    el.fields = [field];
    let open!: () => void;
    sandbox.faults.slow('create', new Promise<void>((resolve) => (open = resolve)));
    const first = el.submit();
    await until(() => sandbox.faults.pending === 0, 'the POST reaching the proxy');
    el.remove();
    const { el: again } = await mount(sandbox, src);
    el = again;
    await until(() => !!again.shadowRoot!.querySelector('.send.locked'), 'the locked draft');
    expect(panelOf(again).inert).to.equal(true);
    open();
    await first;
    const pending = nextEvent(again, 'jse-pending');
    [...again.shadowRoot!.querySelectorAll('.send.locked button')].find((b) => b.textContent.includes('Réessayer'))!.dispatchEvent(new MouseEvent('click'));
    await pending;
    expect(sandbox.state.requests.size).to.equal(1);
    expect(new Set(creates(sandbox).map((c) => c.idempotencyKey)).size).to.equal(1);
  });

  it('another src on a live element: its own draft; the first one comes back with its request', async () => {
    const a = await twoPageUrl();
    const b = await serve(await makePdf([{ label: 'Autre document' }]), 'autre.pdf');
    ({ el } = await mount(sandbox, a, (e) => (e.signers = [marie])));
    el.fields = [field];
    const request = await el.submit();
    await until(() => !!el!.shadowRoot!.querySelector('jse-status-view'), 'the status view');

    const readyB = nextEvent(el, 'jse-ready');
    el.src = b;
    el.signers = [paul]; // set right after src: belongs to the new document
    await readyB;
    expect(el.shadowRoot!.querySelector('jse-status-view')).to.equal(null);
    expect(el.signers.map((s) => s.id)).to.deep.equal(['s2']);
    expect(el.fields).to.deep.equal([]);
    await el.updateComplete;
    expect(sendButton(el).disabled).to.equal(false);

    const status = nextEvent(el, 'jse-status');
    el.src = a;
    expect((await status).detail.request.id).to.equal(request.id);
  });

  it('a token endpoint given after attaching is checked at once: the connect step before any work', async () => {
    sandbox.state.unlink();
    const e = document.createElement('jse-sign-request');
    e.src = await twoPageUrl();
    document.body.append(e);
    el = e;
    const required = nextEvent(e, 'jse-connect-required');
    e.tokenEndpoint = sandbox.tokenEndpoint; // e.g. an Angular property binding, after attach
    expect((await required).detail.connectUrl).to.equal(sandbox.state.connectUrl);
  });
});
