/**
 * Following a request (SPEC §3 "Follow") with the real client on msw handlers: ETag/304, the pace
 * visible and hidden, backoff on failures, Retry-After, final statuses, fatal errors, stop and
 * wake. Waits are recorded by an injected sleep, so no test depends on a clock.
 */
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { JseError } from '../../src/api/errors.js';
import { follow, type Visibility } from '../../src/api/follow.js';
import type { Sleep } from '../../src/api/retry.js';
import type { SignRequest } from '../../src/api/types.js';
import { PROXY, problem, rig, signRequest } from './helpers.js';

let worker: SetupWorker;

before(async () => {
  worker = setupWorker();
  await worker.start({ onUnhandledFrame: 'bypass', quiet: true });
});

after(() => worker.stop());

/** A proxy whose request changes as the test says; answers 304 to the current ETag. */
function scripted(answers: (poll: number) => Response | SignRequest | 'same') {
  let poll = 0;
  let version = 0;
  let current: SignRequest | undefined;
  return http.get(`*${PROXY}/requests/req-1`, ({ request }) => {
    poll += 1;
    const answer = answers(poll);
    if (answer instanceof Response) return answer;
    if (answer !== 'same') {
      current = answer;
      version += 1;
    }
    const etag = `"v${version}"`;
    if (request.headers.get('if-none-match') === etag) return new HttpResponse(null, { status: 304, headers: { ETag: etag } });
    return HttpResponse.json(current, { headers: { ETag: etag } });
  });
}

const signed = signRequest({ status: 'signed', signers: [{ ...signRequest().signers[0], status: 'signed', signedAt: '2026-11-26T11:00:00Z' }] });

