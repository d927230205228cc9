/**
 * A scripted proxy on msw handlers, recording every request the client makes, for the client's
 * tests. Each test writes the handlers it needs; this only adds the token endpoint and the record.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { SetupWorker } from 'msw/browser';
import { ProxyClient, type ProxyClientOptions } from '../../src/api/client.js';
import type { Sleep } from '../../src/api/retry.js';
import type { SignRequest } from '../../src/api/types.js';

export const TOKEN_URL = '/api-test/token';
export const PROXY = '/api-test/proxy';

/** One request as the network saw it. */
export interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  credentials: RequestCredentials;
}

export interface Rig {
  seen: Seen[];
  /** Tokens issued so far, in order. */
  tokens: string[];
  /** Delays the client asked to sleep (ms). */
  delays: number[];
  client: ProxyClient;
  /** Requests to the proxy (not the token endpoint). */
  proxyCalls(): Seen[];
  /** Replaces the token endpoint's answer (still recorded). */
  tokenAnswer: (() => Response | Promise<Response>) | undefined;
}

/** Records delays and resolves at once (honouring aborts), so no test waits on a clock. */
export function recordingSleep(delays: number[]): Sleep {
  return (ms, signal) => {
    delays.push(ms);
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve) => setTimeout(resolve, 0));
  };
}

/** Installs the token endpoint and the recorder, then `handlers`; returns a client on them. */
export function rig(worker: SetupWorker, handlers: HttpHandler[], options: Partial<ProxyClientOptions> & { expiresIn?: number } = {}): Rig {
  const seen: Seen[] = [];
  const tokens: string[] = [];
  const delays: number[] = [];
  const { expiresIn: _e, ...clientOptions } = options;
  const client = new ProxyClient({ tokenEndpoint: TOKEN_URL, sleep: recordingSleep(delays), random: () => 0.5, ...clientOptions });
  const result: Rig = { seen, tokens, delays, client, proxyCalls: () => seen.filter((s) => s.url.includes(PROXY)), tokenAnswer: undefined };
  worker.resetHandlers();
  worker.use(
    http.all('*/api-test/*', ({ request }) => {
      seen.push({
        method: request.method,
        url: request.url,
        headers: Object.fromEntries(request.headers),
        credentials: request.credentials,
      });
      // Falls through to the handlers below.
    }),
    http.post(`*${TOKEN_URL}`, () => {
      if (result.tokenAnswer) return result.tokenAnswer();
      const token = `tok-${tokens.length + 1}-${Math.random().toString(36).slice(2)}`;
      tokens.push(token);
      return HttpResponse.json({ token, expiresIn: options.expiresIn ?? 300, proxyUrl: PROXY });
    }),
    ...handlers,
  );
  return result;
}

/** A problem+json answer. */
export function problem(status: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): HttpResponse<string> {
  return new HttpResponse(JSON.stringify({ type: 'about:blank', title: `status ${status}`, status, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

export const SIGNER = { id: 's1', email: 'paul.durand@example.fr', firstName: 'Paul', lastName: 'Durand', phone: '+33612345678' };
export const FIELD = { signerId: 's1', page: 1, x: 360, y: 96, width: 180, height: 60 };

export function signRequest(overrides: Partial<SignRequest> = {}): SignRequest {
  return {
    id: 'req-1',
    status: 'pending',
    createdAt: '2026-11-26T10:15:00Z',
    updatedAt: '2026-11-26T10:15:00Z',
    signers: [{ ...SIGNER, status: 'waiting', signedAt: null }],
    fields: [FIELD],
    signedDocumentUrl: null,
    ...overrides,
  };
}

/** Rejection of a promise (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
