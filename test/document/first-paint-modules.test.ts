/**
 * Page 1 first (issue 13): what page 1 does not need is not even requested before `jse-ready`.
 * This file imports nothing but the element and hand-made bytes (the helpers that make PDFs
 * import pdf-lib), so every module the page requests is the element's doing.
 */
import { expect } from '@open-wc/testing';
import '../../src/define.js';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import { handmadePdf } from './crafted.js';
import { useInstalledPdfJs } from '../helpers/element.js';
import { nextEvent } from '../helpers/wait.js';

async function upload(bytes: Uint8Array, name: string): Promise<string> {
  const path = `/__files/${Date.now().toString(36)}-first-paint/${name}`;
  const response = await fetch(path, { method: 'PUT', body: bytes as BodyInit, headers: { 'Content-Type': 'application/pdf' } });
  if (!response.ok) throw new Error(`upload failed: ${response.status}`);
  return path;
}

const content = '0 0.4 0.8 rg 40 40 300 200 re f';
const pdf = handmadePdf([
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Contents 4 0 R >>',
  `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
]);

/** Modules requested (by their start time, so one still loading counts) before `at`. */
const requestedBefore = (at: number, pattern: RegExp) =>
  performance
    .getEntriesByType('resource')
    .filter((e) => e.startTime < at && pattern.test(e.name))
    .map((e) => new URL(e.name).pathname);

describe('<jse-sign-request> — page 1 first', () => {
  before(() => useInstalledPdfJs());

  it('requests the phone metadata, pdf-lib, the signers panel and the status view only after jse-ready', async () => {
    const el: JseSignRequest = document.createElement('jse-sign-request');
    el.style.height = '600px';
    // The moment it is dispatched (what the element does after it, it does after it).
    let readyAt = NaN;
    el.addEventListener('jse-ready', () => (readyAt = performance.now()), { once: true });
    const ready = nextEvent(el, 'jse-ready');
    el.src = await upload(pdf, 'one.pdf');
    document.body.append(el);
    await ready;
    await el.updateComplete;
    const later = /libphonenumber|pdf-lib|signers-panel|status-view|\/validation\./;
    expect(requestedBefore(readyAt, later), 'requested before jse-ready').to.deep.equal([]);
    // What page 1 needs was requested before it, and the rest right after (the check can see them).
    expect(requestedBefore(readyAt, /pdf\.worker|document-viewer|placement-layer/).length).to.be.at.least(3);
    expect(requestedBefore(Infinity, /libphonenumber/).length, 'phone metadata after jse-ready').to.be.greaterThan(0);
    expect(requestedBefore(Infinity, /signers-panel/).length).to.be.greaterThan(0);
    // And once the element's update is complete, the panel is there and upgraded.
    const panel = el.shadowRoot!.querySelector('jse-signers-panel')!;
    expect(panel.shadowRoot, 'the signers panel is defined').to.not.equal(null);
    el.remove();
  });
});
