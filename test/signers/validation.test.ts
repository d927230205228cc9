import { expect } from '@open-wc/testing';
import type { Signer } from '../../src/api/types.js';
import { Draft } from '../../src/draft/draft.js';
import {
  checkPhone,
  formatPhoneAsYouType,
  isValidEmail,
  personToSigner,
  phoneForDraft,
  phoneForInput,
  signerPath,
  toWireSigner,
  validateDraft,
  validateSigners,
} from '../../src/signers/validation.js';

const valid: Signer = { id: 's1', email: 'marie.dupont@cabinet.fr', firstName: 'Marie', lastName: 'Dupont', phone: '+33612345678' };
const one = (patch: Partial<Signer>): Signer[] => [{ ...valid, ...patch }];

describe('signers/validation — names', () => {
  it('requires a trimmed first and last name, with a message per field', () => {
    const problems = validateSigners(one({ firstName: '   ', lastName: '' }));
    expect(problems).to.deep.equal([
      { path: '/signers/s1/firstName', code: 'required', message: 'Saisissez le prénom.' },
      { path: '/signers/s1/lastName', code: 'required', message: 'Saisissez le nom.' },
    ]);
  });

  it('speaks English when asked', () => {
    const problems = validateSigners(one({ firstName: '' }), { lang: 'en' });
    expect(problems).to.deep.equal([{ path: '/signers/s1/firstName', code: 'required', message: 'Enter the first name.' }]);
  });

  it('sends names trimmed, markup and emoji untouched', () => {
    const wire = toWireSigner({ ...valid, firstName: '  <b>Zoé</b> 🖋 ', lastName: ' O’Brien\t' });
    expect(wire.firstName).to.equal('<b>Zoé</b> 🖋');
    expect(wire.lastName).to.equal('O’Brien');
  });
});

describe('signers/validation — e-mail', () => {
  it('requires an e-mail', () => {
    expect(validateSigners(one({ email: ' ' }))).to.deep.equal([
      { path: '/signers/s1/email', code: 'required', message: 'Saisissez l’adresse e-mail.' },
    ]);
  });

  for (const bad of ['marie', 'marie@', '@cabinet.fr', 'marie@cabinet', 'marie dupont@cabinet.fr', 'marie@@cabinet.fr', 'marie..d@cabinet.fr', '.marie@cabinet.fr', 'marie@cabinet..fr', 'marie@-cabinet.fr', 'marie@cabinet.f']) {
    it(`refuses ${JSON.stringify(bad)} as invalid_email`, () => {
      expect(validateSigners(one({ email: bad }))).to.deep.equal([
        { path: '/signers/s1/email', code: 'invalid_email', message: 'Adresse e-mail invalide (exemple : nom@cabinet.fr).' },
      ]);
    });
  }

  for (const good of ['a@b.fr', 'marie.dupont+ged@cabinet-expert.fr', ' x_y@sub.domaine.com ', 'jose@société.fr', "o'brien@firm.co.uk"]) {
    it(`accepts ${JSON.stringify(good)}`, () => expect(isValidEmail(good)).to.equal(true));
  }

  it('refuses a duplicate e-mail whatever its case, on the later signer only', () => {
    const signers: Signer[] = [
      valid,
      { ...valid, id: 's2', email: ' Marie.DUPONT@Cabinet.fr ', phone: '+33698765432' },
      { ...valid, id: 's3', email: 'marie.dupont@cabinet.fr', phone: '+33611111111' },
    ];
    expect(validateSigners(signers)).to.deep.equal([
      { path: '/signers/s2/email', code: 'duplicate_email', message: 'Cette adresse e-mail est déjà celle d’un autre signataire.' },
      { path: '/signers/s3/email', code: 'duplicate_email', message: 'Cette adresse e-mail est déjà celle d’un autre signataire.' },
    ]);
  });

  it('sends the e-mail trimmed', () => expect(toWireSigner({ ...valid, email: '  a@b.fr ' }).email).to.equal('a@b.fr'));
});

