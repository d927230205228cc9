/**
 * `<jse-status-view>` on its own: what it says at each status (fr, en), names as text, the
 * cancel confirmation driven by the keyboard alone (real key presses), where focus goes, the live
 * region, download, failures shown — and axe at each step.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { JseError } from '../../src/api/errors.js';
import type { RequestSigner, SignRequest } from '../../src/api/types.js';
import { StatusView, type StatusActions } from '../../src/status/status-view.js';
import { until } from '../helpers/wait.js';

if (!customElements.get('jse-status-view')) customElements.define('jse-status-view', StatusView);

function signer(id: string, firstName: string, status: RequestSigner['status'] = 'waiting', signedAt: string | null = null): RequestSigner {
  return { id, email: `${id}@example.fr`, firstName, lastName: 'Durand', phone: '+33612345678', status, signedAt };
}

let tick = 0;
function request(status: SignRequest['status'], signers: RequestSigner[]): SignRequest {
  tick += 1;
  return {
    id: 'req_0042',
    status,
    createdAt: '2026-11-26T09:15:00.000Z',
    updatedAt: new Date(Date.UTC(2026, 10, 26, 10, 0, tick)).toISOString(),
    signers,
    fields: [],
    signedDocumentUrl: status === 'signed' ? '/proxy/requests/req_0042/signed-document' : null,
  };
}

interface Spy extends StatusActions {
  calls: string[];
}

function actions(overrides: Partial<StatusActions> = {}): Spy {
  const calls: string[] = [];
  return {
    calls,
    cancel: () => {
      calls.push('cancel');
      return Promise.resolve();
    },
    download: () => {
      calls.push('download');
      return Promise.resolve(new Blob(['%PDF-1.7'], { type: 'application/pdf' }));
    },
    retry: () => void calls.push('retry'),
    ...overrides,
  };
}

async function view(props: Partial<StatusView>, lang = 'fr'): Promise<StatusView> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}><jse-status-view></jse-status-view></div>`);
  const el = wrapper.querySelector<StatusView>('jse-status-view')!;
  Object.assign(el, props);
  await el.updateComplete;
  return el;
}

const q = <T extends Element = HTMLElement>(el: StatusView, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (el: StatusView) => el.shadowRoot!.textContent.replace(/[ \t\n\r]+/g, ' ');
const focused = (el: StatusView) => el.shadowRoot!.activeElement as HTMLElement | null;
const dateFr = (iso: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

describe('<jse-status-view>', () => {
  it('pending: document, sending date, each signer with state and time, what happens next; axe clean', async () => {
    const paulAt = '2026-11-26T10:02:00.000Z';
    const el = await view({
      request: request('pending', [signer('s1', 'Paul', 'signed', paulAt), signer('s2', 'Léa')]),
      documentName: 'Lettre de mission.pdf',
      actions: actions(),
    });
    expect(q(el, 'h2')!.textContent).to.equal('En attente de signature');
    expect(text(el)).to.contain('Document : Lettre de mission.pdf').and.contain(`Envoyée le ${dateFr('2026-11-26T09:15:00.000Z')}`);
    expect(q(el, '[data-signer="s1"]')!.textContent).to.contain('Paul Durand').and.contain(`A signé le ${dateFr(paulAt)}`);
    expect(q(el, '[data-signer="s2"]')!.textContent).to.contain('Léa Durand').and.contain('En attente de signature');
    expect(text(el)).to.contain('Les signataires ont reçu un e-mail');
    await expect(el).to.be.accessible();
  });

  for (const [outcome, fr, en] of [
    ['cancelled', 'N’a pas signé (demande annulée)', 'Did not sign (request cancelled)'],
    ['expired', 'N’a pas signé (demande expirée)', 'Did not sign (request expired)'],
    ['refused', 'N’a pas signé (demande close après un refus)', 'Did not sign (request closed after a refusal)'],
  ] as const) {
    it(`${outcome}: no signer is shown waiting; who signed, who refused and who did not (fr, en); axe clean`, async () => {
      const at = '2026-11-26T10:02:00.000Z';
      const signers = [signer('s1', 'Paul', 'signed', at), signer('s2', 'Léa'), ...(outcome === 'refused' ? [signer('s3', 'Zoé', 'refused')] : [])];
      for (const [lang, words, waiting] of [['fr', fr, 'En attente de signature'], ['en', en, 'Awaiting signature']] as const) {
        const el = await view({ request: request(outcome, signers), actions: actions() }, lang);
        expect(text(el)).not.to.contain(waiting);
        expect(q(el, '[data-signer="s2"] .state')!.textContent).to.equal(words);
        expect(q(el, '[data-signer="s2"] .state')!.classList.contains('ended')).to.equal(true);
        expect(q(el, '[data-signer="s1"] .state')!.textContent).to.contain(lang === 'fr' ? 'A signé le' : 'Signed on');
        if (outcome === 'refused') expect(q(el, '[data-signer="s3"] .state')!.textContent).to.equal(lang === 'fr' ? 'A refusé de signer' : 'Refused to sign');
        await expect(el).to.be.accessible();
      }
    });
  }

  it('renders names with markup as text', async () => {
    const el = await view({ request: request('pending', [signer('s1', '<img src=x onerror=alert(1)>Zoé')]), actions: actions() });
    expect(q(el, '[data-signer="s1"] .name')!.textContent).to.equal('<img src=x onerror=alert(1)>Zoé Durand');
    expect(q(el, 'img')).to.equal(null);
  });

  it('cancel by keyboard alone: Enter opens the confirmation on "keep", Escape keeps the request and returns focus', async () => {
    const spy = actions();
    const el = await view({ request: request('pending', [signer('s1', 'Paul')]), actions: spy });
    q<HTMLButtonElement>(el, '[data-action="cancel"]')!.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = q<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).to.equal(true);
    expect(focused(el)?.dataset['action']).to.equal('keep');
    expect(dialog.getAttribute('aria-labelledby')).to.equal('confirm-title');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    expect(dialog.open).to.equal(false);
    expect(focused(el)?.dataset['action']).to.equal('cancel');
    expect(spy.calls).to.deep.equal([]);
    // Enter on "keep" (where focus lands) keeps it too.
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    expect(dialog.open).to.equal(false);
    expect(spy.calls).to.deep.equal([]);
  });

  it('cancel by keyboard alone: Tab to "yes", Enter cancels; the new status takes focus and is announced', async () => {
    const spy = actions();
    const el = await view({ request: request('pending', [signer('s1', 'Paul')]), actions: spy });
    q<HTMLButtonElement>(el, '[data-action="cancel"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)?.dataset['action']).to.equal('confirm-cancel');
    await sendKeys({ press: 'Enter' });
    expect(spy.calls).to.deep.equal(['cancel']);
    el.request = request('cancelled', [signer('s1', 'Paul')]);
    await el.updateComplete;
    expect(focused(el)?.id).to.equal('status-title');
    expect(q(el, 'h2')!.textContent).to.equal('Demande annulée');
    expect(q(el, '[aria-live="polite"]')!.textContent).to.equal('La demande a été annulée.');
    expect(q(el, 'dialog')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a refused cancel is shown as an alert and focus stays on the cancel button', async () => {
    const el = await view({
      request: request('pending', [signer('s1', 'Paul')]),
      actions: actions({ cancel: () => Promise.reject(new JseError('conflict', 'La demande ne peut plus être annulée.')) }),
    });
    q<HTMLButtonElement>(el, '[data-action="cancel"]')!.click();
    q<HTMLButtonElement>(el, '[data-action="confirm-cancel"]')!.click();
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(q(el, '[role="alert"]')!.textContent).to.equal('La demande ne peut plus être annulée.');
    expect(focused(el)?.dataset['action']).to.equal('cancel');
    await expect(el).to.be.accessible();
  });

  it('announces each signature politely, without moving focus while the request is pending', async () => {
    const el = await view({ request: request('pending', [signer('s1', 'Paul'), signer('s2', 'Léa')]), actions: actions() });
    const live = q(el, '[role="status"][aria-live="polite"]')!;
    expect(live.textContent).to.equal('');
    el.request = request('pending', [signer('s1', 'Paul', 'signed', '2026-11-26T10:00:00.000Z'), signer('s2', 'Léa')]);
    await el.updateComplete;
    expect(live.textContent).to.equal('Paul Durand a signé.');
    expect(focused(el)).to.equal(null);
    el.request = request('signed', [signer('s1', 'Paul', 'signed', '2026-11-26T10:00:00.000Z'), signer('s2', 'Léa', 'signed', '2026-11-26T10:05:00.000Z')]);
    await el.updateComplete;
    expect(live.textContent).to.equal('Léa Durand a signé. Tous les signataires ont signé. Le document signé est disponible.');
    // Focus was not in the view: a remote signature does not steal it.
    expect(focused(el)).to.equal(null);
  });

  it('signed: the download button saves the signed PDF under the document’s name', async () => {
    const spy = actions();
    const el = await view({
      request: request('signed', [signer('s1', 'Paul', 'signed', '2026-11-26T10:00:00.000Z')]),
      documentName: 'Lettre de mission.pdf',
      actions: spy,
    });
    expect(text(el)).to.contain('Tous les signataires ont signé');
    await expect(el).to.be.accessible();
    const clicked: HTMLAnchorElement[] = [];
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the very function is put back afterwards
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      q<HTMLButtonElement>(el, '[data-action="download"]')!.click();
      await until(() => clicked.length > 0, 'the download link clicked');
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
    expect(spy.calls).to.deep.equal(['download']);
    expect(clicked).to.have.length(1);
    expect(clicked[0].download).to.equal('Lettre de mission (signé).pdf');
    expect(clicked[0].href).to.match(/^blob:/);
  });

  it('a failed download is said, in an alert', async () => {
    const el = await view({
      request: request('signed', [signer('s1', 'Paul', 'signed', '2026-11-26T10:00:00.000Z')]),
      actions: actions({ download: () => Promise.reject(new JseError('network', 'connexion perdue')) }),
    });
    q<HTMLButtonElement>(el, '[data-action="download"]')!.click();
    await until(() => q(el, '[role="alert"]'), 'the alert');
    await el.updateComplete;
    expect(q(el, '[role="alert"]')!.textContent).to.contain('Le téléchargement du document signé a échoué');
  });

  it('refused, expired: plainly what to do next, with "prepare a new request" when the host can', async () => {
    const spy = actions({ restart: () => void spy.calls.push('restart') });
    const el = await view({ request: request('refused', [signer('s1', 'Paul', 'refused')]), actions: spy });
    expect(q(el, 'h2')!.textContent).to.equal('Signature refusée');
    expect(text(el)).to.contain('Paul Durand a refusé de signer : la demande est close. Pour faire signer ce document, préparez une nouvelle demande.');
    await expect(el).to.be.accessible();
    q<HTMLButtonElement>(el, '[data-action="restart"]')!.click();
    expect(spy.calls).to.deep.equal(['restart']);

    el.request = { ...request('expired', [signer('s1', 'Paul')]), id: 'req_0043' };
    await el.updateComplete;
    expect(q(el, 'h2')!.textContent).to.equal('Demande expirée');
    expect(text(el)).to.contain('Le délai de signature est écoulé');
    await expect(el).to.be.accessible();
  });

  it('loading, failure with retry, and polls in trouble', async () => {
    const spy = actions();
    const el = await view({ loading: true, actions: spy });
    expect(q(el, '[role="status"]')!.textContent).to.equal('Chargement de la demande de signature…');
    await expect(el).to.be.accessible();
    el.loading = false;
    el.error = new JseError('upstream_unavailable', 'Le service de signature ne répond pas.');
    await el.updateComplete;
    expect(q(el, '[role="alert"]')!.textContent).to.equal('Le service de signature ne répond pas.');
    await expect(el).to.be.accessible();
    q<HTMLButtonElement>(el, 'button')!.click();
    expect(spy.calls).to.deep.equal(['retry']);
    el.error = undefined;
    el.request = request('pending', [signer('s1', 'Paul')]);
    el.trouble = new JseError('network', 'x');
    await el.updateComplete;
    expect(text(el)).to.contain('nouvelle tentative automatique');
  });

  it('speaks English', async () => {
    const el = await view({ request: request('pending', [signer('s1', 'Paul')]), documentName: 'Engagement letter.pdf', actions: actions() }, 'en');
    expect(q(el, 'h2')!.textContent).to.equal('Awaiting signature');
    expect(text(el)).to.contain('Document: Engagement letter.pdf').and.contain('Cancel the request');
    const sent = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(new Date('2026-11-26T09:15:00.000Z'));
    expect(text(el)).to.contain(`Sent on ${sent}`);
    await expect(el).to.be.accessible();
  });
});
