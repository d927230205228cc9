/**
 * The phone country picked for a signer lives in the draft (issue 19): validation on submit, the
 * wire phone, undo and the tab-session copy read it there, never the signers panel's view.
 */
import { expect } from '@open-wc/testing';
import { Draft, type DraftSigner } from '../../src/draft/draft.js';
import { DraftHistory } from '../../src/draft/history.js';
import { documentKey, type StoredDraft } from '../../src/draft/persistence.js';
import { preparePayload, problemsOf } from '../../src/send/payload.js';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import type { Sandbox } from '../../src/testing/index.js';
import { makePdf, serve } from '../helpers/documents.js';
import { mount, newSandbox, panelOf, startWorker, until } from '../send/harness.js';

const belgian: DraftSigner = { id: 's1', email: 'lotte.peeters@example.be', firstName: 'Lotte', lastName: 'Peeters', phone: '0470 12 34 56' };
const field = { signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 };

describe('the phone country in the draft', () => {
  it('is kept by addSigner, updateSigner, setSigners and restoreState; a value that is no country is refused or dropped', () => {
    const draft = new Draft();
    const a = draft.addSigner({ phoneCountry: 'BE' });
    expect(draft.signers[0].phoneCountry).to.equal('BE');
    draft.updateSigner(a.id, { phone: '0470 12 34 56' });
    expect(draft.signers[0]).to.include({ phone: '0470 12 34 56', phoneCountry: 'BE' });
    draft.updateSigner(a.id, { phoneCountry: 'RE' });
    expect(draft.signers[0].phoneCountry).to.equal('RE');
    draft.updateSigner(a.id, { phoneCountry: undefined });
    expect(draft.signers[0]).to.not.have.property('phoneCountry');
    expect(() => draft.updateSigner(a.id, { phoneCountry: 'belgique' })).to.throw(TypeError, /country code/);
    expect(() => draft.addSigner({ phoneCountry: 'be' })).to.throw(TypeError);

    // From a host or from storage: kept when it is a code, dropped otherwise (never thrown on).
    draft.setSigners([{ ...belgian, phoneCountry: 'BE' }, { ...belgian, id: 's2', email: 'x@example.be', phoneCountry: 'nope' }]);
    expect(draft.signers.map((s) => s.phoneCountry)).to.deep.equal(['BE', undefined]);
    const state = draft.state;
    draft.setSigners([]);
    draft.restoreState(state);
    expect(draft.signers.map((s) => s.phoneCountry)).to.deep.equal(['BE', undefined]);
  });

  it('comes back with undo and redo, and with the history kept for the session', () => {
    const draft = new Draft();
    const history = new DraftHistory(draft, { schedule: () => undefined });
    const { id } = draft.addSigner({ ...belgian, id: undefined });
    history.flush();
    draft.updateSigner(id, { phoneCountry: 'BE' });
    history.flush();
    expect(history.undo()?.kind).to.equal('signerEdited');
    expect(draft.signers[0]).to.not.have.property('phoneCountry');
    history.redo();
    expect(draft.signers[0].phoneCountry).to.equal('BE');

    const stored = JSON.parse(JSON.stringify(history.toJSON())) as ReturnType<DraftHistory['toJSON']>;
    const other = new Draft();
    other.setSigners(draft.signers);
    const again = new DraftHistory(other, { schedule: () => undefined });
    expect(again.load(stored)).to.equal(true);
    again.undo();
    expect(other.signers[0]).to.not.have.property('phoneCountry');
    again.redo();
    expect(other.signers[0].phoneCountry).to.equal('BE');
  });

  it('is how submit reads a phone in national form, and what goes on the wire (no phoneCountry there)', () => {
    const draft = { signers: [{ ...belgian, phoneCountry: 'BE' }], fields: [field], message: '' };
    expect(problemsOf(draft, undefined, 'fr')).to.deep.equal([]);
    // The same digits read in France are a landline: the country is what decides.
    const french = problemsOf({ ...draft, signers: [belgian] }, undefined, 'fr');
    expect(french.map((p) => [p.path, p.code])).to.deep.equal([['/signers/s1/phone', 'not_mobile']]);
    const prepared = preparePayload(draft, { name: 'contrat.pdf', type: 'pdf' }, undefined, 'fr');
    expect(prepared.payload.signers).to.deep.equal([{ id: 's1', email: belgian.email, firstName: 'Lotte', lastName: 'Peeters', phone: '+32470123456' }]);
  });
});

describe('the phone country in the element', function () {
  this.timeout(30000);
  let sandbox: Sandbox;
  let src: string;

  before(async () => {
    await startWorker();
    src = await serve(await makePdf([{ label: 'Pays du téléphone' }]), 'pays.pdf');
  });
  beforeEach(async () => {
    sessionStorage.clear();
    sandbox = await newSandbox();
  });
  afterEach(async () => {
    document.querySelectorAll('jse-sign-request').forEach((e) => e.remove());
    await sandbox.stop();
  });

  const storageKey = () => `jse-sign-request:draft:${documentKey(undefined, src, document.baseURI)}`;
  const stored = () => JSON.parse(sessionStorage.getItem(storageKey()) ?? 'null') as StoredDraft | null;
  const picker = (el: JseSignRequest) => panelOf(el).shadowRoot!.querySelector<HTMLSelectElement>('select[id^="country-"]')!;

  it('picked in the panel before any number, it is kept in the session and shown again after a remount', async () => {
    const { el } = await mount(sandbox, src, (e) => (e.signers = [{ ...belgian, phone: '' }]));
    await panelOf(el).updateComplete;
    const select = picker(el);
    expect(select.value).to.equal('FR');
    select.value = 'BE';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => stored()?.signers[0]?.phoneCountry === 'BE', 'the country kept with the draft');
    // The public signers stay wire signers.
    expect(el.signers[0]).to.not.have.property('phoneCountry');
    el.remove();

    const { el: again } = await mount(sandbox, src);
    await panelOf(again).updateComplete;
    expect(picker(again).value).to.equal('BE');
  });

  it('submit() right after a remount reads the stored country, whatever the panel shows', async () => {
    // What an earlier mount kept: a Belgian number in national form with its country.
    const kept: StoredDraft = { v: 1, signers: [{ ...belgian, phoneCountry: 'BE' }], fields: [field], message: '' };
    sessionStorage.setItem(storageKey(), JSON.stringify(kept));
    const { el } = await mount(sandbox, src);
    const request = await el.submit();
    expect(request.signers[0].phone).to.equal('+32470123456');
    expect(sandbox.state.requests.get(request.id)!.signers[0].phone).to.equal('+32470123456');
  });

  it('the same stored number without its country is refused on submit as a French landline', async () => {
    const kept: StoredDraft = { v: 1, signers: [belgian], fields: [field], message: '' };
    sessionStorage.setItem(storageKey(), JSON.stringify(kept));
    const { el } = await mount(sandbox, src);
    const invalid = new Promise<string[]>((resolve) => el.addEventListener('jse-invalid', (e) => resolve(e.detail.errors.map((p) => p.code)), { once: true }));
    const error = await el.submit().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.have.property('code', 'invalid_request');
    expect(await invalid).to.deep.equal(['not_mobile']);
    expect(sandbox.state.requests.size).to.equal(0);
  });
});