describe('signers/validation — phone', () => {
  it('requires the mobile number, saying why', () => {
    expect(validateSigners(one({ phone: '' }))).to.deep.equal([
      {
        path: '/signers/s1/phone',
        code: 'required',
        message: 'Saisissez le numéro de mobile : il reçoit le code SMS qui confirme l’identité du signataire.',
      },
    ]);
  });

  it('refuses a French landline (01 …) as not_mobile', () => {
    expect(checkPhone('01 42 68 53 00')).to.deep.include({ ok: false, code: 'not_mobile', e164: '+33142685300' });
    expect(validateSigners(one({ phone: '01 42 68 53 00' }))).to.deep.equal([
      {
        path: '/signers/s1/phone',
        code: 'not_mobile',
        message: 'Ce numéro n’est pas un mobile : le signataire doit recevoir un code par SMS.',
      },
    ]);
  });

  it('reads a French mobile typed without +33 and sends its E.164', () => {
    const check = checkPhone('06 12 34 56 78');
    expect(check).to.deep.include({ ok: true, e164: '+33612345678', country: 'FR', type: 'MOBILE' });
    expect(validateSigners(one({ phone: '06 12 34 56 78' }))).to.deep.equal([]);
    expect(toWireSigner({ ...valid, phone: '06.12.34.56.78' }).phone).to.equal('+33612345678');
    expect(checkPhone('07 52 34 56 78')).to.deep.include({ ok: true, e164: '+33752345678' });
  });

  it('resolves a Réunion mobile typed 0692… with the France picker to +262', () => {
    const check = checkPhone('0692 12 34 56', 'FR');
    expect(check).to.deep.include({ ok: true, e164: '+262692123456', country: 'RE', type: 'MOBILE' });
    expect(toWireSigner({ ...valid, phone: '0692123456' }).phone).to.equal('+262692123456');
  });

  const overseas: [string, string, string][] = [
    ['0690 00 12 34', '+590690001234', 'GP'],
    ['0694 20 12 34', '+594694201234', 'GF'],
    ['0696 20 12 34', '+596696201234', 'MQ'],
    ['0639 01 23 45', '+262639012345', 'YT'],
    ['055 12 34', '+508551234', 'PM'],
  ];
  for (const [typed, e164, country] of overseas) {
    it(`resolves ${typed} with the France picker to ${country} (${e164})`, () => {
      expect(checkPhone(typed, 'FR')).to.deep.include({ ok: true, e164, country });
    });
  }

  it('keeps the picked territory among those sharing +590 (Saint-Martin, Saint-Barthélemy)', () => {
    expect(checkPhone('0690 00 12 34', 'MF')).to.deep.include({ ok: true, e164: '+590690001234', country: 'MF' });
    expect(checkPhone('0690 00 12 34', 'BL')).to.deep.include({ ok: true, e164: '+590690001234', country: 'BL' });
  });

  it('reads a metropolitan mobile even when an overseas territory is picked', () => {
    expect(checkPhone('06 12 34 56 78', 'RE')).to.deep.include({ ok: true, e164: '+33612345678', country: 'FR' });
  });

  it('refuses a Réunion landline (0262 …) as not_mobile, not as invalid', () => {
    expect(checkPhone('0262 12 34 56', 'FR')).to.deep.include({ ok: false, code: 'not_mobile', e164: '+262262123456' });
  });

  it('reads a Belgian mobile typed in national form with the Belgium picker', () => {
    expect(checkPhone('0470 12 34 56', 'BE')).to.deep.include({ ok: true, e164: '+32470123456', country: 'BE', type: 'MOBILE' });
    // The same digits with the France picker are a French landline (04 …): the picker matters.
    expect(checkPhone('0470 12 34 56', 'FR')).to.deep.include({ ok: false, code: 'not_mobile', e164: '+33470123456' });
    // The draft keeps the country picked with the signer: validation and the wire read it there.
    expect(validateSigners([{ ...one({ phone: '0470 12 34 56' })[0], phoneCountry: 'BE' }])).to.deep.equal([]);
    expect(validateSigners(one({ phone: '0470 12 34 56' }))[0]).to.deep.include({ code: 'not_mobile' });
    expect(toWireSigner({ ...valid, phone: '0470123456', phoneCountry: 'BE' })).to.deep.equal({ ...valid, phone: '+32470123456' });
    // A country the metadata does not know reads as France rather than failing.
    expect(toWireSigner({ ...valid, phone: '0612345678', phoneCountry: 'ZZ' }).phone).to.equal('+33612345678');
  });

  it('reads an international form whatever the picker says', () => {
    expect(checkPhone('+32 470 12 34 56', 'FR')).to.deep.include({ ok: true, e164: '+32470123456', country: 'BE' });
    expect(checkPhone('0032 470 12 34 56', 'FR')).to.deep.include({ ok: true, e164: '+32470123456' });
  });

  it('accepts a US number, which may be fixed or mobile (FIXED_LINE_OR_MOBILE)', () => {
    expect(checkPhone('(201) 555-0123', 'US')).to.deep.include({ ok: true, e164: '+12015550123', country: 'US', type: 'FIXED_LINE_OR_MOBILE' });
    expect(checkPhone('+1 201 555 0123')).to.deep.include({ ok: true, e164: '+12015550123' });
  });

  for (const bad of ['12', '06 12 34', '06 12 34 56 78 9', 'abc', '+33 6 92 12 34 56', '06 12 34 56 78 poste 12', '+999 123 456']) {
    it(`refuses ${JSON.stringify(bad)} as invalid_phone`, () => {
      expect(validateSigners(one({ phone: bad }))).to.deep.equal([
        { path: '/signers/s1/phone', code: 'invalid_phone', message: 'Numéro invalide pour le pays choisi\u202f: vérifiez les chiffres, ou choisissez dans la liste le pays du numéro.' },
      ]);
    });
  }

  it('formats as the user types, in the picker country', () => {
    expect(formatPhoneAsYouType('0612', 'FR')).to.equal('06 12');
    expect(formatPhoneAsYouType('0612345678', 'FR')).to.equal('06 12 34 56 78');
    expect(formatPhoneAsYouType('0470123456', 'BE')).to.equal('0470 12 34 56');
    expect(formatPhoneAsYouType('+262692123456', 'FR')).to.equal('+262 692 12 34 56');
    expect(formatPhoneAsYouType('', 'FR')).to.equal('');
  });

  it('stores E.164 in the draft once parsed; keeps a national text with its country otherwise', () => {
    expect(phoneForDraft('06 12 34 56 78', 'FR')).to.equal('+33612345678');
    expect(phoneForDraft('0470 12 34 56', 'BE')).to.equal('+32470123456');
    expect(phoneForDraft('06 12', 'FR')).to.equal('06 12');
    // Half a Belgian number stays Belgian for submit(), which only sees the draft.
    expect(phoneForDraft('0470 12', 'BE')).to.equal('+32 0470 12');
    expect(checkPhone(phoneForDraft('0612345678', 'BE'))).to.deep.include({ ok: false, code: 'invalid_phone' });
    expect(phoneForDraft('  ', 'FR')).to.equal('');
  });

  it('shows a stored E.164 in national form with its country in the picker', () => {
    expect(phoneForInput('+32470123456')).to.deep.equal({ text: '0470 12 34 56', country: 'BE' });
    expect(phoneForInput('+262692123456')).to.deep.equal({ text: '0692 12 34 56', country: 'RE' });
    expect(phoneForInput('')).to.deep.equal({ text: '', country: 'FR' });
    expect(phoneForInput('06 1')).to.deep.equal({ text: '06 1', country: 'FR' });
  });
});

