/**
 * The multipart upload's progress, measured against a real endpoint of the test server that reads
 * slowly (test/server/slow-proxy.mjs): msw's worker gives the page no upload progress events, so
 * this file starts no worker. Also the network-level failures of a real connection.
 */
import { expect } from '@open-wc/testing';
import { ProxyClient } from '../../src/api/client.js';
import type { JseError } from '../../src/api/errors.js';
import type { CreateRequestPart, SignRequest } from '../../src/api/types.js';
import { xhrUpload, type UploadProgress } from '../../src/api/upload.js';
import { FIELD, SIGNER, rejection } from './helpers.js';

const PAYLOAD: CreateRequestPart = { document: { name: 'Gros document.pdf', version: null }, signers: [SIGNER], fields: [FIELD], locale: 'fr' };
const KEY = 'b'.repeat(64);

interface Received {
  bytes: number;
  contentType: string;
  idempotencyKey: string | null;
  bearer: boolean;
  parts: { name: string; filename: string | null; type: string | null }[];
  request: unknown;
  documentBytes: number | null;
}

function clientFor(opts: string, extra: Partial<ConstructorParameters<typeof ProxyClient>[0]> = {}): ProxyClient {
  return new ProxyClient({ tokenEndpoint: `/__slow-proxy/token?proxy=${encodeURIComponent(`/__slow-proxy/${opts}`)}`, ...extra });
}

function pdfOf(size: number): Blob {
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
  for (let i = 9; i < size; i++) bytes[i] = i % 251;
  return new Blob([bytes], { type: 'application/pdf' });
}

describe('api upload: progress against a slow-reading server', () => {
  it('reports measurable, increasing progress up to the whole body, then the created request', async function () {
    this.timeout(60_000);
    const file = pdfOf(8 * 1024 * 1024);
    const progress: UploadProgress[] = [];
    const client = clientFor('rate=6000000');
    const request = (await client.createRequest(PAYLOAD, { idempotencyKey: KEY, file, onProgress: (p) => progress.push({ ...p }) })) as SignRequest & {
      received: Received;
    };
    const received = request.received;

    // What the server really read: the multipart body, with both parts, the key and a valid token.
    expect(received.bearer).to.equal(true);
    expect(received.idempotencyKey).to.equal(KEY);
    expect(received.contentType).to.match(/^multipart\/form-data; boundary=/);
    expect(received.parts.map((p) => p.name)).to.deep.equal(['request', 'document']);
    expect(received.parts[1]).to.deep.include({ filename: 'Gros document.pdf', type: 'application/pdf' });
    expect(received.request).to.deep.equal(PAYLOAD);
    expect(received.documentBytes).to.equal(file.size);

    // Indeterminate first, then measured against the body's real size.
    expect(progress[0]).to.deep.equal({ loaded: 0, total: null });
    const measured = progress.filter((p) => p.total !== null);
    const total = measured[0].total!;
    expect(total).to.equal(received.bytes);
    expect(measured.every((p) => p.total === total)).to.equal(true);
    const loaded = measured.map((p) => p.loaded);
    for (let i = 1; i < loaded.length; i++) expect(loaded[i]).to.be.at.least(loaded[i - 1]);
    // The slow reader makes the browser report the upload while it happens, not only at its end.
    expect(loaded.filter((n) => n > 0 && n < total).length).to.be.at.least(2);
    expect(loaded.at(-1)).to.equal(total);
  });

  it('a connection dropped after the upload is an outcome-unknown network error', async () => {
    const client = clientFor('rate=50000000,drop=1');
    const error = (await rejection(client.createRequest(PAYLOAD, { idempotencyKey: KEY, file: pdfOf(1000), retry: false }))) as JseError;
    expect([error.code, error.outcomeUnknown, error.retryable]).to.deep.equal(['network', true, true]);
  });

  it('no answer in time after the upload is an outcome-unknown network error', async () => {
    const client = clientFor('rate=50000000,hang=3000', { timeout: 300 });
    const error = (await rejection(client.createRequest(PAYLOAD, { idempotencyKey: KEY, file: pdfOf(1000), retry: false }))) as JseError;
    expect([error.code, error.outcomeUnknown, error.message]).to.deep.equal(['network', true, 'The proxy did not answer in time.']);
  });

  it("the proxy's problem after an upload is read like any other", async () => {
    const client = clientFor('rate=50000000,status=413');
    const error = (await rejection(client.createRequest(PAYLOAD, { idempotencyKey: KEY, file: pdfOf(1000) }))) as JseError;
    expect([error.code, error.status, error.outcomeUnknown]).to.deep.equal(['invalid_request', 413, false]);
  });

  it('aborting during the upload stops it with an AbortError', async () => {
    const controller = new AbortController();
    const client = clientFor('rate=200000');
    const sent = client.createRequest(PAYLOAD, {
      idempotencyKey: KEY,
      file: pdfOf(4 * 1024 * 1024),
      signal: controller.signal,
      onProgress: (p) => {
        if (p.loaded > 0) controller.abort();
      },
    });
    const error = (await rejection(sent)) as DOMException;
    expect(error.name).to.equal('AbortError');
  });
});

describe('api upload: browsers without measurable progress', () => {
  /** An XMLHttpRequest whose upload reports only non-computable progress, then answers 201. */
  class OpaqueXhr extends EventTarget {
    static sent = 0;
    upload = { onprogress: null as ((e: ProgressEvent) => void) | null, onload: null as ((e: ProgressEvent) => void) | null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    ontimeout: (() => void) | null = null;
    responseType = '';
    status = 0;
    statusText = '';
    response: Blob | null = null;
    open(): void {}
    setRequestHeader(): void {}
    abort(): void {}
    getAllResponseHeaders(): string {
      return 'content-type: application/json\r\netag: "x"\r\n';
    }
    send(): void {
      OpaqueXhr.sent += 1;
      setTimeout(() => {
        this.upload.onprogress?.(new ProgressEvent('progress', { lengthComputable: false, loaded: 500 }));
        this.upload.onload?.(new ProgressEvent('load', { lengthComputable: false, loaded: 1000 }));
        this.status = 201;
        this.response = new Blob([JSON.stringify({ id: 'r', status: 'pending', createdAt: 'x', updatedAt: 'x', signers: [], fields: [] })]);
        this.onload?.();
      }, 0);
    }
  }

  it('reports indeterminate progress (total null) and still returns the request', async () => {
    const transport = xhrUpload(OpaqueXhr as unknown as typeof XMLHttpRequest);
    const progress: UploadProgress[] = [];
    const response = await transport({
      url: '/nowhere',
      method: 'POST',
      headers: new Headers(),
      body: new FormData(),
      onProgress: (p) => progress.push(p),
    });
    expect(progress).to.deep.equal([
      { loaded: 0, total: null },
      { loaded: 500, total: null },
    ]);
    expect(response.status).to.equal(201);
    expect(response.headers.get('etag')).to.equal('"x"');
    expect(((await response.json()) as { id: string }).id).to.equal('r');
  });
});
