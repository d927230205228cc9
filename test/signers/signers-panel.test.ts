import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Person, Signer } from '../../src/api/types.js';
import { Draft } from '../../src/draft/draft.js';
import { signerColor } from '../../src/placement/palette.js';
import { recentSigners, type RecentSigners } from '../../src/signers/recent.js';
import { SignersPanel, type PeopleSource } from '../../src/signers/signers-panel.js';
import { until } from '../helpers/wait.js';

if (!customElements.get('jse-signers-panel')) customElements.define('jse-signers-panel', SignersPanel);

/** A Storage stand-in: tests never touch the real session. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

interface Setup {
  draft?: Draft;
  me?: Person;
  contacts?: PeopleSource;
  recents?: RecentSigners;
  width?: number;
  locale?: 'fr' | 'en';
}

async function mount(setup: Setup = {}): Promise<{ el: SignersPanel; draft: Draft }> {
  const draft = setup.draft ?? new Draft();
  const wrapper = await fixture<HTMLDivElement>(html`<div class="wrap">
    <jse-signers-panel
      .draft=${draft}
      .me=${setup.me}
      .contacts=${setup.contacts}
      .locale=${setup.locale}
      .recents=${setup.recents ?? recentSigners(memoryStorage())}
    ></jse-signers-panel>
  </div>`);
  if (setup.width) wrapper.style.width = `${setup.width}px`;
  const el = wrapper.querySelector<SignersPanel>('jse-signers-panel')!;
  await el.updateComplete;
  return { el, draft };
}

const $ = <T extends Element = HTMLElement>(el: SignersPanel, selector: string): T => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};
const $$ = (el: SignersPanel, selector: string): HTMLElement[] => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];

/** The input of a signer's row by label key and row index (0-based). */
const field = (el: SignersPanel, key: 'email' | 'firstName' | 'lastName' | 'phone' | 'country', row = 0) =>
  $<HTMLInputElement>(el, `li.signer:nth-child(${row + 1}) [id^="${key}-"]`);

/** The error text shown for an input, through its aria-describedby. */
function errorOf(el: SignersPanel, input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
  return ids.map((id) => el.shadowRoot!.getElementById(id)?.textContent?.trim() ?? '').join(' ');
}

async function typeInto(el: SignersPanel, input: HTMLElement, text: string): Promise<void> {
  input.focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

/** Leaves the focused field the way a user does. */
async function leave(el: SignersPanel): Promise<void> {
  await sendKeys({ press: 'Tab' });
  await el.updateComplete;
}

async function click(el: SignersPanel, target: HTMLElement): Promise<void> {
  target.scrollIntoView({ block: 'center' });
  const r = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)] });
  await el.updateComplete;
}

const marie: Signer = { id: 's1', email: 'marie.dupont@cabinet.fr', firstName: 'Marie', lastName: 'Dupont', phone: '+33612345678' };
const paul: Signer = { id: 's2', email: 'paul.martin@exemple.fr', firstName: 'Paul', lastName: 'Martin', phone: '+33698765432' };

afterEach(async () => {
  await resetMouse();
});

