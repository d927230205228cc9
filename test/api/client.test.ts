/**
 * The proxy client against msw handlers written here (SPEC §3): every endpoint, the status table,
 * validation paths, the token's refresh on 401, retries and their bounds, abort, 304, Retry-After,
 * outcome-unknown sends, and where the token may (not) go.
 */
import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { ProxyClient } from '../../src/api/client.js';
import { JseError } from '../../src/api/errors.js';
import { TokenProvider } from '../../src/api/token.js';
import type { CreateRequestJson, CreateRequestPart } from '../../src/api/types.js';
import { FIELD, PROXY, SIGNER, TOKEN_URL, problem, rejection, rig, signRequest } from './helpers.js';

let worker: SetupWorker;

before(async () => {
  worker = setupWorker();
  await worker.start({ onUnhandledFrame: 'bypass', quiet: true });
});

after(() => worker.stop());

const JSON_PAYLOAD: CreateRequestJson = {
  document: { id: 'ged-1842', name: 'Lettre de mission.pdf', version: '"v7"' },
  signers: [SIGNER],
  fields: [FIELD],
  message: 'Merci de signer.',
  locale: 'fr',
};
const PART_PAYLOAD: CreateRequestPart = { ...JSON_PAYLOAD, document: { name: 'Lettre de mission.pdf', version: '"v7"' } };
const KEY = 'a'.repeat(64);

describe('api client: token', () => {
  it('asks the token endpoint with the page cookies, once, and sends the token only as a Bearer header to the proxy', async () => {
    const r = rig(worker, [http.get(`*${PROXY}/me`, () => HttpResponse.json({ connected: false, connectUrl: 'https://proxy.example/connect' }))]);
    await r.client.me();
    await r.client.me();
    const tokenCalls = r.seen.filter((s) => s.url.endsWith(TOKEN_URL));
    expect(tokenCalls).to.have.length(1);
    expect(tokenCalls[0].method).to.equal('POST');
    expect(tokenCalls[0].credentials).to.equal('include');
    expect(tokenCalls[0].headers.authorization).to.equal(undefined);
    const calls = r.proxyCalls();
    expect(calls).to.have.length(2);
    for (const call of calls) expect(call.headers.authorization).to.equal(`Bearer ${r.tokens[0]}`);
  });

  it('renews the token shortly before it expires, not before', async () => {
    let clock = 1_000_000;
    const r = rig(worker, [http.get(`*${PROXY}/me`, () => HttpResponse.json({ connected: false, connectUrl: 'x' }))]);
    const tokens = new TokenProvider({ endpoint: TOKEN_URL, now: () => clock });
    const client = new ProxyClient({ tokens });
    await client.me();
    clock += 250_000; // 300 s token, 30 s margin: still good at 250 s
    await client.me();
    expect(r.tokens).to.have.length(1);
    clock += 25_000; // 275 s: inside the margin
    await client.me();
    expect(r.tokens).to.have.length(2);
    expect(r.proxyCalls()[2].headers.authorization).to.equal(`Bearer ${r.tokens[1]}`);
  });

  it('on 401 fetches a new token once and repeats the call with it', async () => {
    let calls = 0;
    const r = rig(worker, [
      http.get(`*${PROXY}/me`, () => {
        calls += 1;
        return calls === 1 ? problem(401, { code: 'token_failed' }) : HttpResponse.json({ connected: false, connectUrl: 'x' });
      }),
    ]);
    const me = await r.client.me();
    expect(me.connected).to.equal(false);
    expect(r.tokens).to.have.length(2);
    const auth = r.proxyCalls().map((c) => c.headers.authorization);
    expect(auth).to.deep.equal([`Bearer ${r.tokens[0]}`, `Bearer ${r.tokens[1]}`]);
  });

  it('a second 401 is final: token_failed, exactly one refresh', async () => {
    const r = rig(worker, [http.get(`*${PROXY}/me`, () => problem(401))]);
    const error = (await rejection(r.client.me())) as JseError;
    expect(error).to.be.instanceOf(JseError);
    expect(error.code).to.equal('token_failed');
    expect(error.status).to.equal(401);
    expect(r.tokens).to.have.length(2);
    expect(r.proxyCalls()).to.have.length(2);
  });

  it('a failing token endpoint gives token_failed, and its POST is not repeated', async () => {
    const r = rig(worker, []);
    r.tokenAnswer = () => new HttpResponse('down', { status: 503 });
    const error = (await rejection(r.client.me())) as JseError;
    expect(error.code).to.equal('token_failed');
    expect(error.status).to.equal(503);
    expect(error.retryable).to.equal(true);
    expect(r.seen.filter((s) => s.url.endsWith(TOKEN_URL))).to.have.length(1);
    expect(r.proxyCalls()).to.have.length(0);

    r.tokenAnswer = () => HttpResponse.error();
    expect(((await rejection(r.client.me())) as JseError).code).to.equal('token_failed');
    r.tokenAnswer = () => HttpResponse.json({ token: 'x' });
    expect(((await rejection(r.client.me())) as JseError).code).to.equal('token_failed');
  });

  it('proxy-url overrides the proxyUrl of the token endpoint', async () => {
    const r = rig(worker, [http.get('*/api-test/elsewhere/me', () => HttpResponse.json({ connected: false, connectUrl: 'x' }))], {
      proxyUrl: '/api-test/elsewhere/',
    });
    await r.client.me();
    expect(r.seen.at(-1)!.url).to.equal(`${location.origin}/api-test/elsewhere/me`);
  });
});

