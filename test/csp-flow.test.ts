/**
 * The strict CSP of SPEC §5 beyond rendering: the built bundle in a page served with
 * `default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'` — signers panel,
 * placed fields (positioned through the CSSOM), the blocked list and the confirmation dialog —
 * with every violation the browser reports collected by the test server.
 */
import { expect } from '@open-wc/testing';
import { makePdf, serve } from './helpers/documents.js';
import { cspViolationsOf, openFrame, showIn } from './helpers/frames.js';
import { until } from './helpers/wait.js';

describe('the editing UI under a strict Content-Security-Policy', function () {
  this.timeout(30000);
  beforeEach(() => fetch('/__csp-report', { method: 'DELETE' }));
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('panel, fields, problems and the confirmation: no violation reported', async () => {
    const frame = await openFrame('/__csp/test/pages/standalone.html', { width: 1200, height: 900 });
    const { el } = await showIn(frame, await serve(await makePdf([{ label: 'CSP' }]), 'csp.pdf'));
    const root = el.shadowRoot!;
    // Blocked first: no signer, so the problems list shows.
    root.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await until(() => !!root.querySelector('.send .problems'), 'the blocked list');
    el.signers = [{ id: 's1', email: 'marie@example.fr', firstName: 'Marie', lastName: 'Dupont', phone: '+33612345678' }];
    root.querySelector<HTMLButtonElement>('button.add-field')!.click();
    await until(() => el.fields.length === 1, 'a placed field');
    const viewer = root.querySelector('jse-document-viewer')!;
    const layer = viewer.shadowRoot!.querySelector('jse-placement-layer')!;
    await until(() => !!layer.shadowRoot!.querySelector('[part~="field"]'), 'the field drawn');
    const drawn = layer.shadowRoot!.querySelector<HTMLElement>('[part~="field"]')!.getBoundingClientRect();
    expect(drawn.width).to.be.greaterThan(20); // its size comes from styleProps (CSSOM), allowed by the CSP
    root.querySelector<HTMLButtonElement>('[part~="submit"]')!.click();
    await until(() => !!root.querySelector<HTMLDialogElement>('dialog.confirm')?.open, 'the confirmation');
    expect(await cspViolationsOf(frame)).to.deep.equal([]);
  });
});