describe('<jse-signers-panel> — editing', () => {
  it('starts empty, adds a row and puts the cursor in its e-mail', async () => {
    const { el, draft } = await mount();
    expect($(el, '[part="signers"]').textContent).to.contain('Aucun signataire');
    await click(el, $(el, 'button.add'));
    expect(draft.signers).to.have.length(1);
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'email'));
    expect(draft.activeSignerId).to.equal(draft.signers[0].id);
  });

  it('shows each signer in their palette colour with their field count', async () => {
    const draft = new Draft();
    draft.setSigners([marie, paul]);
    draft.addField({ signerId: 's2', page: 1, x: 10, y: 10, width: 180, height: 60 });
    draft.addField({ signerId: 's2', page: 1, x: 10, y: 90, width: 180, height: 60 });
    const { el } = await mount({ draft });
    const sets = $$(el, 'fieldset');
    expect(sets.map((f) => f.style.getPropertyValue('--jse-signer-color'))).to.deep.equal([signerColor(0), signerColor(1)]);
    expect(getComputedStyle($$(el, '.swatch')[1]).backgroundColor).to.equal('rgb(163, 71, 0)');
    expect($$(el, '.count').map((c) => c.textContent.trim())).to.deep.equal([
      'Aucun emplacement de signature',
      '2 emplacements de signature',
    ]);
  });

  it('shows "required" for names when the user leaves them empty, and trims names on leaving', async () => {
    const { el, draft } = await mount();
    draft.addSigner();
    await el.updateComplete;
    field(el, 'firstName').focus();
    await leave(el);
    expect(errorOf(el, field(el, 'firstName'))).to.equal('Saisissez le prénom.');
    expect(field(el, 'firstName').getAttribute('aria-invalid')).to.equal('true');
    // Not yet left: no error on the last name.
    expect(errorOf(el, field(el, 'lastName'))).to.equal('');
    await typeInto(el, field(el, 'firstName'), '  Jean Pierre ');
    expect(draft.signers[0].firstName).to.equal('  Jean Pierre ', 'kept as typed while typing');
    expect(errorOf(el, field(el, 'firstName'))).to.equal('', 'the error goes as soon as the value is right');
    await leave(el);
    expect(draft.signers[0].firstName).to.equal('Jean Pierre');
    expect(field(el, 'firstName').value).to.equal('Jean Pierre');
    field(el, 'lastName').focus();
    await sendKeys({ type: '   ' });
    await leave(el);
    expect(errorOf(el, field(el, 'lastName'))).to.equal('Saisissez le nom.');
  });

  it('says a bad e-mail is invalid once the user leaves it', async () => {
    const { el, draft } = await mount();
    draft.addSigner();
    await el.updateComplete;
    await typeInto(el, field(el, 'email'), 'marie@cabinet');
    expect(errorOf(el, field(el, 'email'))).to.equal('', 'no error while still typing');
    await leave(el);
    expect(errorOf(el, field(el, 'email'))).to.equal('Adresse e-mail invalide (exemple : nom@cabinet.fr).');
    await typeInto(el, field(el, 'email'), '.fr');
    expect(errorOf(el, field(el, 'email'))).to.equal('');
    expect(draft.signers[0].email).to.equal('marie@cabinet.fr');
  });

  it('refuses the same e-mail twice, whatever the case', async () => {
    const draft = new Draft();
    draft.setSigners([marie, { ...paul, email: '' }]);
    const { el } = await mount({ draft });
    await typeInto(el, field(el, 'email', 1), 'Marie.Dupont@CABINET.fr');
    await leave(el);
    expect(errorOf(el, field(el, 'email', 1))).to.equal('Cette adresse e-mail est déjà celle d’un autre signataire.');
    expect(errorOf(el, field(el, 'email', 0))).to.equal('');
  });

  it('never loses what is being typed when the panel re-renders', async () => {
    const { el, draft } = await mount();
    draft.addSigner();
    await el.updateComplete;
    await typeInto(el, field(el, 'lastName'), 'Dup');
    // Anything else changing the draft re-renders the panel mid-word.
    draft.setMessage('Bonjour');
    draft.addSigner({ email: 'autre@exemple.fr' });
    draft.updateSigner(draft.signers[0].id, { email: 'x@y.fr' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'lastName'));
    await sendKeys({ type: 'ont' });
    await el.updateComplete;
    expect(field(el, 'lastName').value).to.equal('Dupont');
    expect(draft.signers[0].lastName).to.equal('Dupont');
    // The phone keeps its text too (it lives in the panel, not only as E.164 in the draft).
    await typeInto(el, field(el, 'phone'), '0612');
    draft.setMessage('Bonjour !');
    await el.updateComplete;
    await sendKeys({ type: '34' });
    await el.updateComplete;
    expect(field(el, 'phone').value).to.equal('06 12 34');
  });

  it('edits the message to all signers', async () => {
    const { el, draft } = await mount();
    await typeInto(el, $(el, '#message'), 'Merci de signer <vite>');
    expect(draft.message).to.equal('Merci de signer <vite>');
  });

  it('makes the signer being edited the one new fields go to', async () => {
    const draft = new Draft();
    draft.setSigners([marie, paul]);
    const { el } = await mount({ draft });
    expect(draft.activeSignerId).to.equal('s2');
    field(el, 'firstName', 0).focus();
    expect(draft.activeSignerId).to.equal('s1');
  });

  it('speaks English', async () => {
    const draft = new Draft();
    draft.setSigners([{ ...marie, email: '' }]);
    const { el } = await mount({ draft, locale: 'en' });
    expect($(el, 'h2').textContent).to.equal('Signers');
    el.showAllErrors();
    await el.updateComplete;
    expect(errorOf(el, field(el, 'email'))).to.equal('Enter the e-mail address.');
  });
});

