import { expect } from '@open-wc/testing';
import type { Field, Signer } from '../../src/api/types.js';
import { preparePayload, problemsOf, uploadName } from '../../src/send/payload.js';

const marie: Signer = { id: 's1', email: ' marie.dupont@example.fr ', firstName: ' Marie ', lastName: 'Dupont ', phone: '06 12 34 56 78' };
const paul: Signer = { id: 's2', email: 'paul@example.fr', firstName: 'Paul', lastName: '<b>Durand</b> 🖋️', phone: '+32 470 12 34 56' };
const fields: Field[] = [
  { signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 },
  { signerId: 's2', page: 2, x: 50, y: 40, width: 60, height: 180 },
];
const pages = [
  { view: [0, 0, 595, 842] as const, rotation: 0 },
  { view: [0, 0, 595, 842] as const, rotation: 90 },
];

describe('send payload (pure)', () => {
  it('sends by id (JSON) a PDF with a document-id, with the version seen', () => {
    const prepared = preparePayload({ signers: [marie, paul], fields, message: '' }, { name: 'lettre.pdf', type: 'pdf', version: '"v7"' }, 'ged-42', 'fr');
    expect(prepared.kind).to.equal('json');
    expect(prepared.payload.document).to.deep.equal({ id: 'ged-42', name: 'lettre.pdf', version: '"v7"' });
    expect(prepared.payload.locale).to.equal('fr');
    expect('message' in prepared.payload).to.equal(false);
  });

  it('uploads without a document-id, and always for an image (named .pdf once converted)', () => {
    expect(preparePayload({ signers: [marie], fields, message: 'Bonjour' }, { name: 'a.pdf', type: 'pdf' }, undefined, 'en').kind).to.equal('upload');
    const image = preparePayload({ signers: [marie], fields, message: '' }, { name: 'scan.JPG', type: 'image' }, 'ged-1', 'fr');
    expect(image.kind).to.equal('upload');
    expect(image.payload.document).to.deep.equal({ name: 'scan.pdf', version: null });
    expect(uploadName({ name: 'facture', type: 'image' })).to.equal('facture.pdf');
  });

  it('trims names and e-mails, sends phones as E.164, keeps markup and emoji as data', () => {
    const { payload } = preparePayload({ signers: [marie, paul], fields, message: 'Merci' }, { name: 'a.pdf', type: 'pdf' }, undefined, 'fr');
    expect(payload.signers).to.deep.equal([
      { id: 's1', email: 'marie.dupont@example.fr', firstName: 'Marie', lastName: 'Dupont', phone: '+33612345678' },
      { id: 's2', email: 'paul@example.fr', firstName: 'Paul', lastName: '<b>Durand</b> 🖋️', phone: '+32470123456' },
    ]);
    expect(payload.fields).to.deep.equal(fields.map((f) => ({ ...f, kind: 'signature' })));
    expect(payload.message).to.equal('Merci');
  });

  it('lists what blocks sending: no signer, a signer without a field, a field outside its page', () => {
    expect(problemsOf({ signers: [], fields: [], message: '' }, pages, 'fr').map((p) => [p.path, p.code])).to.deep.equal([['/signers', 'required']]);
    const lonely = problemsOf({ signers: [marie, paul], fields: [fields[0]], message: '' }, pages, 'fr');
    expect(lonely.map((p) => [p.path, p.code])).to.deep.equal([['/signers/s2', 'no_field']]);
    const outside = problemsOf(
      { signers: [marie], fields: [{ signerId: 's1', page: 1, x: 500, y: 100, width: 180, height: 60 }], message: '' },
      pages,
      'en',
    );
    expect(outside.map((p) => [p.path, p.code])).to.deep.equal([['/fields/0', 'outside_page']]);
    expect(outside[0].message).to.contain('page 1');
  });
});
