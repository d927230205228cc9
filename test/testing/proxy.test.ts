/**
 * The sandbox's proxy (SPEC §3) spoken to with plain fetch, as any client would: token, /me,
 * create (multipart and JSON), follow with ETag/304, signed document, cancel, and its problems.
 */
import { expect } from '@open-wc/testing';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createSandbox, type Sandbox } from '../../src/testing/index.js';
import { makePdf } from '../helpers/documents.js';
import type { Me, MeConnected, SignRequest } from '../../src/api/types.js';
import { body, damagedPdf, drawnSignature, encryptedPdf, FIELD_PAUL, jsonOf, LEA, PAUL, PlainClient, problemOf } from './helpers.js';

let worker: SetupWorker;
let sandbox: Sandbox;
let client: PlainClient;
let pdf: Uint8Array;
let clock = Date.parse('2026-11-26T09:00:00Z');

before(async () => {
  worker = setupWorker();
  await worker.start({ onUnhandledFrame: 'bypass', quiet: true });
  pdf = await makePdf([{}, { rotate: 90 }]);
});

after(async () => {
  await worker.stop();
});

beforeEach(async () => {
  clock = Date.parse('2026-11-26T09:00:00Z');
  sandbox = createSandbox({ proxyUrl: '/proxy', tokenEndpoint: '/token', connectUrl: '/demo/connect.html', now: () => clock, requestTtlMs: 14 * 24 * 3600 * 1000 });
  await sandbox.start(worker);
  client = new PlainClient(sandbox);
});

afterEach(async () => {
  await sandbox.stop();
});

describe('sandbox proxy: token and account', () => {
  it('issues a token with its lifetime and the absolute proxy URL', async () => {
    const token = await client.fetchToken();
    expect(token.token).to.match(/^sbx_/);
    expect(token.expiresIn).to.equal(300);
    expect(token.proxyUrl).to.equal(`${location.origin}/proxy`);
  });

  it('/me reports a linked account with its limits, including acceptsEncrypted: false and the total limit of a request', async () => {
    const me = await jsonOf<MeConnected>(client.call('GET', '/me'));
    expect(me.connected).to.equal(true);
    expect(me.user.email).to.equal('claire.martin@cabinet-exemple.fr');
    expect(me.limits).to.deep.equal({ maxDocumentBytes: 10_000_000, acceptedTypes: ['application/pdf', 'image/png', 'image/jpeg'], acceptsEncrypted: false, maxRequestBytes: 25_000_000 });
  });

  it('an unlinked account gets connectUrl; sending is refused until the link is made', async () => {
    sandbox.state.unlink();
    const me = await jsonOf<Me>(client.call('GET', '/me'));
    expect(me).to.deep.equal({ connected: false, connectUrl: `${location.origin}/demo/connect.html?state=${sandbox.state.connectState}` });
    const refused = await client.create(pdf, body(), 'k-unlinked');
    expect(refused.status).to.equal(403);
    expect((await problemOf(refused)).code).to.equal('not_connected');
    expect(sandbox.state.requests.size).to.equal(0);
    sandbox.state.link();
    expect((await jsonOf<Me>(client.call('GET', '/me'))).connected).to.equal(true);
  });

  it('answers 401 without a token, with an unknown one, and once the token expired', async () => {
    const none = await fetch(`${sandbox.proxyUrl}/me`);
    expect(none.status).to.equal(401);
    expect(none.headers.get('Content-Type')).to.equal('application/problem+json');
    expect((await problemOf(none)).code).to.equal('token_failed');
    const forged = await fetch(`${sandbox.proxyUrl}/me`, { headers: { Authorization: 'Bearer sbx_forged' } });
    expect(forged.status).to.equal(401);

    expect((await client.call('GET', '/me')).status).to.equal(200);
    clock += 301 * 1000; // past expiresIn
    expect((await client.call('GET', '/me')).status).to.equal(401);
    await client.fetchToken();
    expect((await client.call('GET', '/me')).status).to.equal(200);
  });
});

