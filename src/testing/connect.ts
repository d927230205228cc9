/**
 * Linking the account from the demo's static connect page (msw's worker does not answer page
 * navigations, so the "Jesignexpert login" is a plain page that talks to the page running the
 * sandbox over a same-origin BroadcastChannel). The sandbox checks the `state` nonce of its own
 * `connectUrl`, so one sandbox is never linked by another one's login.
 */
import type { Person } from '../api/types.js';
import type { SandboxState } from './state.js';

/** The channel between the connect page and the sandbox. */
export const SANDBOX_CHANNEL = 'jse-sandbox';
/** The channel the widget listens on (SPEC §3). */
export const CONNECT_CHANNEL = 'jse-connect';

export type SandboxConnectMessage =
  | { type: 'jse-sandbox:login'; state: string; email: string; password: string }
  | { type: 'jse-sandbox:linked'; state: string; user: Person }
  | { type: 'jse-sandbox:refused'; state: string; reason: 'bad_credentials' };

export interface ConnectListenerOptions {
  /** When set, the login must use this password (to demo a wrong password); any is accepted otherwise. */
  password?: string;
}

/** Answers the connect page's login by linking the account. Returns the function that stops it. */
export function listenForConnect(state: SandboxState, options: ConnectListenerOptions = {}): () => void {
  const channel = new BroadcastChannel(SANDBOX_CHANNEL);
  channel.onmessage = (event: MessageEvent<SandboxConnectMessage>) => {
    const message = event.data;
    if (message?.type !== 'jse-sandbox:login' || message.state !== state.connectState) return;
    if (!message.email || !message.password || (options.password !== undefined && message.password !== options.password)) {
      channel.postMessage({ type: 'jse-sandbox:refused', state: message.state, reason: 'bad_credentials' } satisfies SandboxConnectMessage);
      return;
    }
    state.link();
    channel.postMessage({ type: 'jse-sandbox:linked', state: message.state, user: state.user } satisfies SandboxConnectMessage);
  };
  return () => channel.close();
}
