/**
 * Linking the account through the demo's static connect page (SPEC §3 connect, §7): the page
 * talks to the sandbox over BroadcastChannel, then announces `jse:connected` to its opener and on
 * the `jse-connect` channel — what the widget listens for.
 */
import { expect } from '@open-wc/testing';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { CONNECT_CHANNEL, createSandbox, type Sandbox } from '../../src/testing/index.js';
import { PlainClient } from './helpers.js';
import { until } from '../helpers/wait.js';

let worker: SetupWorker;
let sandbox: Sandbox;
let frame: HTMLIFrameElement | undefined;

before(async () => {
  worker = setupWorker();
  await worker.start({ onUnhandledFrame: 'bypass', quiet: true });
});

after(async () => {
  await worker.stop();
});

afterEach(async () => {
  frame?.remove();
  frame = undefined;
  await sandbox.stop();
});

/** Opens the connect page in a frame (same origin: a test can fill it in) and logs in. */
async function logIn(connectUrl: string, email: string, password: string): Promise<Document> {
  frame = document.createElement('iframe');
  frame.src = connectUrl;
  const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  await until(() => doc.querySelector('#login[data-ready]'), 'the page script');
  doc.querySelector<HTMLInputElement>('#email')!.value = email;
  doc.querySelector<HTMLInputElement>('#password')!.value = password;
  doc.querySelector<HTMLFormElement>('#login')!.requestSubmit();
  return doc;
}

async function connectUrl(): Promise<string> {
  const me = (await (await new PlainClient(sandbox).call('GET', '/me')).json()) as { connected: boolean; connectUrl: string };
  expect(me.connected).to.equal(false);
  return me.connectUrl;
}

describe('connect page', () => {
  it('links the account and announces jse:connected on the jse-connect channel', async () => {
    sandbox = createSandbox({ proxyUrl: '/proxy', tokenEndpoint: '/token', connectUrl: '/demo/connect.html', linked: false });
    await sandbox.start(worker);
    const channel = new BroadcastChannel(CONNECT_CHANNEL);
    const announced = new Promise<unknown>((resolve) => (channel.onmessage = (e) => resolve(e.data)));
    const doc = await logIn(await connectUrl(), 'claire.martin@cabinet-exemple.fr', 'n’importe');
    expect(await announced).to.deep.equal({ type: 'jse:connected' });
    channel.close();
    expect(sandbox.state.linked).to.equal(true);
    const me = (await (await new PlainClient(sandbox).call('GET', '/me')).json()) as { connected: boolean };
    expect(me.connected).to.equal(true);
    expect(doc.querySelector('#status')!.textContent).to.contain('Compte Jesignexpert connecté');
  });

  it('a wrong password is refused and the account stays unlinked', async () => {
    sandbox = createSandbox({ proxyUrl: '/proxy', tokenEndpoint: '/token', connectUrl: '/demo/connect.html', linked: false, connectPassword: 'secret' });
    await sandbox.start(worker);
    const doc = await logIn(await connectUrl(), 'claire.martin@cabinet-exemple.fr', 'wrong');
    await until(() => doc.querySelector('#status')!.textContent.includes('incorrect'), 'the refusal');
    expect(sandbox.state.linked).to.equal(false);
  });

  it("another sandbox's link (another state) does not link this one", async () => {
    sandbox = createSandbox({ proxyUrl: '/proxy', tokenEndpoint: '/token', connectUrl: '/demo/connect.html', linked: false });
    await sandbox.start(worker);
    const doc = await logIn('/demo/connect.html?state=someone-else', 'claire.martin@cabinet-exemple.fr', 'x');
    await until(() => doc.querySelector('#status')!.textContent.includes("n’est plus ouverte"), 'the no-answer message');
    expect(sandbox.state.linked).to.equal(false);
  });

  it('opened as a popup, it posts jse:connected to its opener from the same origin', async function () {
    sandbox = createSandbox({ proxyUrl: '/proxy', tokenEndpoint: '/token', connectUrl: '/demo/connect.html', linked: false });
    await sandbox.start(worker);
    const popup = window.open(await connectUrl(), 'jse-connect-test', 'popup,width=480,height=600');
    if (!popup) {
      console.log('skipped: this browser blocks popups opened without a user gesture');
      this.skip();
    }
    const received = new Promise<MessageEvent>((resolve) => {
      const listener = (event: MessageEvent): void => {
        if (event.source !== popup) return;
        window.removeEventListener('message', listener);
        resolve(event);
      };
      window.addEventListener('message', listener);
    });
    try {
      const doc = await until(() => popup.document.querySelector('#login[data-ready]') && popup.document, 'the popup page');
      doc.querySelector<HTMLInputElement>('#email')!.value = 'claire.martin@cabinet-exemple.fr';
      doc.querySelector<HTMLInputElement>('#password')!.value = 'x';
      doc.querySelector<HTMLFormElement>('#login')!.requestSubmit();
      const event = await received;
      expect(event.origin).to.equal(location.origin);
      expect(event.data).to.deep.equal({ type: 'jse:connected' });
      expect(sandbox.state.linked).to.equal(true);
    } finally {
      popup.close();
    }
  });
});
