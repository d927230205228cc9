/**
 * `<jse-sign-request>` following a request through the sandbox (SPEC §2, §3): the signer journey
 * seen as events, the signed PDF downloaded and rendered, `request-id` re-attach on every status,
 * the sender's take-over without re-announcing, polls stopped on removal and slowed when hidden,
 * cancel, refusal, expiry, and axe at each step.
 */
import { expect } from '@open-wc/testing';
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { Sleep } from '../../src/api/retry.js';
import { openPdf } from '../../src/document/pdfjs.js';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import type { StatusController } from '../../src/status/status-controller.js';
import { timing } from '../../src/internal/timing.js';
import type { Sandbox } from '../../src/testing/index.js';
import { makePdf, serve } from '../helpers/documents.js';
import { useInstalledPdfJs } from '../helpers/element.js';
import { drawnSignature } from '../testing/helpers.js';
import { FIELD_LEA, FIELD_PAUL, LEA, PAUL, attached, spyFetch, createPending, detailOf, names, polls, record, startSandbox, statusView, until, type Recorded } from './helpers.js';

const INTERVAL = 20;

let worker: SetupWorker;
let sandbox: Sandbox;
let signature: Blob;
const mounted: HTMLElement[] = [];

before(async () => {
  useInstalledPdfJs();
  worker = setupWorker();
  await worker.start({ onUnhandledFrame: 'bypass', quiet: true });
  signature = await drawnSignature();
});

after(async () => {
  await worker.stop();
});

beforeEach(async () => {
  timing.follow.intervals = { visible: INTERVAL, hidden: INTERVAL * 20, max: INTERVAL * 5 };
  sandbox = await startSandbox(worker);
});

afterEach(async () => {
  for (const el of mounted.splice(0)) el.remove();
  delete timing.follow.intervals;
  delete timing.follow.sleep;
  delete timing.follow.visibility;
  delete timing.follow.random;
  await sandbox.stop();
});

function follow(requestId: string, attrs: Record<string, string> = {}): { el: JseSignRequest; events: Recorded[] } {
  const result = attached(sandbox, requestId, attrs);
  mounted.push(result.el);
  return result;
}

/**
 * "Nothing happened meanwhile", measured in polls that did happen, not in milliseconds a loaded
 * machine may not give: a witness element follows another pending request at the same interval.
 * Started (token and /me fetched, first poll answered) before a test starts counting fetches.
 */
async function startWitness(): Promise<{ polls(n: number): Promise<void> }> {
  const request = await createPending(sandbox);
  const { el } = attached(sandbox, request.id);
  mounted.push(el);
  await until(() => polls(sandbox, request.id) >= 1, 'the witness attached');
  witnessId = request.id;
  return {
    async polls(n) {
      const start = polls(sandbox, request.id);
      await until(() => polls(sandbox, request.id) >= start + n, `${n} polls of the witness`);
      el.remove();
    },
  };
}

/** Lets `n` polls of a witness go by. */
async function intervals(n: number): Promise<void> {
  await (await startWitness()).polls(n);
}

let witnessId = '';
/** The fetches a spy saw, less the witness's polls. */
const notWitness = (calls: { method: string; url: string }[]) => calls.filter((c) => !c.url.includes(`/requests/${witnessId}`));

function viewText(el: JseSignRequest): string {
  return statusView(el).shadowRoot!.textContent.replace(/\s+/g, ' ');
}

function viewQuery<T extends Element = HTMLElement>(el: JseSignRequest, selector: string): T | null {
  return statusView(el).shadowRoot!.querySelector<T>(selector);
}

async function settled(el: JseSignRequest): Promise<void> {
  await el.updateComplete;
  await statusView(el).updateComplete;
}

function statusOf(el: JseSignRequest): StatusController {
  return (el as unknown as { status: StatusController }).status;
}

