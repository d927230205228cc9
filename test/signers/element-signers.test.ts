/**
 * The signers panel inside <jse-sign-request>: wiring of `signers`, `me`, `/me`'s user, `contacts`,
 * `lang`, the `signers` part, recently used signers and the layout, on a generated PDF.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { Person } from '../../src/api/types.js';
import { JsePendingEvent } from '../../src/events.js';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import { RECENT_KEY } from '../../src/signers/recent.js';
import type { SignersPanel } from '../../src/signers/signers-panel.js';
import { makePdf, serve } from '../helpers/documents.js';
import { nextEvent, useInstalledPdfJs } from '../helpers/element.js';
import { until } from '../helpers/wait.js';
import { newSandbox } from '../send/harness.js';
import type { Sandbox } from '../../src/testing/index.js';

let url: string;

async function mount(setup: { width?: number; lang?: string; tokenEndpoint?: string } = {}): Promise<{ el: JseSignRequest; panel: SignersPanel }> {
  const el = document.createElement('jse-sign-request');
  if (setup.tokenEndpoint) el.tokenEndpoint = setup.tokenEndpoint;
  el.style.height = '700px';
  el.style.width = `${setup.width ?? 1000}px`;
  if (setup.lang) el.lang = setup.lang;
  const ready = nextEvent(el, 'jse-ready');
  el.src = url;
  document.body.append(el);
  await ready;
  await el.updateComplete;
  const panel = el.shadowRoot!.querySelector<SignersPanel>('jse-signers-panel');
  if (!panel) throw new Error('no signers panel');
  await panel.updateComplete;
  return { el, panel };
}

const inPanel = <T extends Element = HTMLInputElement>(panel: SignersPanel, selector: string): T => {
  const found = panel.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

describe('<jse-sign-request> — signers panel wiring', () => {
  before(async () => {
    useInstalledPdfJs();
    url = await serve(await makePdf([{ label: 'Lettre de mission' }]), 'lettre.pdf');
  });
  afterEach(() => {
    for (const el of document.querySelectorAll('jse-sign-request')) el.remove();
    sessionStorage.clear(); // recents and the drafts kept for remounts (same document in every test)
  });

  it('shows the panel beside the document, styled from outside through ::part(signers)', async () => {
    const style = document.createElement('style');
    style.textContent = 'jse-sign-request::part(signers) { outline: 3px solid rgb(1, 2, 3); }';
    document.head.append(style);
    try {
      const { el, panel } = await mount();
      const part = inPanel<HTMLElement>(panel, '[part="signers"]');
      expect(getComputedStyle(part).outlineColor).to.equal('rgb(1, 2, 3)');
      const viewer = el.shadowRoot!.querySelector('jse-document-viewer')!.getBoundingClientRect();
      const side = panel.getBoundingClientRect();
      expect(side.left).to.be.at.least(viewer.right - 1, 'beside the document');
      expect(side.width).to.be.closeTo(360, 1);
    } finally {
      style.remove();
    }
  });

  it('shows signers set by the host and reads back what the user types, phone in E.164', async () => {
    const { el, panel } = await mount();
    el.signers = [{ id: 'host-1', email: 'marie@cabinet.fr', firstName: 'Marie', lastName: 'Dupont', phone: '' }];
    await el.updateComplete;
    await panel.updateComplete;
    expect(inPanel(panel, '[id^="email-"]').value).to.equal('marie@cabinet.fr');
    inPanel(panel, '[id^="phone-"]').focus();
    await sendKeys({ type: '0612345678' });
    expect(el.signers).to.deep.equal([
      { id: 'host-1', email: 'marie@cabinet.fr', firstName: 'Marie', lastName: 'Dupont', phone: '+33612345678' },
    ]);
  });

  it('"Ajouter moi-même" uses `me`', async () => {
    const { el, panel } = await mount();
    el.me = { email: 'lea@cabinet.fr', firstName: 'Léa', lastName: 'Roux', phone: '0611223344' };
    await el.updateComplete;
    await panel.updateComplete;
    inPanel<HTMLButtonElement>(panel, 'button.add-me').click();
    expect(el.signers.map(({ id: _id, ...s }) => s)).to.deep.equal([
      { email: 'lea@cabinet.fr', firstName: 'Léa', lastName: 'Roux', phone: '+33611223344' },
    ]);
  });

  it('"Ajouter moi-même" uses the /me user when the host gives no `me`, and `me` wins when both', async () => {
    const { el: bare, panel: barePanel } = await mount();
    expect(barePanel.shadowRoot!.querySelector('button.add-me'), 'no proxy, no me: no button').to.equal(null);
    bare.remove();
    // The user comes from the sandbox proxy's /me, as it would from a host's.
    const sandbox = await newSandbox({ user: { email: 'compte@cabinet.fr', firstName: 'Compte', lastName: 'Proxy', phone: '+33622334455' } });
    try {
      await checkAddMe(sandbox);
    } finally {
      await sandbox.stop();
    }
  });

  async function checkAddMe(sandbox: Sandbox): Promise<void> {
    const { el, panel } = await mount({ tokenEndpoint: sandbox.tokenEndpoint });
    await until(() => panel.shadowRoot!.querySelector('button.add-me'), 'the /me user offered');
    inPanel<HTMLButtonElement>(panel, 'button.add-me').click();
    expect(el.signers.map((s) => s.email)).to.deep.equal(['compte@cabinet.fr']);
    el.me = { email: 'hote@cabinet.fr', firstName: 'Hôte', lastName: 'Page' };
    await el.updateComplete;
    expect(panel.me?.email).to.equal('hote@cabinet.fr');
  }

  it('passes `contacts` (array, then async function) to the panel', async () => {
    const { el, panel } = await mount();
    const zoe: Person = { email: 'zoe@exemple.fr', firstName: 'Zoé', lastName: 'Lefèvre', phone: '+33687654321' };
    el.contacts = [zoe];
    await el.updateComplete;
    await panel.updateComplete;
    inPanel(panel, '#search').focus();
    await sendKeys({ type: 'zo' });
    await panel.updateComplete;
    expect([...panel.shadowRoot!.querySelectorAll('[role="option"] .email')].map((o) => o.textContent)).to.deep.equal(['zoe@exemple.fr']);
    const asked: string[] = [];
    el.contacts = (q) => {
      asked.push(q);
      return Promise.resolve([{ ...zoe, email: 'zoe.async@exemple.fr' }]);
    };
    await el.updateComplete;
    await sendKeys({ type: 'e' });
    await until(() => panel.shadowRoot!.querySelector('[role="option"] .email')?.textContent === 'zoe.async@exemple.fr', 'the async answer shown');
    expect(asked).to.deep.equal(['zoe']);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(el.signers.map((s) => s.email)).to.deep.equal(['zoe.async@exemple.fr']);
  });

  it('remembers the signers of a request it sent (jse-pending) in this tab’s session, and suggests them', async () => {
    const { el, panel } = await mount();
    el.dispatchEvent(
      new JsePendingEvent({
        request: {
          id: 'r1',
          status: 'pending',
          createdAt: new Date(0).toISOString(),
          updatedAt: new Date(0).toISOString(),
          signers: [{ id: 's1', email: 'paul@exemple.fr', firstName: 'Paul', lastName: 'Martin', phone: '+33698765432', status: 'waiting' }],
          fields: [],
        },
      }),
    );
    expect(JSON.parse(sessionStorage.getItem(RECENT_KEY)!)).to.deep.equal([
      { email: 'paul@exemple.fr', firstName: 'Paul', lastName: 'Martin', phone: '+33698765432' },
    ]);
    expect(localStorage.getItem(RECENT_KEY)).to.equal(null);
    panel.requestUpdate();
    await panel.updateComplete;
    inPanel(panel, '#search').focus();
    await panel.updateComplete;
    expect(inPanel(panel, '[role="option"]').textContent).to.contain('paul@exemple.fr');
  });

  it('a refused send shows every error in the panel and focuses the first, on each refusal (revealErrors)', async () => {
    const { el, panel } = await mount();
    el.signers = [{ id: 'a', email: 'marie@exemple.fr', firstName: '', lastName: 'Dupont', phone: '' }];
    el.fields = [{ signerId: 'a', page: 1, x: 100, y: 100, width: 180, height: 60 }];
    await panel.updateComplete;
    // Untouched fields say nothing yet.
    expect(panel.shadowRoot!.querySelectorAll('[aria-invalid="true"]')).to.have.length(0);
    const send = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!;
    for (let attempt = 1; attempt <= 2; attempt++) {
      send.focus();
      const invalid = nextEvent(el, 'jse-invalid');
      send.click();
      expect((await invalid).detail.errors.map((p) => p.path)).to.deep.equal(['/signers/a/firstName', '/signers/a/phone']);
      await until(() => {
        const first = panel.shadowRoot!.querySelector('[aria-invalid="true"]');
        return first !== null && panel.shadowRoot!.activeElement === first;
      }, `the first field in error focused (attempt ${attempt})`);
      const shown = [...panel.shadowRoot!.querySelectorAll('[aria-invalid="true"]')].map((e) => e.id.replace(/-\d+$/, ''));
      expect(shown).to.deep.equal(['firstName', 'phone']);
    }
  });

  it('follows the element’s language', async () => {
    const { panel } = await mount({ lang: 'en' });
    expect(inPanel(panel, 'h2').textContent).to.equal('Signers');
  });

  it('stacks the panel under the document in a narrow element, without horizontal overflow', async () => {
    const { el, panel } = await mount({ width: 360 });
    el.signers = [{ id: 'a', email: 'un.nom.tres.long@un-cabinet-au-nom-tres-long.fr', firstName: 'Marie-Christine', lastName: 'De La Fontaine', phone: '' }];
    await el.updateComplete;
    panel.showAllErrors();
    await panel.updateComplete;
    const host = el.getBoundingClientRect();
    const side = panel.getBoundingClientRect();
    expect(side.right).to.be.at.most(host.right + 0.5);
    expect(side.left).to.be.at.least(host.left - 0.5);
    const workspace = el.shadowRoot!.querySelector<HTMLElement>('.workspace')!;
    expect(workspace.scrollWidth).to.be.at.most(workspace.clientWidth);
    const part = inPanel<HTMLElement>(panel, '[part="signers"]');
    expect(part.scrollWidth).to.be.at.most(part.clientWidth);
  });
});
