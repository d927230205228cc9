/** Registers `<jse-sign-request>` unless something is already registered under that name. */
import { JseSignRequest } from './jse-sign-request.js';

if (!customElements.get('jse-sign-request')) {
  customElements.define('jse-sign-request', JseSignRequest);
}

declare global {
  interface HTMLElementTagNameMap {
    'jse-sign-request': JseSignRequest;
  }
}
