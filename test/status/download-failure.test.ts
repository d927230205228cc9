/**
 * A signed document the user cannot download (SPEC §2 "never fail silently"): the status view says
 * so in the user's language, from the catalogue, and the host hears the same words in `jse-error`.
 */
import { expect } from '@open-wc/testing';
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import { timing } from '../../src/internal/timing.js';
import type { Sandbox } from '../../src/testing/index.js';
import { useInstalledPdfJs } from '../helpers/element.js';
import { drawnSignature } from '../testing/helpers.js';
import { PAUL, attached, createPending, detailOf, startSandbox, statusView, until, type Recorded } from './helpers.js';
import { defineParts } from '../../src/internal/parts.js';

let worker: SetupWorker;
let sandbox: Sandbox;
let signature: Blob;
const mounted: HTMLElement[] = [];

before(async () => {
  useInstalledPdfJs();
  worker = setupWorker();
  await worker.start({ onUnhandledFrame: 'bypass', quiet: true });
  signature = await drawnSignature();
});

after(async () => {
  await worker.stop();
});

beforeEach(async () => {
  timing.follow.intervals = { visible: 20, hidden: 400, max: 100 };
  sandbox = await startSandbox(worker);
});

afterEach(async () => {
  for (const el of mounted.splice(0)) el.remove();
  delete timing.follow.intervals;
  await sandbox.stop();
});

/** An element showing a request Paul has already signed. */
async function signedRequest(attrs: Record<string, string> = {}): Promise<{ el: JseSignRequest; events: Recorded[] }> {
  const request = await createPending(sandbox, undefined, [PAUL]);
  await sandbox.journey.signAs(PAUL.email, signature);
  const result = attached(sandbox, request.id, attrs);
  mounted.push(result.el);
  await until(() => result.events.some((e) => e.type === 'jse-signed'), 'jse-signed');
  await result.el.updateComplete;
  // The status view is one of the parts defined when first used (in the element's scoped registry).
  await defineParts();
  await statusView(result.el).updateComplete;
  return result;
}

function query<T extends Element = HTMLElement>(el: JseSignRequest, selector: string): T | null {
  return statusView(el).shadowRoot!.querySelector<T>(selector);
}

describe('signed document download failure', () => {
  it('is shown from the catalogue in French and fired as jse-error with the same message', async () => {
    const { el, events } = await signedRequest();
    // Every attempt, retries included, answers 503.
    sandbox.faults.failWith('signed-document', 503, { times: Infinity });
    query<HTMLButtonElement>(el, '[data-action="download"]')!.click();
    await until(() => events.some((e) => e.type === 'jse-error'), 'jse-error');
    await statusView(el).updateComplete;

    const errors = events.filter((e) => e.type === 'jse-error');
    expect(errors).to.have.length(1);
    const detail = detailOf(errors[0], 'jse-error');
    const expected = 'Le téléchargement du document signé a échoué : Le service de signature ne répond pas. Réessayez dans un instant.';
    expect(detail).to.deep.equal({ code: 'upstream_unavailable', message: expected, retryable: true, status: 503 });
    expect(query(el, '[role="alert"]')!.textContent.trim()).to.equal(expected);
    expect(sandbox.calls.filter((c) => c.route === 'signed-document').every((c) => c.status === 503)).to.equal(true);
  });

  it('speaks English when the element does', async () => {
    const { el, events } = await signedRequest({ lang: 'en' });
    sandbox.faults.failWith('signed-document', 503, { times: Infinity });
    query<HTMLButtonElement>(el, '[data-action="download"]')!.click();
    await until(() => events.some((e) => e.type === 'jse-error'), 'jse-error');
    await statusView(el).updateComplete;
    const expected = 'The signed document could not be downloaded: The signing service is not answering. Try again in a moment.';
    expect(detailOf(events.find((e) => e.type === 'jse-error'), 'jse-error').message).to.equal(expected);
    expect(query(el, '[role="alert"]')!.textContent.trim()).to.equal(expected);
  });
});