describe('following a request: the signer journey', () => {
  it('fires jse-signer-signed for each of two signers and jse-signed once, and download() gives the stamped PDF', async () => {
    const original = await makePdf([{ label: 'Lettre de mission' }]);
    const request = await createPending(sandbox, original);
    const { el, events } = follow(request.id, { 'document-name': 'Lettre de mission.pdf' });
    await until(() => events.length > 0, 'jse-status');
    expect(names(events)).to.deep.equal(['jse-status']);
    await settled(el);
    await expect(el).to.be.accessible();

    await sandbox.journey.signAs(PAUL.email, signature);
    await until(() => events.length > 1, 'jse-signer-signed for Paul');
    await settled(el);
    expect(viewQuery(el, '[data-signer="s1"]')!.dataset['status']).to.equal('signed');
    expect(viewQuery(el, '[role="status"][aria-live="polite"]')!.textContent).to.contain('Paul Durand a signé.');
    await expect(el).to.be.accessible();

    await sandbox.journey.signAs(LEA.email, signature);
    await until(() => events.some((e) => e.type === 'jse-signed'), 'jse-signed');
    const witness = await startWitness();
    const spy = spyFetch();
    try {
      await witness.polls(10);
    } finally {
      spy.restore();
    }
    expect(names(events)).to.deep.equal(['jse-status', 'jse-signer-signed:s1', 'jse-signer-signed:s2', 'jse-signed']);
    expect(notWitness(spy.calls), 'no poll once signed').to.deep.equal([]);

    const signed = detailOf(events.at(-1), 'jse-signed');
    expect(signed.request.status).to.equal('signed');
    expect(signed.signedDocumentUrl).to.equal(`${sandbox.proxyUrl}/requests/${request.id}/signed-document`);
    expect(detailOf(events[1], 'jse-signer-signed').signer.firstName).to.equal('Paul');

    const blob = await signed.download();
    expect(blob.type).to.equal('application/pdf');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(bytes).to.deep.equal(sandbox.state.getRequest(request.id)!.current);
    // The token went in the Authorization header only (the sandbox refuses the call otherwise).
    expect(sandbox.calls.filter((c) => c.route === 'signed-document').map((c) => c.status)).to.deep.equal([200]);

    const ink = await inkInFields(original, bytes, [FIELD_PAUL, FIELD_LEA]);
    expect(ink.inside[0], 'ink in Paul’s field').to.be.greaterThan(300);
    expect(ink.inside[1], 'ink in Léa’s field').to.be.greaterThan(300);
    expect(ink.outside, 'no ink outside the fields').to.equal(0);

    await settled(el);
    expect(viewText(el)).to.contain('Document signé');
    expect(viewText(el)).to.contain('Document : Lettre de mission.pdf');
    expect(viewQuery(el, '[data-action="download"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('announces the signatures once even when both happen between two polls', async () => {
    const request = await createPending(sandbox);
    timing.follow.intervals = { visible: INTERVAL * 1000, hidden: INTERVAL * 1000, max: INTERVAL * 1000 };
    const { el, events } = follow(request.id);
    await until(() => events.length > 0, 'jse-status');
    await sandbox.journey.signAs(PAUL.email, signature);
    await sandbox.journey.signAs(LEA.email, signature);
    statusOf(el).refresh();
    await until(() => events.some((e) => e.type === 'jse-signed'), 'jse-signed');
    expect(names(events)).to.deep.equal(['jse-status', 'jse-signer-signed:s1', 'jse-signer-signed:s2', 'jse-signed']);
  });

  it('takes over a request the sender just created without announcing it again (no jse-status, no jse-pending)', async () => {
    const stored = await createPending(sandbox);
    const el = document.createElement('jse-sign-request');
    mounted.push(el);
    const events = record(el, ['jse-status', 'jse-pending', 'jse-signer-signed', 'jse-signed', 'jse-error']);
    el.setAttribute('token-endpoint', sandbox.tokenEndpoint);
    document.body.append(el);
    await el.updateComplete;
    statusOf(el).follow(sandbox.state.toWire(stored, sandbox.proxyUrl), sandbox.state.etag(stored), { announce: false });
    await settled(el);
    expect(viewText(el)).to.contain('En attente de signature');
    const before = polls(sandbox, stored.id);
    await until(() => polls(sandbox, stored.id) > before + 1, 'two polls');
    // The ETag given was current: the proxy answered 304 each time.
    expect(sandbox.calls.filter((c) => c.route === 'get').every((c) => c.status === 304)).to.equal(true);
    await sandbox.journey.signAs(PAUL.email, signature);
    await until(() => events.length > 0, 'jse-signer-signed');
    await sandbox.journey.signAs(LEA.email, signature);
    await until(() => events.some((e) => e.type === 'jse-signed'), 'jse-signed');
    expect(names(events)).to.deep.equal(['jse-signer-signed:s1', 'jse-signer-signed:s2', 'jse-signed']);
  });
});

describe('request-id re-attach', () => {
  const cases: { status: string; setUp: (id: string) => unknown; expected: string[]; title: string }[] = [
    { status: 'pending', setUp: () => undefined, expected: ['jse-status'], title: 'En attente de signature' },
    {
      status: 'signed',
      setUp: async () => {
        await sandbox.journey.signAs(PAUL.email, signature);
        await sandbox.journey.signAs(LEA.email, signature);
      },
      expected: ['jse-status', 'jse-signed'],
      title: 'Document signé',
    },
    { status: 'refused', setUp: (id) => sandbox.state.refuse(id, LEA.id, 'Pas d’accord'), expected: ['jse-status', 'jse-refused'], title: 'Signature refusée' },
    { status: 'expired', setUp: (id) => sandbox.state.expire(id), expected: ['jse-status', 'jse-expired'], title: 'Demande expirée' },
    { status: 'cancelled', setUp: (id) => sandbox.state.cancel(id), expected: ['jse-status', 'jse-cancelled'], title: 'Demande annulée' },
  ];

  for (const { status, setUp, expected, title } of cases) {
    it(`on a ${status} request: ${expected.join(', then ')}, never jse-pending`, async () => {
      const request = await createPending(sandbox);
      await setUp(request.id);
      expect(sandbox.state.getRequest(request.id)!.status).to.equal(status);
      const { el, events } = follow(request.id);
      await until(() => events.length >= expected.length, expected.join(', '));
      // Let several polls go by: nothing more may be announced.
      await intervals(10);
      expect(names(events)).to.deep.equal(expected);
      expect(detailOf(events[0], 'jse-status').request.id).to.equal(request.id);
      expect(detailOf(events[0], 'jse-status').request.status).to.equal(status);
      if (status === 'pending') expect(polls(sandbox, request.id)).to.be.greaterThan(2);
      else expect(polls(sandbox, request.id), 'a final request is not followed').to.equal(1);
      await settled(el);
      expect(viewText(el)).to.contain(title);
      await expect(el).to.be.accessible();
    });
  }

  it('shows signers already signed with their time, without announcing them again', async () => {
    const request = await createPending(sandbox);
    await sandbox.journey.signAs(PAUL.email, signature);
    const { el, events } = follow(request.id);
    await until(() => events.length > 0, 'jse-status');
    await intervals(5);
    expect(names(events)).to.deep.equal(['jse-status']);
    expect(detailOf(events[0], 'jse-status').request.signers.map((s) => s.status)).to.deep.equal(['signed', 'waiting']);
    await settled(el);
    const paul = viewQuery(el, '[data-signer="s1"]')!.textContent.replace(/\s+/g, ' ');
    const signedAt = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(sandbox.state.getRequest(request.id)!.signers[0].signedAt!));
    expect(paul).to.contain('Paul Durand').and.contain(`A signé le ${signedAt}`);
    expect(viewQuery(el, '[data-signer="s2"]')!.textContent).to.contain('En attente de signature');
  });

  it('speaks English from lang, dates in English too', async () => {
    const request = await createPending(sandbox);
    const { el, events } = follow(request.id, { lang: 'en' });
    await until(() => events.length > 0, 'jse-status');
    await settled(el);
    expect(viewText(el)).to.contain('Awaiting signature').and.contain('The signers have received an e-mail');
    const sent = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(request.createdAt));
    expect(viewText(el)).to.contain(`Sent on ${sent}`);
  });

  it('attaches once token-endpoint is given after request-id', async () => {
    const request = await createPending(sandbox);
    const el = document.createElement('jse-sign-request');
    mounted.push(el);
    const events = record(el, ['jse-status', 'jse-error']);
    el.setAttribute('request-id', request.id);
    document.body.append(el);
    await until(() => events.length > 0, 'the missing endpoint reported');
    expect(detailOf(events[0], 'jse-error').code).to.equal('token_failed');
    el.setAttribute('token-endpoint', sandbox.tokenEndpoint);
    await until(() => events.length > 1, 'jse-status');
    expect(names(events)).to.deep.equal(['jse-error', 'jse-status']);
  });

  it('an unknown request: jse-error not_found, shown, no jse-status', async () => {
    const { el, events } = follow('req_9999');
    await until(() => events.length > 0, 'jse-error');
    expect(names(events)).to.deep.equal(['jse-error']);
    expect(detailOf(events[0], 'jse-error').code).to.equal('not_found');
    await settled(el);
    expect(viewQuery(el, '[role="alert"]')!.textContent).to.contain('introuvable');
    await expect(el).to.be.accessible();
  });

  it('attaches to the new request when request-id changes, and back to the draft when it is removed', async () => {
    const first = await createPending(sandbox);
    const second = await createPending(sandbox);
    sandbox.state.expire(second.id);
    const { el, events } = follow(first.id);
    await until(() => events.length > 0, 'jse-status');
    el.requestId = second.id;
    await until(() => events.length >= 3, 'jse-status and jse-expired of the second');
    expect(names(events)).to.deep.equal(['jse-status', 'jse-status', 'jse-expired']);
    expect(detailOf(events[1], 'jse-status').request.id).to.equal(second.id);
    const witness = await startWitness();
    const spy = spyFetch();
    try {
      await witness.polls(5);
    } finally {
      spy.restore();
    }
    expect(notWitness(spy.calls), 'the first request is no longer followed').to.deep.equal([]);
    el.removeAttribute('request-id');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('jse-status-view')).to.equal(null);
  });
});

