/**
 * The project's own proxy client (src/api/client.ts) against the sandbox: the two halves of the
 * contract agree, and the client's retries, token refresh and key survive the sandbox's faults.
 */
import { expect } from '@open-wc/testing';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { ProxyClient } from '../../src/api/client.js';
import { JseError } from '../../src/api/errors.js';
import { createSandbox, type Sandbox } from '../../src/testing/index.js';
import { makePdf } from '../helpers/documents.js';
import { drawnSignature, FIELD_LEA, FIELD_PAUL, LEA, PAUL } from './helpers.js';

let worker: SetupWorker;
let sandbox: Sandbox;
let client: ProxyClient;
let pdf: Blob;

const content = { signers: [PAUL, LEA], fields: [FIELD_PAUL, FIELD_LEA], message: 'Merci', locale: 'fr' as const };

before(async () => {
  worker = setupWorker();
  await worker.start({ onUnhandledFrame: 'bypass', quiet: true });
  pdf = new Blob([(await makePdf()) as BlobPart], { type: 'application/pdf' });
});

after(async () => {
  await worker.stop();
});

beforeEach(async () => {
  sandbox = createSandbox({ proxyUrl: '/proxy', tokenEndpoint: '/token' });
  await sandbox.start(worker);
  // No waiting between retries: the test is about what is sent, not when.
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

describe('the project client against the sandbox', () => {
  it('creates once although the first two answers are lost after storing', async () => {
    sandbox.faults.dropConnection('create', { afterProcessing: true, times: 2 });
    const request = await client.createRequest({ ...content, document: { name: 'Lettre.pdf' } }, { idempotencyKey: 'k-client', file: pdf });
    expect(sandbox.state.requests.size).to.equal(1);
    expect(request.id).to.equal([...sandbox.state.requests.keys()][0]);
    const creates = sandbox.calls.filter((c) => c.route === 'create');
    expect(creates.map((c) => c.status)).to.deep.equal(['network-error', 'network-error', 201]);
    expect(new Set(creates.map((c) => c.idempotencyKey))).to.deep.equal(new Set(['k-client']));
    expect(sandbox.state.requests.get(request.id)!.documentName).to.equal('Lettre.pdf');
  });

  it('refreshes an expired token once, silently', async () => {
    await client.me();
    sandbox.faults.expireTokens();
    const me = await client.me();
    expect(me.connected).to.equal(true);
    expect(sandbox.calls.map((c) => `${c.route} ${c.status}`)).to.deep.equal(['token 200', 'me 200', 'me 401', 'token 200', 'me 200']);
  });

  it('retries a 503 on follow, then gets 304 with the ETag', async () => {
    const created = await client.createRequest({ ...content, document: { name: 'L.pdf' } }, { idempotencyKey: 'k-follow', file: pdf });
    sandbox.faults.failWith('get', 503, { retryAfter: 0 });
    const first = await client.getRequest(created.id);
    expect(first.notModified).to.equal(false);
    const again = await client.getRequest(created.id, { etag: first.etag });
    expect(again.notModified).to.equal(true);
    expect(sandbox.calls.filter((c) => c.route === 'get').map((c) => c.status)).to.deep.equal([503, 200, 304]);
  });

  it('reads a 422 into invalid_request with the JSON-Pointer paths', async () => {
    const error = await caught(
      client.createRequest({ ...content, signers: [{ ...PAUL, phone: '+33123456789' }, LEA], document: { name: 'L.pdf' } }, { idempotencyKey: 'k-422', file: pdf }),
    );
    expect(error.code).to.equal('invalid_request');
    expect(error.status).to.equal(422);
    expect(error.errors!.map((e) => `${e.path} ${e.code}`)).to.deep.equal(['/signers/s1/phone not_mobile']);
  });

  it('reports a JSON create of a changed GED file as a conflict, and accepts version null', async () => {
    sandbox.addGedDocument('ged-1', { name: 'Bilan.pdf', bytes: new Uint8Array(await pdf.arrayBuffer()), version: '"v2"' });
    const error = await caught(client.createRequest({ ...content, document: { id: 'ged-1', name: 'Bilan.pdf', version: '"v1"' } }, { idempotencyKey: 'k-v1' }));
    expect(error.code).to.equal('conflict');
    const created = await client.createRequest({ ...content, document: { id: 'ged-1', name: 'Bilan.pdf', version: null } }, { idempotencyKey: 'k-null' });
    expect(created.status).to.equal('pending');
  });

  it('downloads the signed document once every signer has signed, and cannot cancel it', async () => {
    const created = await client.createRequest({ ...content, document: { name: 'L.pdf' } }, { idempotencyKey: 'k-signed', file: pdf });
    await sandbox.journey.signAs(PAUL.email, await drawnSignature());
    await sandbox.journey.signAs(LEA.email, await drawnSignature());
    const snapshot = await client.getRequest(created.id);
    expect(snapshot.notModified === false && snapshot.request.status).to.equal('signed');
    const signed = await client.signedDocument(created.id);
    expect(signed.type).to.equal('application/pdf');
    expect(new Uint8Array(await signed.arrayBuffer())).to.deep.equal(sandbox.state.requests.get(created.id)!.current);
    expect((await caught(client.cancel(created.id))).code).to.equal('conflict');
  });
});