describe('signers/validation — paths and the draft', () => {
  it('escapes ids in JSON Pointers (RFC 6901)', () => {
    expect(signerPath('a/b~c', 'email')).to.equal('/signers/a~1b~0c/email');
    expect(signerPath('s2')).to.equal('/signers/s2');
  });

  it('uses the proxy’s path for every field, so a 422 lands on the same input', () => {
    const problems = validateSigners([{ id: 's2', email: '', firstName: '', lastName: '', phone: '' }]);
    expect(problems.map((p) => `${p.path} ${p.code}`)).to.deep.equal([
      '/signers/s2/email required',
      '/signers/s2/firstName required',
      '/signers/s2/lastName required',
      '/signers/s2/phone required',
    ]);
  });

  it('blocks a draft without signers', () => {
    expect(validateDraft(new Draft())).to.deep.equal([{ path: '/signers', code: 'required', message: 'Ajoutez au moins un signataire.' }]);
  });

  it('blocks a signer without a field, naming them', () => {
    const draft = new Draft();
    const a = draft.addSigner({ ...valid, id: 'a' });
    const b = draft.addSigner({ ...valid, id: 'b', email: 'paul@cabinet.fr', firstName: 'Paul', lastName: 'Martin', phone: '+33698765432' });
    draft.addField({ signerId: a.id, page: 1, x: 10, y: 10, width: 180, height: 60 });
    expect(validateDraft(draft)).to.deep.equal([
      { path: '/signers/b', code: 'no_field', message: 'Paul Martin n’a aucun emplacement de signature : placez-en un sur le document.' },
    ]);
    draft.addField({ signerId: b.id, page: 1, x: 10, y: 100, width: 180, height: 60 });
    expect(validateDraft(draft)).to.deep.equal([]);
  });

  it('turns a person (me, contacts) into draft values with an E.164 phone', () => {
    expect(personToSigner({ email: ' moi@cabinet.fr ', firstName: ' Léa ', lastName: 'Roux', phone: '06 12 34 56 78' })).to.deep.equal({
      email: 'moi@cabinet.fr',
      firstName: 'Léa',
      lastName: 'Roux',
      phone: '+33612345678',
    });
    expect(personToSigner({ email: 'x@y.fr', firstName: 'X', lastName: 'Y' }).phone).to.equal('');
  });
});