describe('api client: endpoints', () => {
  it('proxyBase(): the proxy-url given, else the one of the token endpoint (never the token)', async () => {
    const r = rig(worker, []);
    expect(await r.client.proxyBase()).to.equal(PROXY);
    expect(await new ProxyClient({ tokenEndpoint: TOKEN_URL, proxyUrl: 'https://proxy.example/jse' }).proxyBase()).to.equal('https://proxy.example/jse');
  });

  it('GET /me: linked, with user and limits', async () => {
    const body = {
      connected: true,
      user: { email: 'claire.martin@cabinet.fr', firstName: 'Claire', lastName: 'Martin', phone: '+33612345678' },
      limits: { maxDocumentBytes: 10_000_000, acceptedTypes: ['application/pdf'], acceptsEncrypted: false },
    };
    const r = rig(worker, [http.get(`*${PROXY}/me`, () => HttpResponse.json(body))]);
    expect(await r.client.me()).to.deep.equal(body);
  });

  it('GET /me: an answer of another shape is refused', async () => {
    const r = rig(worker, [http.get(`*${PROXY}/me`, () => HttpResponse.json({ hello: 1 }))]);
    const error = (await rejection(r.client.me())) as JseError;
    expect(error.code).to.equal('upstream_unavailable');
    expect(error.retryable).to.equal(false);
  });

  it('POST /requests as JSON: the payload, the Idempotency-Key, 201 → the request', async () => {
    let received: unknown;
    const r = rig(worker, [
      http.post(`*${PROXY}/requests`, async ({ request }) => {
        received = await request.json();
        return HttpResponse.json(signRequest(), { status: 201 });
      }),
    ]);
    const request = await r.client.createRequest(JSON_PAYLOAD, { idempotencyKey: KEY });
    expect(request).to.deep.equal(signRequest());
    expect(received).to.deep.equal(JSON_PAYLOAD);
    const call = r.proxyCalls()[0];
    expect(call.headers['idempotency-key']).to.equal(KEY);
    expect(call.headers['content-type']).to.equal('application/json');
  });

  it('POST /requests as multipart: the PDF in part `document`, the payload without document.id in part `request`', async () => {
    let parts: { request: unknown; requestType: string; name: string; bytes: number[] } | undefined;
    const r = rig(worker, [
      http.post(`*${PROXY}/requests`, async ({ request }) => {
        const form = await request.formData();
        const part = form.get('request') as File;
        const document = form.get('document') as File;
        parts = {
          request: JSON.parse(await part.text()),
          requestType: part.type,
          name: document.name,
          bytes: [...new Uint8Array(await document.arrayBuffer())],
        };
        return HttpResponse.json(signRequest(), { status: 201 });
      }),
    ]);
    const file = new Blob([new Uint8Array([37, 80, 68, 70, 45, 49])], { type: 'application/pdf' });
    // A document id left in the payload must not reach the proxy with uploaded bytes.
    const withId = { ...PART_PAYLOAD, document: { ...PART_PAYLOAD.document, id: 'ged-1842' } } as CreateRequestPart;
    const progress: unknown[] = [];
    await r.client.createRequest(withId, { idempotencyKey: KEY, file, onProgress: (p) => progress.push(p) });
    expect(parts!.request).to.deep.equal(PART_PAYLOAD);
    expect(parts!.requestType).to.equal('application/json');
    expect(parts!.name).to.equal('Lettre de mission.pdf');
    expect(parts!.bytes).to.deep.equal([37, 80, 68, 70, 45, 49]);
    expect(r.proxyCalls()[0].headers['idempotency-key']).to.equal(KEY);
    // msw's worker gives no upload events: progress starts indeterminate (test/api/upload.test.ts measures the real one).
    expect(progress[0]).to.deep.equal({ loaded: 0, total: null });
  });

  it('createRequest without a key is refused before anything is sent', async () => {
    const r = rig(worker, []);
    const error = await rejection(r.client.createRequest(JSON_PAYLOAD, { idempotencyKey: '' }));
    expect(error).to.be.instanceOf(TypeError);
    expect(r.seen).to.have.length(0);
  });

  it('GET /requests/{id}: the request with its ETag, then If-None-Match → 304 not modified', async () => {
    const r = rig(worker, [
      http.get(`*${PROXY}/requests/:id`, ({ request, params }) => {
        expect(params.id).to.equal('req 1/a');
        if (request.headers.get('if-none-match') === '"e1"') return new HttpResponse(null, { status: 304, headers: { ETag: '"e1"', 'Retry-After': '12' } });
        return HttpResponse.json(signRequest(), { headers: { ETag: '"e1"' } });
      }),
    ]);
    const first = await r.client.getRequest('req 1/a');
    expect(first).to.deep.equal({ notModified: false, request: signRequest(), etag: '"e1"' });
    const second = await r.client.getRequest('req 1/a', { etag: '"e1"' });
    expect(second).to.deep.equal({ notModified: true, etag: '"e1"', retryAfter: 12_000 });
    expect(r.proxyCalls()[0].url).to.equal(`${location.origin}${PROXY}/requests/req%201%2Fa`);
    expect(r.proxyCalls()[0].headers['if-none-match']).to.equal(undefined);
    expect(r.proxyCalls()[1].headers['if-none-match']).to.equal('"e1"');
  });

  it('GET /requests/{id}/signed-document: the PDF as a Blob', async () => {
    const bytes = new Uint8Array([37, 80, 68, 70, 1, 2, 3]);
    const r = rig(worker, [
      http.get(`*${PROXY}/requests/req-1/signed-document`, () => new HttpResponse(bytes, { headers: { 'Content-Type': 'application/pdf' } })),
    ]);
    const blob = await r.client.signedDocument('req-1');
    expect(blob.type).to.equal('application/pdf');
    expect([...new Uint8Array(await blob.arrayBuffer())]).to.deep.equal([...bytes]);
    expect(r.proxyCalls()[0].headers.accept).to.equal('application/pdf');
  });

  it('DELETE /requests/{id}: 204; a finished request answers conflict', async () => {
    let status = 204;
    const r = rig(worker, [http.delete(`*${PROXY}/requests/req-1`, () => (status === 204 ? new HttpResponse(null, { status }) : problem(status, { code: 'conflict' })))]);
    await r.client.cancel('req-1');
    expect(r.proxyCalls()[0].method).to.equal('DELETE');
    status = 409;
    const error = (await rejection(r.client.cancel('req-1'))) as JseError;
    expect(error.code).to.equal('conflict');
    expect(error.retryable).to.equal(false);
  });

  it('refuses request ids that would leave /requests/', async () => {
    const r = rig(worker, []);
    expect(await rejection(r.client.getRequest('..'))).to.be.instanceOf(TypeError);
    expect(r.seen).to.have.length(0);
  });
});

