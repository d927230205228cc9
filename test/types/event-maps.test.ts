/**
 * Type-level checks, compiled by `npm run typecheck` (and run as an empty browser test): listeners on
 * the element, `document` and `window` get each event's own class, and a handler of another event is
 * refused. Each `@ts-expect-error` fails the type check if the error it expects disappears.
 */
import { expect } from '@open-wc/testing';
import type { JseErrorEvent, JseReadyEvent } from '../../src/events.js';
import type { JseSignRequest } from '../../src/jse-sign-request.js';

function typedListeners(el: JseSignRequest): void {
  el.addEventListener('jse-ready', (e) => e.detail.pageCount.toFixed());
  document.addEventListener('jse-pending', (e) => e.detail.request.id.toUpperCase());
  window.addEventListener('jse-error', (e) => e.detail.code.toUpperCase());
  const onReady = (e: JseReadyEvent) => e.detail.pages;
  document.addEventListener('jse-ready', onReady);
  // @ts-expect-error a jse-error handler is not a jse-ready handler
  document.addEventListener('jse-ready', (e: JseErrorEvent) => e.detail.code);
  // @ts-expect-error nor on window
  window.addEventListener('jse-signed', (e: JseErrorEvent) => e.detail.code);
  // @ts-expect-error a jse-ready detail has no signedDocumentUrl
  el.addEventListener('jse-ready', (e) => void e.detail.signedDocumentUrl);
}

describe('event maps (types)', () => {
  it('compiles (the assertions are the type check above)', () => {
    expect(typedListeners).to.be.a('function');
  });
});