describe('sandbox proxy: create and follow', () => {
  it('creates from multipart: 201 with the request, its ETag, and invitations sent', async () => {
    const response = await client.create(pdf, body(), 'key-1');
    expect(response.status).to.equal(201);
    const request = await jsonOf<SignRequest>(response);
    expect(request.status).to.equal('pending');
    expect(request.createdAt).to.equal('2026-11-26T09:00:00.000Z');
    expect(request.signers.map((s: { id: string; status: string }) => [s.id, s.status])).to.deep.equal([['s1', 'waiting'], ['s2', 'waiting']]);
    expect(request.fields).to.deep.equal(body().fields);
    expect(request.signedDocumentUrl).to.equal(null);
    expect(response.headers.get('ETag')).to.equal(`"${request.id}-v1"`);
    const invitations = sandbox.journey.invitations();
    expect(invitations.map((m) => m.to)).to.deep.equal([PAUL.email, LEA.email]);
    expect(invitations[0].text).to.contain('Consulter les documents et signer').and.contain('Merci de signer.').and.contain('Lettre de mission.pdf');
    const stored = sandbox.state.requests.get(request.id)!;
    expect(stored.documentName).to.equal('Lettre de mission.pdf');
    expect(stored.original).to.deep.equal(pdf);
  });

  it('creates from JSON with the GED document id, and refuses a changed version with 409', async () => {
    sandbox.addGedDocument('ged-42', { name: 'Bilan 2026.pdf', bytes: pdf, version: '"v7"' });
    const stale = await client.createJson(body({ document: { id: 'ged-42', name: 'Bilan 2026.pdf', version: '"v6"' } }), 'k-stale');
    expect(stale.status).to.equal(409);
    expect((await problemOf(stale)).code).to.equal('conflict');
    const missing = await client.createJson(body({ document: { id: 'ged-0', version: '"v1"' } }), 'k-missing');
    expect(missing.status).to.equal(404);
    const ok = await client.createJson(body({ document: { id: 'ged-42', name: 'Bilan 2026.pdf', version: '"v7"' } }), 'k-ok');
    expect(ok.status).to.equal(201);
    const stored = sandbox.state.requests.get((await jsonOf<SignRequest>(ok)).id)!;
    expect(stored.gedDocument).to.deep.equal({ id: 'ged-42', version: '"v7"' });
    expect(stored.original).to.equal(pdf);
  });

  it('follows with ETag: 304 while unchanged, 200 with a new ETag after a signer signs', async () => {
    const created = await jsonOf<SignRequest>(client.create(pdf, body(), 'key-etag'));
    const first = await client.call('GET', `/requests/${created.id}`);
    const etag = first.headers.get('ETag')!;
    expect(first.status).to.equal(200);
    const unchanged = await client.call('GET', `/requests/${created.id}`, { headers: { 'If-None-Match': etag } });
    expect(unchanged.status).to.equal(304);
    expect(await unchanged.text()).to.equal('');

    await sandbox.journey.signAs(PAUL.email, await drawnSignature());
    const changed = await client.call('GET', `/requests/${created.id}`, { headers: { 'If-None-Match': etag } });
    expect(changed.status).to.equal(200);
    expect(changed.headers.get('ETag')).to.not.equal(etag);
    const request = await jsonOf<SignRequest>(changed);
    expect(request.status).to.equal('pending');
    expect(request.signers[0].status).to.equal('signed');
    expect(request.signers[0].signedAt).to.equal('2026-11-26T09:00:00.000Z');
    expect(request.signers[1].status).to.equal('waiting');
  });

  it('serves the signed document only once signed, with its name, and refuses to cancel it', async () => {
    const created = await jsonOf<SignRequest>(client.create(pdf, body(), 'key-signed'));
    const early = await client.call('GET', `/requests/${created.id}/signed-document`);
    expect(early.status).to.equal(409);
    await sandbox.journey.signAs(PAUL.email, await drawnSignature());
    await sandbox.journey.signAs(LEA.email, await drawnSignature());
    const request = await jsonOf<SignRequest>(client.call('GET', `/requests/${created.id}`));
    expect(request.status).to.equal('signed');
    expect(request.signedDocumentUrl).to.equal(`${location.origin}/proxy/requests/${created.id}/signed-document`);
    const unauthenticated = await fetch(request.signedDocumentUrl!);
    expect(unauthenticated.status).to.equal(401);
    const signed = await fetch(request.signedDocumentUrl!, { headers: { Authorization: `Bearer ${client.token}` } });
    expect(signed.status).to.equal(200);
    expect(signed.headers.get('Content-Type')).to.equal('application/pdf');
    expect(signed.headers.get('Content-Disposition')).to.contain("filename*=UTF-8''Lettre%20de%20mission%20(sign%C3%A9).pdf");
    const bytes = new Uint8Array(await signed.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).to.equal('%PDF-');
    expect(bytes.length).to.be.greaterThan(pdf.length); // two signature images were added
    const cancel = await client.call('DELETE', `/requests/${created.id}`);
    expect(cancel.status).to.equal(409);
  });

  it('cancels a pending request (204, twice), then it is cancelled and the signer cannot sign', async () => {
    const created = await jsonOf<SignRequest>(client.create(pdf, body(), 'key-cancel'));
    expect((await client.call('DELETE', `/requests/${created.id}`)).status).to.equal(204);
    expect((await client.call('DELETE', `/requests/${created.id}`)).status).to.equal(204);
    expect((await jsonOf<SignRequest>(client.call('GET', `/requests/${created.id}`))).status).to.equal('cancelled');
    expect(() => sandbox.journey.open(PAUL.email).acceptDocument()).to.throw(/cancelled/);
    expect((await client.call('DELETE', '/requests/req_9999')).status).to.equal(404);
  });

  it('expires a request on the sandbox clock, and on demand', async () => {
    const a = await jsonOf<SignRequest>(client.create(pdf, body(), 'key-a'));
    const b = await jsonOf<SignRequest>(client.create(pdf, body({ message: 'autre' }), 'key-b'));
    sandbox.state.expire(b.id);
    expect((await jsonOf<SignRequest>(client.call('GET', `/requests/${b.id}`))).status).to.equal('expired');
    expect((await jsonOf<SignRequest>(client.call('GET', `/requests/${a.id}`))).status).to.equal('pending');
    clock += 14 * 24 * 3600 * 1000;
    await client.fetchToken();
    expect((await jsonOf<SignRequest>(client.call('GET', `/requests/${a.id}`))).status).to.equal('expired');
  });
});

