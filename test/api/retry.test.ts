/** Pure parts of the retry policy and of problem reading. */
import { expect } from '@open-wc/testing';
import { JseError } from '../../src/api/errors.js';
import { codeForStatus, parseRetryAfter, problemFromResponse } from '../../src/api/problem.js';
import { backoffDelay, isRepeatable, withRetry } from '../../src/api/retry.js';

describe('api retry policy', () => {
  it('repeats only what is safe: GET, DELETE, keyed POST — never an unkeyed POST', () => {
    expect(isRepeatable('GET')).to.equal(true);
    expect(isRepeatable('DELETE')).to.equal(true);
    expect(isRepeatable('POST', 'k'.repeat(64))).to.equal(true);
    expect(isRepeatable('POST')).to.equal(false);
    expect(isRepeatable('POST', '')).to.equal(false);
    expect(isRepeatable('PATCH')).to.equal(false);
  });

  it('an unkeyed POST is attempted once even on network errors', async () => {
    let attempts = 0;
    const error = await withRetry(
      () => {
        attempts += 1;
        return Promise.reject(new JseError('network', 'down'));
      },
      { repeatable: isRepeatable('POST'), sleep: () => Promise.resolve() },
    ).catch((e: unknown) => e);
    expect((error as JseError).code).to.equal('network');
    expect(attempts).to.equal(1);
  });

  it('full jitter stays within the doubling ceiling, capped', () => {
    const policy = { baseDelay: 500, maxDelay: 8000 };
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 1))).to.deep.equal([500, 1000, 2000, 4000, 8000, 8000]);
    expect(backoffDelay(3, policy, () => 0)).to.equal(0);
  });

  it('Retry-After: seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    expect(parseRetryAfter('120', now)).to.equal(120_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 10:00:30 GMT', now)).to.equal(30_000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 09:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
  });

  it('unknown statuses: other 5xx upstream_unavailable, other 4xx invalid_request', async () => {
    expect(codeForStatus(501)).to.equal('upstream_unavailable');
    expect(codeForStatus(418)).to.equal('invalid_request');
    const error = await problemFromResponse(new Response('{"code":"made_up"}', { status: 404, headers: { 'Content-Type': 'application/problem+json' } }));
    expect([error.code, error.message]).to.deep.equal(['not_found', 'The proxy answered 404.']);
  });
});
