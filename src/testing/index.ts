/**
 * `jse-sign-request/testing`: Jesignexpert and a host proxy, simulated in the page with msw
 * (SPEC §7). For the project's tests, its demo, and integrators' own tests.
 *
 * @example
 * ```ts
 * import { createSandbox } from 'jse-sign-request/testing';
 *
 * const sandbox = createSandbox({ proxyUrl: '/proxy', tokenEndpoint: '/token' });
 * await sandbox.start(); // registers msw's worker (serve mockServiceWorker.js at the site root)
 *
 * el.setAttribute('token-endpoint', '/token');
 * // … the user sends the request; then play the signer:
 * const session = sandbox.journey.open('paul.durand@example.fr');
 * const sms = session.acceptDocument();
 * session.enterCode(sms.code);
 * await session.drawSignature(pngBlob);
 * // Initials, mentions and texts, when the sender placed some (SPEC §10):
 * if (session.needsInitials) await session.drawInitials(initialsBlob);
 * for (let p = session.nextPrompt(); p; p = session.nextPrompt()) session.answer(p.kind === 'mention' ? p.prompt : 'Lyon');
 * session.acceptTerms({ termsOfUse: true, dataProtection: true });
 * await session.sign(); // the request is `signed`; its signedDocumentUrl serves the stamped PDF
 *
 * sandbox.faults.dropConnection('create', { afterProcessing: true, times: 2 });
 * sandbox.faults.failWith('get', 503, { retryAfter: 1 });
 * sandbox.faults.expireTokens();
 * sandbox.clock.advance(15 * 24 * 3600_000); // past a 14-day deadline: the request is expired
 * await sandbox.stop();
 * ```
 */
import type { HttpHandler } from 'msw';
import type { SetupWorker, StartOptions } from 'msw/browser';
import { listenForConnect } from './connect.js';
import { SandboxFaults } from './faults.js';
import { createHandlers, type SandboxCall } from './handlers.js';
import { SandboxJourney } from './journey.js';
import { SandboxState, type GedDocument, type SandboxClock, type SandboxStateOptions } from './state.js';

export { SandboxState, SandboxClock, DEFAULT_LIMITS, DEFAULT_USER, DEFAULT_REQUEST_DAYS, signedName } from './state.js';
export type {
  GedDocument,
  NewDocument,
  OutboxEmail,
  OutboxSms,
  SandboxLimits,
  SandboxStateOptions,
  StoredDocument,
  StoredRequest,
  StoredSigner,
  SignerProgress,
} from './state.js';
export { SandboxFaults, type Fault, type FaultOptions, type SandboxRoute } from './faults.js';
export { createHandlers, problem, type HandlerContext, type SandboxCall } from './handlers.js';
export {
  SandboxJourney,
  SignerSession,
  JourneyError,
  MAX_CODE_ATTEMPTS,
  type CodeResult,
  type JourneyErrorCode,
  type SignAsOptions,
  type TextPrompt,
} from './journey.js';
export {
  inspectPdf,
  inkBounds,
  signaturePlacement,
  signingDate,
  stampFields,
  stampSignatures,
  textPlacement,
  trimToInk,
  type ImagePlacement,
  type InkImage,
  type Inspection,
  type Stamp,
  type TextPlacement,
} from './stamp.js';
export { validateCreateBody, pointer, type CreateBody, type ValidateBodyOptions } from './validation.js';
export { SANDBOX_CHANNEL, CONNECT_CHANNEL, listenForConnect, type SandboxConnectMessage } from './connect.js';

export interface SandboxOptions extends SandboxStateOptions {
  /** Where the simulated proxy answers (default `/jse-sandbox/proxy`, resolved against the page). */
  proxyUrl?: string;
  /** The simulated host token endpoint (default `/jse-sandbox/token`). */
  tokenEndpoint?: string;
  /** The connect page's URL (default `connect.html` beside the page); `?state=…` is added. */
  connectUrl?: string;
  /** A password the connect page must be given (default: any non-empty password links). */
  connectPassword?: string;
}

export interface Sandbox {
  /** The msw handlers: give them to your own worker or server if you run one. */
  readonly handlers: HttpHandler[];
  /** Accounts, tokens, requests, outboxes: read it in assertions, change it to set up a case. */
  readonly state: SandboxState;
  /** The signer's side: invitations, code, signature, terms, sign, refuse. */
  readonly journey: SandboxJourney;
  /**
   * The sandbox's time (SPEC §10): `clock.advance(ms)` moves it forward, no real timer involved;
   * every pending request past its `expiresAt` becomes `expired` at once (the element following it
   * fires `jse-expired` at its next poll).
   */
  readonly clock: SandboxClock;
  /** Network drops (before or after the work is done), error statuses, slow answers, token expiry. */
  readonly faults: SandboxFaults;
  /** Every call the handlers saw, oldest first, with what they answered. */
  readonly calls: SandboxCall[];
  /** Absolute URLs the handlers answer on. */
  readonly proxyUrl: string;
  readonly tokenEndpoint: string;
  /** Puts a file in the simulated GED, for creates that send `document.id`. */
  addGedDocument(id: string, document: GedDocument): void;
  /**
   * Starts answering: with the given msw worker (its handlers are prepended with `use()`; start
   * it yourself), or with a new worker started here. Also listens for the connect page.
   */
  start(worker?: SetupWorker, options?: StartOptions): Promise<SetupWorker>;
  /** Stops answering (a worker started here is stopped; a given one loses these handlers). */
  stop(): Promise<void>;
}

function absolute(url: string): string {
  const base = typeof location === 'undefined' ? 'http://localhost/' : location.href;
  return new URL(url, base).href.replace(/\/+$/, '');
}

/** Creates a sandbox. Nothing answers until `start()`. */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const proxyUrl = absolute(options.proxyUrl ?? '/jse-sandbox/proxy');
  const tokenEndpoint = absolute(options.tokenEndpoint ?? '/jse-sandbox/token');
  const state = new SandboxState({ ...options, connectUrl: absolute(options.connectUrl ?? 'connect.html') });
  const faults = new SandboxFaults(() => state.expireTokens());
  const calls: SandboxCall[] = [];
  const handlers = createHandlers({ state, faults, proxyUrl, tokenEndpoint, calls });
  const journey = new SandboxJourney(state, proxyUrl);
  let running: { worker: SetupWorker; owned: boolean; stopListening: () => void } | undefined;

  return {
    handlers,
    state,
    journey,
    clock: state.clock,
    faults,
    calls,
    proxyUrl,
    tokenEndpoint,
    addGedDocument(id, document) {
      state.gedDocuments.set(id, document);
    },
    async start(worker, startOptions) {
      if (running) return running.worker;
      let owned = false;
      if (worker) {
        worker.use(...handlers);
      } else {
        const { setupWorker } = await import('msw/browser');
        worker = setupWorker(...handlers);
        await worker.start({ onUnhandledFrame: 'bypass', quiet: true, ...startOptions });
        owned = true;
      }
      const listenOptions = options.connectPassword === undefined ? {} : { password: options.connectPassword };
      running = { worker, owned, stopListening: listenForConnect(state, listenOptions) };
      return worker;
    },
    async stop() {
      if (!running) return;
      const { worker, owned, stopListening } = running;
      running = undefined;
      stopListening();
      if (owned) await worker.stop();
      else worker.resetHandlers(...worker.listHandlers().filter((h) => !handlers.includes(h as HttpHandler)));
    },
  };
}
