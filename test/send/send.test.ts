/**
 * Issue 9 against the sandbox: the happy path with real pointer input on an upright and a
 * /Rotate 90 page, the confirmation, one request whatever the network does, the unknown-outcome
 * lock, a proxy 422 on the right field, silent token refresh, and remounts.
 */
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import { openPdf } from '../../src/document/pdfjs.js';
import type { Sandbox } from '../../src/testing/index.js';
import { nextEvent } from '../helpers/element.js';
import { input, pointIn } from '../helpers/input.js';
import { frames } from '../helpers/wait.js';
import {
  confirmDialog,
  marie,
  mount,
  newSandbox,
  pageBox,
  panelOf,
  paul,
  sendButton,
  startWorker,
  twoPageUrl,
  until,
  viewerOf,
} from './harness.js';

async function click(x: number, y: number): Promise<void> {
  await input({ type: 'mouse', action: 'move', x, y }, { type: 'mouse', action: 'down', x, y }, { type: 'mouse', action: 'up', x, y });
}

/** Focuses a signer's row with a real click (its e-mail input): new fields go to that signer. */
async function chooseSigner(el: JseSignRequest, id: string): Promise<void> {
  const panel = panelOf(el);
  const row = panel.shadowRoot!.querySelector<HTMLElement>(`[data-signer-id="${id}"] input[type="email"]`)!;
  row.scrollIntoView({ block: 'center' });
  const p = pointIn(row);
  await click(p.x, p.y);
}

/** Clicks a visible point of a page (fractions of the visible part of its box), returns it. */
async function clickPage(el: JseSignRequest, n: number, fx: number, fy: number): Promise<{ x: number; y: number }> {
  const viewer = viewerOf(el);
  await viewer.scrollToPage(n);
  await frames(); // scrolled, laid out and painted where the click will land
  const box = pageBox(el, n).getBoundingClientRect();
  const clip = viewer.getBoundingClientRect();
  const top = Math.max(box.top, clip.top);
  const bottom = Math.min(box.bottom, clip.bottom);
  const point = { x: box.left + box.width * fx, y: top + (bottom - top) * fy };
  await click(point.x, point.y);
  return point;
}

