/**
 * The pure parts of several documents, order and deadline (SPEC §10): the deadline's days and
 * bounds, the set's payload and per-document checks, the draft's shown document, order and moves,
 * the switcher's keys and facts, the set's draft key.
 */
import { expect } from '@open-wc/testing';
import type { Field, Signer } from '../../src/api/types.js';
import { Draft, DraftLockedError } from '../../src/draft/draft.js';
import { documentKey, documentSetKey } from '../../src/draft/persistence.js';
import { checkSources } from '../../src/documents/document-set-controller.js';
import { tabFacts, tabForKey } from '../../src/documents/views.js';
import { format } from '../../src/i18n/messages.js';
import { acceptableExpiry, dayAfter, deadlineBounds, defaultDeadline, expiresAtOf, isValidDeadline, shownDay } from '../../src/send/deadline.js';
import { preparePayloadSet, setPageProblems } from '../../src/send/payload.js';
import { confirmTitle } from '../../src/send/views.js';

const marie: Signer = { id: 's1', email: 'marie@example.fr', firstName: 'Marie', lastName: 'Dupont', phone: '+33612345678' };
const paul: Signer = { id: 's2', email: 'paul@example.fr', firstName: 'Paul', lastName: 'Durand', phone: '+33698765432' };
const A4 = { view: [0, 0, 595, 842] as [number, number, number, number], rotation: 0 };
const SMALL = { view: [0, 0, 200, 200] as [number, number, number, number], rotation: 0 };
const t = (key: Parameters<typeof format>[1], params?: Record<string, string | number>) => format('fr', key, params);

describe('deadline (pure)', () => {
  const now = new Date(2026, 11, 2, 15, 30); // 2 December 2026, afternoon

  it('defaults to 14 days, bounded by 1 and 90 days, across months and years', () => {
    expect(defaultDeadline(now)).to.equal('2026-12-16');
    expect(deadlineBounds(now)).to.deep.equal({ min: '2026-12-03', max: '2027-03-02' });
    expect(dayAfter(new Date(2026, 0, 31), 1)).to.equal('2026-02-01');
  });

  it('accepts 1 to 90 days, refuses today, 91 days, impossible dates and other forms', () => {
    expect(isValidDeadline('2026-12-03', now)).to.equal(true);
    expect(isValidDeadline('2027-03-02', now)).to.equal(true);
    expect(isValidDeadline('2026-12-02', now)).to.equal(false);
    expect(isValidDeadline('2027-03-03', now)).to.equal(false);
    expect(isValidDeadline('2027-02-30', now)).to.equal(false);
    expect(isValidDeadline('16/12/2026', now)).to.equal(false);
  });

  it('sends the end of the day picked, local time; the proxy accepts it from the day after to 90 days', () => {
    const at = expiresAtOf('2026-12-16');
    expect(new Date(at).getTime()).to.equal(new Date(2026, 11, 16, 23, 59, 59, 999).getTime());
    expect(shownDay('2026-12-16')).to.equal('16/12/2026');
    expect(acceptableExpiry(expiresAtOf(dayAfter(now, 1)), now.getTime())).to.equal(true);
    expect(acceptableExpiry(expiresAtOf(dayAfter(now, 90)), now.getTime())).to.equal(true);
    expect(acceptableExpiry(new Date(now.getTime() + 3600_000).toISOString(), now.getTime())).to.equal(false);
    expect(acceptableExpiry(expiresAtOf(dayAfter(now, 92)), now.getTime())).to.equal(false);
    expect(acceptableExpiry('soon', now.getTime())).to.equal(false);
  });
});

describe('the set’s payload and checks (pure)', () => {
  const fields: Field[] = [
    { signerId: 's1', page: 1, x: 10, y: 10, width: 100, height: 50 },
    { signerId: 's2', documentIndex: 1, page: 1, x: 10, y: 10, width: 100, height: 50 },
  ];
  const draft = { signers: [marie, paul], fields, message: '' };

  it('JSON when every document is a GED PDF; every field with its documentIndex; order and deadline', () => {
    const prepared = preparePayloadSet(
      draft,
      [
        { name: 'a.pdf', type: 'pdf', version: '"1"', documentId: 'g1' },
        { name: 'b.pdf', type: 'pdf', documentId: 'g2' },
      ],
      'fr',
      { signingOrder: 'sequential', expiresAt: '2026-12-16T22:59:59.999Z' },
    );
    expect(prepared.kind).to.equal('json');
    expect(prepared.payload).to.deep.include({ signingOrder: 'sequential', expiresAt: '2026-12-16T22:59:59.999Z' });
    expect(prepared.payload.documents).to.deep.equal([
      { id: 'g1', name: 'a.pdf', version: '"1"' },
      { id: 'g2', name: 'b.pdf', version: null },
    ]);
    expect(prepared.payload.fields.map((f) => f.documentIndex)).to.deep.equal([0, 1]);
  });

  it('uploads the whole set when one is an image or has no GED id (images named .pdf), parallel by default', () => {
    const prepared = preparePayloadSet(draft, [{ name: 'a.pdf', type: 'pdf', documentId: 'g1' }, { name: 'scan.jpg', type: 'image' }], 'en');
    expect(prepared.kind).to.equal('upload');
    expect(prepared.payload.documents).to.deep.equal([
      { name: 'a.pdf', version: null },
      { name: 'scan.pdf', version: null },
    ]);
    expect(prepared.payload.signingOrder).to.equal('parallel');
    expect(() => preparePayloadSet(draft, [], 'fr')).to.throw(TypeError);
  });

  it('checks each field against its own document’s pages, and names a document the set does not have', () => {
    const outside: Field = { signerId: 's2', documentIndex: 1, page: 1, x: 150, y: 150, width: 100, height: 50 };
    const gone: Field = { signerId: 's1', documentIndex: 2, page: 1, x: 10, y: 10, width: 100, height: 50 };
    const problems = setPageProblems([...fields, outside, gone], [[A4], [SMALL]], 'fr');
    expect(problems.map((p) => [p.path, p.code])).to.deep.equal([
      ['/fields/2', 'outside_page'],
      ['/fields/3/documentIndex', 'unknown_document'],
    ]);
    // The same field fits the A4 document: only its own document counts.
    expect(setPageProblems([{ ...outside, documentIndex: 0 }], [[A4], [SMALL]], 'fr')).to.deep.equal([]);
  });

  it('the confirmation: « Envoyer 3 documents à 2 signataires, dans l’ordre, avant le 16/12/2026 ? »', () => {
    expect(confirmTitle(t, { documents: ['a', 'b', 'c'], inOrder: true, date: '16/12/2026' }, 2)).to.equal('Envoyer 3 documents à 2 signataires, dans l’ordre, avant le 16/12/2026\u202f?');
    expect(confirmTitle(t, { documents: ['a'], inOrder: false, date: '16/12/2026' }, 1)).to.equal('Envoyer 1 document à 1 signataire, avant le 16/12/2026\u202f?');
    const en = (key: Parameters<typeof format>[1], params?: Record<string, string | number>) => format('en', key, params);
    expect(confirmTitle(en, { documents: ['a', 'b'], inOrder: true, date: '16/12/2026' }, 2)).to.equal('Send 2 documents to 2 signers, in order, by 16/12/2026?');
  });
});

