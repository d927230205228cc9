/**
 * The element's side of loading: jse-ready and jse-error details, the messages the user reads,
 * the retry button, and the password prompt (SPEC §2, §4).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { PDFDocument } from 'pdf-lib';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { Sandbox, SandboxLimits } from '../../src/testing/index.js';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import { makePdf, serve } from '../helpers/documents.js';
import { nextEvent } from '../helpers/element.js';
import { newSandbox, startWorker } from '../send/harness.js';
import { encryptedPdf } from './crafted.js';
import { canvasImage } from './images.js';
import { until } from '../helpers/wait.js';

/**
 * An element whose limits come from the sandbox proxy's `/me` (SPEC §3), as a host's would: the
 * sandbox answers `limits`, the element applies them. Not yet in the page (the caller appends it).
 */
let sandbox: Sandbox | undefined;
async function withProxyLimits(limits: Partial<SandboxLimits>): Promise<JseSignRequest> {
  await sandbox?.stop();
  sandbox = await newSandbox({ limits });
  const el = document.createElement('jse-sign-request');
  el.tokenEndpoint = sandbox.tokenEndpoint;
  return el;
}

const shadowText = (el: JseSignRequest) => el.shadowRoot!.textContent.replace(/[ \t\n\r]+/g, ' ');
const button = (el: JseSignRequest, label: string) =>
  [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.trim() === label);

async function mount(src: string, lang = 'fr'): Promise<JseSignRequest> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
  const el = document.createElement('jse-sign-request');
  el.src = src;
  wrapper.append(el);
  return el;
}