describe('sandbox proxy: idempotency key', () => {
  it('the same key and content returns the same request; other content with that key is a conflict', async () => {
    const first = await jsonOf<SignRequest>(client.create(pdf, body(), 'same-key'));
    const again = await client.create(pdf, body(), 'same-key');
    expect(again.status).to.equal(201);
    expect(again.headers.get('Idempotent-Replayed')).to.equal('true');
    expect((await jsonOf<SignRequest>(again)).id).to.equal(first.id);
    const other = await client.create(pdf, body({ message: 'changed' }), 'same-key');
    expect(other.status).to.equal(409);
    expect(sandbox.state.requests.size).to.equal(1);
    expect((await client.call('POST', '/requests', { body: '{}', headers: { 'Content-Type': 'application/json' } })).status).to.equal(400);
  });
});

describe('sandbox proxy: refusals', () => {
  it('422 with JSON-Pointer paths using signer ids', async () => {
    const response = await client.create(
      pdf,
      body({
        signers: [
          { ...PAUL, email: 'paul@' },
          { ...LEA, phone: '+33123456789' },
          { id: 's3', email: 'PAUL.durand@example.fr', firstName: ' ', lastName: 'X', phone: '0612345678' },
          { id: 's4', email: 'paul.durand@example.fr', firstName: 'Dup', lastName: 'Licate', phone: '+33611111111' },
        ],
        fields: [
          FIELD_PAUL,
          { ...FIELD_PAUL, signerId: 's2', x: 500 }, // 500 + 180 > 595.28
          { ...FIELD_PAUL, signerId: 'ghost' },
          { ...FIELD_PAUL, signerId: 's3', page: 3 },
          { ...FIELD_PAUL, signerId: 's4', page: 2, x: 100, y: 100, width: 60, height: 180 },
        ],
      }),
      'k-422',
    );
    expect(response.status).to.equal(422);
    const problem = await problemOf(response);
    expect(problem.code).to.equal('invalid_request');
    expect(problem.errors!.map((e) => `${e.path} ${e.code}`)).to.have.members([
      '/signers/s1/email invalid_email',
      '/signers/s2/phone not_mobile',
      '/signers/s3/firstName required',
      '/signers/s3/phone invalid_phone',
      '/signers/s4/email duplicate_email',
      '/fields/1 outside_page',
      '/fields/2 unknown_signer',
      '/fields/3 outside_page',
    ]);
    expect(sandbox.state.requests.size).to.equal(0);
  });

  it('422 for no signer, and for a signer without a field', async () => {
    const none = await problemOf(await client.create(pdf, body({ signers: [], fields: [] }), 'k-none'));
    expect(none.errors!.map((e) => `${e.path} ${e.code}`)).to.deep.equal(['/signers required']);
    const noField = await problemOf(await client.create(pdf, body({ fields: [FIELD_PAUL] }), 'k-nofield'));
    expect(noField.errors!.map((e) => `${e.path} ${e.code}`)).to.deep.equal(['/signers/s2 no_field']);
  });

  it('413 over the limit, 415 for what is not a PDF', async () => {
    sandbox.state.limits.maxDocumentBytes = pdf.length - 1;
    const large = await client.create(pdf, body(), 'k-large');
    expect(large.status).to.equal(413);
    expect((await problemOf(large)).code).to.equal('document_too_large');
    sandbox.state.limits.maxDocumentBytes = 10_000_000;
    const png = new Uint8Array(await (await drawnSignature()).arrayBuffer());
    const image = await client.create(png, body(), 'k-png');
    expect(image.status).to.equal(415);
    expect((await problemOf(image)).code).to.equal('unsupported_document');
  });

  it('an encrypted PDF: encrypted_document when not accepted, unsupported_document when the limits accept it', async () => {
    const encrypted = await encryptedPdf();
    const refused = await client.create(encrypted, body(), 'k-enc');
    expect(refused.status).to.equal(415);
    expect((await problemOf(refused)).code).to.equal('encrypted_document');
    sandbox.state.limits.acceptsEncrypted = true;
    const stillRefused = await client.create(encrypted, body(), 'k-enc-2');
    expect(stillRefused.status).to.equal(415);
    expect((await problemOf(stillRefused)).code).to.equal('unsupported_document');
    expect(sandbox.state.requests.size).to.equal(0);
  });

  it('a damaged PDF pdf-lib cannot process: unsupported_document', async () => {
    const response = await client.create(damagedPdf(), body(), 'k-damaged');
    expect(response.status).to.equal(415);
    expect((await problemOf(response)).code).to.equal('unsupported_document');
  });
});