describe('api follow', () => {
  it('polls with If-None-Match, reports only changes, ends on the final status', async () => {
    const r = rig(worker, [scripted((poll) => (poll === 1 ? signRequest() : poll < 4 ? 'same' : signed))]);
    const delays: number[] = [];
    const updates: string[] = [];
    const follower = follow({
      client: r.client,
      id: 'req-1',
      onUpdate: (request) => updates.push(request.status),
      sleep: recorder(delays),
      random: () => 0.5,
    });
    expect(await follower.done).to.deep.equal(signed);
    expect(updates).to.deep.equal(['pending', 'signed']);
    expect(r.proxyCalls().map((c) => c.headers['if-none-match'] ?? null)).to.deep.equal([null, '"v1"', '"v1"', '"v1"']);
    expect(delays).to.deep.equal([5000, 5000, 5000]);
  });

  it('waits one interval first when it starts from a known request, and stops at once on a final one', async () => {
    const r = rig(worker, [scripted(() => signed)]);
    const delays: number[] = [];
    const done = follow({ client: r.client, id: 'req-1', request: signRequest(), etag: '"v0"', onUpdate: () => {}, sleep: recorder(delays), random: () => 0.5 }).done;
    expect((await done)?.status).to.equal('signed');
    expect(delays).to.deep.equal([5000]);
    expect(r.proxyCalls()[0].headers['if-none-match']).to.equal('"v0"');

    const idle = follow({ client: r.client, id: 'req-1', request: signed, onUpdate: () => {} });
    expect(await idle.done).to.equal(signed);
    expect(r.proxyCalls()).to.have.length(1);
  });

  it('slows down while hidden', async () => {
    let state: Visibility = 'visible';
    const r = rig(worker, [scripted((poll) => (poll === 1 ? signRequest() : poll < 5 ? 'same' : signed))]);
    const delays: number[] = [];
    const sleep: Sleep = (ms) => {
      delays.push(ms);
      state = delays.length >= 2 ? 'hidden' : 'visible';
      return Promise.resolve();
    };
    await follow({ client: r.client, id: 'req-1', visibility: () => state, onUpdate: () => {}, sleep, random: () => 0.5 }).done;
    expect(delays).to.deep.equal([5000, 5000, 60000, 60000]);
  });

  it('honours Retry-After on a normal answer and on a 429', async () => {
    const r = rig(worker, [
      scripted((poll) =>
        poll === 1
          ? HttpResponse.json(signRequest(), { headers: { ETag: '"a"', 'Retry-After': '20' } })
          : poll === 2
            ? problem(429, { code: 'rate_limited' }, { 'Retry-After': '45' })
            : signed,
      ),
    ]);
    const delays: number[] = [];
    const errors: string[] = [];
    await follow({
      client: r.client,
      id: 'req-1',
      onUpdate: () => {},
      onError: (e, { fatal }) => errors.push(`${e.code}:${fatal}`),
      sleep: recorder(delays),
      random: () => 0.5,
    }).done;
    expect(delays).to.deep.equal([20000, 45000]);
    expect(errors).to.deep.equal(['rate_limited:false']);
  });

  it('backs off on failures (5xx, network), then resumes the normal pace', async () => {
    const r = rig(worker, [scripted((poll) => (poll <= 3 ? problem(503) : poll === 4 ? HttpResponse.error() : poll === 5 ? signRequest() : signed))]);
    const delays: number[] = [];
    const errors: string[] = [];
    await follow({
      client: r.client,
      id: 'req-1',
      onUpdate: () => {},
      onError: (e) => errors.push(e.code),
      sleep: recorder(delays),
      random: () => 0,
    }).done;
    // Equal jitter with random 0: half of 5 s·2^n, capped at 120 s.
    expect(delays).to.deep.equal([5000, 10000, 20000, 40000, 4500]);
    expect(errors).to.deep.equal(['upstream_unavailable', 'upstream_unavailable', 'upstream_unavailable', 'network']);
    // The client's own retries are off: each failure is one poll.
    expect(r.proxyCalls()).to.have.length(6);
  });

  it('a fatal error (404) ends the following and is reported', async () => {
    const r = rig(worker, [scripted(() => problem(404, { code: 'not_found' }))]);
    const errors: [JseError, boolean][] = [];
    const result = await follow({ client: r.client, id: 'req-1', onUpdate: () => {}, onError: (e, { fatal }) => errors.push([e, fatal]), sleep: recorder([]) }).done;
    expect(result).to.equal(undefined);
    expect(errors.map(([e, fatal]) => [e.code, fatal])).to.deep.equal([['not_found', true]]);
    expect(r.proxyCalls()).to.have.length(1);
  });

  it('stop() ends it during a wait, and nothing more is asked', async () => {
    const r = rig(worker, [scripted(() => signRequest())]);
    let slept!: () => void;
    const asleep = new Promise<void>((resolve) => (slept = resolve));
    const sleep: Sleep = (_ms, signal) =>
      new Promise((_resolve, reject) => {
        signal!.addEventListener('abort', () => reject(signal!.reason));
        slept();
      });
    const follower = follow({ client: r.client, id: 'req-1', onUpdate: () => {}, sleep });
    await asleep;
    follower.stop();
    expect(await follower.done).to.equal(undefined);
    expect(r.proxyCalls()).to.have.length(1);
  });

  it('stop() during a poll aborts it', async () => {
    const stop = new AbortController();
    const r = rig(worker, [
      http.get(`*${PROXY}/requests/req-1`, async () => {
        stop.abort();
        await new Promise((resolve) => setTimeout(resolve, 500));
        return HttpResponse.json(signed);
      }),
    ]);
    const updates: unknown[] = [];
    const follower = follow({ client: r.client, id: 'req-1', onUpdate: (u) => updates.push(u) });
    stop.signal.addEventListener('abort', () => follower.stop());
    expect(await follower.done).to.equal(undefined);
    expect(updates).to.deep.equal([]);
  });

  it('an onUpdate that throws ends the following, reported as fatal', async () => {
    const r = rig(worker, [scripted(() => signRequest())]);
    const errors: boolean[] = [];
    const follower = follow({
      client: r.client,
      id: 'req-1',
      onUpdate: () => {
        throw new Error('host bug');
      },
      onError: (_e, { fatal }) => errors.push(fatal),
      sleep: recorder([]),
    });
    expect(await follower.done).to.equal(undefined);
    expect(errors).to.deep.equal([true]);
    expect(r.proxyCalls()).to.have.length(1);
  });

  it('wake() polls at once instead of waiting', async () => {
    const r = rig(worker, [scripted((poll) => (poll === 1 ? signRequest() : signed))]);
    let slept!: () => void;
    const asleep = new Promise<void>((resolve) => (slept = resolve));
    // A sleep that never ends by itself: only wake() can end it.
    const sleep: Sleep = (_ms, signal) =>
      new Promise((_resolve, reject) => {
        signal!.addEventListener('abort', () => reject(signal!.reason));
        slept();
      });
    const follower = follow({ client: r.client, id: 'req-1', onUpdate: () => {}, sleep });
    await asleep;
    follower.wake();
    expect((await follower.done)?.status).to.equal('signed');
  });
});

function recorder(delays: number[]): Sleep {
  return (ms) => {
    delays.push(ms);
    return Promise.resolve();
  };
}