describe('<jse-sign-request> loading', function () {
  this.timeout(30000);
  before(startWorker);
  afterEach(async () => {
    await sandbox?.stop();
    sandbox = undefined;
  });

  it('jse-ready for a PDF: the detail of SPEC §2', async () => {
    const bytes = await makePdf([{ mediaBox: [0, 0, 600, 400], cropBox: [50, 20, 550, 380], rotate: 270 }, {}]);
    const el = document.createElement('jse-sign-request');
    const ready = nextEvent(el, 'jse-ready');
    el.src = `${await serve(bytes, 'x.pdf')}?disposition=Lettre%20de%20mission.pdf`;
    document.body.append(el);
    const { detail } = await ready;
    expect(detail).to.deep.equal({
      documentName: 'Lettre de mission.pdf',
      size: bytes.length,
      type: 'pdf',
      pageCount: 2,
      // The pages read by then (page 1): the others on demand (SPEC §10).
      pages: [{ number: 1, view: [50, 20, 550, 380], rotation: 270, width: 360, height: 500 }],
    });
    expect(await el.getPageInfo(2)).to.deep.equal({ number: 2, view: [0, 0, 595.28, 841.89], rotation: 0, width: 595.28, height: 841.89 });
    el.remove();
  });

  it("jse-ready for an image: type 'image', its size, its one A4 page", async () => {
    const png = await canvasImage(300, 200, 'image/png');
    const el = document.createElement('jse-sign-request');
    el.documentName = 'Plan.png';
    const ready = nextEvent(el, 'jse-ready');
    el.src = await serve(png, 'p.png');
    document.body.append(el);
    const { detail } = await ready;
    expect(detail).to.deep.equal({
      documentName: 'Plan.png',
      size: png.length,
      type: 'image',
      pageCount: 1,
      pages: [{ number: 1, view: [0, 0, 841.89, 595.28], rotation: 0, width: 841.89, height: 595.28 }],
    });
    el.remove();
  });

  it('too large: jse-error with the real size and the limit, in French and in English; no retry', async () => {
    const big = new Uint8Array(11_000_000);
    big.set(new TextEncoder().encode('%PDF-1.7'));
    const src = await serve(big, 'gros.pdf');
    const fr = await mount(src);
    const frError = await nextEvent(fr, 'jse-error');
    expect(frError.detail).to.deep.equal({
      code: 'document_too_large',
      message: 'Le document pèse 11 Mo ; la limite est de 10 Mo. Enregistrez-en une version plus légère (PDF compressé, ou scindé en plusieurs fichiers), puis ouvrez-la. S’il doit être envoyé tel quel, demandez à l’administrateur du cabinet de relever la limite.',
      retryable: false,
    });
    await fr.updateComplete;
    expect(shadowText(fr)).to.contain('Le document pèse 11 Mo ; la limite est de 10 Mo. Enregistrez-en une version plus légère (PDF compressé, ou scindé en plusieurs fichiers), puis ouvrez-la. S’il doit être envoyé tel quel, demandez à l’administrateur du cabinet de relever la limite.');
    expect(button(fr, 'Réessayer')).to.equal(undefined);
    const en = await mount(src, 'en');
    expect((await nextEvent(en, 'jse-error')).detail.message).to.equal('The document is 11 MB; the limit is 10 MB. Save a lighter version (a compressed PDF, or split into several files), then open it. If it must be sent as it is, ask your firm’s administrator to raise the limit.');
  });

  it('gives exact bytes when the rounded size and limit would read the same', async () => {
    const src = await serve(await makePdf(), 'a.pdf');
    const size = (await fetch(src, { method: 'HEAD' })).headers.get('content-length');
    const el = await withProxyLimits({ maxDocumentBytes: Number(size) - 1 });
    const error = nextEvent(el, 'jse-error');
    el.src = src;
    document.body.append(el);
    const { message } = (await error).detail;
    expect(message).to.match(/^Le document pèse [\d\s\u202f]+ octets ; la limite est de [\d\s\u202f]+ octets\. Enregistrez/);
    expect(message.replace(/\D/g, '')).to.equal(`${size}${Number(size) - 1}`);
    el.remove();
  });

  it('unavailable file: document_unavailable with its status and a retry that works once the file is there', async () => {
    const src = `/__files/later-${Date.now().toString(36)}/contrat.pdf`;
    const el = await mount(src);
    const { detail } = await nextEvent(el, 'jse-error');
    expect(detail).to.deep.equal({ code: 'document_unavailable', message: 'Le document est inaccessible (HTTP 404).', retryable: true, status: 404 });
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await fetch(src, { method: 'PUT', body: (await makePdf()) as BodyInit });
    const ready = nextEvent(el, 'jse-ready');
    button(el, 'Réessayer')!.click();
    expect((await ready).detail.pageCount).to.equal(1);
  });

  it('part of the file lost while reading (ranges failing): document_unavailable with a retry, never blank pages', async () => {
    // Over 128 KiB, so it is read by ranges; a large unused stream sits between the pages and the
    // xref, and every range from the middle on fails, as on a connection lost after the first bytes.
    const doc = await PDFDocument.load(await makePdf([{ label: 'Page 1' }]));
    doc.context.register(doc.context.stream(new Uint8Array(400_000).fill(0x41)));
    const bytes = await doc.save({ useObjectStreams: false });
    const el = await mount(`${await serve(bytes, 'lost.pdf')}?failfrom=${Math.floor(bytes.length / 2)}`);
    const { detail } = await nextEvent(el, 'jse-error', 25000);
    expect(detail).to.include({ code: 'document_unavailable', retryable: true });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('inaccessible');
    expect(button(el, 'Réessayer')).to.not.equal(undefined);
  });

  it('unsupported and damaged files: their codes and messages', async () => {
    const text = await mount(await serve('Bonjour', 'faux.pdf'));
    expect((await nextEvent(text, 'jse-error')).detail).to.deep.equal({
      code: 'unsupported_document',
      message: 'Seuls les fichiers PDF, PNG et JPEG peuvent être envoyés en signature. Enregistrez le document en PDF depuis son application, puis envoyez ce PDF.',
      retryable: false,
    });
    const empty = await mount(await serve(new Uint8Array(0), 'vide.pdf'));
    expect((await nextEvent(empty, 'jse-error')).detail.code).to.equal('damaged_document');
  });

  it('encrypted PDF: refused up front by default', async () => {
    const el = await mount(await serve(encryptedPdf({ userPassword: 'secret' }), 'mdp.pdf'));
    const { detail } = await nextEvent(el, 'jse-error');
    expect(detail.code).to.equal('encrypted_document');
    expect(detail.message).to.contain('Enregistrez-en une copie non protégée');
    expect(el.shadowRoot!.querySelector('input[type=password]')).to.equal(null);
  });

  it('encrypted PDF accepted by the proxy: a password prompt that says when it is wrong', async () => {
    const src = await serve(encryptedPdf({ userPassword: 'secret' }), 'mdp.pdf');
    const el = await withProxyLimits({ acceptsEncrypted: true });
    el.src = src;
    document.body.append(el);
    const input = () => el.shadowRoot!.querySelector<HTMLInputElement>('input[type=password]');
    await until(() => input() !== null, 'the password prompt');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(input());
    expect(shadowText(el)).to.contain('Ce PDF est protégé par un mot de passe');
    await expect(el).to.be.accessible();

    await sendKeys({ type: 'faux' });
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('#jse-password-error') !== null, 'the wrong-password message');
    expect(shadowText(el)).to.contain('Mot de passe incorrect');
    expect(input()!.getAttribute('aria-invalid')).to.equal('true');
    expect(input()!.value).to.equal('');

    const ready = nextEvent(el, 'jse-ready');
    input()!.focus();
    await sendKeys({ type: 'secret' });
    await sendKeys({ press: 'Enter' });
    expect((await ready).detail.pageCount).to.equal(1);
    el.remove();
  });

  it('giving up the password: encrypted_document, and a retry that asks again', async () => {
    const el = await withProxyLimits({ acceptsEncrypted: true });
    el.src = await serve(encryptedPdf({ userPassword: 'secret' }), 'mdp.pdf');
    document.body.append(el);
    await until(() => button(el, 'Annuler') !== undefined, 'the password prompt');
    const error = nextEvent(el, 'jse-error');
    button(el, 'Annuler')!.click();
    expect((await error).detail.code).to.equal('encrypted_document');
    await el.updateComplete;
    button(el, 'Réessayer')!.click();
    await until(() => el.shadowRoot!.querySelector('input[type=password]') !== null, 'the prompt again');
    el.remove();
  });

  it("the proxy's limits arriving after the document re-open it: now accepted", async () => {
    const el = await withProxyLimits({ acceptsEncrypted: true });
    let answer!: () => void;
    sandbox!.faults.slow('me', new Promise<void>((r) => (answer = r))); // /me answers when the test says
    el.src = await serve(encryptedPdf(), 'owner-only.pdf');
    const refused = nextEvent(el, 'jse-error');
    document.body.append(el);
    expect((await refused).detail.code).to.equal('encrypted_document'); // the default limits meanwhile
    const ready = nextEvent(el, 'jse-ready');
    answer();
    expect((await ready).detail.pageCount).to.equal(1);
    el.remove();
  });

  it("the proxy's limits arriving after the document re-open it: now refused", async () => {
    const el = await withProxyLimits({ maxDocumentBytes: 100 });
    let answer!: () => void;
    sandbox!.faults.slow('me', new Promise<void>((r) => (answer = r)));
    const ready = nextEvent(el, 'jse-ready');
    el.src = await serve(await makePdf(), 'a.pdf');
    document.body.append(el);
    await ready;
    const refused = nextEvent(el, 'jse-error');
    answer();
    expect((await refused).detail.code).to.equal('document_too_large');
    el.remove();
  });
});