describe('sending (issue 9)', function () {
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

  it('places fields by pointer on an upright and a rotated page, confirms, and sends once (jse-pending)', async () => {
    const src = await twoPageUrl();
    let connected!: Promise<unknown>;
    ({ el } = await mount(sandbox, src, (e) => {
      e.signers = [marie, paul];
      connected = nextEvent(e, 'jse-connected'); // listened to before the element is in the page
    }));
    await connected;

    await chooseSigner(el, 's1');
    const p1 = await clickPage(el, 1, 0.4, 0.5);
    const scale1 = viewerOf(el).scale;
    const box1 = pageBox(el, 1).getBoundingClientRect();
    await chooseSigner(el, 's2');
    const p2 = await clickPage(el, 2, 0.5, 0.5);
    const scale2 = viewerOf(el).scale;
    const box2 = pageBox(el, 2).getBoundingClientRect();
    expect(el.fields.map((f) => [f.signerId, f.page])).to.deep.equal([
      ['s1', 1],
      ['s2', 2],
    ]);

    sendButton(el).click();
    const dialog = confirmDialog(el);
    await until(() => dialog.open, 'the confirmation'); // validation loads with the first send
    expect(dialog.textContent).to.contain('Envoyer à 2 signataires ?');
    expect(dialog.textContent).to.contain('contrat.pdf');
    const pending = nextEvent(el, 'jse-pending');
    dialog.querySelector<HTMLButtonElement>('button.primary')!.click();
    const { request } = (await pending).detail;

    expect(sandbox.state.requests.size).to.equal(1);
    expect(request.signers.map((s) => s.phone)).to.deep.equal(['+33612345678', '+262692123456']);
    // Each field is centred on its click, in the space pdf.js itself converts to.
    const task = await openPdf({ url: new URL(src, location.href).href });
    const pdf = await task.promise;
    for (const [i, [point, box, scale, size]] of ([
      [p1, box1, scale1, [180, 60]],
      [p2, box2, scale2, [60, 180]],
    ] as const).entries()) {
      const field = request.fields[i];
      const page = await pdf.getPage(field.page);
      const viewport = page.getViewport({ scale });
      const [px, py] = viewport.convertToPdfPoint(point.x - box.left, point.y - box.top) as [number, number];
      expect(field.x + field.width / 2).to.be.closeTo(px, 0.6);
      expect(field.y + field.height / 2).to.be.closeTo(py, 0.6);
      expect([field.width, field.height]).to.deep.equal(size);
    }
    await task.destroy();
  });

  it('blocks with the list and jse-invalid when a signer has no field', async () => {
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => (e.signers = [marie])));
    const invalid = nextEvent(el, 'jse-invalid');
    sendButton(el).click();
    const { errors } = (await invalid).detail;
    expect(errors.map((e) => [e.path, e.code])).to.deep.equal([['/signers/s1', 'no_field']]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.send .problems')!.textContent).to.contain('Marie Dupont');
    expect(confirmDialog(el).open).to.equal(false);
    const rejected = await el.submit().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(rejected).to.include({ name: 'JseError', code: 'invalid_request' });
    expect((rejected as { errors: unknown[] }).errors).to.have.length(1);
  });

  it('two connections dropped after storing and a 503 still make one request, the draft intact', async () => {
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => (e.signers = [marie, paul])));
    el.fields = [
      { signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 },
      { signerId: 's2', page: 2, x: 100, y: 100, width: 60, height: 180 },
    ];
    const before = el.fields;
    sandbox.faults.dropConnection('create', { afterProcessing: true, times: 2 }).failWith('create', 503, { times: 1 });
    const request = await el.submit();
    expect(sandbox.state.requests.size).to.equal(1);
    expect(sandbox.calls.filter((c) => c.route === 'create')).to.have.length(4);
    expect(new Set(sandbox.calls.filter((c) => c.route === 'create').map((c) => c.idempotencyKey)).size).to.equal(1);
    expect(request.id).to.equal([...sandbox.state.requests.keys()][0]);
    expect(el.fields).to.deep.equal(before);
  });

  it('an unknown outcome locks the draft to Réessayer (same key) or Abandonner', async () => {
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => (e.signers = [marie])));
    el.fields = [{ signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 }];
    sandbox.faults.dropConnection('create', { afterProcessing: true, times: Infinity });
    const failed = nextEvent(el, 'jse-error');
    const error = await el.submit().catch((e: unknown) => e);
    expect(error).to.include({ code: 'network', outcomeUnknown: true });
    expect((await failed).detail.code).to.equal('network');
    await el.updateComplete;
    const locked = el.shadowRoot!.querySelector('.send.locked')!;
    expect(locked.textContent).to.contain('Réessayer').and.to.contain('Abandonner');
    expect(panelOf(el).inert).to.equal(true);
    expect(() => (el!.signers = [])).to.throw();
    expect(sendButton(el)).to.equal(null);

    sandbox.faults.clear();
    const pending = nextEvent(el, 'jse-pending');
    [...locked.querySelectorAll('button')].find((b) => b.textContent.includes('Réessayer'))!.click();
    await pending;
    expect(sandbox.state.requests.size).to.equal(1);
    const keys = new Set(sandbox.calls.filter((c) => c.route === 'create').map((c) => c.idempotencyKey));
    expect(keys.size).to.equal(1);
  });

  it('Abandonner makes the draft editable again', async () => {
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => (e.signers = [marie])));
    el.fields = [{ signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 }];
    sandbox.faults.dropConnection('create', { times: Infinity });
    await el.submit().catch(() => undefined);
    await el.updateComplete;
    [...el.shadowRoot!.querySelectorAll('.send.locked button')].find((b) => b.textContent.includes('Abandonner'))!.dispatchEvent(new MouseEvent('click'));
    await el.updateComplete;
    expect(panelOf(el).inert).to.equal(false);
    el.signers = [{ ...marie, firstName: 'Marie-Anne' }];
    expect(el.signers[0].firstName).to.equal('Marie-Anne');
    expect(el.shadowRoot!.querySelector('.send')!.textContent).to.contain('Envoi abandonné');
  });

  it("shows a proxy 422 on the signer's field it names, the draft editable", async () => {
    const worker = await startWorker();
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => (e.signers = [marie, paul])));
    el.fields = [
      { signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 },
      { signerId: 's2', page: 1, x: 300, y: 100, width: 180, height: 60 },
    ];
    worker.use(
      http.post(
        `${sandbox.proxyUrl}/requests`,
        () =>
          HttpResponse.json(
            {
              type: 'about:blank',
              title: 'Invalid request',
              status: 422,
              code: 'invalid_request',
              errors: [{ path: '/signers/s2/phone', code: 'not_mobile', message: 'Jesignexpert : ce numéro ne reçoit pas de SMS.' }],
            },
            { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        { once: true },
      ),
    );
    const invalid = nextEvent(el, 'jse-invalid');
    const error = await el.submit().catch((e: unknown) => e);
    expect(error).to.include({ code: 'invalid_request', status: 422 });
    expect((await invalid).detail.errors[0].path).to.equal('/signers/s2/phone');
    await el.updateComplete;
    const panel = panelOf(el);
    await panel.updateComplete;
    const row = panel.shadowRoot!.querySelector(`[data-signer-id="s2"]`)!;
    expect(row.textContent).to.contain('ce numéro ne reçoit pas de SMS');
    expect(row.querySelector('input[type="tel"]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(panelOf(el).inert).to.equal(false);
    expect(sandbox.state.requests.size).to.equal(0);
  });

  it('shows progress while sending (indeterminate where the browser gives no upload progress)', async () => {
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => (e.signers = [marie])));
    el.fields = [{ signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 }];
    let open!: () => void;
    sandbox.faults.slow('create', new Promise<void>((resolve) => (open = resolve)));
    const sent = el.submit();
    await until(() => !!el!.shadowRoot!.querySelector('.send progress'), 'the progress bar');
    const bar = el.shadowRoot!.querySelector('.send')!;
    expect(bar.querySelector('[role="status"]')!.textContent).to.match(/Envoi/);
    expect(sendButton(el).disabled).to.equal(true);
    expect(panelOf(el).inert).to.equal(true);
    open();
    await sent;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.send progress')).to.equal(null);
  });

  it('a definite refusal (403) is shown with the draft still editable, and fired', async () => {
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => (e.signers = [marie])));
    el.fields = [{ signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 }];
    sandbox.faults.failWith('create', 403);
    const fired = nextEvent(el, 'jse-error');
    const error = await el.submit().catch((e: unknown) => e);
    expect(error).to.include({ code: 'forbidden', outcomeUnknown: false });
    const detail = (await fired).detail;
    expect(detail).to.include({ code: 'forbidden', status: 403, retryable: false });
    expect(detail.message).to.contain('Vous n’avez pas le droit'); // the host gets the words the user reads
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.send .problems')!.textContent).to.contain('Vous n’avez pas le droit');
    expect(panelOf(el).inert).to.equal(false);
    el.signers = [{ ...marie, lastName: 'Dupont-Martin' }];
    expect(el.signers[0].lastName).to.equal('Dupont-Martin');
    expect(sandbox.state.requests.size).to.equal(0);
  });

  it('refreshes an expired token silently and sends', async () => {
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => (e.signers = [marie])));
    el.fields = [{ signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 }];
    await until(() => sandbox.calls.some((c) => c.route === 'me'), '/me');
    const tokensBefore = sandbox.calls.filter((c) => c.route === 'token').length;
    sandbox.faults.expireTokens();
    const errors: unknown[] = [];
    el.addEventListener('jse-error', (e) => errors.push(e.detail));
    await el.submit();
    expect(sandbox.calls.filter((c) => c.route === 'token').length).to.equal(tokensBefore + 1);
    expect(sandbox.calls.filter((c) => c.route === 'create').map((c) => c.status)).to.deep.equal([401, 201]);
    expect(errors).to.deep.equal([]);
  });

  it('the token endpoint failing at submit: token_failed shown and fired, nothing sent, the draft kept, and sent once it is back', async () => {
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => (e.signers = [marie])));
    const fields = [{ signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 }];
    el.fields = fields;
    await until(() => sandbox.calls.some((c) => c.route === 'me'), '/me');
    sandbox.faults.expireTokens().failWith('token', 500, { times: Infinity });
    const fired = nextEvent(el, 'jse-error');
    const error = await el.submit().catch((e: unknown) => e);
    expect(error).to.include({ code: 'token_failed' });
    expect((await fired).detail).to.include({ code: 'token_failed' });
    await el.updateComplete;
    const said = el.shadowRoot!.querySelector('.send .problems, .send [role="alert"]');
    expect(said, 'the failure is said in the panel').to.not.equal(null);
    expect(said!.textContent.trim()).to.not.equal('');
    expect(sandbox.calls.filter((c) => c.route === 'create' && c.status !== 401)).to.deep.equal([]);
    expect(sandbox.state.requests.size).to.equal(0);
    expect(el.fields.map(({ signerId, page, x, y, width, height }) => ({ signerId, page, x, y, width, height }))).to.deep.equal(fields);
    expect(el.signers.map((s) => s.email)).to.deep.equal([marie.email]);
    expect(panelOf(el).inert).to.equal(false);
    sandbox.faults.clear();
    const pending = nextEvent(el, 'jse-pending');
    await el.submit();
    await pending;
    expect(sandbox.state.requests.size).to.equal(1);
  });

  it('after a cancelled request, "prepare a new request" gives back the draft, editable, and sends a new request', async () => {
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => (e.signers = [marie])));
    el.fields = [{ signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 }];
    const first = await el.submit();
    await el.cancelRequest();
    const view = () => el!.shadowRoot!.querySelector('jse-status-view')!;
    await until(() => !!view()?.shadowRoot?.querySelector('[data-action="restart"]'), 'the restart action');
    view().shadowRoot!.querySelector<HTMLButtonElement>('[data-action="restart"]')!.click();
    await until(() => !el!.shadowRoot!.querySelector('jse-status-view'), 'back to the draft');
    expect(el.fields).to.have.length(1);
    expect(sendButton(el).disabled).to.equal(false);
    el.signers = [{ ...marie, email: 'marie.dupont@cabinet.fr' }];
    const pending = nextEvent(el, 'jse-pending');
    const second = await el.submit();
    await pending;
    expect(second.id).to.not.equal(first.id);
    expect(sandbox.state.requests.size).to.equal(2);
  });

  it('a remount for the same document brings the draft back', async () => {
    const src = await twoPageUrl();
    ({ el } = await mount(sandbox, src, (e) => (e.signers = [marie, paul])));
    el.fields = [{ signerId: 's1', page: 1, x: 90, y: 120, width: 180, height: 60 }];
    const { signers, fields } = el;
    el.remove(); // at once: the save that waits for typing to pause is flushed on removal
    ({ el } = await mount(sandbox, src));
    await until(() => el!.fields.length === 1, 'the restored draft');
    expect(el.signers).to.deep.equal(signers);
    expect(el.fields).to.deep.equal(fields);
  });

  it('a remount after sending attaches to the request (jse-status, never jse-pending again)', async () => {
    const src = await twoPageUrl();
    ({ el } = await mount(sandbox, src, (e) => (e.signers = [marie])));
    el.fields = [{ signerId: 's1', page: 1, x: 90, y: 120, width: 180, height: 60 }];
    const request = await el.submit();
    el.remove();
    const seen: string[] = [];
    const again = document.createElement('jse-sign-request');
    for (const type of ['jse-status', 'jse-pending'] as const) again.addEventListener(type, () => seen.push(type));
    const status = nextEvent(again, 'jse-status');
    again.tokenEndpoint = sandbox.tokenEndpoint;
    again.src = src;
    document.body.append(again);
    el = again;
    expect((await status).detail.request.id).to.equal(request.id);
    expect(seen).to.deep.equal(['jse-status']);
    expect(sandbox.state.requests.size).to.equal(1);
  });
});
