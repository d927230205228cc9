/**
 * Every event the element fires: one class each, `bubbles` and `composed` set once here,
 * and the event-map augmentations so host listeners on the element, `document` and `window`
 * are typed (SPEC §2, §10).
 */
import type { JseErrorDetail } from './api/errors.js';
import type { Person, RequestSigner, SignRequest, ValidationProblem } from './api/types.js';

/** One page as read: `view` is pdf.js `page.view` (PDF user space); `width`/`height` as shown. */
export interface PageInfo {
  /** 1-based page number. */
  number: number;
  /** The page's box in PDF user space, `[x1, y1, x2, y2]` (pdf.js `page.view`). */
  view: [number, number, number, number];
  /** The page's rotation in degrees (0, 90, 180, 270), as shown. */
  rotation: number;
  /** Width as shown (rotation applied), in points. */
  width: number;
  /** Height as shown (rotation applied), in points. */
  height: number;
}

/** `jse-ready`'s detail. */
export interface JseReadyDetail {
  /** The document's name: `document-name`, else from the URL or `Content-Disposition`. */
  documentName: string;
  /** The file's size in bytes. */
  size: number;
  /** `image` for a PNG or JPEG (shown as a one-page PDF). */
  type: 'pdf' | 'image';
  /** Pages in the document. */
  pageCount: number;
  /**
   * The pages read so far (page 1 at least), in order, each with its `number`: the others are read
   * on demand (`getPageInfo(n)`), SPEC §10.
   */
  pages: PageInfo[];
}

/** The detail of the events about a request. */
export interface JseRequestDetail {
  /** The request as the proxy reports it (`status`, `signers`, `fields`, `documents`…). */
  request: SignRequest;
}

/** `jse-signed`'s detail. */
export interface JseSignedDetail extends JseRequestDetail {
  /** The first (or only) signed document's URL at the proxy. */
  signedDocumentUrl: string;
  /** Fetches the (first) signed PDF with the proxy token. */
  download(): Promise<Blob>;
  /**
   * Every signed document of the request, in order (one for a one-document request), SPEC §10:
   * the host stores a signed version of each.
   */
  documents: JseSignedDocument[];
}

/** One signed document of `jse-signed.detail.documents`. */
export interface JseSignedDocument {
  /** The document's name as the proxy reports it (empty when a proxy lists no documents). */
  name: string;
  /** This signed document's URL at the proxy (`/requests/{id}/documents/{index}/signed-document`). */
  signedDocumentUrl: string;
  /** Fetches this signed PDF with the proxy token. */
  download(): Promise<Blob>;
}

abstract class JseEvent<D> extends CustomEvent<D> {
  constructor(type: string, detail: D) {
    super(type, { detail, bubbles: true, composed: true });
  }
}

/** The document is loaded and its first page painted (or, while the element is hidden, loaded). */
export class JseReadyEvent extends JseEvent<JseReadyDetail> {
  constructor(detail: JseReadyDetail) { super('jse-ready', detail); }
}
/** Attached to an existing request (`request-id`, or a draft restored after sending). */
export class JseStatusEvent extends JseEvent<JseRequestDetail> {
  constructor(detail: JseRequestDetail) { super('jse-status', detail); }
}
/** The user's Jesignexpert account is not linked yet. */
export class JseConnectRequiredEvent extends JseEvent<{ connectUrl: string }> {
  constructor(detail: { connectUrl: string }) { super('jse-connect-required', detail); }
}
/** The user's Jesignexpert account is linked. */
export class JseConnectedEvent extends JseEvent<{ user: Person }> {
  constructor(detail: { user: Person }) { super('jse-connected', detail); }
}
/** The draft cannot be sent as it is. */
export class JseInvalidEvent extends JseEvent<{ errors: ValidationProblem[] }> {
  constructor(detail: { errors: ValidationProblem[] }) { super('jse-invalid', detail); }
}
/** This element created the request; the host can show the "en attente de signature" version. */
export class JsePendingEvent extends JseEvent<JseRequestDetail> {
  constructor(detail: JseRequestDetail) { super('jse-pending', detail); }
}
/** One signer has signed. */
export class JseSignerSignedEvent extends JseEvent<JseRequestDetail & { signer: RequestSigner }> {
  constructor(detail: JseRequestDetail & { signer: RequestSigner }) { super('jse-signer-signed', detail); }
}
/** Everyone has signed; the signed PDF is available. */
export class JseSignedEvent extends JseEvent<JseSignedDetail> {
  constructor(detail: JseSignedDetail) { super('jse-signed', detail); }
}
/** A signer refused. */
export class JseRefusedEvent extends JseEvent<JseRequestDetail> {
  constructor(detail: JseRequestDetail) { super('jse-refused', detail); }
}
/** The request expired. */
export class JseExpiredEvent extends JseEvent<JseRequestDetail> {
  constructor(detail: JseRequestDetail) { super('jse-expired', detail); }
}
/** The request was cancelled. */
export class JseCancelledEvent extends JseEvent<JseRequestDetail> {
  constructor(detail: JseRequestDetail) { super('jse-cancelled', detail); }
}
/** Something failed; the same failure is shown to the user. */
export class JseErrorEvent extends JseEvent<JseErrorDetail> {
  constructor(detail: JseErrorDetail) { super('jse-error', detail); }
}

/** Every event of the element by name: the listener types on the element, `document` and `window`. */
export interface JseEventMap {
  'jse-ready': JseReadyEvent;
  'jse-status': JseStatusEvent;
  'jse-connect-required': JseConnectRequiredEvent;
  'jse-connected': JseConnectedEvent;
  'jse-invalid': JseInvalidEvent;
  'jse-pending': JsePendingEvent;
  'jse-signer-signed': JseSignerSignedEvent;
  'jse-signed': JseSignedEvent;
  'jse-refused': JseRefusedEvent;
  'jse-expired': JseExpiredEvent;
  'jse-cancelled': JseCancelledEvent;
  'jse-error': JseErrorEvent;
}

// The events bubble and are composed: listeners on `document` and `window` get them typed too.
declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends JseEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends JseEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface WindowEventMap extends JseEventMap {}
}
