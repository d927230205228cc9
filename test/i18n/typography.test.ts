/**
 * French typography (issue 18): a narrow no-break space (U+202F) before ? ! : ; and inside « »,
 * so a "?" never wraps alone onto the next line. Checked on the catalogue itself and on what the
 * element really shows (every text node and label across its shadow roots) in its main states.
 */
import { expect } from '@open-wc/testing';
import { en, fr } from '../../src/i18n/messages.js';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import type { Sandbox } from '../../src/testing/index.js';
import { serve } from '../helpers/documents.js';
import { nextEvent } from '../helpers/element.js';
import { confirmDialog, marie, mount, newSandbox, paul, sendButton, startWorker, twoPageUrl, until } from '../send/harness.js';

const NNBSP = '\u202f';

/** The typographic faults of one French text: a plain or no-break space (or none) before ? ! : ;, « or » without U+202F. */
export function frenchFaults(text: string): string[] {
  const faults: string[] = [];
  for (const m of text.matchAll(/(.)([?!:;])/gsu)) {
    const before = m[1];
    // "09:15" (a time) and "…?" after a placeholder's closing digits are not punctuation marks of a sentence.
    if (m[2] === ':' && /\d/.test(before) && /\d/.test(text[m.index + 2] ?? '')) continue;
    if (before !== NNBSP) faults.push(JSON.stringify(text.slice(Math.max(0, m.index - 12), m.index + 2)));
  }
  for (const m of text.matchAll(/«(.)|(.)»/gsu)) {
    if ((m[1] ?? m[2]) !== NNBSP) faults.push(JSON.stringify(m[0]));
  }
  return faults;
}

describe('French typography in the catalogue', () => {
  it('finds the faults it must find (the check itself)', () => {
    expect(frenchFaults('Retirer Marie ?')).to.have.length(1);
    expect(frenchFaults('Document : a')).to.have.length(1);
    expect(frenchFaults('Document\u00a0: a')).to.have.length(1);
    expect(frenchFaults('Bonjour!')).to.have.length(1);
    expect(frenchFaults('« guillemets »')).to.have.length(2);
    expect(frenchFaults(`Retirer Marie${NNBSP}? «${NNBSP}x${NNBSP}» à 09:15`)).to.deep.equal([]);
  });

  it('every French message has U+202F before ? ! : ; and inside « »', () => {
    const faults = Object.entries(fr).flatMap(([key, text]) => frenchFaults(text).map((f) => `${key}: ${f}`));
    expect(faults).to.deep.equal([]);
    // Not vacuous: the catalogue does ask questions and list things.
    expect(Object.values(fr).filter((t) => t.includes(`${NNBSP}?`)).length).to.be.greaterThan(3);
    expect(Object.values(fr).filter((t) => t.includes(`${NNBSP}:`)).length).to.be.greaterThan(10);
  });

  it('English keeps its own rules: no space before ? ! : ;', () => {
    const faults = Object.entries(en).filter(([, text]) => /[\s\u202f\u00a0][?!:;]/.test(text)).map(([key]) => key);
    expect(faults).to.deep.equal([]);
  });

  it('a document refused on opening is told what to do next', () => {
    expect(fr['error.damaged_document']).to.match(/enregistrez-le de nouveau en PDF, puis réessayez/);
    expect(fr['error.unsupported_document']).to.match(/Enregistrez le document en PDF/);
    expect(en['error.damaged_document']).to.match(/save it again as a PDF, then try again/);
    expect(en['error.unsupported_document']).to.match(/Save the document as a PDF/);
  });

  it('the size-limit messages say what to do next', () => {
    for (const key of ['error.document_too_large', 'load.tooLargeUnknownSize'] as const) {
      expect(fr[key]).to.match(/Enregistrez-en une version plus légère/).and.match(/demandez à l’administrateur du cabinet de relever la limite/);
      expect(en[key]).to.match(/Save a lighter version/).and.match(/ask your firm’s administrator to raise the limit/);
    }
  });
});

/** Every text the user sees or hears in the element: text nodes and labels, through nested shadow roots. */
function shownTexts(root: Node): string[] {
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      if (parent && !['STYLE', 'SCRIPT'].includes(parent.tagName) && node.textContent!.trim()) out.push(node.textContent!.replace(/[ \t\n\r]+/g, ' '));
      return;
    }
    if (node instanceof Element) {
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = node.getAttribute(attr);
        if (value) out.push(value);
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return out;
}

function faultsShown(el: JseSignRequest): string[] {
  return shownTexts(el.shadowRoot!).flatMap(frenchFaults);
}

function joined(el: JseSignRequest): string {
  return shownTexts(el.shadowRoot!).join(' | ');
}

