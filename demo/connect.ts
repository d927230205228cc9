/**
 * The demo's "Jesignexpert login" page, opened by the widget from `connectUrl` (SPEC §3, §7).
 * msw cannot serve a navigation, so this static page asks the page running the sandbox to link
 * the account (BroadcastChannel, same origin, with the sandbox's `state` nonce), then tells the
 * widget the way a real proxy's final page does: `window.opener.postMessage` and the
 * `jse-connect` BroadcastChannel.
 */
import { CONNECT_CHANNEL, SANDBOX_CHANNEL, type SandboxConnectMessage } from '../src/testing/connect.js';

/** How long to wait for the sandbox's page before saying it is gone. */
const ANSWER_TIMEOUT_MS = 3000;

const form = document.querySelector<HTMLFormElement>('#login')!;
const status = document.querySelector<HTMLElement>('#status')!;
const submit = document.querySelector<HTMLButtonElement>('#submit')!;
const state = new URLSearchParams(location.search).get('state');

function say(text: string): void {
  status.textContent = text;
}

if (!state) {
  say('Lien de connexion incomplet\u202f: ouvrez cette page depuis le bouton «\u202fConnecter Jesignexpert\u202f».');
  submit.disabled = true;
}

function login(email: string, password: string): Promise<SandboxConnectMessage | null> {
  const channel = new BroadcastChannel(SANDBOX_CHANNEL);
  return new Promise((resolve) => {
    const timer = setTimeout(() => finish(null), ANSWER_TIMEOUT_MS);
    function finish(answer: SandboxConnectMessage | null): void {
      clearTimeout(timer);
      channel.close();
      resolve(answer);
    }
    channel.onmessage = (event: MessageEvent<SandboxConnectMessage>) => {
      const answer = event.data;
      if ((answer?.type === 'jse-sandbox:linked' || answer?.type === 'jse-sandbox:refused') && answer.state === state) finish(answer);
    };
    channel.postMessage({ type: 'jse-sandbox:login', state: state!, email, password } satisfies SandboxConnectMessage);
  });
}

/** What a real proxy's last page does once the account is linked. */
function announceConnected(): void {
  const message = { type: 'jse:connected' };
  // The message carries nothing secret; it goes to our own origin, which is the proxy's here.
  (window.opener as Window | null)?.postMessage(message, location.origin);
  const channel = new BroadcastChannel(CONNECT_CHANNEL);
  channel.postMessage(message);
  channel.close();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim();
  const password = (form.elements.namedItem('password') as HTMLInputElement).value;
  if (!email || !password) {
    say('Saisissez votre identifiant et votre mot de passe.');
    return;
  }
  submit.disabled = true;
  say('Connexion…');
  void login(email, password).then((answer) => {
    submit.disabled = false;
    if (answer === null) {
      say("La page qui a demandé la connexion n’est plus ouverte\u202f: fermez cette fenêtre et recommencez.");
    } else if (answer.type === 'jse-sandbox:refused') {
      say('Identifiant ou mot de passe incorrect.');
    } else {
      submit.disabled = true;
      say('Compte Jesignexpert connecté. Vous pouvez fermer cette fenêtre.');
      announceConnected();
      if (window.opener) setTimeout(() => window.close(), 1500);
    }
  });
});
// The form answers from here on (tests and scripts wait for this instead of a delay).
form.dataset.ready = 'true';