describe('following: removal and visibility', () => {
  it('stops polling when the element is removed, resumes without a second jse-status when put back', async () => {
    const request = await createPending(sandbox);
    const { el, events } = follow(request.id);
    await until(() => polls(sandbox, request.id) >= 3, 'three polls');
    const witness = await startWitness();
    const spy = spyFetch();
    try {
      el.remove();
      await witness.polls(15);
    } finally {
      spy.restore();
    }
    expect(notWitness(spy.calls), 'no request after removal').to.deep.equal([]);

    document.body.append(el);
    await until(() => polls(sandbox, request.id) >= 5, 'polls again');
    expect(names(events)).to.deep.equal(['jse-status']);
  });

  it('removed while attaching: the attach is abandoned and nothing is announced', async () => {
    const request = await createPending(sandbox);
    sandbox.faults.slow('get', 200);
    const { el, events } = follow(request.id);
    await until(() => sandbox.calls.some((c) => c.route === 'get'), 'the attach GET');
    el.remove();
    await intervals(20);
    expect(events).to.deep.equal([]);
  });

  it('polls slower while the tab is hidden (counted over fake time) and at once when it shows again', async () => {
    const clock = new FakeClock();
    let visibility: 'visible' | 'hidden' = 'visible';
    timing.follow.intervals = { visible: 5_000, hidden: 60_000, max: 120_000 };
    timing.follow.sleep = clock.sleep;
    timing.follow.random = () => 0.5;
    timing.follow.visibility = () => visibility;
    const request = await createPending(sandbox);
    const { events } = follow(request.id);
    await until(() => events.length > 0 && clock.waiting > 0, 'jse-status and the first wait');
    const start = polls(sandbox, request.id);

    await clock.advance(60_000);
    const visiblePolls = polls(sandbox, request.id) - start;

    visibility = 'hidden';
    const hiddenStart = polls(sandbox, request.id);
    // The wait already started is a visible one; from the next, the hidden pace.
    await clock.advance(5_000);
    const paced = polls(sandbox, request.id);
    await clock.advance(60_000 * 2 - 1);
    const hiddenPolls = polls(sandbox, request.id) - paced;
    expect(visiblePolls, 'visible: one poll per 5 s over 60 s').to.equal(12);
    expect(paced - hiddenStart).to.equal(1);
    expect(hiddenPolls, 'hidden: one poll per 60 s').to.equal(1);
    expect(clock.asked.at(-1)).to.equal(60_000);

    visibility = 'visible';
    const beforeShow = polls(sandbox, request.id);
    document.dispatchEvent(new Event('visibilitychange'));
    await until(() => polls(sandbox, request.id) > beforeShow, 'a poll as soon as the tab shows');
    await until(() => clock.waiting > 0, 'the next wait');
    expect(clock.asked.at(-1)).to.equal(5_000);
  });

  it('honours Retry-After from the proxy', async () => {
    const clock = new FakeClock();
    timing.follow.intervals = { visible: 5_000, hidden: 60_000, max: 120_000 };
    timing.follow.sleep = clock.sleep;
    timing.follow.random = () => 0.5;
    timing.follow.visibility = () => 'visible';
    const request = await createPending(sandbox);
    const { events } = follow(request.id);
    await until(() => events.length > 0 && clock.waiting > 0, 'jse-status and the first wait');
    sandbox.faults.failWith('get', 503, { retryAfter: 90 });
    await clock.advance(5_000);
    await until(() => clock.waiting > 0, 'the wait after the 503');
    expect(clock.asked.at(-1)).to.be.at.least(90_000);
    // One jse-error for the streak, retryable.
    expect(names(events)).to.deep.equal(['jse-status', 'jse-error']);
    expect(events[1].detail).to.include({ code: 'upstream_unavailable', retryable: true });
  });
});

