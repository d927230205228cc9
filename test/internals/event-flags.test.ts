/**
 * Every public event, fired by the real element in a real journey against the sandbox, reaches a
 * listener on `document` with `bubbles: true, composed: true` (SPEC §2) — from an element inside a
 * host component's shadow root, so a non-composed event could not get there (issue 19).
 */
import { expect } from '@open-wc/testing';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import { timing, resetTiming } from '../../src/internal/timing.js';
import type { Sandbox } from '../../src/testing/index.js';
import { makePdf } from '../helpers/documents.js';
import { drawnSignature } from '../testing/helpers.js';
import { marie, newSandbox, paul, startWorker, twoPageUrl, until } from '../send/harness.js';

const PUBLIC_EVENTS = [
  'jse-ready',
  'jse-status',
  'jse-connect-required',
  'jse-connected',
  'jse-invalid',
  'jse-pending',
  'jse-signer-signed',
  'jse-signed',
  'jse-refused',
  'jse-expired',
  'jse-cancelled',
  'jse-error',
] as const;

interface Heard {
  type: string;
  bubbles: boolean;
  composed: boolean;
  /** The element that fired it, as seen inside the host's shadow root. */
  origin: EventTarget | undefined;
}

describe('public events: bubbles and composed (issue 19)', function () {
  this.timeout(60000);
  let sandbox: Sandbox;
  const heard: Heard[] = [];
  const listen = (e: Event) => heard.push({ type: e.type, bubbles: e.bubbles, composed: e.composed, origin: e.composedPath()[0] });
  let host: HTMLElement;

  before(startWorker);
  beforeEach(async () => {
    sessionStorage.clear();
    timing.follow.intervals = { visible: 20, hidden: 400, max: 100 };
    sandbox = await newSandbox({ linked: false });
    for (const type of PUBLIC_EVENTS) document.addEventListener(type, listen);
    host = document.createElement('div');
    host.attachShadow({ mode: 'open' });
    document.body.append(host);
  });
  afterEach(async () => {
    for (const type of PUBLIC_EVENTS) document.removeEventListener(type, listen);
    host.remove();
    resetTiming();
    await sandbox.stop();
  });

  /** An element inside the host component's shadow root. */
  function mount(setup: (el: JseSignRequest) => void): JseSignRequest {
    const el = document.createElement('jse-sign-request');
    el.style.cssText = 'display:flex;width:1200px;height:860px';
    el.tokenEndpoint = sandbox.tokenEndpoint;
    setup(el);
    host.shadowRoot!.append(el);
    return el;
  }
  const seen = (type: string, from?: EventTarget) => heard.some((h) => h.type === type && (!from || h.origin === from));

  it('each reaches document, bubbling and composed, from the element that fired it', async () => {
    const signature = await drawnSignature();
    // The journey: connect, ready, invalid, pending, a signer signs, everyone signed.
    const src = await twoPageUrl();
    const sender = mount((e) => {
      e.src = src;
      e.signers = [marie, paul];
    });
    await until(() => seen('jse-connect-required', sender) && seen('jse-ready', sender), 'connect step and document', 20000);
    sandbox.state.link();
    const channel = new BroadcastChannel('jse-connect');
    channel.postMessage({ type: 'jse:connected' });
    channel.close();
    await until(() => seen('jse-connected', sender), 'jse-connected');
    await sender.submit().catch(() => undefined); // no field: blocked
    expect(seen('jse-invalid', sender)).to.equal(true);
    sender.fields = [
      { signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 },
      { signerId: 's2', page: 1, x: 320, y: 100, width: 180, height: 60 },
    ];
    const request = await sender.submit();
    expect(seen('jse-pending', sender)).to.equal(true);
    await sandbox.journey.signAs(marie.email, signature);
    await until(() => seen('jse-signer-signed', sender), 'jse-signer-signed');
    await sandbox.journey.signAs(paul.email, signature);
    await until(() => seen('jse-signed', sender), 'jse-signed');

    // Attaching to a request: jse-status; then refused, expired, cancelled; a failure: jse-error.
    const attach = (requestId: string) => mount((e) => (e.requestId = requestId));
    const watcher = attach(request.id);
    await until(() => seen('jse-status', watcher), 'jse-status');
    const bytes = await makePdf([{ label: 'Lettre' }]);
    const create = (n: number) =>
      sandbox.state.createRequest({
        idempotencyKey: `flags-${n}`,
        fingerprint: `flags-${n}`,
        signers: [{ ...marie, phone: '+33612345678' }],
        fields: [{ signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 }],
        documentName: 'Lettre.pdf',
        bytes,
      });
    const [toRefuse, toExpire, toCancel] = [create(1), create(2), create(3)];
    const refused = attach(toRefuse.id);
    const expired = attach(toExpire.id);
    const cancelled = attach(toCancel.id);
    await until(() => [refused, expired, cancelled].every((e) => seen('jse-status', e)), 'the three attached');
    sandbox.state.refuse(toRefuse.id, 's1');
    sandbox.state.expire(toExpire.id);
    await cancelled.cancelRequest();
    await until(() => seen('jse-refused', refused) && seen('jse-expired', expired) && seen('jse-cancelled', cancelled), 'the outcomes');
    const missing = attach('req_does_not_exist');
    await until(() => seen('jse-error', missing), 'jse-error');

    const table = PUBLIC_EVENTS.map((type) => {
      const all = heard.filter((h) => h.type === type);
      return { type, heard: all.length > 0, bubbles: all.every((h) => h.bubbles), composed: all.every((h) => h.composed) };
    });
    expect(table).to.deep.equal(PUBLIC_EVENTS.map((type) => ({ type, heard: true, bubbles: true, composed: true })));
    // Each came from a jse-sign-request (its composed path starts at the element, inside the host's root).
    expect(heard.every((h) => (h.origin as Element | undefined)?.localName === 'jse-sign-request')).to.equal(true);
  });
});