describe('<jse-signers-panel> — phones', () => {
  async function onePhone(country?: string, locale?: 'en') {
    const draft = new Draft();
    draft.setSigners([{ ...marie, phone: '' }]);
    const { el } = await mount({ draft, ...(locale ? { locale } : {}) });
    if (country) {
      // The picker by keyboard, as a user does: type-ahead on the focused select.
      const select = field(el, 'country');
      select.focus();
      await sendKeys({ type: country });
      await el.updateComplete;
    }
    return { el, draft };
  }

  it('calls a French landline (01 …) not a mobile', async () => {
    const { el, draft } = await onePhone();
    await typeInto(el, field(el, 'phone'), '0142685300');
    await leave(el);
    expect(errorOf(el, field(el, 'phone'))).to.equal('Ce numéro n’est pas un mobile : le signataire doit recevoir un code par SMS.');
    expect(draft.signers[0].phone).to.equal('+33142685300');
  });

  it('formats a French mobile typed without +33 and stores its E.164', async () => {
    const { el, draft } = await onePhone();
    await typeInto(el, field(el, 'phone'), '0612345678');
    expect(field(el, 'phone').value).to.equal('06 12 34 56 78');
    await leave(el);
    expect(errorOf(el, field(el, 'phone'))).to.equal('');
    expect(draft.signers[0].phone).to.equal('+33612345678');
  });

  it('resolves a Réunion mobile typed 0692… with France picked, and says so', async () => {
    const { el, draft } = await onePhone();
    await typeInto(el, field(el, 'phone'), '0692123456');
    await leave(el);
    expect(errorOf(el, field(el, 'phone'))).to.equal('');
    expect(draft.signers[0].phone).to.equal('+262692123456');
    const hint = el.shadowRoot!.getElementById(field(el, 'phone').getAttribute('aria-describedby')!)!;
    expect(hint.textContent.trim()).to.equal('+262 692 12 34 56 · La Réunion');
  });

  it('reads a Belgian mobile with Belgium picked', async () => {
    const { el, draft } = await onePhone('Belgique');
    expect(field(el, 'country').value).to.equal('BE');
    await typeInto(el, field(el, 'phone'), '0470123456');
    await leave(el);
    expect(field(el, 'phone').value).to.equal('0470 12 34 56');
    expect(errorOf(el, field(el, 'phone'))).to.equal('');
    expect(draft.signers[0].phone).to.equal('+32470123456');
    expect(el.validate()).to.deep.equal([{ path: '/signers/s1', code: 'no_field', message: 'Marie Dupont n’a aucun emplacement de signature : placez-en un sur le document.' }]);
  });

  it('accepts a US number with the United States picked', async () => {
    const { el, draft } = await onePhone('United States', 'en');
    expect(field(el, 'country').value).to.equal('US');
    await typeInto(el, field(el, 'phone'), '2015550123');
    await leave(el);
    expect(field(el, 'phone').value).to.equal('(201) 555-0123');
    expect(errorOf(el, field(el, 'phone'))).to.equal('');
    expect(draft.signers[0].phone).to.equal('+12015550123');
  });

  it('says a number is invalid for the chosen country, and re-reads it when the country changes', async () => {
    const { el, draft } = await onePhone();
    await typeInto(el, field(el, 'phone'), '0470 12 34');
    await leave(el);
    expect(errorOf(el, field(el, 'phone'))).to.equal('Numéro invalide pour le pays choisi\u202f: vérifiez les chiffres, ou choisissez dans la liste le pays du numéro.');
    const select = field(el, 'country');
    select.value = 'BE';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(field(el, 'phone').value).to.equal('0470 12 34', 're-grouped the Belgian way');
    expect(draft.signers[0].phone).to.equal('+32 0470 12 34', 'half a Belgian number stays Belgian for submit()');
    await typeInto(el, field(el, 'phone'), '56');
    expect(draft.signers[0].phone).to.equal('+32470123456');
    expect(errorOf(el, field(el, 'phone'))).to.equal('');
  });

  it('shows a phone set from outside in national form with its country picked', async () => {
    const draft = new Draft();
    draft.setSigners([{ ...marie, phone: '+32470123456' }]);
    const { el } = await mount({ draft });
    expect(field(el, 'phone').value).to.equal('0470 12 34 56');
    expect(field(el, 'country').value).to.equal('BE');
  });
});