describe('api client: problems (SPEC §3 status table)', () => {
  const table: [number, string, boolean][] = [
    [400, 'invalid_request', false],
    [403, 'forbidden', false],
    [404, 'not_found', false],
    [409, 'conflict', false],
    [413, 'document_too_large', false],
    [415, 'unsupported_document', false],
    [422, 'invalid_request', false],
    [429, 'rate_limited', true],
    [500, 'upstream_unavailable', true],
    [502, 'upstream_unavailable', true],
    [503, 'upstream_unavailable', true],
    [504, 'upstream_unavailable', true],
  ];
  for (const [status, code, retryable] of table) {
    it(`${status} → ${code}${retryable ? ', retryable' : ''}`, async () => {
      // A problem without a code: the status decides.
      const r = rig(worker, [http.post(`*${PROXY}/requests`, () => problem(status))]);
      const error = (await rejection(r.client.createRequest(JSON_PAYLOAD, { idempotencyKey: KEY, retry: false }))) as JseError;
      expect(error).to.be.instanceOf(JseError);
      expect([error.code, error.status, error.retryable, error.outcomeUnknown]).to.deep.equal([code, status, retryable, false]);
    });
  }

  it("a problem's own code wins: 415 encrypted_document, 403 not_connected", async () => {
    let answer = problem(415, { code: 'encrypted_document', detail: 'PDF chiffré' });
    const r = rig(worker, [http.post(`*${PROXY}/requests`, () => answer)]);
    const encrypted = (await rejection(r.client.createRequest(JSON_PAYLOAD, { idempotencyKey: KEY }))) as JseError;
    expect([encrypted.code, encrypted.status, encrypted.message]).to.deep.equal(['encrypted_document', 415, 'PDF chiffré']);
    answer = problem(403, { code: 'not_connected' });
    const unlinked = (await rejection(r.client.createRequest(JSON_PAYLOAD, { idempotencyKey: KEY }))) as JseError;
    expect([unlinked.code, unlinked.retryable]).to.deep.equal(['not_connected', false]);
  });

  it('422 carries the validation errors with their JSON-Pointer paths (malformed entries dropped)', async () => {
    const errors = [
      { path: '/signers/s2/phone', code: 'not_mobile', message: 'Le numéro doit être un mobile.' },
      { path: '/signers/s2/email', code: 'duplicate_email', message: 'Adresse déjà utilisée.' },
      { path: '/fields/3', code: 'outside_page', message: 'Hors de la page.' },
    ];
    const r = rig(worker, [
      http.post(`*${PROXY}/requests`, () => problem(422, { code: 'invalid_request', errors: [...errors, { path: 3 }, { path: '/x', code: 'made_up' }] })),
    ]);
    const error = (await rejection(r.client.createRequest(JSON_PAYLOAD, { idempotencyKey: KEY }))) as JseError;
    expect(error.code).to.equal('invalid_request');
    expect(error.status).to.equal(422);
    expect(error.errors).to.deep.equal(errors);
    expect(r.proxyCalls()).to.have.length(1);
  });

  it('a gateway page that is not JSON still gives the code of its status', async () => {
    const r = rig(worker, [http.get(`*${PROXY}/me`, () => new HttpResponse('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }))]);
    const error = (await rejection(r.client.me({ retry: false }))) as JseError;
    expect([error.code, error.status]).to.deep.equal(['upstream_unavailable', 502]);
  });
});

describe('api client: retries', () => {
  it('GET: retried on 5xx with growing, jittered backoff, then succeeds', async () => {
    let calls = 0;
    const r = rig(worker, [
      http.get(`*${PROXY}/requests/req-1`, () => {
        calls += 1;
        return calls < 3 ? problem(503) : HttpResponse.json(signRequest());
      }),
    ]);
    const snapshot = await r.client.getRequest('req-1');
    expect(snapshot.notModified).to.equal(false);
    expect(calls).to.equal(3);
    // random = 0.5: half of 500·2^n.
    expect(r.delays).to.deep.equal([250, 500]);
  });

  it('GET: bounded — 1 + retries attempts, then the last error', async () => {
    const r = rig(worker, [http.get(`*${PROXY}/me`, () => problem(502))], { retry: { retries: 2 } });
    const error = (await rejection(r.client.me())) as JseError;
    expect(error.code).to.equal('upstream_unavailable');
    expect(r.proxyCalls()).to.have.length(3);
    expect(r.delays).to.have.length(2);
  });

  it('GET: retried after a network error', async () => {
    let calls = 0;
    const r = rig(worker, [
      http.get(`*${PROXY}/me`, () => {
        calls += 1;
        return calls === 1 ? HttpResponse.error() : HttpResponse.json({ connected: false, connectUrl: 'x' });
      }),
    ]);
    expect((await r.client.me()).connected).to.equal(false);
    expect(calls).to.equal(2);
  });

  it('429 honours Retry-After (never sooner than asked)', async () => {
    let calls = 0;
    const r = rig(worker, [
      http.get(`*${PROXY}/me`, () => {
        calls += 1;
        return calls === 1 ? problem(429, { code: 'rate_limited' }, { 'Retry-After': '7' }) : HttpResponse.json({ connected: false, connectUrl: 'x' });
      }),
    ]);
    await r.client.me();
    expect(r.delays).to.deep.equal([7000]);
  });

  it('a Retry-After longer than the policy allows ends the call with it, for the UI', async () => {
    const r = rig(worker, [http.get(`*${PROXY}/me`, () => problem(503, {}, { 'Retry-After': '600' }))]);
    const error = (await rejection(r.client.me())) as JseError;
    expect([error.code, error.retryAfter, error.retryable]).to.deep.equal(['upstream_unavailable', 600_000, true]);
    expect(r.proxyCalls()).to.have.length(1);
  });

  it('keyed POST /requests: retried with the same key, so the proxy can answer the first creation', async () => {
    let calls = 0;
    const r = rig(worker, [
      http.post(`*${PROXY}/requests`, () => {
        calls += 1;
        return calls === 1 ? problem(503) : HttpResponse.json(signRequest(), { status: 201 });
      }),
    ]);
    await r.client.createRequest(JSON_PAYLOAD, { idempotencyKey: KEY });
    expect(r.proxyCalls().map((c) => c.headers['idempotency-key'])).to.deep.equal([KEY, KEY]);
  });

  it('409, 422, 403 are not retried', async () => {
    for (const status of [409, 422, 403]) {
      const r = rig(worker, [http.post(`*${PROXY}/requests`, () => problem(status))]);
      await rejection(r.client.createRequest(JSON_PAYLOAD, { idempotencyKey: KEY }));
      expect(r.proxyCalls(), String(status)).to.have.length(1);
    }
  });

  it('retry: false makes one attempt', async () => {
    const r = rig(worker, [http.get(`*${PROXY}/me`, () => problem(503))]);
    await rejection(r.client.me({ retry: false }));
    expect(r.proxyCalls()).to.have.length(1);
  });
});

describe('api client: outcome unknown', () => {
  it('a network error on POST /requests, every time: network, outcomeUnknown, same key on every attempt', async () => {
    const r = rig(worker, [http.post(`*${PROXY}/requests`, () => HttpResponse.error())]);
    const error = (await rejection(r.client.createRequest(JSON_PAYLOAD, { idempotencyKey: KEY }))) as JseError;
    expect([error.code, error.outcomeUnknown, error.retryable]).to.deep.equal(['network', true, true]);
    expect(r.proxyCalls().map((c) => c.headers['idempotency-key'])).to.deep.equal([KEY, KEY, KEY, KEY]);
  });

  it('a network error then 503s: still unknown (the first attempt may have created it)', async () => {
    let calls = 0;
    const r = rig(worker, [
      http.post(`*${PROXY}/requests`, () => {
        calls += 1;
        return calls === 1 ? HttpResponse.error() : problem(503);
      }),
    ]);
    const error = (await rejection(r.client.createRequest(JSON_PAYLOAD, { idempotencyKey: KEY }))) as JseError;
    expect([error.code, error.outcomeUnknown]).to.deep.equal(['upstream_unavailable', true]);
  });

  it('a network error then a definitive 422: known (nothing was created)', async () => {
    let calls = 0;
    const r = rig(worker, [
      http.post(`*${PROXY}/requests`, () => {
        calls += 1;
        return calls === 1 ? HttpResponse.error() : problem(422, { code: 'invalid_request' });
      }),
    ]);
    const error = (await rejection(r.client.createRequest(JSON_PAYLOAD, { idempotencyKey: KEY }))) as JseError;
    expect([error.code, error.outcomeUnknown]).to.deep.equal(['invalid_request', false]);
  });

  it('a 503 alone is not unknown; a network error on a GET is not either', async () => {
    const r = rig(worker, [http.post(`*${PROXY}/requests`, () => problem(503)), http.get(`*${PROXY}/me`, () => HttpResponse.error())]);
    const send = (await rejection(r.client.createRequest(JSON_PAYLOAD, { idempotencyKey: KEY }))) as JseError;
    expect(send.outcomeUnknown).to.equal(false);
    const me = (await rejection(r.client.me())) as JseError;
    expect([me.code, me.outcomeUnknown]).to.deep.equal(['network', false]);
  });

  it('a timeout on POST /requests: network, outcomeUnknown', async () => {
    const r = rig(worker, [http.post(`*${PROXY}/requests`, async () => {
      await delay(3000);
      return new HttpResponse(null, { status: 201 });
    })], { timeout: 200 });
    const error = (await rejection(r.client.createRequest(JSON_PAYLOAD, { idempotencyKey: KEY, retry: false }))) as JseError;
    expect([error.code, error.outcomeUnknown, error.message]).to.deep.equal(['network', true, 'The proxy did not answer in time.']);
  });
});

describe('api client: abort', () => {
  it('an already aborted signal sends nothing', async () => {
    const r = rig(worker, [http.get(`*${PROXY}/me`, () => HttpResponse.json({ connected: false, connectUrl: 'x' }))]);
    const controller = new AbortController();
    controller.abort();
    const error = (await rejection(r.client.me({ signal: controller.signal }))) as DOMException;
    expect(error.name).to.equal('AbortError');
    expect(r.seen).to.have.length(0);
  });

  it('aborting a call in flight rejects with AbortError, not a JseError, and is not retried', async () => {
    const controller = new AbortController();
    const r = rig(worker, [
      http.get(`*${PROXY}/requests/req-1`, async () => {
        controller.abort();
        await delay(2000);
        return HttpResponse.json(signRequest());
      }),
    ]);
    const error = (await rejection(r.client.getRequest('req-1', { signal: controller.signal }))) as DOMException;
    expect(error.name).to.equal('AbortError');
    expect(r.proxyCalls()).to.have.length(1);
  });

  it('aborting during the wait between retries stops there', async () => {
    const controller = new AbortController();
    const r = rig(worker, [http.get(`*${PROXY}/me`, () => problem(503))], {
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          signal!.addEventListener('abort', () => reject(signal!.reason));
          controller.abort();
        }),
    });
    const error = (await rejection(r.client.me({ signal: controller.signal }))) as DOMException;
    expect(error.name).to.equal('AbortError');
    expect(r.proxyCalls()).to.have.length(1);
  });

  it('aborting while the token is being fetched rejects that caller only', async () => {
    const r = rig(worker, [http.get(`*${PROXY}/me`, () => HttpResponse.json({ connected: false, connectUrl: 'x' }))]);
    r.tokenAnswer = async () => {
      await delay(100);
      return HttpResponse.json({ token: 'slow-token', expiresIn: 300, proxyUrl: PROXY });
    };
    const controller = new AbortController();
    const aborted = r.client.me({ signal: controller.signal });
    const other = r.client.me();
    controller.abort();
    expect(((await rejection(aborted)) as DOMException).name).to.equal('AbortError');
    expect((await other).connected).to.equal(false);
    expect(r.seen.filter((s) => s.url.endsWith(TOKEN_URL))).to.have.length(1);
  });
});

describe('api client: the token stays secret', () => {
  it('never in a URL, in storage, or in anything returned or thrown', async () => {
    const before = { local: localStorage.length, session: sessionStorage.length, dbs: (await indexedDB.databases()).map((d) => d.name) };
    let creates = 0;
    const r = rig(worker, [
      http.get(`*${PROXY}/me`, () => HttpResponse.json({ connected: false, connectUrl: 'https://proxy.example/connect' })),
      http.post(`*${PROXY}/requests`, () => {
        creates += 1;
        return creates === 1 ? HttpResponse.error() : HttpResponse.json(signRequest(), { status: 201 });
      }),
      http.get(`*${PROXY}/requests/req-1`, () => HttpResponse.json(signRequest(), { headers: { ETag: '"e"' } })),
      http.get(`*${PROXY}/requests/req-1/signed-document`, () => new HttpResponse(new Uint8Array([1, 2]), { headers: { 'Content-Type': 'application/pdf' } })),
      http.delete(`*${PROXY}/requests/req-1`, () => new HttpResponse(null, { status: 204 })),
      http.delete(`*${PROXY}/requests/req-2`, () => problem(401)),
    ]);
    const returned: unknown[] = [];
    returned.push(await r.client.me());
    returned.push(await r.client.createRequest(JSON_PAYLOAD, { idempotencyKey: KEY }));
    returned.push(await r.client.getRequest('req-1'));
    returned.push(await (await r.client.signedDocument('req-1')).text());
    returned.push(await r.client.cancel('req-1'));
    const error = (await rejection(r.client.cancel('req-2'))) as JseError;
    returned.push({ ...error, message: error.message, cause: String(error.cause), stack: error.stack });

    expect(r.tokens.length).to.be.greaterThan(1);
    const secrets = r.tokens;
    const text = JSON.stringify(returned);
    for (const token of secrets) {
      expect(text).not.to.include(token);
      for (const s of r.seen) {
        expect(s.url).not.to.include(token);
        if (!s.url.includes(PROXY)) expect(JSON.stringify(s.headers)).not.to.include(token);
      }
      for (const storage of [localStorage, sessionStorage]) {
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i)!;
          expect(key + storage.getItem(key)).not.to.include(token);
        }
      }
    }
    // Only Authorization carries it.
    for (const s of r.proxyCalls()) {
      const { authorization, ...others } = s.headers;
      expect(authorization).to.match(/^Bearer tok-/);
      for (const token of secrets) expect(JSON.stringify(others)).not.to.include(token);
    }
    expect(localStorage.length).to.equal(before.local);
    expect(sessionStorage.length).to.equal(before.session);
    expect((await indexedDB.databases()).map((d) => d.name)).to.deep.equal(before.dbs);
    // Nothing enumerable on the client or the provider holds it either.
    expect(JSON.stringify(Object.entries(r.client))).not.to.match(/tok-/);
  });
});
