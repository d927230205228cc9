/**
 * The connect step (SPEC §1 step 2, §3 Connect): shown when `/me` says the account is not linked,
 * continuing by itself — on the proxy page's message (from the proxy's origin only), on the
 * BroadcastChannel, or by polling `/me` — with the draft untouched; a blocked popup gets a link.
 */
import { expect } from '@open-wc/testing';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import type { Sandbox } from '../../src/testing/index.js';
import { nextEvent } from '../helpers/element.js';
import { marie, mount, newSandbox, resetPolling, sendButton, startWorker, twoPageUrl, until } from './harness.js';

const meCalls = (sandbox: Sandbox) => sandbox.calls.filter((c) => c.route === 'me').length;

describe('connect step (issue 9)', function () {
  this.timeout(30000);
  let sandbox: Sandbox;
  let el: JseSignRequest | undefined;
  let required: Promise<HTMLElementEventMap['jse-connect-required']>;

  before(startWorker);
  beforeEach(async () => {
    sessionStorage.clear();
    resetPolling(60_000); // each test chooses how linking is learnt
    sandbox = await newSandbox({ linked: false });
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => {
      e.signers = [marie];
      required = nextEvent(e, 'jse-connect-required');
    }));
    el.fields = [{ signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 }];
  });
  afterEach(async () => {
    resetPolling();
    el?.remove();
    el = undefined;
    document.querySelectorAll('iframe').forEach((f) => f.remove());
    await sandbox.stop();
  });

  async function connectStep(): Promise<HTMLElement> {
    await until(() => !!el!.shadowRoot!.querySelector('.connect'), 'the connect step');
    return el!.shadowRoot!.querySelector<HTMLElement>('.connect')!;
  }

  it('shows the step, fires jse-connect-required, and cannot send meanwhile', async () => {
    const { detail } = await required;
    expect(detail.connectUrl).to.equal(sandbox.state.connectUrl);
    const step = await connectStep();
    expect(step.textContent).to.contain('Connecter Jesignexpert');
    expect(sendButton(el!).disabled).to.equal(true);
    const error = await el!.submit().catch((e: unknown) => e);
    expect(error).to.include({ code: 'not_connected' });
    expect(sandbox.state.requests.size).to.equal(0);
    await expect(el!).to.be.accessible();
  });

  it('continues on the BroadcastChannel message, the draft untouched', async () => {
    await connectStep();
    const fields = el!.fields;
    const connected = nextEvent(el!, 'jse-connected');
    sandbox.state.link();
    const channel = new BroadcastChannel('jse-connect');
    channel.postMessage({ type: 'jse:connected' });
    channel.close();
    expect((await connected).detail.user.email).to.equal(sandbox.state.user.email);
    await el!.updateComplete;
    expect(el!.shadowRoot!.querySelector('.connect')).to.equal(null);
    expect(el!.fields).to.deep.equal(fields);
    expect(sendButton(el!).disabled).to.equal(false);
  });

  it("continues on a message from the proxy's origin", async () => {
    await connectStep();
    const connected = nextEvent(el!, 'jse-connected');
    sandbox.state.link();
    window.postMessage({ type: 'jse:connected' }, location.origin); // the proxy (/proxy) is on this origin
    await connected;
  });

  it('ignores the same message from another origin', async () => {
    await connectStep();
    const before = meCalls(sandbox);
    let connected = 0;
    el!.addEventListener('jse-connected', () => connected++);
    const foreign = `${location.protocol}//127.0.0.1:${location.port}/__raw/test/pages/post-connected.html`;
    const got = new Promise<MessageEvent>((resolve) => window.addEventListener('message', resolve, { once: true }));
    const frame = document.createElement('iframe');
    frame.src = foreign;
    document.body.append(frame);
    const message = await got;
    expect(message.origin).to.equal(`${location.protocol}//127.0.0.1:${location.port}`);
    // No waiting for nothing to happen: the proxy's own message, dispatched after the foreign one,
    // is the signal. Had the foreign one started a check, /me would be asked twice.
    sandbox.state.link();
    const ours = nextEvent(el!, 'jse-connected');
    window.postMessage({ type: 'jse:connected' }, location.origin);
    await ours;
    expect(meCalls(sandbox)).to.equal(before + 1);
    expect(connected).to.equal(1);
  });

  it('continues by polling /me when no message arrives', async () => {
    resetPolling(100);
    // A new step picks up the interval: unlink-relink through a fresh check.
    el!.remove();
    ({ el } = await mount(sandbox, await twoPageUrl()));
    await connectStep();
    const connected = nextEvent(el, 'jse-connected');
    const polls = meCalls(sandbox);
    sandbox.state.link();
    await connected;
    expect(meCalls(sandbox)).to.be.greaterThan(polls);
  });

  it('opens the connect page in a popup from the click, and offers a link when the popup is blocked', async () => {
    const step = await connectStep();
    const opened: unknown[][] = [];
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the very function is put back afterwards
    const original = window.open;
    window.open = (...args: unknown[]) => {
      opened.push(args);
      return null; // the browser blocked it
    };
    try {
      step.querySelector<HTMLButtonElement>('button')!.click();
    } finally {
      window.open = original;
    }
    expect(opened[0][0]).to.equal(sandbox.state.connectUrl);
    await el!.updateComplete;
    const link = el!.shadowRoot!.querySelector<HTMLAnchorElement>('.connect a')!;
    expect(link.href).to.equal(new URL(sandbox.state.connectUrl, location.href).href);
    expect(link.target).to.equal('_blank');
    expect(el!.shadowRoot!.querySelector('.connect [role="alert"]')!.textContent).to.contain('bloqué');
  });
});