describe('the draft of a set (pure)', () => {
  it('new fields go on the document shown; each document has its own fields', () => {
    const draft = new Draft();
    draft.setSigners([marie]);
    draft.addField({ signerId: 's1', page: 1, x: 0, y: 0, width: 10, height: 10 });
    draft.setShownDocument(2);
    draft.addField({ signerId: 's1', page: 1, x: 0, y: 0, width: 10, height: 10 });
    expect(draft.fields.map((f) => f.documentIndex ?? 0)).to.deep.equal([0, 2]);
    expect(draft.entriesOf(2)).to.have.length(1);
    expect(draft.entriesOf(0)).to.have.length(1);
    expect(draft.entriesOf(1)).to.have.length(0);
    expect(() => draft.setFields([{ signerId: 's1', documentIndex: -1, page: 1, x: 0, y: 0, width: 10, height: 10 }])).to.throw(TypeError);
  });

  it('moves signers within bounds; order and deadline are locked with the draft', () => {
    const draft = new Draft();
    draft.setSigners([marie, paul, { ...paul, id: 's3', email: 'x@example.fr' }]);
    draft.moveSigner('s1', 1);
    expect(draft.signers.map((s) => s.id)).to.deep.equal(['s2', 's1', 's3']);
    draft.moveSigner('s3', -5);
    expect(draft.signers.map((s) => s.id)).to.deep.equal(['s3', 's2', 's1']);
    draft.setSigningOrder('sequential');
    draft.setDeadline('2026-12-16');
    expect(() => draft.setDeadline('16/12/2026')).to.throw(TypeError);
    draft.setReadOnly(true);
    expect(() => draft.moveSigner('s1', -1)).to.throw(DraftLockedError);
    expect(() => draft.setSigningOrder('parallel')).to.throw(DraftLockedError);
    expect(() => draft.setDeadline(undefined)).to.throw(DraftLockedError);
  });
});

describe('the switcher and the set’s identity (pure)', () => {
  it('arrow keys wrap, Home and End jump, other keys do nothing', () => {
    expect(tabForKey('ArrowRight', 2, 3)).to.equal(0);
    expect(tabForKey('ArrowLeft', 0, 3)).to.equal(2);
    expect(tabForKey('ArrowDown', 0, 3)).to.equal(1);
    expect(tabForKey('Home', 2, 3)).to.equal(0);
    expect(tabForKey('End', 0, 3)).to.equal(2);
    expect(tabForKey('Enter', 0, 3)).to.equal(undefined);
  });

  it('each tab says its pages and fields', () => {
    expect(tabFacts(t, { name: 'a', pageCount: 3, fieldCount: 2 })).to.equal('3 pages · 2 champs');
    expect(tabFacts(t, { name: 'a', pageCount: 1, fieldCount: 0 })).to.equal('1 page · aucun champ');
    expect(tabFacts(t, { name: 'a', fieldCount: 1 })).to.equal('1 champ');
  });

  it('a set is known by its documents in order; one document keeps its own key', () => {
    const a = documentKey(undefined, '/files/a.pdf?X-Amz-Signature=1', 'https://ged.example.fr/');
    const b = documentKey('ged-2', '/files/b.pdf', 'https://ged.example.fr/');
    expect(documentSetKey([a])).to.equal(a);
    expect(documentSetKey([a, b])).to.not.equal(documentSetKey([b, a]));
    expect(documentSetKey([a, b])).to.equal(documentSetKey([documentKey(undefined, '/files/a.pdf?X-Amz-Signature=2', 'https://ged.example.fr/'), b]));
  });

  it('refuses a malformed documents list', () => {
    expect(() => checkSources('a.pdf')).to.throw(TypeError);
    expect(() => checkSources([{ name: 'x' }])).to.throw(TypeError);
    expect(checkSources([{ src: '/a.pdf', name: '' }])).to.deep.equal([{ src: '/a.pdf' }]);
  });
});
