/**
 * The proxy client (SPEC §3; reference: docs/openapi.yaml): pure, no DOM, no Lit.
 * Used by the element, and by the sandbox and the tests for the wire types.
 */
export { ProxyClient, joinUrl } from './client.js';
export type { CallOptions, CreateOptions, CreateUpload, ProxyClientOptions, RequestSnapshot } from './client.js';
export { JseError } from './errors.js';
export type { JseErrorDetail, JseErrorOptions } from './errors.js';
export { follow, isFinal, DEFAULT_INTERVALS } from './follow.js';
export type { Follower, FollowIntervals, FollowOptions, Visibility } from './follow.js';
export { canonicalJson, idempotencyKey, sha256Hex } from './idempotency.js';
export type { DraftIdentity, IdempotentContent } from './idempotency.js';
export { STATUS_CODES, codeForStatus, isRetryableStatus, parseRetryAfter, problemFromResponse, readValidationProblems } from './problem.js';
export { DEFAULT_RETRY, backoffDelay, isRepeatable, isTransient, withRetry } from './retry.js';
export type { RetryOptions, RetryPolicy, Sleep } from './retry.js';
export { TokenProvider } from './token.js';
export type { Authorization, TokenProviderOptions } from './token.js';
export { fetchUpload, xhrUpload } from './upload.js';
export type { UploadProgress, UploadRequest, UploadTransport } from './upload.js';
export type * from './types.js';
