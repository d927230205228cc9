/**
 * Why a document could not be opened. A `JseError` (its `code` is the `jse-error` code) that also
 * keeps the facts the element needs to word the message in the user's language.
 */
import { JseError } from '../api/errors.js';
import type { JseErrorCode } from '../api/types.js';

export interface DocumentErrorFacts {
  /** The file's real size, when known. */
  size?: number;
  /** The limit it passed. */
  limit?: number;
  /** HTTP status of the file's URL. */
  status?: number;
  /** The user typed a password and it was wrong (the prompt says so). */
  wrongPassword?: boolean;
  /** The pdf.js file that could not be loaded (`assets_unavailable`). */
  url?: string;
}

export class DocumentError extends JseError {
  readonly facts: DocumentErrorFacts;

  constructor(code: JseErrorCode, message: string, facts: DocumentErrorFacts = {}, cause?: unknown) {
    super(code, message, {
      ...(facts.status !== undefined ? { status: facts.status } : {}),
      ...(facts.url !== undefined ? { url: facts.url } : {}),
      ...(cause !== undefined ? { cause } : {}),
    });
    this.facts = facts;
  }
}

export function tooLarge(size: number | undefined, limit: number): DocumentError {
  const what = size === undefined ? `more than ${limit} bytes` : `${size} bytes`;
  return new DocumentError('document_too_large', `The document is ${what}; the limit is ${limit} bytes.`, {
    ...(size !== undefined ? { size } : {}),
    limit,
  });
}

export function unavailable(status: number | undefined, cause?: unknown): DocumentError {
  const what = status === undefined ? 'network error' : `HTTP ${status}`;
  return new DocumentError('document_unavailable', `The document cannot be fetched (${what}).`, status === undefined ? {} : { status }, cause);
}

/**
 * pdf.js's worker (or another of its files) could not be loaded from `url`: the host's setup,
 * never the document. Not retryable: the same URL answers the same until the host is fixed.
 */
export function assetsUnavailable(url: string, cause?: unknown): DocumentError {
  const message = `pdf.js cannot be started: ${url} could not be loaded. Serve the package's pdfjs/ folder there, or point configure({ assetsBase }) at it.`;
  return new DocumentError('assets_unavailable', message, { url }, cause);
}

export function damaged(reason: string, cause?: unknown): DocumentError {
  return new DocumentError('damaged_document', `The document is damaged: ${reason}.`, {}, cause);
}
