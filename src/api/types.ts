/**
 * Wire shapes shared by the element, the proxy client and the sandbox (SPEC §3).
 * Pure types: no DOM, no Lit.
 *
 * These are named aliases of the types generated from docs/openapi.yaml (src/api/wire.gen.ts),
 * the single source of truth of the wire format: change the OpenAPI file, run `npm run gen:api`.
 */
import type { components } from './wire.gen.js';

type Schemas = components['schemas'];

/** A person who signs. `phone` is E.164 on the wire (`+33612345678`). */
export type Signer = Schemas['Signer'];

/**
 * A signature location, in PDF points in the page's unrotated user space
 * (the space of /MediaBox and /CropBox); `x`, `y` is the lower-left corner; `page` is 1-based.
 */
export type Field = Schemas['Field'];

/**
 * What the signer puts in a field (SPEC §10): `signature` (the default when `kind` is absent),
 * `initials`, `date`, `mention` (its words in `text`), `text` (described by `label`).
 */
export type FieldKind = Schemas['FieldKind'];

/** Someone the sender may pick as a signer (the `me` and `contacts` properties). */
export type Person = Schemas['Person'];

/** Status of a whole request. */
export type RequestStatus = Schemas['RequestStatus'];
/** Status of one signer within a request. */
export type SignerStatus = Schemas['SignerStatus'];

/** A signer as the proxy reports it, with their progress. */
export type RequestSigner = Schemas['RequestSigner'];

/** A signature request as the proxy returns it. */
export type SignRequest = Schemas['SignRequest'];

/** The codes of the proxy's problems (SPEC §3). */
export type ProblemCode = Schemas['JseErrorCode'];

/**
 * The codes of `jse-error` (SPEC §2): the proxy's, and `internal_error` — a fault of the element
 * itself (a bug to report, never retryable), and `contacts_unavailable` — the host's async
 * `contacts` search rejected (retryable: typing again asks again), and `assets_unavailable` —
 * pdf.js's worker or assets could not be loaded (`detail.url`: the host's setup, not the document);
 * no proxy answer carries any of them.
 */
export type JseErrorCode = ProblemCode | 'internal_error' | 'contacts_unavailable' | 'assets_unavailable';

/** Validation problem codes (SPEC §3). */
export type ValidationCode = Schemas['ValidationCode'];

/** One validation problem; `path` is a JSON Pointer into the request, using signer ids. */
export type ValidationProblem = Schemas['ValidationProblem'];

/** An RFC 9457 problem as the proxy sends it, with its stable `code`. */
export type Problem = Schemas['Problem'];

/** The token endpoint's answer. */
export type TokenResponse = Schemas['TokenResponse'];

/** Limits the proxy applies to documents (`GET /me`). */
export type Limits = Schemas['Limits'];

/** `GET /me`: the user's Jesignexpert link, connected or not. */
export type Me = Schemas['Me'];
export type MeConnected = Schemas['MeConnected'];
export type MeNotConnected = Schemas['MeNotConnected'];

/** The connect page's message (postMessage and BroadcastChannel `jse-connect`). */
export type ConnectedMessage = Schemas['ConnectedMessage'];

/** Locales the proxy understands for messages to signers. */
export type Locale = Schemas['Locale'];

/** `POST /requests` as JSON: the proxy fetches the GED document(s) by id (`document`, or `documents` for a set). */
export type CreateRequestJson = Schemas['CreateRequestJson'];
/** The `request` part of the multipart `POST /requests` (the PDF in part `document`; for a set, one `documents` part each). */
export type CreateRequestPart = Schemas['CreateRequestPart'];
/** `POST /requests` as JSON for one document. */
export type CreateRequestJsonOne = Extract<CreateRequestJson, { document: unknown }>;
/** The multipart `request` part for one document. */
export type CreateRequestPartOne = Extract<CreateRequestPart, { document: unknown }>;
/** `POST /requests` as JSON for several documents (SPEC §10), every one a GED PDF. */
export type CreateRequestJsonSet = Extract<CreateRequestJson, { documents: unknown }>;
/** The multipart `request` part for several documents, each uploaded in its own `documents` part. */
export type CreateRequestPartSet = Extract<CreateRequestPart, { documents: unknown }>;
/** A GED document sent by id (`document-id`), with the version the widget saw. */
export type DocumentRef = Schemas['DocumentRef'];
/** An uploaded document's name and version. */
export type UploadedDocument = Schemas['UploadedDocument'];
/** `parallel` (every signer invited at once, the default) or `sequential` (in the list's order). */
export type SigningOrder = Schemas['SigningOrder'];
/** One document of a request as the proxy reports it (`SignRequest.documents`). */
export type RequestDocument = Schemas['RequestDocument'];
/** What the sender decided, common to both forms of `POST /requests`. */
export type RequestContent = Schemas['RequestContent'];
