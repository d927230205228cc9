/**
 * Fault injection, each observed by a client call, and the idempotency guarantee it exists for:
 * creates stored and then lost on the way back must not become duplicates when the client
 * retries with the same Idempotency-Key — and do become duplicates when it does not.
 */
import { expect } from '@open-wc/testing';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createSandbox, type Sandbox, type SandboxRoute } from '../../src/testing/index.js';
import { makePdf } from '../helpers/documents.js';
import { body, PlainClient, problemOf, type CreateJson } from './helpers.js';
import { until } from '../helpers/wait.js';

let worker: SetupWorker;
let sandbox: Sandbox;
let client: PlainClient;
let pdf: Uint8Array;

before(async () => {
  worker = setupWorker();
  await worker.start({ onUnhandledFrame: 'bypass', quiet: true });
  pdf = await makePdf();
});

after(async () => {
  await worker.stop();
});

beforeEach(async () => {
  sandbox = createSandbox({ proxyUrl: '/proxy', tokenEndpoint: '/token' });
  await sandbox.start(worker);
  client = new PlainClient(sandbox);
  await client.fetchToken();
});

afterEach(async () => {
  await sandbox.stop();
});

/**
 * 'pending' when `promise` has not settled although its call is at the proxy, held there (the
 * sandbox logs a call as it arrives, status 0 until answered): a signal, not a few turns of waiting.
 */
async function settledYet(promise: Promise<unknown>, route: SandboxRoute): Promise<'settled' | 'pending'> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await until(() => done || sandbox.calls.some((c) => c.route === route && c.status === 0), `the ${route} call at the proxy`);
  await Promise.resolve();
  return done ? 'settled' : 'pending';
}

/**
 * A client that retries a create on network errors, up to 3 attempts. `keyFor(attempt)` is its
 * idempotency policy: a correct client reuses one key; a broken one makes a new key each time.
 */
async function createWithRetries(request: CreateJson, keyFor: (attempt: number) => string): Promise<{ id: string; networkErrors: number }> {
  let networkErrors = 0;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const response = await client.create(pdf, request, keyFor(attempt));
      if (response.status !== 201) throw new Error(`answered ${response.status}`);
      return { id: ((await response.json()) as { id: string }).id, networkErrors };
    } catch (error) {
      if (!(error instanceof TypeError)) throw error; // fetch's network failure
      networkErrors++;
    }
  }
  throw new Error('gave up');
}

/** The guarantee under test. */
function assertExactlyOneRequest(): void {
  expect(sandbox.state.requests.size, 'requests created').to.equal(1);
}

describe('idempotency under dropped answers', () => {
  it('two creates stored then dropped, the third answered: exactly one request, the one answered', async () => {
    sandbox.faults.dropConnection('create', { afterProcessing: true, times: 2 });
    const { id, networkErrors } = await createWithRetries(body(), () => 'draft-7f3a:content-91c2');
    expect(networkErrors, 'the client saw both drops').to.equal(2);
    assertExactlyOneRequest();
    expect([...sandbox.state.requests.keys()]).to.deep.equal([id]);
    const creates = sandbox.calls.filter((c) => c.route === 'create');
    expect(creates.map((c) => c.status)).to.deep.equal(['network-error', 'network-error', 201]);
    expect(creates.map((c) => c.requestId)).to.deep.equal([id, id, id]); // stored by the first attempt
    expect(sandbox.journey.invitations(), 'invitations sent once').to.have.length(2);
  });

  it('the same check fails for a client that sends a new key per attempt: it creates duplicates', async () => {
    sandbox.faults.dropConnection('create', { afterProcessing: true, times: 2 });
    const { networkErrors } = await createWithRetries(body(), (attempt) => `fresh-key-${attempt}`);
    expect(networkErrors).to.equal(2);
    expect(() => assertExactlyOneRequest()).to.throw(/requests created: expected 3 to equal 1/);
    expect(sandbox.journey.invitations(), 'each signer invited three times').to.have.length(6);
  });
});

