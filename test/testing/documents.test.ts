/**
 * Several documents in one request, in order, by a deadline (SPEC §10), against the sandbox with
 * the project's own client: one POST (one Idempotency-Key, under faults), one invitation and one
 * SMS code per signer for the whole set, sequential invitations, each document stamped where its
 * fields are (rendered with pdf.js), the signed copies per document, expiry on the sandbox's clock,
 * and a bad document refused by its name with nothing created.
 */
import { expect } from '@open-wc/testing';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { ProxyClient } from '../../src/api/client.js';
import { JseError } from '../../src/api/errors.js';
import type { CreateRequestPartSet, Field } from '../../src/api/types.js';
import { imageToPdf } from '../../src/document/image-to-pdf.js';
import { createSandbox, JourneyError, type Sandbox } from '../../src/testing/index.js';
import { expiresAtOf, dayAfter } from '../../src/send/deadline.js';
import { makePdf } from '../helpers/documents.js';
import { useInstalledPdfJs } from '../helpers/element.js';
import { canvasImage } from '../document/images.js';
import { SCALE, diffInk, render, withPage } from './ink.js';
import { damagedPdf, drawnSignature, encryptedPdf, LEA, PAUL } from './helpers.js';

const DAY = 24 * 3600_000;

let worker: SetupWorker;
let sandbox: Sandbox;
let client: ProxyClient;
let signature: Blob;

before(async () => {
  useInstalledPdfJs();
  worker = setupWorker();
  await worker.start({ onUnhandledFrame: 'bypass', quiet: true });
  signature = await drawnSignature();
});

after(async () => {
  await worker.stop();
});

beforeEach(async () => {
  sandbox = createSandbox({ proxyUrl: '/proxy', tokenEndpoint: '/token' });
  await sandbox.start(worker);
  client = new ProxyClient({ tokenEndpoint: sandbox.tokenEndpoint, sleep: () => Promise.resolve(), random: () => 0 });
});

afterEach(async () => {
  await sandbox.stop();
});

async function caught(promise: Promise<unknown>): Promise<JseError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof JseError) return error;
    throw error;
  }
  throw new Error('did not fail');
}

interface Doc {
  name: string;
  bytes: Uint8Array;
}

/** The three documents of the done-when case: a lettre de mission, a rotated mandat, an image made a PDF. */
async function threeDocuments(): Promise<Doc[]> {
  const lettre = await makePdf([{ label: 'Lettre p1' }, { label: 'Lettre p2' }]);
  const mandat = await makePdf([{ rotate: 90, label: 'Mandat (rotated)' }]);
  const photo = await imageToPdf(await canvasImage(800, 600, 'image/png'), 'png', 'CGV');
  return [
    { name: 'Lettre de mission.pdf', bytes: lettre },
    { name: 'Mandat SEPA.pdf', bytes: mandat },
    { name: 'CGV.pdf', bytes: photo },
  ];
}

/** A field on document `documentIndex`, in the page's user space (inside any of these pages). */
function field(signerId: string, documentIndex: number, page: number, x: number, y: number): Field {
  return { signerId, documentIndex, page, x, y, width: 150, height: 50 };
}

const FIELDS: Field[] = [
  field('s1', 0, 2, 60, 100),
  field('s2', 0, 2, 350, 100),
  field('s1', 1, 1, 100, 300), // on the rotated page: a user-space rectangle, seen sideways
  field('s2', 2, 1, 100, 120),
];

function payload(docs: Doc[], overrides: Partial<CreateRequestPartSet> = {}): CreateRequestPartSet {
  return {
    signers: [PAUL, LEA],
    fields: FIELDS,
    locale: 'fr',
    signingOrder: 'sequential',
    expiresAt: expiresAtOf(dayAfter(new Date(sandbox.state.now()), 14)),
    documents: docs.map((d) => ({ name: d.name, version: null })),
    ...overrides,
  };
}

const files = (docs: Doc[]) => docs.map((d) => new Blob([d.bytes as BlobPart], { type: 'application/pdf' }));

