/**
 * Wire shapes shared by the element, the proxy client and the sandbox (SPEC §3).
 * Pure types: no DOM, no Lit.
 */

/** A person who signs. `phone` is E.164 on the wire (`+33612345678`). */
export interface Signer {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  phone: string;
}

/**
 * A signature location, in PDF points in the page's unrotated user space
 * (the space of /MediaBox and /CropBox); `x`, `y` is the lower-left corner; `page` is 1-based.
 */
export interface Field {
  signerId: string;
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Someone the sender may pick as a signer (the `me` and `contacts` properties). */
export interface Person {
  email: string;
  firstName: string;
  lastName: string;
  phone?: string;
}

export type RequestStatus = 'pending' | 'signed' | 'refused' | 'expired' | 'cancelled';
export type SignerStatus = 'waiting' | 'signed' | 'refused';

export interface RequestSigner extends Signer {
  status: SignerStatus;
  signedAt?: string | null;
}

/** A signature request as the proxy returns it. */
export interface SignRequest {
  id: string;
  status: RequestStatus;
  createdAt: string;
  updatedAt?: string;
  signers: RequestSigner[];
  fields: Field[];
  signedDocumentUrl?: string | null;
}

/** The codes of `jse-error` and of the proxy's problems (SPEC §2, §3). */
export type JseErrorCode =
  | 'document_too_large'
  | 'unsupported_document'
  | 'encrypted_document'
  | 'damaged_document'
  | 'document_unavailable'
  | 'token_failed'
  | 'not_connected'
  | 'invalid_request'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'rate_limited'
  | 'upstream_unavailable'
  | 'network';

/** Validation problem codes (SPEC §3). */
export type ValidationCode =
  | 'required'
  | 'invalid_email'
  | 'duplicate_email'
  | 'invalid_phone'
  | 'not_mobile'
  | 'no_field'
  | 'unknown_signer'
  | 'outside_page';

/** One validation problem; `path` is a JSON Pointer into the request, using signer ids. */
export interface ValidationProblem {
  path: string;
  code: ValidationCode;
  message: string;
}