describe('French typography in what the element shows', function () {
  this.timeout(90000);
  let sandbox: Sandbox;
  let el: JseSignRequest | undefined;

  before(startWorker);
  beforeEach(() => sessionStorage.clear());
  afterEach(async () => {
    el?.remove();
    el = undefined;
    await sandbox?.stop();
  });

  it('connect step, editing, blocked list, confirmation, pending, cancelled', async () => {
    sandbox = await newSandbox({ linked: false });
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => (e.signers = [{ ...marie, phone: '01 23 45 67 89' }])));
    await until(() => !!el!.shadowRoot!.querySelector('.connect'), 'the connect step');
    expect(faultsShown(el)).to.deep.equal([]);

    const connected = nextEvent(el, 'jse-connected');
    sandbox.state.link();
    const channel = new BroadcastChannel('jse-connect');
    channel.postMessage({ type: 'jse:connected' });
    channel.close();
    await connected;

    // Blocked: the list's heading ends with ":" and the signer's phone error is shown.
    const invalid = nextEvent(el, 'jse-invalid');
    sendButton(el).click();
    await invalid;
    await el.updateComplete;
    expect(joined(el)).to.contain(`pour l’instant${NNBSP}:`);
    expect(joined(el)).to.contain(`pas un mobile${NNBSP}:`);
    expect(faultsShown(el)).to.deep.equal([]);

    el.signers = [marie];
    el.fields = [{ signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 }];
    await el.updateComplete;
    sendButton(el).click();
    await until(() => confirmDialog(el!).open, 'the confirmation');
    expect(joined(el)).to.contain(`Envoyer à 1 signataire${NNBSP}?`);
    expect(faultsShown(el)).to.deep.equal([]);

    const pending = nextEvent(el, 'jse-pending');
    confirmDialog(el).querySelector<HTMLButtonElement>('button.primary')!.click();
    const { request } = (await pending).detail;
    await until(() => joined(el!).includes('En attente de signature'), 'the pending view');
    expect(joined(el)).to.contain(`Document${NNBSP}:`);
    expect(faultsShown(el)).to.deep.equal([]);

    expect(sandbox.state.cancel(request.id)).to.equal('cancelled');
    await nextEvent(el, 'jse-cancelled', 30000);
    await el.updateComplete;
    expect(joined(el)).to.contain(`annulée${NNBSP}:`);
    expect(faultsShown(el)).to.deep.equal([]);
  });

  it('at 390 px: a field in focus (the keys hint), the sent document in the status view, a refusal with a signer who did not sign', async () => {
    sandbox = await newSandbox();
    let connected!: Promise<unknown>;
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => {
      e.style.cssText = 'display:flex;width:390px;height:800px';
      e.signers = [marie, paul];
      e.fields = [
        { signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 },
        { signerId: 's2', page: 1, x: 300, y: 100, width: 180, height: 60 },
      ];
      connected = nextEvent(e, 'jse-connected');
    }));
    await connected;
    const layer = () => el!.shadowRoot!.querySelector('jse-document-viewer')!.shadowRoot!.querySelector('[data-page="1"] jse-placement-layer');
    const field = await until(() => layer()?.shadowRoot!.querySelector<HTMLElement>('[part~="field"]'), 'a field');
    field.focus();
    await until(() => el!.shadowRoot!.querySelector('.key-hint'), 'the keys hint');
    expect(el.shadowRoot!.querySelector('.key-hint')!.textContent).to.contain(`Flèches${NNBSP}:`);
    expect(faultsShown(el)).to.deep.equal([]);

    const pending = nextEvent(el, 'jse-pending');
    await el.submit();
    const { request } = (await pending).detail;
    await until(() => el!.shadowRoot!.querySelector('jse-document-viewer.sent-document'), 'the sent document');
    await until(() => joined(el!).includes('En attente de signature'), 'the pending view');
    expect(faultsShown(el)).to.deep.equal([]);

    sandbox.state.refuse(request.id, 's2', 'pas d’accord');
    await nextEvent(el, 'jse-refused', 30000);
    await el.updateComplete;
    await until(() => joined(el!).includes('N’a pas signé'), 'the refused view');
    expect(joined(el)).not.to.contain('En attente de signature');
    expect(faultsShown(el)).to.deep.equal([]);
  });

  it('a file refused on opening', async () => {
    sandbox = await newSandbox();
    const src = await serve(new TextEncoder().encode('ceci n’est pas un PDF'), 'note.txt');
    el = document.createElement('jse-sign-request');
    const error = nextEvent(el, 'jse-error');
    el.tokenEndpoint = sandbox.tokenEndpoint;
    el.src = src;
    document.body.append(el);
    await error;
    await el.updateComplete;
    expect(joined(el)).to.contain('PDF, PNG et JPEG');
    expect(faultsShown(el)).to.deep.equal([]);
  });
});