describe('<jse-signers-panel> — errors on submit and from the proxy', () => {
  it('showAllErrors() shows every problem with SPEC §3 paths and focuses the first', async () => {
    const draft = new Draft();
    draft.setSigners([{ id: 'a/b', email: '', firstName: '', lastName: '', phone: '' }]);
    const { el } = await mount({ draft });
    const problems = el.showAllErrors();
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    expect(problems.map((p) => `${p.path} ${p.code}`)).to.deep.equal([
      '/signers/a~1b/email required',
      '/signers/a~1b/firstName required',
      '/signers/a~1b/lastName required',
      '/signers/a~1b/phone required',
      '/signers/a~1b no_field',
    ]);
    expect(errorOf(el, field(el, 'email'))).to.equal('Saisissez l’adresse e-mail.');
    expect(errorOf(el, field(el, 'phone'))).to.contain('Saisissez le numéro de mobile');
    expect($(el, 'fieldset').textContent).to.contain('Signataire 1 n’a aucun emplacement de signature');
    expect(el.shadowRoot!.activeElement).to.equal(field(el, 'email'));
  });

  it('says there is no signer on submit', async () => {
    const { el } = await mount();
    expect(el.showAllErrors()).to.deep.equal([{ path: '/signers', code: 'required', message: 'Ajoutez au moins un signataire.' }]);
    await el.updateComplete;
    expect($(el, '#signers-error').textContent).to.equal('Ajoutez au moins un signataire.');
  });

  it('shows a proxy problem on the field its path names, until that field is edited', async () => {
    const draft = new Draft();
    draft.setSigners([marie, paul]);
    const { el } = await mount({ draft });
    el.problems = [{ path: '/signers/s2/phone', code: 'not_mobile', message: 'Le fournisseur refuse ce numéro.' }];
    await el.updateComplete;
    expect(errorOf(el, field(el, 'phone', 1))).to.equal('Le fournisseur refuse ce numéro.');
    expect(errorOf(el, field(el, 'phone', 0))).to.equal('');
    await typeInto(el, field(el, 'phone', 1), '1');
    expect(errorOf(el, field(el, 'phone', 1))).to.equal('');
  });
});

