/**
 * Several documents, one request, in order, by a deadline (SPEC §10, issue 17) — the element
 * against the sandbox: three documents (one /Rotate 90 PDF, one PNG image) to two signers in
 * order, one POST with one Idempotency-Key under faults, the second signer invited only after the
 * first signs, one e-mail and one code per signer, three stamped documents with ink where placed
 * (rendered with pdf.js), `jse-signed` listing the three; expiry on the sandbox's clock firing
 * `jse-expired`; a document over the limit or encrypted refused by name, the others untouched,
 * nothing sent; the switcher by keyboard; the draft of the set kept across a remount.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Field } from '../../src/api/types.js';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import { timing } from '../../src/internal/timing.js';
import type { Sandbox } from '../../src/testing/index.js';
import { DraftLockedError } from '../../src/draft/draft.js';
import { makePdf, serve } from '../helpers/documents.js';
import { nextEvent } from '../helpers/element.js';
import { canvasImage } from '../document/images.js';
import { SCALE, diffInk, render, withPage } from '../testing/ink.js';
import { drawnSignature, encryptedPdf } from '../testing/helpers.js';
import { confirmDialog, marie, newSandbox, paul, sendButton, until, viewerOf } from '../send/harness.js';

const NNBSP = '\u202f';

let urls: { lettre: string; mandat: string; cgv: string } | undefined;
let originals: Uint8Array[] = [];

async function documentsOf(): Promise<{ src: string; name: string }[]> {
  if (!urls) {
    const lettre = await makePdf([{ label: 'Lettre p1' }, { label: 'Lettre p2' }]);
    const mandat = await makePdf([{ rotate: 90, label: 'Mandat pivoté' }]);
    const png = await canvasImage(800, 600, 'image/png');
    originals = [lettre, mandat];
    urls = {
      lettre: await serve(lettre, 'Lettre de mission.pdf'),
      mandat: await serve(mandat, 'Mandat SEPA.pdf'),
      cgv: await serve(png, 'CGV.png', 'image/png'),
    };
  }
  return [
    { src: urls.lettre, name: 'Lettre de mission.pdf' },
    { src: urls.mandat, name: 'Mandat SEPA.pdf' },
    { src: urls.cgv, name: 'CGV.png' },
  ];
}

/** Fields in user space: two on the letter's page 2, one sideways on the rotated mandat, one on the image's page. */
const FIELDS: Field[] = [
  { signerId: 's1', documentIndex: 0, page: 2, x: 60, y: 100, width: 180, height: 60 },
  { signerId: 's2', documentIndex: 0, page: 2, x: 350, y: 100, width: 180, height: 60 },
  { signerId: 's1', documentIndex: 1, page: 1, x: 100, y: 300, width: 60, height: 180 },
  { signerId: 's2', documentIndex: 2, page: 1, x: 100, y: 120, width: 180, height: 60 },
];

function mountSet(sandbox: Sandbox, documents: { src: string; name?: string }[], setup: (el: JseSignRequest) => void = () => {}): JseSignRequest {
  const el = document.createElement('jse-sign-request');
  el.style.cssText = 'display:flex;width:1200px;height:860px';
  el.tokenEndpoint = sandbox.tokenEndpoint;
  el.documents = documents;
  setup(el);
  document.body.append(el);
  return el;
}

function tabs(el: JseSignRequest): HTMLButtonElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
}

