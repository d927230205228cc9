/**
 * The element class and its types, without registering anything: for hosts that register it under
 * another name (`customElements.define('ged-signature', JseSignRequest)`) or in a scoped registry.
 */
export { JseSignRequest, type ContactsSource } from './jse-sign-request.js';
export { configure, type JseConfig } from './config.js';
export { JseError, type JseErrorDetail } from './api/errors.js';
export { DraftLockedError } from './draft/draft.js';
export type {
  Field,
  JseErrorCode,
  Person,
  RequestSigner,
  RequestDocument,
  RequestStatus,
  Signer,
  SigningOrder,
  SignerStatus,
  SignRequest,
  ValidationCode,
  ValidationProblem,
} from './api/types.js';
export type { DocumentSource } from './documents/document-set-controller.js';
export type { Layout, LayoutField, LayoutPage, LayoutSigner, LayoutStore, SignerRole, SignerRoles } from './layouts/layout.js';
export * from './events.js';