describe('<jse-signers-panel> — people: me, contacts, recent', () => {
  const me: Person = { email: 'lea.roux@cabinet.fr', firstName: 'Léa', lastName: 'Roux', phone: '06 11 22 33 44' };

  it('"Ajouter moi-même" fills a row with the current user, once', async () => {
    const { el, draft } = await mount({ me });
    await click(el, $(el, 'button.add-me'));
    expect(draft.signers.map(({ id: _id, ...s }) => s)).to.deep.equal([
      { email: 'lea.roux@cabinet.fr', firstName: 'Léa', lastName: 'Roux', phone: '+33611223344' },
    ]);
    expect(field(el, 'phone').value).to.equal('06 11 22 33 44');
    expect($<HTMLButtonElement>(el, 'button.add-me').disabled).to.equal(true);
  });

  it('"Ajouter moi-même" fills the empty row a placed field created instead of adding one', async () => {
    const draft = new Draft();
    const empty = draft.addSigner();
    draft.addField({ signerId: empty.id, page: 1, x: 0, y: 0, width: 180, height: 60 });
    const { el } = await mount({ draft, me });
    await click(el, $(el, 'button.add-me'));
    expect(draft.signers).to.have.length(1);
    expect(draft.signers[0]).to.deep.include({ id: empty.id, email: 'lea.roux@cabinet.fr' });
    expect(draft.fieldCount(empty.id)).to.equal(1);
  });

  it('offers no "Ajouter moi-même" without a user', async () => {
    const { el } = await mount();
    expect(el.shadowRoot!.querySelector('button.add-me')).to.equal(null);
  });

  const people: Person[] = [
    { email: 'zoe.lefevre@exemple.fr', firstName: 'Zoé', lastName: 'Lefèvre', phone: '+33687654321' },
    { email: 'marc.durand@exemple.fr', firstName: 'Marc', lastName: 'Durand', phone: '0692 11 22 33' },
  ];

  it('suggests contacts from an array; a pick fills all four fields', async () => {
    const { el, draft } = await mount({ contacts: people });
    await typeInto(el, $(el, '#search'), 'zoe');
    const options = $$(el, '[role="option"]');
    expect(options.map((o) => o.textContent.replace(/\s+/g, ' ').trim())).to.deep.equal(['Zoé Lefèvre zoe.lefevre@exemple.fr']);
    expect($(el, '#search').getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect($(el, '#search').getAttribute('aria-activedescendant')).to.equal(options[0].id);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(draft.signers.map(({ id: _id, ...s }) => s)).to.deep.equal([
      { email: 'zoe.lefevre@exemple.fr', firstName: 'Zoé', lastName: 'Lefèvre', phone: '+33687654321' },
    ]);
    expect(field(el, 'firstName').value).to.equal('Zoé');
    expect(field(el, 'phone').value).to.equal('06 87 65 43 21');
    // Already a signer: no longer suggested.
    await typeInto(el, $(el, '#search'), 'e');
    expect($$(el, '[role="option"]').map((o) => o.querySelector('.email')!.textContent)).to.deep.equal(['marc.durand@exemple.fr']);
  });

  it('asks an async contacts search with what was typed, shows only the latest answer, picks by click', async () => {
    const asked: string[] = [];
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    let stale: Promise<Person[]> | undefined;
    const contacts = (query: string): Promise<Person[]> => {
      asked.push(query);
      if (query === 'ma') {
        // An older, slower answer must not replace the newer one.
        stale = slow.then(() => [people[0]]);
        return stale;
      }
      return Promise.resolve(people.filter((p) => p.firstName.toLowerCase().startsWith(query.toLowerCase())));
    };
    const emails = () => $$(el, '[role="option"]').map((o) => o.querySelector('.email')!.textContent);
    const { el, draft } = await mount({ contacts });
    await typeInto(el, $(el, '#search'), 'ma');
    await until(() => asked.length === 1, 'the search for "ma"');
    await sendKeys({ type: 'r' });
    await until(() => asked.length === 2, 'the search for "mar"');
    await until(() => emails().join() === 'marc.durand@exemple.fr', 'the answer for "mar" shown');
    release();
    await stale;
    await new Promise((r) => setTimeout(r)); // the panel's own continuation of that answer runs first
    await el.updateComplete;
    expect(asked).to.deep.equal(['ma', 'mar']);
    const options = $$(el, '[role="option"]');
    expect(options.map((o) => o.querySelector('.email')!.textContent)).to.deep.equal(['marc.durand@exemple.fr']);
    await click(el, options[0]);
    expect(draft.signers.map(({ id: _id, ...s }) => s)).to.deep.equal([
      { email: 'marc.durand@exemple.fr', firstName: 'Marc', lastName: 'Durand', phone: '+262692112233' },
    ]);
  });

  it('says when the async contacts search fails', async () => {
    const { el } = await mount({ contacts: () => Promise.reject(new Error('down')) });
    await typeInto(el, $(el, '#search'), 'zo');
    await until(() => $(el, '.search [role="status"]').textContent === 'La recherche de contacts a échoué.', 'the failure said');
  });

  it('suggests recently used signers (from this tab’s session) first', async () => {
    const recents = recentSigners(memoryStorage());
    recents.remember([{ email: 'paul.martin@exemple.fr', firstName: 'Paul', lastName: 'Martin', phone: '+33698765432' }]);
    const { el, draft } = await mount({ recents, contacts: people });
    $(el, '#search').focus();
    await el.updateComplete;
    const options = $$(el, '[role="option"]');
    expect(options.map((o) => o.querySelector('.email')!.textContent)).to.deep.equal([
      'paul.martin@exemple.fr',
      'zoe.lefevre@exemple.fr',
      'marc.durand@exemple.fr',
    ]);
    expect(options[0].textContent).to.contain('(récent)');
    await click(el, options[0]);
    expect(draft.signers[0]).to.deep.include({ email: 'paul.martin@exemple.fr', phone: '+33698765432' });
  });
});

describe('<jse-signers-panel> — removing', () => {
  async function twoWithFields() {
    const draft = new Draft();
    draft.setSigners([marie, paul]);
    draft.addField({ signerId: 's1', page: 1, x: 10, y: 10, width: 180, height: 60 });
    draft.addField({ signerId: 's1', page: 2, x: 10, y: 10, width: 180, height: 60 });
    draft.addField({ signerId: 's2', page: 1, x: 10, y: 100, width: 180, height: 60 });
    const { el } = await mount({ draft });
    return { el, draft };
  }

  it('removes a signer without fields at once', async () => {
    const draft = new Draft();
    draft.setSigners([marie, paul]);
    const { el } = await mount({ draft });
    await click(el, $$(el, 'button.remove')[0]);
    expect(draft.signers.map((s) => s.id)).to.deep.equal(['s2']);
    expect(el.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
  });

  it('asks first when the signer has fields; "delete" removes them with the signer', async () => {
    const { el, draft } = await twoWithFields();
    await click(el, $$(el, 'button.remove')[0]);
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain('Retirer Marie Dupont ?');
    expect(dialog.textContent).to.contain('Marie Dupont a 2 emplacements de signature sur le document.');
    await click(el, $(el, 'dialog button.delete'));
    expect(draft.signers.map((s) => s.id)).to.deep.equal(['s2']);
    expect(draft.fields.map((f) => f.signerId)).to.deep.equal(['s2']);
    expect(dialog.open).to.equal(false);
  });

  it('"reassign" gives the fields to the chosen signer', async () => {
    const { el, draft } = await twoWithFields();
    await click(el, $$(el, 'button.remove')[0]);
    expect($<HTMLSelectElement>(el, '#reassign-to').value).to.equal('s2');
    await click(el, $(el, 'dialog button.reassign'));
    expect(draft.signers.map((s) => s.id)).to.deep.equal(['s2']);
    expect(draft.fields.map((f) => f.signerId)).to.deep.equal(['s2', 's2', 's2']);
  });

  it('"cancel" (or Escape) keeps everything', async () => {
    const { el, draft } = await twoWithFields();
    await click(el, $$(el, 'button.remove')[0]);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog').open).to.equal(false);
    expect(draft.signers).to.have.length(2);
    expect(draft.fields).to.have.length(3);
  });
});

describe('<jse-signers-panel> — untrusted text', () => {
  const payloads = [
    '<script>window.__xss = 1</script>',
    '<img src=x onerror="window.__xss = 2">',
    '<svg onload="window.__xss = 3"></svg>',
    '"><img src=x onerror=window.__xss=4>',
    "'><iframe src=\"javascript:window.parent.__xss=5\"></iframe>",
    '<a href="javascript:window.__xss=6">x</a>',
    '{{constructor.constructor("window.__xss=7")()}}',
    '${window.__xss=8}',
    '<style>*{display:none}</style>',
    'Zoé 🖋️ <b>gras</b> &amp; « guillemets »',
  ];

  it('shows markup and script in names as text; nothing runs', async () => {
    (window as unknown as { __xss?: number }).__xss = undefined;
    const draft = new Draft();
    draft.setSigners(payloads.map((p, i) => ({ id: `x${i}`, email: `x${i}@exemple.fr`, firstName: p, lastName: p, phone: '' })));
    const contacts = payloads.map((p, i) => ({ email: `c${i}@exemple.fr`, firstName: p, lastName: 'C' }));
    const { el } = await mount({ draft, contacts });
    $(el, '#search').focus();
    await until(() => $$(el, '[role="option"]').length === 8, 'the contacts suggested');
    const legends = $$(el, 'legend .name-text').map((l) => l.textContent);
    expect(legends).to.deep.equal(payloads.map((p) => `${p} ${p}`));
    expect($$(el, 'li.signer').map((li) => field(el, 'firstName', $$(el, 'li.signer').indexOf(li)).value)).to.deep.equal(payloads);
    expect($$(el, '[role="option"] .who').map((o) => o.textContent.trim())).to.deep.equal(payloads.slice(0, 8).map((p) => `${p} C`));
    // No element came from the text: only the panel's own markup is there.
    expect(el.shadowRoot!.querySelectorAll('script, img, svg, iframe, a, b, style:not([data-lit])').length).to.equal(0);
    // The removal dialog names the signer as text too.
    draft.addField({ signerId: 'x1', page: 1, x: 0, y: 0, width: 180, height: 60 });
    await el.updateComplete;
    await click(el, $$(el, 'button.remove')[1]);
    expect($(el, '#confirm-title').textContent).to.equal(`Retirer ${payloads[1]} ${payloads[1]} ?`);
    expect($(el, '#confirm-title').children.length).to.equal(0);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('takes typed markup as text', async () => {
    (window as unknown as { __xss?: number }).__xss = undefined;
    const { el, draft } = await mount();
    draft.addSigner();
    await el.updateComplete;
    await typeInto(el, field(el, 'firstName'), '<img src=x onerror=window.__xss=9>');
    await leave(el);
    expect(draft.signers[0].firstName).to.equal('<img src=x onerror=window.__xss=9>');
    expect($(el, 'legend .name-text').textContent).to.equal('<img src=x onerror=window.__xss=9>');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    // Had an <img src=x> leaked, its error handler would have run before this one's.
    await new Promise((r) => Object.assign(new Image(), { onerror: r, src: 'x' }));
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });
});

describe('<jse-signers-panel> — accessibility and layout', () => {
  it('passes axe when empty', async () => {
    const { el } = await mount({ me: { email: 'a@b.fr', firstName: 'A', lastName: 'B' }, contacts: [] });
    await expect(el).to.be.accessible();
  });

  it('passes axe when filled, with suggestions open', async () => {
    const draft = new Draft();
    draft.setSigners([marie, paul]);
    draft.addField({ signerId: 's1', page: 1, x: 0, y: 0, width: 180, height: 60 });
    const { el } = await mount({ draft, contacts: [{ email: 'zoe@exemple.fr', firstName: 'Zoé', lastName: 'L' }] });
    $(el, '#search').focus();
    await el.updateComplete;
    expect($$(el, '[role="option"]')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('passes axe with errors shown, and with the removal dialog open', async () => {
    const draft = new Draft();
    draft.setSigners([{ ...marie, email: 'bad', phone: '0142685300' }, { id: 'e', email: '', firstName: '', lastName: '', phone: '' }]);
    draft.addField({ signerId: 's1', page: 1, x: 0, y: 0, width: 180, height: 60 });
    const { el } = await mount({ draft });
    el.showAllErrors();
    await el.updateComplete;
    expect($$(el, '.error').length).to.be.greaterThan(5);
    await expect(el).to.be.accessible();
    await click(el, $$(el, 'button.remove')[0]);
    expect($<HTMLDialogElement>(el, 'dialog').open).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('fits a 360 px wide panel without horizontal overflow, errors and long values included', async () => {
    const draft = new Draft();
    draft.setSigners([
      { ...marie, email: 'marie-christine.de-la-fontaine-dupont@cabinet-expertise-comptable-longue.fr', firstName: 'Marie-Christine-Alexandrine', lastName: 'De La Fontaine-Dupont-Montmorency' },
      { id: 'e', email: 'pas-une-adresse-mais-un-tres-long-texte-sans-espace-du-tout', firstName: '', lastName: '', phone: '0142685300' },
    ]);
    const { el } = await mount({ draft, width: 360, me: { email: 'a@b.fr', firstName: 'A', lastName: 'B' }, contacts: [] });
    el.showAllErrors();
    await el.updateComplete;
    const root = $(el, '[part="signers"]');
    expect(el.getBoundingClientRect().width).to.equal(360);
    expect(root.scrollWidth).to.be.at.most(root.clientWidth);
    const right = root.getBoundingClientRect().right;
    const overflowing = [...root.querySelectorAll('*')].filter((n) => n.getBoundingClientRect().right > right + 0.5 && !n.closest('dialog'));
    expect(overflowing.map((n) => n.outerHTML.slice(0, 60))).to.deep.equal([]);
  });
});