async function expectInkInField(before: Uint8Array, after: Uint8Array, f: Field, what: string): Promise<void> {
  const [a, b] = [await withPage(before, f.page, render), await withPage(after, f.page, render)];
  const found = diffInk(a, b);
  expect(found, `${what}: ink on page ${f.page}`).to.not.equal(null);
  await withPage(after, f.page, (page) => {
    const viewport = page.getViewport({ scale: SCALE });
    const [ax, ay] = viewport.convertToViewportPoint(f.x, f.y) as [number, number];
    const [bx, by] = viewport.convertToViewportPoint(f.x + f.width, f.y + f.height) as [number, number];
    const r = { x: Math.min(ax, bx), y: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
    const { box } = found!;
    const tol = SCALE + 1;
    expect(box.x, `${what}: left`).to.be.at.least(r.x - tol);
    expect(box.y, `${what}: top`).to.be.at.least(r.y - tol);
    expect(box.x + box.width, `${what}: right`).to.be.at.most(r.x + r.width + tol);
    expect(box.y + box.height, `${what}: bottom`).to.be.at.most(r.y + r.height + tol);
  });
}

describe('several documents in one request (issue 17)', function () {
  this.timeout(90000);
  let sandbox: Sandbox;
  let el: JseSignRequest | undefined;

  beforeEach(async () => {
    sessionStorage.clear();
    timing.follow.intervals = { visible: 50, hidden: 1000, max: 250 };
    sandbox = await newSandbox();
  });

  afterEach(async () => {
    el?.remove();
    el = undefined;
    delete timing.follow.intervals;
    await sandbox.stop();
  });

  it('three documents (one rotated, one image) to two signers in order: one POST under faults, sequential invitations, three stamped documents', async () => {
    const docs = await documentsOf();
    el = mountSet(sandbox, docs, (e) => (e.signers = [marie, paul]));
    const ready = await nextEvent(el, 'jse-ready', 30000);
    expect(ready.detail.documentName).to.equal('Lettre de mission.pdf');
    el.fields = FIELDS;
    await el.updateComplete;

    // The switcher: three tabs with their page and field counts; the image is a one-page PDF.
    const list = tabs(el);
    expect(list.map((t) => t.querySelector('.tab-name')!.textContent)).to.deep.equal(['Lettre de mission.pdf', 'Mandat SEPA.pdf', 'CGV.png']);
    expect(list.map((t) => t.querySelector('.tab-facts')!.textContent)).to.deep.equal(['2 pages · 2 champs', '1 page · 1 champ', '1 page · 1 champ']);
    expect(list.map((t) => t.getAttribute('aria-selected'))).to.deep.equal(['true', 'false', 'false']);
    expect(list.map((t) => t.tabIndex)).to.deep.equal([0, -1, -1]);

    // By keyboard: the arrow moves the selection and the focus; the viewer shows that document only.
    list[0].focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => tabs(el!)[1].getAttribute('aria-selected') === 'true', 'the second tab selected');
    expect(el.shadowRoot!.activeElement).to.equal(tabs(el)[1]);
    await until(() => viewerOf(el!).shadowRoot!.querySelectorAll('[data-page]').length === 1, 'the mandat (1 page) shown');
    await until(() => viewerOf(el!).shadowRoot!.querySelectorAll('jse-placement-layer').length > 0, 'its layer');
    await until(
      () => [...viewerOf(el!).shadowRoot!.querySelectorAll('jse-placement-layer')].reduce((n, l) => n + l.shadowRoot!.querySelectorAll('.field').length, 0) === 1,
      'only the mandat’s field on its page',
    );
    await expect(el).to.be.accessible();

    // In order, by the default deadline (14 days).
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="jse-signing-order"][value="sequential"]')!.click();
    await el.updateComplete;
    const deadline = el.shadowRoot!.querySelector<HTMLInputElement>('#jse-deadline')!;
    const [y, m, d] = deadline.value.split('-');
    sendButton(el).click();
    await until(() => confirmDialog(el!).open, 'the confirmation');
    const title = confirmDialog(el).querySelector('h2')!.textContent.trim();
    expect(title).to.equal(`Envoyer 3 documents à 2 signataires, dans l’ordre, avant le ${d}/${m}/${y}${NNBSP}?`);

    // One request whatever the network does: two answers lost after storing.
    sandbox.faults.dropConnection('create', { afterProcessing: true, times: 2 });
    const pending = nextEvent(el, 'jse-pending', 30000);
    confirmDialog(el).querySelector<HTMLButtonElement>('button.primary')!.click();
    const { request } = (await pending).detail;
    expect(sandbox.state.requests.size).to.equal(1);
    const creates = sandbox.calls.filter((c) => c.route === 'create');
    expect(creates.map((c) => c.status)).to.deep.equal(['network-error', 'network-error', 201]);
    expect(new Set(creates.map((c) => c.idempotencyKey)).size).to.equal(1);
    expect(request.documents!.map((x) => x.name)).to.deep.equal(['Lettre de mission.pdf', 'Mandat SEPA.pdf', 'CGV.pdf']);
    expect(request.signingOrder).to.equal('sequential');
    const stored = sandbox.state.getRequest(request.id)!;
    expect(stored.fields.map((f) => f.documentIndex ?? 0)).to.deep.equal([0, 0, 1, 2]);
    expect(stored.documents[0].original).to.deep.equal(originals[0]);
    expect(stored.documents[1].original).to.deep.equal(originals[1]);
    expect(Date.parse(stored.expiresAt)).to.equal(new Date(Number(y), Number(m) - 1, Number(d), 23, 59, 59, 999).getTime());

    // The status view says who is being waited for.
    await until(() => el!.shadowRoot!.querySelector('jse-status-view')?.shadowRoot?.querySelector('.waiting-for'), 'the status view');
    const waiting = () => el!.shadowRoot!.querySelector('jse-status-view')!.shadowRoot!.querySelector('.waiting-for')?.textContent?.trim();
    expect(waiting()).to.equal('En attente de Marie Dupont.');

    // Only Marie is invited; Paul once she has signed.
    expect(sandbox.journey.invitations(marie.email)).to.have.length(1);
    expect(sandbox.journey.invitations(paul.email)).to.have.length(0);
    const signature = await drawnSignature();
    const signerSigned = nextEvent(el, 'jse-signer-signed', 30000);
    await sandbox.journey.signAs(marie.email, signature);
    await signerSigned;
    const afterMarie = sandbox.state.getRequest(request.id)!.documents.map((x) => x.current);
    expect(sandbox.journey.invitations(paul.email)).to.have.length(1);
    await until(() => waiting() === 'En attente de Paul Durand.', 'waiting for Paul now');

    const signed = nextEvent(el, 'jse-signed', 30000);
    await sandbox.journey.signAs(paul.email, signature);
    const detail = (await signed).detail;
    expect(detail.documents.map((x) => x.name)).to.deep.equal(['Lettre de mission.pdf', 'Mandat SEPA.pdf', 'CGV.pdf']);
    for (const who of [marie, paul]) {
      expect(sandbox.journey.invitations(who.email), `one e-mail for ${who.firstName}`).to.have.length(1);
    }
    expect(sandbox.state.sms.filter((s) => s.signerId === 's1'), 'one code for Marie').to.have.length(1);
    expect(sandbox.state.sms.filter((s) => s.signerId === 's2'), 'one code for Paul').to.have.length(1);

    // The status view offers each signed file.
    const downloads = await until(() => {
      const buttons = el!.shadowRoot!.querySelector('jse-status-view')?.shadowRoot?.querySelectorAll<HTMLButtonElement>('[data-action="download"]');
      return buttons?.length === 3 ? [...buttons] : undefined;
    }, 'one download per document');
    expect(downloads.map((b) => b.textContent.trim())).to.deep.equal([
      'Télécharger «\u202fLettre de mission.pdf\u202f» signé',
      'Télécharger «\u202fMandat SEPA.pdf\u202f» signé',
      'Télécharger «\u202fCGV.pdf\u202f» signé',
    ]);

    // Three stamped documents, each signer's ink where placed.
    const befores = stored.documents.map((x) => x.original);
    for (const [i, doc] of detail.documents.entries()) {
      const bytes = new Uint8Array(await (await doc.download()).arrayBuffer());
      for (const [n, f] of FIELDS.entries()) {
        if (f.documentIndex !== i) continue;
        if (f.signerId === 's1') await expectInkInField(befores[i], afterMarie[i], f, `document ${i}, field ${n} (Marie)`);
        else await expectInkInField(afterMarie[i], bytes, f, `document ${i}, field ${n} (Paul)`);
      }
    }
  });

  it('expiry: jse-expired when the sandbox clock passes expiresAt', async () => {
    const docs = (await documentsOf()).slice(0, 2);
    el = mountSet(sandbox, docs, (e) => (e.signers = [marie]));
    await nextEvent(el, 'jse-ready', 30000);
    el.fields = [FIELDS[0], FIELDS[2]];
    const request = await el.submit();
    const expiresAt = sandbox.state.getRequest(request.id)!.expiresAt;
    const expired = nextEvent(el, 'jse-expired', 30000);
    sandbox.clock.advanceTo(Date.parse(expiresAt) - 1000);
    expect(sandbox.state.getRequest(request.id)!.status).to.equal('pending');
    sandbox.clock.advance(1000);
    expect((await expired).detail.request.id).to.equal(request.id);
  });

  it('a document over the limit and an encrypted one are refused by name; the others untouched; nothing sent', async () => {
    const docs = await documentsOf();
    const big = new Uint8Array(10_000_001);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    const bigUrl = await serve(big, 'Annexe volumineuse.pdf');
    const lockedUrl = await serve(await encryptedPdf(), 'Annexe protégée.pdf');
    const errors: string[] = [];
    el = mountSet(sandbox, [docs[0], { src: bigUrl, name: 'Annexe volumineuse.pdf' }, docs[1], { src: lockedUrl, name: 'Annexe protégée.pdf' }], (e) => {
      e.signers = [marie];
      e.addEventListener('jse-error', (ev) => errors.push(`${ev.detail.code}: ${ev.detail.message}`));
    });
    await until(() => errors.length >= 2, 'both refusals');
    await until(() => el!.shadowRoot!.querySelector('.set-refused'), 'the refusal shown');
    expect(errors.some((e) => e.startsWith('document_too_large') && e.includes('Annexe volumineuse.pdf'))).to.equal(true);
    expect(errors.some((e) => e.startsWith('encrypted_document') && e.includes('Annexe protégée.pdf'))).to.equal(true);
    const shown = el.shadowRoot!.querySelector('.set-refused')!.textContent;
    expect(shown).to.contain('Annexe volumineuse.pdf').and.to.contain('Annexe protégée.pdf');
    expect(shown).to.not.contain('Lettre de mission.pdf');
    // The others are loaded, untouched, and shown as such in the switcher.
    const list = tabs(el);
    expect(list.map((t) => t.classList.contains('refused'))).to.deep.equal([false, true, false, true]);
    expect(list[0].querySelector('.tab-facts')!.textContent).to.contain('2 pages');
    expect(list[2].querySelector('.tab-facts')!.textContent).to.contain('1 page');
    const error = await el.submit().catch((e: unknown) => e);
    expect((error as { code?: string }).code).to.equal('invalid_request');
    expect(sandbox.calls.filter((c) => c.route === 'create')).to.have.length(0);
    expect(sandbox.state.requests.size).to.equal(0);
  });

  it('the set’s draft (fields per document, order, deadline) comes back on remount; a send of unknown outcome keeps it locked', async () => {
    const docs = (await documentsOf()).slice(0, 2);
    el = mountSet(sandbox, docs, (e) => (e.signers = [marie, paul]));
    await nextEvent(el, 'jse-ready', 30000);
    el.fields = FIELDS.slice(0, 3);
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="jse-signing-order"][value="sequential"]')!.click();
    sandbox.faults.dropConnection('create', { afterProcessing: true, times: Infinity });
    const failure = await el.submit().catch((e: unknown) => e);
    expect((failure as { outcomeUnknown?: boolean }).outcomeUnknown).to.equal(true);
    const fields = el.fields;
    el.remove();

    el = mountSet(sandbox, docs);
    await nextEvent(el, 'jse-ready', 30000);
    await el.updateComplete;
    expect(el.fields).to.deep.equal(fields);
    expect(el.signers.map((s) => s.email)).to.deep.equal([marie.email, paul.email]);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('input[value="sequential"]')!.checked).to.equal(true);
    expect(() => (el!.fields = [])).to.throw(DraftLockedError);
    // Retrying sends the same key: still one request.
    sandbox.faults.clear();
    const request = await el.submit();
    expect(sandbox.state.requests.size).to.equal(1);
    expect(new Set(sandbox.calls.filter((c) => c.route === 'create').map((c) => c.idempotencyKey)).size).to.equal(1);
    expect(request.documents).to.have.length(2);
  });

  it('reorders the signers by dragging one onto another’s place', async () => {
    const docs = (await documentsOf()).slice(0, 1);
    el = mountSet(sandbox, docs, (e) => (e.signers = [marie, paul, { ...paul, id: 's3', email: 'luc@example.fr', firstName: 'Luc' }]));
    await nextEvent(el, 'jse-ready', 30000);
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="jse-signing-order"][value="sequential"]')!.click();
    await el.updateComplete;
    const item = (id: string) => el!.shadowRoot!.querySelector<HTMLLIElement>(`.order-list li[data-signer="${id}"]`)!;
    expect(item('s3').draggable).to.equal(true);
    const data = new DataTransfer();
    item('s3').dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: data }));
    const over = new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data });
    item('s1').dispatchEvent(over);
    expect(over.defaultPrevented, 'a drop target').to.equal(true);
    item('s1').dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    expect(el.signers.map((s) => s.id)).to.deep.equal(['s3', 's1', 's2']);
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('.order-list li')].map((li) => li.getAttribute('data-signer'))).to.deep.equal(['s3', 's1', 's2']);
  });

  it('reorders the signers with « Monter » / « Descendre », the focus staying on the signer moved', async () => {
    const docs = (await documentsOf()).slice(0, 1);
    el = mountSet(sandbox, docs, (e) => (e.signers = [marie, paul]));
    await nextEvent(el, 'jse-ready', 30000);
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="jse-signing-order"][value="sequential"]')!.click();
    await el.updateComplete;
    const down = el.shadowRoot!.querySelector<HTMLButtonElement>('.order-list li[data-signer="s1"] .order-down')!;
    expect(down.textContent.trim()).to.equal('Descendre');
    down.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el!.signers[0].id === 's2', 'Marie moved down');
    expect(el.signers.map((s) => s.id)).to.deep.equal(['s2', 's1']);
    await el.updateComplete;
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused.closest('li')!.getAttribute('data-signer')).to.equal('s1');
    expect(focused.textContent.trim()).to.equal('Monter');
    await expect(el).to.be.accessible();
  });
});
