/**
 * The sender's journey with the keyboard alone (issue 10): from the opened document to the sent
 * request — add myself as signer, place a field from the toolbar, nudge it, send, confirm — with
 * axe run at each step. Every move is a real key press (Tab to reach a control, never a click).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import type { Sandbox } from '../../src/testing/index.js';
import { deepActiveElement, nextEvent } from '../helpers/element.js';
import { confirmDialog, mount, newSandbox, startWorker, twoPageUrl, until } from './harness.js';


/** Presses Tab (or Shift+Tab) until `match` holds for the focused element (at most `max` presses). */
async function tabTo(match: (el: Element) => boolean, what: string, backwards = false, max = 80): Promise<Element> {
  for (let i = 0; i < max; i++) {
    const active = deepActiveElement();
    if (active && match(active)) return active;
    if (backwards) await chord('Shift', 'Tab');
    else await sendKeys({ press: 'Tab' });
  }
  throw new Error(`Tab never reached ${what}`);
}

async function chord(modifier: string, key: string): Promise<void> {
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
}

const text = (s: string) => (el: Element) => (el.getAttribute('aria-label') ?? el.textContent ?? '').includes(s);

describe('keyboard-only journey (issue 10)', function () {
  this.timeout(60000);
  let sandbox: Sandbox;
  let el: JseSignRequest;

  before(startWorker);
  beforeEach(async () => {
    sessionStorage.clear();
    sandbox = await newSandbox();
  });
  afterEach(async () => {
    el?.remove();
    await sandbox.stop();
  });

  it('opens, adds me, places and nudges a field, sends and confirms, axe clean at each step', async () => {
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => {
      e.me = { email: 'claire.martin@cabinet.fr', firstName: 'Claire', lastName: 'Martin', phone: '+33612345678' };
    }));
    await until(() => sandbox.calls.some((c) => c.route === 'me' && c.status === 200), '/me');
    await expect(el).to.be.accessible();

    // "Ajouter moi-même"
    const addMe = await tabTo(text('moi-même'), '"Ajouter moi-même"');
    await sendKeys({ press: 'Enter' });
    await until(() => el.signers.length === 1, 'a signer');
    expect(el.signers[0].email).to.equal('claire.martin@cabinet.fr');
    expect(addMe.isConnected).to.equal(true);
    await expect(el).to.be.accessible();

    // A field on the current page, from the toolbar; it takes the focus.
    await tabTo(text('Ajouter une signature sur la page 1'), 'the toolbar "+ Signature"', true);
    await sendKeys({ press: 'Enter' });
    await until(() => el.fields.length === 1, 'a field');
    await until(() => (deepActiveElement()?.getAttribute('aria-label') ?? '').startsWith('Signature de Claire Martin, page 1'), 'the new field focused');
    const placed = el.fields[0];
    await sendKeys({ press: 'ArrowRight' });
    await chord('Shift', 'ArrowDown');
    expect(el.fields[0].x).to.be.closeTo(placed.x + 1, 1e-6);
    expect(el.fields[0].y).to.be.closeTo(placed.y - 10, 1e-6);
    await expect(el).to.be.accessible();

    // Send: the confirmation opens with the focus on "Envoyer"; Enter sends.
    await tabTo((e) => e.getAttribute('part') === 'submit', 'the send button');
    await sendKeys({ press: 'Enter' });
    await until(() => confirmDialog(el).open, 'the confirmation');
    expect(deepActiveElement()?.textContent?.trim()).to.equal('Envoyer');
    await expect(el).to.be.accessible();
    const pending = nextEvent(el, 'jse-pending');
    await sendKeys({ press: 'Enter' });
    const { request } = (await pending).detail;
    expect(request.signers[0].phone).to.equal('+33612345678');
    expect(sandbox.state.requests.size).to.equal(1);

    // The status view follows; it is reachable and clean too.
    await until(() => !!el.shadowRoot!.querySelector('jse-status-view'), 'the status view');
    await expect(el).to.be.accessible();
  });
});