describe('fault injection, observed by the client', () => {
  it('a connection dropped before the proxy acts: fetch rejects and nothing is stored', async () => {
    sandbox.faults.dropConnection('create');
    let failure: unknown;
    await client.create(pdf, body(), 'k1').catch((e: unknown) => (failure = e));
    expect(failure).to.be.instanceOf(TypeError);
    expect(sandbox.state.requests.size).to.equal(0);
    expect((await client.create(pdf, body(), 'k1')).status).to.equal(201);
    expect(sandbox.faults.pending).to.equal(0);
  });

  it('a connection dropped after a cancel: the request is cancelled, and the retried DELETE succeeds', async () => {
    const { id } = (await (await client.create(pdf, body(), 'k2')).json()) as { id: string };
    sandbox.faults.dropConnection('cancel', { afterProcessing: true });
    let failure: unknown;
    await client.call('DELETE', `/requests/${id}`).catch((e: unknown) => (failure = e));
    expect(failure).to.be.instanceOf(TypeError);
    expect(sandbox.state.requests.get(id)!.status).to.equal('cancelled');
    expect((await client.call('DELETE', `/requests/${id}`)).status).to.equal(204);
  });

  it('a 503 with Retry-After is a problem with code upstream_unavailable; the next call succeeds', async () => {
    sandbox.faults.failWith('create', 503, { retryAfter: 2 });
    const failed = await client.create(pdf, body(), 'k3');
    expect(failed.status).to.equal(503);
    expect(failed.headers.get('Retry-After')).to.equal('2');
    expect(failed.headers.get('Content-Type')).to.equal('application/problem+json');
    expect((await problemOf(failed)).code).to.equal('upstream_unavailable');
    expect(sandbox.state.requests.size).to.equal(0);
    expect((await client.create(pdf, body(), 'k3')).status).to.equal(201);
  });

  it('429 → rate_limited, 502 → upstream_unavailable on follow, for as many calls as armed', async () => {
    const { id } = (await (await client.create(pdf, body(), 'k4')).json()) as { id: string };
    sandbox.faults.failWith('get', 429, { retryAfter: 1 }).failWith('get', 502);
    const first = await client.call('GET', `/requests/${id}`);
    expect([first.status, (await problemOf(first)).code]).to.deep.equal([429, 'rate_limited']);
    const second = await client.call('GET', `/requests/${id}`);
    expect([second.status, (await problemOf(second)).code]).to.deep.equal([502, 'upstream_unavailable']);
    expect((await client.call('GET', `/requests/${id}`)).status).to.equal(200);
  });

  it('a fault on every route until cleared', async () => {
    sandbox.faults.failWith('*', 500, { times: Infinity });
    expect((await client.call('GET', '/me')).status).to.equal(500);
    expect((await client.call('GET', '/requests/req_0001')).status).to.equal(500);
    sandbox.faults.clear();
    expect((await client.call('GET', '/me')).status).to.equal(200);
  });

  it('a slow answer: held until released (a gate), and a client timeout gives up on a long delay', async () => {
    let release!: () => void;
    sandbox.faults.slow('me', new Promise<void>((r) => (release = r)));
    const held = client.call('GET', '/me');
    expect(await settledYet(held, 'me')).to.equal('pending');
    release();
    expect((await held).status).to.equal(200);

    // The answer cannot come before the delay, so a client that waits less always gives up.
    sandbox.faults.slow('me', 400);
    let failure: unknown;
    await fetch(`${sandbox.proxyUrl}/me`, { headers: { Authorization: `Bearer ${client.token}` }, signal: AbortSignal.timeout(50) }).catch((e: unknown) => (failure = e));
    expect((failure as DOMException).name).to.equal('TimeoutError');
    expect((await client.call('GET', '/me')).status).to.equal(200);
  });

  it('token expiry: the next proxy call answers 401, a new token works', async () => {
    expect((await client.call('GET', '/me')).status).to.equal(200);
    sandbox.faults.expireTokens();
    const expired = await client.call('GET', '/me');
    expect(expired.status).to.equal(401);
    expect(expired.headers.get('WWW-Authenticate')).to.contain('invalid_token');
    expect((await problemOf(expired)).code).to.equal('token_failed');
    await client.fetchToken();
    expect((await client.call('GET', '/me')).status).to.equal(200);
  });

  it('the token endpoint failing: a problem with code token_failed', async () => {
    sandbox.faults.failWith('token', 500);
    const response = await fetch(sandbox.tokenEndpoint, { method: 'POST' });
    expect(response.status).to.equal(500);
    expect((await problemOf(response)).code).to.equal('token_failed');
    sandbox.faults.dropConnection('token');
    let failure: unknown;
    await client.fetchToken().catch((e: unknown) => (failure = e));
    expect(failure).to.be.instanceOf(TypeError);
  });

  it('two concurrent attempts with one key, the first held on the way in: one request, both answered with it', async () => {
    let release!: () => void;
    sandbox.faults.slow('create', new Promise<void>((r) => (release = r)));
    const first = client.create(pdf, body(), 'k5');
    expect(await settledYet(first, 'create')).to.equal('pending');
    const second = await client.create(pdf, body(), 'k5');
    expect(second.status).to.equal(201);
    release();
    const answered = await first;
    expect(answered.status).to.equal(201);
    expect(answered.headers.get('Idempotent-Replayed')).to.equal('true');
    expect(((await answered.json()) as { id: string }).id).to.equal(((await second.json()) as { id: string }).id);
    expect(sandbox.state.requests.size).to.equal(1);
  });
});