/** The stamp's ink lies inside the field on the rendered page (1 pt of tolerance). */
async function expectInkInField(before: Uint8Array, after: Uint8Array, f: Field, what: string): Promise<void> {
  const [a, b] = [await withPage(before, f.page, render), await withPage(after, f.page, render)];
  const found = diffInk(a, b);
  expect(found, `${what}: ink on page ${f.page}`).to.not.equal(null);
  await withPage(after, f.page, (page) => {
    const viewport = page.getViewport({ scale: SCALE });
    const [ax, ay] = viewport.convertToViewportPoint(f.x, f.y) as [number, number];
    const [bx, by] = viewport.convertToViewportPoint(f.x + f.width, f.y + f.height) as [number, number];
    const r = { x: Math.min(ax, bx), y: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
    const { box } = found!;
    const tol = SCALE + 1;
    expect(box.x, `${what}: left`).to.be.at.least(r.x - tol);
    expect(box.y, `${what}: top`).to.be.at.least(r.y - tol);
    expect(box.x + box.width, `${what}: right`).to.be.at.most(r.x + r.width + tol);
    expect(box.y + box.height, `${what}: bottom`).to.be.at.most(r.y + r.height + tol);
  });
}

describe('several documents, one request (SPEC §10)', () => {
  it('three documents (one rotated, one image) to two signers in order: one POST under faults, sequential invitations, each stamped', async () => {
    const docs = await threeDocuments();
    sandbox.faults.dropConnection('create', { afterProcessing: true, times: 2 });
    const request = await client.createRequest(payload(docs), { idempotencyKey: 'k-set-1', files: files(docs) });

    // One request, one key, whatever the retries.
    expect(sandbox.state.requests.size).to.equal(1);
    const creates = sandbox.calls.filter((c) => c.route === 'create');
    expect(creates.map((c) => c.status)).to.deep.equal(['network-error', 'network-error', 201]);
    expect(new Set(creates.map((c) => c.idempotencyKey))).to.deep.equal(new Set(['k-set-1']));
    expect(request.documents!.map((d) => d.name)).to.deep.equal(['Lettre de mission.pdf', 'Mandat SEPA.pdf', 'CGV.pdf']);
    expect(request.signingOrder).to.equal('sequential');
    const stored = sandbox.state.getRequest(request.id)!;
    for (const [i, d] of stored.documents.entries()) expect(d.original, `document ${i} as uploaded`).to.deep.equal(docs[i].bytes);

    // Only the first signer is invited; the second cannot open anything yet.
    expect(sandbox.journey.invitations(PAUL.email)).to.have.length(1);
    expect(sandbox.journey.invitations(LEA.email)).to.have.length(0);
    expect(() => sandbox.journey.open(LEA.email)).to.throw(JourneyError);
    const invitation = sandbox.journey.invitations(PAUL.email)[0];
    for (const d of docs) expect(invitation.text).to.contain(d.name);
    expect(invitation.text).to.contain('3 documents');

    const afterFirstSigner = new Map<number, Uint8Array>();
    sandbox.state.subscribe(() => {
      const now = sandbox.state.requests.get(request.id)!;
      if (afterFirstSigner.size === 0 && now.signers.filter((s) => s.status === 'signed').length === 1) {
        now.documents.forEach((d, i) => afterFirstSigner.set(i, d.current));
      }
    });

    // Paul: one code for all three documents, one signature stamped on each of his fields.
    const paul = sandbox.journey.open(PAUL.email);
    expect(paul.documents.map((d) => d.name)).to.deep.equal(docs.map((d) => d.name));
    const code = paul.acceptDocument();
    paul.enterCode(code.code);
    await paul.drawSignature(signature);
    paul.acceptTerms({ termsOfUse: true, dataProtection: true });
    const afterPaul = await paul.sign();
    expect(afterPaul.status).to.equal('pending');
    expect(afterPaul.signers.map((s) => s.status)).to.deep.equal(['signed', 'waiting']);

    // Now, and only now, Léa is invited.
    expect(sandbox.journey.invitations(LEA.email)).to.have.length(1);
    await sandbox.journey.signAs(LEA.email, signature);

    expect(sandbox.journey.invitations(PAUL.email), 'one invitation for Paul').to.have.length(1);
    expect(sandbox.journey.invitations(LEA.email), 'one invitation for Léa').to.have.length(1);
    expect(sandbox.state.smsTo(PAUL.phone), 'one code for Paul').to.have.length(1);
    expect(sandbox.state.smsTo(LEA.phone), 'one code for Léa').to.have.length(1);

    // Signed: three documents, each with ink where placed.
    const { request: signed } = (await client.getRequest(request.id)) as { request: typeof request };
    expect(signed.status).to.equal('signed');
    expect(signed.documents).to.have.length(3);
    for (const [i, doc] of docs.entries()) {
      const blob = await client.signedDocument(request.id, { index: i });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      expect(bytes, `document ${i} changed`).to.not.deep.equal(doc.bytes);
      for (const [n, f] of FIELDS.entries()) {
        if (f.documentIndex !== i) continue;
        // Each signer's ink against the document as it was before that signer signed it.
        const afterPaul = afterFirstSigner.get(i)!;
        if (f.signerId === 's1') await expectInkInField(doc.bytes, afterPaul, f, `field ${n} (Paul)`);
        else await expectInkInField(afterPaul, bytes, f, `field ${n} (Léa)`);
      }
    }
    const copies = sandbox.state.emailsTo(LEA.email).filter((m) => m.kind === 'signed-copy');
    expect(copies).to.have.length(1);
    expect(copies[0].attachments!.map((a) => a.name)).to.deep.equal(['Lettre de mission (signé).pdf', 'Mandat SEPA (signé).pdf', 'CGV (signé).pdf']);
  });

  it('parallel by default: every signer invited at once, expiry 14 days after creation', async () => {
    const docs = (await threeDocuments()).slice(0, 2);
    const { signingOrder: _o, expiresAt: _e, ...rest } = payload(docs, { fields: FIELDS.slice(0, 3) });
    const request = await client.createRequest(rest as CreateRequestPartSet, { idempotencyKey: 'k-set-2', files: files(docs) });
    expect(request.signingOrder).to.equal('parallel');
    expect(Date.parse(request.expiresAt!) - Date.parse(request.createdAt)).to.equal(14 * DAY);
    expect(sandbox.journey.invitations()).to.have.length(2);
  });

  it('expires when the clock passes expiresAt, not before', async () => {
    const docs = (await threeDocuments()).slice(0, 1);
    const expiresAt = expiresAtOf(dayAfter(new Date(sandbox.state.now()), 3));
    const request = await client.createRequest(payload(docs, { fields: [FIELDS[0], FIELDS[1]], expiresAt }), { idempotencyKey: 'k-set-3', files: files(docs) });
    expect(request.expiresAt).to.equal(expiresAt);
    sandbox.clock.advanceTo(Date.parse(expiresAt) - 1);
    expect(sandbox.state.requests.get(request.id)!.status).to.equal('pending');
    sandbox.clock.advance(1);
    // Swept when the clock moved, before anyone asks.
    expect(sandbox.state.requests.get(request.id)!.status).to.equal('expired');
    const snapshot = await client.getRequest(request.id);
    expect(snapshot.notModified ? null : snapshot.request.status).to.equal('expired');
    expect(() => sandbox.journey.open(PAUL.email).acceptDocument()).to.throw(JourneyError);
  });

  it('refuses a deadline under 1 day or over 90 days, and a field on a document the request does not have', async () => {
    const docs = (await threeDocuments()).slice(0, 2);
    const now = new Date(sandbox.state.now());
    for (const expiresAt of [new Date(now.getTime() + 3600_000).toISOString(), expiresAtOf(dayAfter(now, 92))]) {
      const error = await caught(client.createRequest(payload(docs, { fields: FIELDS.slice(0, 3), expiresAt }), { idempotencyKey: `k-bad-${expiresAt}`, files: files(docs) }));
      expect(error.code).to.equal('invalid_request');
      expect(error.errors!.map((e) => [e.path, e.code])).to.deep.equal([['/expiresAt', 'out_of_range']]);
    }
    const ok = [expiresAtOf(dayAfter(now, 1)), expiresAtOf(dayAfter(now, 90))];
    for (const [i, expiresAt] of ok.entries()) {
      await client.createRequest(payload(docs, { fields: FIELDS.slice(0, 3), expiresAt }), { idempotencyKey: `k-ok-${i}`, files: files(docs) });
    }
    const error = await caught(
      client.createRequest(payload(docs, { fields: [...FIELDS.slice(0, 3), field('s2', 2, 1, 10, 10)] }), { idempotencyKey: 'k-bad-doc', files: files(docs) }),
    );
    expect(error.errors!.map((e) => [e.path, e.code])).to.deep.equal([['/fields/3/documentIndex', 'unknown_document']]);
    expect(sandbox.state.requests.size).to.equal(2);
  });

  it('checks each field against its own document’s pages', async () => {
    const small = await makePdf([{ mediaBox: [0, 0, 200, 200] }]);
    const docs = [{ name: 'Grand.pdf', bytes: await makePdf() }, { name: 'Petit.pdf', bytes: small }];
    const fields = [field('s1', 0, 1, 300, 600), field('s2', 1, 1, 300, 600)];
    const error = await caught(client.createRequest(payload(docs, { fields }), { idempotencyKey: 'k-pages', files: files(docs) }));
    expect(error.errors!.map((e) => [e.path, e.code])).to.deep.equal([['/fields/1', 'outside_page']]);
  });

  for (const bad of ['over the limit', 'encrypted', 'damaged'] as const) {
    it(`refuses a set with one document ${bad}, by its name, and creates nothing`, async () => {
      const docs = await threeDocuments();
      if (bad === 'over the limit') sandbox.state.limits.maxDocumentBytes = Math.max(docs[0].bytes.length, docs[2].bytes.length) + 1;
      const odd: Doc =
        bad === 'over the limit'
          ? { name: 'Annexe volumineuse.pdf', bytes: await makePdf(Array.from({ length: 40 }, () => ({}))) }
          : bad === 'encrypted'
            ? { name: 'Annexe protégée.pdf', bytes: await encryptedPdf() }
            : { name: 'Annexe abîmée.pdf', bytes: damagedPdf() };
      expect(odd.bytes.length > sandbox.state.limits.maxDocumentBytes).to.equal(bad === 'over the limit');
      const set = [docs[0], odd, docs[2]];
      const error = await caught(client.createRequest(payload(set, { fields: [FIELDS[0], FIELDS[1]] }), { idempotencyKey: `k-${bad}`, files: files(set) }));
      expect(error.code).to.equal(bad === 'over the limit' ? 'document_too_large' : bad === 'encrypted' ? 'encrypted_document' : 'unsupported_document');
      expect(error.message).to.contain(`Document 2 ("${odd.name}")`);
      expect(sandbox.state.requests.size).to.equal(0);
      expect(sandbox.state.emails).to.have.length(0);
    });
  }

  it('refuses a set over the total limit of a request', async () => {
    const docs = await threeDocuments();
    sandbox.state.limits.maxRequestBytes = docs.reduce((n, d) => n + d.bytes.length, 0) - 1;
    const error = await caught(client.createRequest(payload(docs), { idempotencyKey: 'k-total', files: files(docs) }));
    expect(error.code).to.equal('document_too_large');
    expect(error.message).to.contain('together');
    expect(sandbox.state.requests.size).to.equal(0);
  });

  it('takes a set of GED documents by id as JSON, checking each version', async () => {
    const docs = (await threeDocuments()).slice(0, 2);
    sandbox.addGedDocument('ged-1', { name: docs[0].name, bytes: docs[0].bytes, version: '"v1"' });
    sandbox.addGedDocument('ged-2', { name: docs[1].name, bytes: docs[1].bytes, version: '"v7"' });
    const content = { signers: [PAUL, LEA], fields: FIELDS.slice(0, 3), locale: 'fr' as const };
    const conflict = await caught(
      client.createRequest({ ...content, documents: [{ id: 'ged-1', name: 'a.pdf', version: '"v1"' }, { id: 'ged-2', name: 'b.pdf', version: '"v6"' }] }, { idempotencyKey: 'k-json-0' }),
    );
    expect(conflict.code).to.equal('conflict');
    const request = await client.createRequest(
      { ...content, documents: [{ id: 'ged-1', name: 'Lettre.pdf', version: '"v1"' }, { id: 'ged-2', name: 'Mandat.pdf', version: '"v7"' }] },
      { idempotencyKey: 'k-json-1' },
    );
    expect(request.documents!.map((d) => d.name)).to.deep.equal(['Lettre.pdf', 'Mandat.pdf']);
    expect(sandbox.state.getRequest(request.id)!.documents.map((d) => d.gedDocument?.id)).to.deep.equal(['ged-1', 'ged-2']);
  });

  it('keeps one-document payloads as they were (no documentIndex, one `document` part)', async () => {
    const pdf = await makePdf();
    const request = await client.createRequest(
      { signers: [PAUL], fields: [{ signerId: 's1', page: 1, x: 60, y: 100, width: 180, height: 60 }], locale: 'fr', document: { name: 'Seul.pdf' } },
      { idempotencyKey: 'k-one', file: new Blob([pdf as BlobPart], { type: 'application/pdf' }) },
    );
    expect(request.documents).to.deep.equal([{ name: 'Seul.pdf', signedDocumentUrl: null }]);
    expect(sandbox.state.getRequest(request.id)!.documentName).to.equal('Seul.pdf');
  });
});