describe('outcomes while following', () => {
  it('cancel with cancelRequest(): DELETE, then jse-cancelled once, polls stop', async () => {
    const request = await createPending(sandbox);
    const { el, events } = follow(request.id);
    await until(() => events.length > 0, 'jse-status');
    await el.cancelRequest();
    expect(sandbox.state.getRequest(request.id)!.status).to.equal('cancelled');
    expect(sandbox.calls.filter((c) => c.route === 'cancel').map((c) => c.status)).to.deep.equal([204]);
    const witness = await startWitness();
    const spy = spyFetch();
    try {
      await witness.polls(10);
    } finally {
      spy.restore();
    }
    expect(names(events)).to.deep.equal(['jse-status', 'jse-cancelled']);
    expect(notWitness(spy.calls), 'no poll once cancelled').to.deep.equal([]);
    await settled(el);
    expect(viewText(el)).to.contain('Demande annulée');
    await expect(el).to.be.accessible();
  });

  it('cancel from the view: a confirmation with focus on "keep", Escape keeps it, confirming cancels; focus goes to the new status', async () => {
    const request = await createPending(sandbox);
    const { el, events } = follow(request.id, { src: await serve(await makePdf(), 'contrat.pdf') });
    await until(() => events.length > 0, 'jse-status');
    await settled(el);
    const cancel = viewQuery<HTMLButtonElement>(el, '[data-action="cancel"]')!;
    cancel.focus();
    cancel.click();
    const dialog = viewQuery<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(statusView(el).shadowRoot!.activeElement?.getAttribute('data-action')).to.equal('keep');
    await expect(el).to.be.accessible();

    dialog.dispatchEvent(new Event('cancel'));
    dialog.close();
    expect(sandbox.calls.filter((c) => c.route === 'cancel')).to.have.length(0);

    cancel.click();
    viewQuery<HTMLButtonElement>(el, '[data-action="confirm-cancel"]')!.click();
    await until(() => events.some((e) => e.type === 'jse-cancelled'), 'jse-cancelled');
    await settled(el);
    expect(statusView(el).shadowRoot!.activeElement?.id).to.equal('status-title');
    expect(viewQuery(el, '[role="status"][aria-live="polite"]')!.textContent).to.contain('La demande a été annulée.');
    expect(viewText(el)).to.contain('Vous pouvez préparer une nouvelle demande');
    // With a document, "prepare a new request" goes back to the draft.
    viewQuery<HTMLButtonElement>(el, '[data-action="restart"]')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('jse-status-view')).to.equal(null);
    expect(names(events)).to.deep.equal(['jse-status', 'jse-cancelled']);
  });

  it('cancelRequest() on a signed request rejects with conflict and fires jse-error; no jse-cancelled', async () => {
    const request = await createPending(sandbox, undefined, [PAUL]);
    await sandbox.journey.signAs(PAUL.email, signature);
    const { el, events } = follow(request.id);
    await until(() => events.length >= 2, 'jse-status, jse-signed');
    let code = '';
    await el.cancelRequest().catch((error: { code: string }) => (code = error.code));
    expect(code).to.equal('conflict');
    expect(names(events)).to.deep.equal(['jse-status', 'jse-signed', 'jse-error']);
  });

  it('a signer refuses while followed: jse-refused, shown with who refused and what to do next', async () => {
    const request = await createPending(sandbox);
    const { el, events } = follow(request.id);
    await until(() => events.length > 0, 'jse-status');
    sandbox.journey.open(LEA.email).refuse('Le montant est faux');
    await until(() => events.some((e) => e.type === 'jse-refused'), 'jse-refused');
    await intervals(5);
    expect(names(events)).to.deep.equal(['jse-status', 'jse-refused']);
    await settled(el);
    expect(viewText(el)).to.contain('Léa Bernard a refusé de signer').and.contain('préparez une nouvelle demande');
    expect(viewQuery(el, '[data-signer="s2"]')!.textContent).to.contain('A refusé de signer');
    expect(viewQuery(el, '[role="status"][aria-live="polite"]')!.textContent).to.contain('La demande a été refusée.');
    // No document here (request-id alone): no "new request" button that would lead nowhere.
    expect(viewQuery(el, '[data-action="restart"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('the request expires while followed: jse-expired, shown plainly', async () => {
    const request = await createPending(sandbox);
    const { el, events } = follow(request.id);
    await until(() => events.length > 0, 'jse-status');
    sandbox.state.expire(request.id);
    await until(() => events.some((e) => e.type === 'jse-expired'), 'jse-expired');
    await intervals(5);
    expect(names(events)).to.deep.equal(['jse-status', 'jse-expired']);
    await settled(el);
    expect(viewText(el)).to.contain('Demande expirée').and.contain('Le délai de signature est écoulé');
    await expect(el).to.be.accessible();
  });
});

/** A clock for `follow()`'s waits: time moves only when the test says. */
class FakeClock {
  now = 0;
  /** Every wait asked for, in ms. */
  readonly asked: number[] = [];
  readonly #timers: { at: number; resolve: () => void }[] = [];

  get waiting(): number {
    return this.#timers.length;
  }

  sleep: Sleep = (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      this.asked.push(ms);
      const timer = { at: this.now + ms, resolve };
      this.#timers.push(timer);
      signal?.addEventListener(
        'abort',
        () => {
          const i = this.#timers.indexOf(timer);
          if (i >= 0) this.#timers.splice(i, 1);
          reject(signal.reason);
        },
        { once: true },
      );
    });

  /** Moves time forward by `ms`, letting each due wait end and the poll after it run. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      await until(() => this.#timers.length > 0, 'the follower to wait');
      this.#timers.sort((a, b) => a.at - b.at);
      const next = this.#timers[0];
      if (next.at > end) break;
      this.#timers.shift();
      this.now = next.at;
      next.resolve();
      await until(() => this.#timers.length > 0, 'the poll to end');
    }
    this.now = end;
  }
}

/**
 * Renders the document before and after signing and counts the pixels that changed inside each
 * field and outside all of them.
 */
async function inkInFields(before: Uint8Array, after: Uint8Array, fields: { x: number; y: number; width: number; height: number }[]): Promise<{ inside: number[]; outside: number }> {
  const scale = 2;
  const render = async (bytes: Uint8Array) => {
    const task = await openPdf({ data: bytes.slice() });
    try {
      const page = await (await task.promise).getPage(1);
      const viewport = page.getViewport({ scale });
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(viewport.width);
      canvas.height = Math.round(viewport.height);
      await page.render({ canvas, viewport }).promise;
      const rects = fields.map((f) => {
        const [x1, y1] = viewport.convertToViewportPoint(f.x, f.y) as [number, number];
        const [x2, y2] = viewport.convertToViewportPoint(f.x + f.width, f.y + f.height) as [number, number];
        return { left: Math.min(x1, x2) - 2, right: Math.max(x1, x2) + 2, top: Math.min(y1, y2) - 2, bottom: Math.max(y1, y2) + 2 };
      });
      return { data: canvas.getContext('2d', { willReadFrequently: true })!.getImageData(0, 0, canvas.width, canvas.height), rects };
    } finally {
      await task.destroy();
    }
  };
  const a = await render(before);
  const b = await render(after);
  const inside = fields.map(() => 0);
  let outside = 0;
  const { width, height } = b.data;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const d = Math.abs(a.data.data[i] - b.data.data[i]) + Math.abs(a.data.data[i + 1] - b.data.data[i + 1]) + Math.abs(a.data.data[i + 2] - b.data.data[i + 2]);
      if (d < 90) continue;
      const k = b.rects.findIndex((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
      if (k >= 0) inside[k] += 1;
      else outside += 1;
    }
  }
  return { inside, outside };
}
