/**
 * What the status tests share: a sandbox on one msw worker, requests created directly in its
 * state (as a request sent earlier, from another tab or yesterday), an element attached to one,
 * a recorder of the element's public events, and a condition wait.
 */
import { expect } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import type { Field, Signer } from '../../src/api/types.js';
import type { JseEventMap } from '../../src/events.js';
import '../../src/index.js';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import { createSandbox, type Sandbox, type StoredRequest } from '../../src/testing/index.js';
import { makePdf } from '../helpers/documents.js';

export const PAUL: Signer = { id: 's1', email: 'paul.durand@example.fr', firstName: 'Paul', lastName: 'Durand', phone: '+33612345678' };
export const LEA: Signer = { id: 's2', email: 'lea.bernard@example.fr', firstName: 'Léa', lastName: 'Bernard', phone: '+33698765432' };
export const FIELD_PAUL: Field = { signerId: 's1', page: 1, x: 340, y: 120, width: 180, height: 60 };
export const FIELD_LEA: Field = { signerId: 's2', page: 1, x: 60, y: 120, width: 180, height: 60 };

/** Every public event of the element (jse-pending included, so a test sees if one slips out). */
export const EVENT_TYPES = [
  'jse-status',
  'jse-pending',
  'jse-signer-signed',
  'jse-signed',
  'jse-refused',
  'jse-expired',
  'jse-cancelled',
  'jse-error',
] as const;

export function newSandbox(): Sandbox {
  return createSandbox({ proxyUrl: '/status-test/proxy', tokenEndpoint: '/status-test/token' });
}

let sequence = 0;

/** A pending request for Paul and Léa, as if sent earlier; `bytes` is the document sent. */
export async function createPending(sandbox: Sandbox, bytes?: Uint8Array, signers: Signer[] = [PAUL, LEA]): Promise<StoredRequest> {
  sequence += 1;
  const fields = [FIELD_PAUL, FIELD_LEA].filter((f) => signers.some((s) => s.id === f.signerId));
  return sandbox.state.createRequest({
    idempotencyKey: `status-test-${sequence}`,
    fingerprint: `fp-${sequence}`,
    signers,
    fields,
    documentName: 'Lettre de mission.pdf',
    bytes: bytes ?? (await makePdf([{ label: 'Lettre de mission' }])),
  });
}

export type RecordedType = (typeof EVENT_TYPES)[number];

/** One event seen: its type and its detail, typed by the element's event map. */
export type Recorded = { [K in RecordedType]: { type: K; detail: JseEventMap[K]['detail'] } }[RecordedType];

/** Records the element's public events (or the given ones), in order. */
export function record(el: EventTarget, types: readonly RecordedType[] = EVENT_TYPES): Recorded[] {
  const seen: Recorded[] = [];
  for (const type of types) el.addEventListener(type, (e) => seen.push({ type, detail: (e as CustomEvent<unknown>).detail } as Recorded));
  return seen;
}

/** The detail of an event recorded, once checked to be of the type expected. */
export function detailOf<K extends RecordedType>(event: Recorded | undefined, type: K): JseEventMap[K]['detail'] {
  expect(event?.type, 'the event recorded').to.equal(type);
  return event!.detail;
}

/** The event types, with the signer's id for jse-signer-signed. */
export function names(events: Recorded[]): string[] {
  return events.map((e) => (e.type === 'jse-signer-signed' ? `${e.type}:${e.detail.signer.id}` : e.type));
}

export { until } from '../helpers/wait.js';

/** An element following `requestId` through the sandbox, in the page. */
export function attached(sandbox: Sandbox, requestId: string, attrs: Record<string, string> = {}): { el: JseSignRequest; events: Recorded[] } {
  const el = document.createElement('jse-sign-request');
  const events = record(el);
  el.setAttribute('token-endpoint', sandbox.tokenEndpoint);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.setAttribute('request-id', requestId);
  document.body.append(el);
  return { el, events };
}

/** Polls of one request the sandbox answered (GET /requests/{id}). */
export function polls(sandbox: Sandbox, requestId: string): number {
  return sandbox.calls.filter((c) => c.route === 'get' && c.url.endsWith(`/requests/${requestId}`)).length;
}

/** The status view inside the element's shadow root. */
export function statusView(el: JseSignRequest): HTMLElement & { updateComplete: Promise<boolean> } {
  const view = el.shadowRoot!.querySelector('jse-status-view');
  if (!view) throw new Error('no status view');
  return view as HTMLElement & { updateComplete: Promise<boolean> };
}

export async function startSandbox(worker: SetupWorker): Promise<Sandbox> {
  const sandbox = newSandbox();
  await sandbox.start(worker);
  return sandbox;
}

/**
 * Counts the fetches the page starts (method and URL), from now until `restore()`. Unlike the
 * sandbox's log, which records a call when its handler runs, this sees a call the moment it is
 * made, so "nothing after removal" is exact.
 */
export function spyFetch(): { calls: { method: string; url: string }[]; restore(): void } {
  const original = globalThis.fetch;
  const calls: { method: string; url: string }[] = [];
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    calls.push({ method: init?.method ?? (input instanceof Request ? input.method : 'GET'), url });
    return original(input, init);
  };
  return { calls, restore: () => void (globalThis.fetch = original) };
}
