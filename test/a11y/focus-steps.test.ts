/**
 * Issue 18: at every step change the keyboard focus goes to the next meaningful control, never
 * back to the page — after connecting, after placing a field (with the arrows' hint visible), after
 * a blocked or failed send (the message), after a document fails to open — axe clean each time.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import type { Sandbox } from '../../src/testing/index.js';
import { fr } from '../../src/i18n/messages.js';
import { serve } from '../helpers/documents.js';
import { encryptedPdf } from '../document/crafted.js';
import { deepActiveElement, nextEvent } from '../helpers/element.js';
import { confirmDialog, marie, mount, newSandbox, panelOf, sendButton, startWorker, twoPageUrl, until, viewerOf } from '../send/harness.js';

/** The element focused, through the shadow roots (undefined when the focus is not in the element). */
function deepFocus(el: JseSignRequest): HTMLElement | undefined {
  return (deepActiveElement(el.shadowRoot!) as HTMLElement | null) ?? undefined;
}

function linkAccount(sandbox: Sandbox): void {
  sandbox.state.link();
  const channel = new BroadcastChannel('jse-connect');
  channel.postMessage({ type: 'jse:connected' });
  channel.close();
}

function keyHint(el: JseSignRequest): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>('.key-hint');
}

describe('focus at each step (issue 18)', function () {
  this.timeout(60000);
  let sandbox: Sandbox;
  let el: JseSignRequest | undefined;

  before(startWorker);
  beforeEach(() => {
    sessionStorage.clear();
    (document.activeElement as HTMLElement | null)?.blur();
  });
  afterEach(async () => {
    el?.remove();
    el = undefined;
    await sandbox?.stop();
  });

  it('after connecting with nothing placed: the toolbar button that places a field', async () => {
    sandbox = await newSandbox({ linked: false });
    ({ el } = await mount(sandbox, await twoPageUrl()));
    const button = await until(() => el!.shadowRoot!.querySelector<HTMLButtonElement>('.connect button'), 'the connect step');
    button.focus();
    await expect(el).to.be.accessible();
    const connected = nextEvent(el, 'jse-connected');
    linkAccount(sandbox);
    await connected;
    const focused = await until(() => deepFocus(el!), 'the focus after connecting');
    expect(focused.classList.contains('add-field')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('after connecting with fields placed: the first signer box left to fill in', async () => {
    sandbox = await newSandbox({ linked: false });
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => {
      e.signers = [{ ...marie, phone: '' }];
      e.fields = [{ signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 }];
    }));
    await until(() => el!.shadowRoot!.querySelector('.connect'), 'the connect step');
    const connected = nextEvent(el, 'jse-connected');
    linkAccount(sandbox);
    await connected;
    const focused = await until(() => deepFocus(el!), 'the focus after connecting');
    expect(focused.id).to.match(/^phone-/);
    expect((focused.getRootNode() as ShadowRoot).host).to.equal(panelOf(el));
  });

  it('the arrows hint beside the signers panel stays over the document, off « Signataires » (a 760 px element)', async () => {
    sandbox = await newSandbox();
    let connected!: Promise<unknown>;
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => {
      e.signers = [marie];
      connected = nextEvent(e, 'jse-connected');
    }));
    await connected;
    el.style.width = '760px';
    el.shadowRoot!.querySelector<HTMLButtonElement>('.add-field')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => deepFocus(el!)?.getAttribute('part') === 'field', 'the new field focused');
    await el.updateComplete;
    const hint = await until(() => keyHint(el!), 'the keys hint');
    const r = hint.getBoundingClientRect();
    const side = el.shadowRoot!.querySelector('.side')!.getBoundingClientRect();
    const host = el.getBoundingClientRect();
    expect(side.left, 'the panel beside the document').to.be.greaterThan(host.left + 300);
    expect(r.width).to.be.greaterThan(100);
    expect(r.right).to.be.at.most(side.left);
  });

  it('after placing from the toolbar: the new field, with the arrows hint visible; the arrows move it; the hint goes with the focus', async () => {
    sandbox = await newSandbox();
    let connected!: Promise<unknown>;
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => {
      e.signers = [marie];
      connected = nextEvent(e, 'jse-connected');
    }));
    await connected;
    expect(keyHint(el)).to.equal(null);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.add-field')!.focus();
    await sendKeys({ press: 'Enter' });
    const field = await until(() => {
      const f = deepFocus(el!);
      return f?.getAttribute('part') === 'field' ? f : undefined;
    }, 'the new field focused');
    await el.updateComplete;
    const hint = keyHint(el)!;
    expect(hint.textContent).to.equal(fr['field.hintKeys']);
    const r = hint.getBoundingClientRect();
    expect(r.width).to.be.greaterThan(100);
    expect(r.height).to.be.greaterThan(10);
    // Over the document, inside the element, readable (not clipped away).
    const host = el.getBoundingClientRect();
    expect(r.left).to.be.at.least(host.left);
    expect(r.right).to.be.at.most(host.right);
    expect(getComputedStyle(hint).visibility).to.equal('visible');
    await expect(el).to.be.accessible();

    const x = el.fields[0].x;
    await sendKeys({ press: 'ArrowRight' });
    expect(el.fields[0].x).to.be.greaterThan(x);
    expect(deepFocus(el)).to.equal(field);

    el.shadowRoot!.querySelector<HTMLButtonElement>('.add-field')!.focus();
    await el.updateComplete;
    expect(keyHint(el)).to.equal(null);
    // Back on the field by keyboard: the hint again.
    viewerOf(el); // the viewer is there
    field.focus();
    await el.updateComplete;
    expect(keyHint(el)).not.to.equal(null);
  });

  it('a send blocked by a signer without a field: the list of what to fix', async () => {
    sandbox = await newSandbox();
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => (e.signers = [marie])));
    sendButton(el).focus();
    const invalid = nextEvent(el, 'jse-invalid');
    sendButton(el).click();
    await invalid;
    const focused = await until(() => {
      const f = deepFocus(el!);
      return f?.classList.contains('problems') ? f : undefined;
    }, 'the problems focused');
    expect(focused.getAttribute('role')).to.equal('alert');
    expect(focused.textContent).to.contain('Marie Dupont');
    await expect(el).to.be.accessible();
  });

  it('a send blocked by a wrong phone: that phone box', async () => {
    sandbox = await newSandbox();
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => {
      e.signers = [{ ...marie, phone: '01 23 45 67 89' }];
      e.fields = [{ signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 }];
    }));
    sendButton(el).focus();
    const invalid = nextEvent(el, 'jse-invalid');
    sendButton(el).click();
    await invalid;
    const focused = await until(() => {
      const f = deepFocus(el!);
      return f?.id.startsWith('phone-') ? f : undefined;
    }, 'the phone focused');
    expect(focused.getAttribute('aria-invalid')).to.equal('true');
  });

  it('a send refused by the service: its message', async () => {
    sandbox = await newSandbox();
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => {
      e.signers = [marie];
      e.fields = [{ signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 }];
    }));
    sandbox.faults.failWith('create', 403);
    sendButton(el).click();
    await until(() => confirmDialog(el!).open, 'the confirmation');
    const error = nextEvent(el, 'jse-error');
    confirmDialog(el).querySelector<HTMLButtonElement>('button.primary')!.click();
    await error;
    const focused = await until(() => {
      const f = deepFocus(el!);
      return f?.classList.contains('problems') ? f : undefined;
    }, 'the failure focused');
    expect(focused.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
  });

  it('an unknown outcome: the lock that says what to do', async () => {
    sandbox = await newSandbox();
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => {
      e.signers = [marie];
      e.fields = [{ signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 }];
    }));
    sandbox.faults.dropConnection('create', { afterProcessing: true, times: Infinity });
    sendButton(el).focus();
    const failed = nextEvent(el, 'jse-error');
    await el.submit().catch(() => undefined);
    await failed;
    const focused = await until(() => {
      const f = deepFocus(el!);
      return f?.classList.contains('locked') ? f : undefined;
    }, 'the lock focused');
    expect(focused.textContent).to.contain('Réessayer');
    await expect(el).to.be.accessible();
  });

  it('after « Préparer une nouvelle demande » on a refused request: the draft\'s next step (send, all being filled in)', async () => {
    sandbox = await newSandbox();
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => {
      e.signers = [marie];
      e.fields = [{ signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 }];
    }));
    const pending = nextEvent(el, 'jse-pending');
    await el.submit();
    const { request } = (await pending).detail;
    const refused = nextEvent(el, 'jse-refused', 30000);
    sandbox.state.refuse(request.id, 's1');
    await refused;
    const view = el.shadowRoot!.querySelector('jse-status-view')!;
    const restart = await until(() => view.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="restart"]'), 'the restart button');
    restart.focus();
    await sendKeys({ press: 'Enter' });
    const focused = await until(() => {
      const f = deepFocus(el!);
      return f?.getAttribute('part') === 'submit' ? f : undefined;
    }, 'the send button focused');
    expect(focused.hasAttribute('disabled')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('« Abandonner » on the lock: the draft\'s next step', async () => {
    sandbox = await newSandbox();
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => {
      e.signers = [marie];
      e.fields = [{ signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 }];
    }));
    sandbox.faults.dropConnection('create', { afterProcessing: true, times: Infinity });
    sendButton(el).focus();
    await el.submit().catch(() => undefined);
    const lock = await until(() => el!.shadowRoot!.querySelector<HTMLElement>('.send.locked'), 'the lock');
    const abandon = [...lock.querySelectorAll('button')].find((b) => b.textContent.includes('Abandonner'))!;
    abandon.focus();
    await sendKeys({ press: 'Enter' });
    const focused = await until(() => {
      const f = deepFocus(el!);
      return f?.getAttribute('part') === 'submit' ? f : undefined;
    }, 'the send button focused');
    expect(focused.hasAttribute('disabled')).to.equal(false);
  });

  it('the password given: the document opens and the focus goes on to placing a field', async () => {
    sandbox = await newSandbox({ limits: { acceptsEncrypted: true } });
    el = document.createElement('jse-sign-request');
    el.tokenEndpoint = sandbox.tokenEndpoint;
    el.src = await serve(encryptedPdf({ userPassword: 'secret' }), 'mdp.pdf');
    document.body.append(el);
    const box = await until(() => el!.shadowRoot!.querySelector<HTMLInputElement>('input[type=password]'), 'the password prompt');
    box.focus();
    const ready = nextEvent(el, 'jse-ready');
    await sendKeys({ type: 'secret' });
    await sendKeys({ press: 'Enter' });
    await ready;
    const focused = await until(() => deepFocus(el!), 'the focus after opening');
    expect(focused.classList.contains('add-field')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('a document that cannot be opened: its message', async () => {
    sandbox = await newSandbox();
    const src = await serve(new TextEncoder().encode('pas un PDF'), 'note.txt');
    el = document.createElement('jse-sign-request');
    el.tokenEndpoint = sandbox.tokenEndpoint;
    el.src = src;
    const error = nextEvent(el, 'jse-error');
    document.body.append(el);
    await error;
    const focused = await until(() => deepFocus(el!), 'the message focused');
    expect(focused.classList.contains('message')).to.equal(true);
    expect(focused.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
  });

  it('the hint goes when the focus leaves for the host page; submit() from the host\'s own button leaves its focus there', async () => {
    sandbox = await newSandbox();
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => {
      e.signers = [marie];
      e.fields = [{ signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 }];
    }));
    const layer = viewerOf(el).shadowRoot!.querySelector('[data-page="1"] jse-placement-layer')!;
    const field = await until(() => layer.shadowRoot!.querySelector<HTMLElement>('[part~="field"]'), 'the field');
    field.focus();
    await until(() => keyHint(el!), 'the hint');
    const outside = document.createElement('button');
    outside.textContent = 'Envoyer depuis la GED';
    document.body.append(outside);
    outside.focus();
    await el.updateComplete;
    expect(keyHint(el)).to.equal(null);

    const pending = nextEvent(el, 'jse-pending');
    await el.submit();
    await pending;
    const view = await until(() => el!.shadowRoot!.querySelector('jse-status-view')?.shadowRoot?.querySelector('#status-title'), 'the status view');
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r)); // the focus move is queued after the render
    expect(view.textContent).to.equal('En attente de signature');
    expect(document.activeElement).to.equal(outside);
    outside.remove();
  });

  it('the focus is not taken from the host page when a document fails to open', async () => {
    sandbox = await newSandbox();
    const outside = document.createElement('input');
    document.body.append(outside);
    outside.focus();
    const src = await serve(new TextEncoder().encode('pas un PDF non plus'), 'autre.txt');
    el = document.createElement('jse-sign-request');
    el.src = src;
    const error = nextEvent(el, 'jse-error');
    document.body.append(el);
    await error;
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r)); // the focus move is queued after the render
    expect(document.activeElement).to.equal(outside);
    outside.remove();
  });
});
