/**
 * Risks of the connect step (issue 19): a `/me` slower than the poll interval still lands (a poll
 * never aborts the check in flight), and a `connectUrl` that is not https: (http: on the local
 * machine) is refused — a jse-error, no popup, no link.
 */
import { expect } from '@open-wc/testing';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import { isSafeConnectUrl } from '../../src/send/connect-url.js';
import type { Sandbox } from '../../src/testing/index.js';
import { nextEvent } from '../helpers/element.js';
import { mount, newSandbox, resetPolling, startWorker, twoPageUrl, until } from './harness.js';

describe('connect step safety (issue 19)', function () {
  this.timeout(30000);
  let sandbox: Sandbox | undefined;
  let el: JseSignRequest | undefined;

  before(startWorker);
  beforeEach(() => sessionStorage.clear());
  afterEach(async () => {
    resetPolling();
    el?.remove();
    el = undefined;
    await sandbox?.stop();
    sandbox = undefined;
  });

  it('links through a /me slower than the poll interval', async () => {
    resetPolling(50);
    sandbox = await newSandbox({ linked: false });
    let required!: Promise<unknown>;
    ({ el } = await mount(sandbox, await twoPageUrl(), (e) => {
      required = nextEvent(e, 'jse-connect-required');
    }));
    await required;
    // Every /me from now on takes six poll intervals; the user links the account meanwhile.
    sandbox.faults.slow('me', 300, { times: Infinity });
    const connected = nextEvent(el, 'jse-connected', 20000);
    sandbox.state.link();
    expect((await connected).detail.user.email).to.equal(sandbox.state.user.email);
  });

  it('refuses a javascript: connectUrl: jse-error, no popup, no link', async () => {
    sandbox = await newSandbox({ linked: false, connectUrl: 'javascript:alert(document.domain)' });
    const opened: unknown[] = [];
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the very function is put back afterwards
    const original = window.open;
    window.open = (...args: unknown[]) => {
      opened.push(args);
      return null;
    };
    try {
      let error!: Promise<HTMLElementEventMap['jse-error']>;
      let required = 0;
      ({ el } = await mount(sandbox, await twoPageUrl(), (e) => {
        error = nextEvent(e, 'jse-error');
        e.addEventListener('jse-connect-required', () => required++);
      }));
      const { detail } = await error;
      expect(detail).to.include({ code: 'upstream_unavailable', retryable: false });
      await el.updateComplete;
      const root = el.shadowRoot!;
      await until(() => !!root.querySelector('.account-error'), 'the account error');
      expect(root.querySelector('.connect'), 'no connect step').to.equal(null);
      expect(root.querySelector('a[href^="javascript:"]'), 'no link').to.equal(null);
      expect(required).to.equal(0);
      // Retrying asks /me again, refused the same way, without opening anything.
      const again = nextEvent(el, 'jse-error');
      root.querySelector<HTMLButtonElement>('.account-error button')!.click();
      expect((await again).detail).to.include({ code: 'upstream_unavailable' });
      expect(opened).to.deep.equal([]);
      expect(sandbox.state.requests.size).to.equal(0);
    } finally {
      window.open = original;
    }
  });

  it('accepts https:, and http: only on the local machine', () => {
    const base = 'https://ged.example.fr/dossiers/';
    const table: Array<[string, boolean]> = [
      ['https://proxy.example.fr/connect?state=1', true],
      ['/connect.html', true],
      ['connect.html?state=1', true],
      ['http://localhost:8000/connect', true],
      ['http://127.0.0.1/connect', true],
      ['http://[::1]:3000/connect', true],
      ['http://ged.localhost/connect', true],
      ['http://proxy.example.fr/connect', false],
      ['javascript:alert(1)', false],
      [' JavaScript:alert(1)', false],
      ['data:text/html,<script>alert(1)</script>', false],
      ['file:///etc/passwd', false],
      ['vbscript:msgbox(1)', false],
      ['http://[bad', false],
    ];
    for (const [url, safe] of table) expect(isSafeConnectUrl(url, base), url).to.equal(safe);
    expect(isSafeConnectUrl('connect.html', 'http://localhost:8001/'), 'relative on a local page').to.equal(true);
    expect(isSafeConnectUrl('connect.html', 'http://ged.example.fr/'), 'relative on a plain-http page').to.equal(false);
  });
});
