/** The Idempotency-Key (SPEC §3): same identity and content → same key; any change → a new one. */
import { expect } from '@open-wc/testing';
import { canonicalJson, idempotencyKey, sha256Hex } from '../../src/api/idempotency.js';
import type { CreateRequestPart } from '../../src/api/types.js';
import { FIELD, SIGNER } from './helpers.js';

const PAYLOAD: CreateRequestPart = { document: { name: 'Contrat.pdf', version: '"v1"' }, signers: [SIGNER], fields: [FIELD], message: 'Bonjour', locale: 'fr' };
const FILE = new Uint8Array([37, 80, 68, 70, 1, 2, 3, 4]);
const ID = { draftId: 'draft-1' };

describe('api idempotency key', () => {
  it('is the hex SHA-256 (known vector)', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('canonical JSON sorts keys at every level, keeps array order, drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined, x: 0 }], c: null } })).to.equal('{"a":{"c":null,"d":[2,{"x":0,"z":1}]},"b":1}');
    expect(() => canonicalJson({ n: Number.NaN })).to.throw(TypeError);
  });

  it('the same content gives the same key, whatever the property order or the number of tries', async () => {
    const first = await idempotencyKey(ID, { payload: PAYLOAD, file: new Blob([FILE]) });
    const reordered: CreateRequestPart = {
      locale: 'fr',
      message: 'Bonjour',
      fields: [{ height: 60, width: 180, y: 96, x: 360, page: 1, signerId: 's1' }],
      signers: [{ phone: SIGNER.phone, lastName: SIGNER.lastName, firstName: SIGNER.firstName, email: SIGNER.email, id: 's1' }],
      document: { version: '"v1"', name: 'Contrat.pdf' },
    };
    expect(first).to.match(/^[0-9a-f]{64}$/);
    expect(await idempotencyKey(ID, { payload: PAYLOAD, file: new Blob([FILE]) })).to.equal(first);
    expect(await idempotencyKey({ ...ID }, { payload: reordered, file: FILE })).to.equal(first);
  });

  it('any change of content, file or identity gives a new key', async () => {
    const base = await idempotencyKey(ID, { payload: PAYLOAD, file: FILE });
    const variants = await Promise.all([
      idempotencyKey(ID, { payload: { ...PAYLOAD, signers: [{ ...SIGNER, phone: '+33698765432' }] }, file: FILE }),
      idempotencyKey(ID, { payload: { ...PAYLOAD, fields: [{ ...FIELD, x: 361 }] }, file: FILE }),
      idempotencyKey(ID, { payload: { ...PAYLOAD, message: 'Bonjour.' }, file: FILE }),
      idempotencyKey(ID, { payload: { ...PAYLOAD, signers: [SIGNER, { ...SIGNER, id: 's2', email: 'b@example.fr' }] }, file: FILE }),
      idempotencyKey(ID, { payload: PAYLOAD, file: new Uint8Array([...FILE.slice(0, 7), 5]) }),
      idempotencyKey(ID, { payload: PAYLOAD }),
      idempotencyKey({ draftId: 'draft-2' }, { payload: PAYLOAD, file: FILE }),
      idempotencyKey({ ...ID, documentId: 'ged-1' }, { payload: PAYLOAD, file: FILE }),
      idempotencyKey({ ...ID, documentVersion: '"v2"' }, { payload: PAYLOAD, file: FILE }),
    ]);
    expect(new Set([base, ...variants]).size).to.equal(variants.length + 1);
  });
});
