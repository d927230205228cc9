/**
 * The one classification of failures (src/api/errors.ts `toJseError`): a `JseError` stays itself,
 * an abort or a timeout is retryable network trouble, and anything else is the element's own fault
 * (`internal_error`, never retryable) — not passed off as a network failure.
 */
import { expect } from '@open-wc/testing';
import { JseError, importPart, partUnavailable, toJseError } from '../../src/api/errors.js';
import { follow } from '../../src/api/follow.js';

describe('api toJseError', () => {
  it('keeps a JseError as it is', () => {
    const original = new JseError('rate_limited', 'slow down', { status: 429, retryAfter: 2000 });
    expect(toJseError(original)).to.equal(original);
    expect(toJseError(original, { outcomeUnknown: true })).to.equal(original);
  });

  it('reads a TypeError, a RangeError and a thrown string as internal_error, not retryable', () => {
    const type = toJseError(new TypeError("Cannot read properties of undefined (reading 'id')"));
    expect(type.code).to.equal('internal_error');
    expect(type.retryable).to.equal(false);
    expect(type.outcomeUnknown).to.equal(false);
    expect(type.message).to.equal("TypeError: Cannot read properties of undefined (reading 'id')");
    expect(type.cause).to.be.instanceOf(TypeError);
    expect(toJseError(new RangeError('Invalid array length')).code).to.equal('internal_error');
    const thrown = toJseError('boom');
    expect([thrown.code, thrown.retryable, thrown.message]).to.deep.equal(['internal_error', false, 'Thrown: boom']);
    expect(toJseError(undefined).message).to.equal('Thrown: undefined');
    expect(toJseError(new TypeError('x'), { outcomeUnknown: true }).outcomeUnknown).to.equal(false, 'a bug says nothing of the POST');
  });

  it('reads an abort or a timeout as network trouble, retryable, with the outcome as the caller says', () => {
    const abort = toJseError(new DOMException('The operation was aborted.', 'AbortError'));
    expect([abort.code, abort.retryable, abort.outcomeUnknown]).to.deep.equal(['network', true, false]);
    const timeout = toJseError(new DOMException('late', 'TimeoutError'), { outcomeUnknown: true });
    expect([timeout.code, timeout.retryable, timeout.outcomeUnknown]).to.deep.equal(['network', true, true]);
  });

  it('reads a chunk that did not arrive as network trouble, only around the import', async () => {
    const missing = partUnavailable(new TypeError('Failed to fetch dynamically imported module: /x.js'));
    expect([missing.code, missing.retryable]).to.deep.equal(['network', true]);
    const failed = await importPart(() => import(/* @vite-ignore */ `${location.origin}/no-such-chunk-${Date.now()}.js`)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(failed).to.be.instanceOf(JseError);
    expect((failed as JseError).code).to.equal('network');
    expect(await importPart(() => Promise.resolve(42))).to.equal(42);
  });

  it('makes a programming error while following fatal and internal, not a network retry', async () => {
    const errors: Array<{ code: string; retryable: boolean; fatal: boolean }> = [];
    let polls = 0;
    const follower = follow({
      client: {
        getRequest: () => {
          polls += 1;
          return Promise.reject(new TypeError('response.json is not a function'));
        },
      },
      id: 'r1',
      onUpdate: () => undefined,
      onError: (error, { fatal }) => errors.push({ code: error.code, retryable: error.retryable, fatal }),
      sleep: () => Promise.reject(new Error('a bug must not be retried after a wait')),
    });
    expect(await follower.done).to.equal(undefined);
    expect(polls).to.equal(1);
    expect(errors).to.deep.equal([{ code: 'internal_error', retryable: false, fatal: true }]);
  });

  it('makes a throwing onUpdate (the caller’s bug) internal_error, ending the follow', async () => {
    const errors: string[] = [];
    const follower = follow({
      client: {
        getRequest: () =>
          Promise.resolve({
            notModified: false,
            etag: null,
            request: { id: 'r1', status: 'pending', createdAt: '', updatedAt: '', signers: [], fields: [] },
          } as never),
      },
      id: 'r1',
      onUpdate: () => {
        throw new TypeError('host bug');
      },
      onError: (error, { fatal }) => errors.push(`${error.code}:${String(fatal)}:${error.message}`),
    });
    expect(await follower.done).to.equal(undefined);
    expect(errors).to.deep.equal(['internal_error:true:TypeError: host bug']);
  });
});
