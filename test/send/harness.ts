/**
 * The element against the sandbox (msw in the test page): a generated two-page PDF whose second
 * page is /Rotate 90, served by the test server, and helpers to reach the element's parts.
 */
import { setViewport } from '@web/test-runner-commands';
import { setupWorker, type SetupWorker } from 'msw/browser';
import '../../src/index.js';
import type { JseSignRequest } from '../../src/jse-sign-request.js';
import { timing } from '../../src/internal/timing.js';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/testing/index.js';
import type { DocumentViewer } from '../../src/viewer/document-viewer.js';
import { makePdf, serve } from '../helpers/documents.js';
import { nextEvent, useInstalledPdfJs } from '../helpers/element.js';

let worker: SetupWorker | undefined;

export async function startWorker(): Promise<SetupWorker> {
  useInstalledPdfJs();
  await setViewport({ width: 1280, height: 900 });
  if (!worker) {
    worker = setupWorker();
    await worker.start({ onUnhandledFrame: 'bypass', quiet: true });
  }
  return worker;
}

export async function newSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const w = await startWorker();
  const sandbox = createSandbox({ proxyUrl: '/proxy', tokenEndpoint: '/token', connectUrl: '/demo/connect.html', ...options });
  await sandbox.start(w);
  return sandbox;
}

let docUrl: string | undefined;
/** A two-page PDF: page 1 upright, page 2 /Rotate 90 (uploaded once per test file). */
export async function twoPageUrl(): Promise<string> {
  docUrl ??= await serve(await makePdf([{ label: 'Page 1' }, { rotate: 90, label: 'Page 2 pivotée' }]), 'contrat.pdf');
  return docUrl;
}

export interface Mounted {
  el: JseSignRequest;
  ready: HTMLElementEventMap['jse-ready']['detail'];
}

/** Mounts the element (sized like a GED panel), waits for the document. */
export async function mount(sandbox: Sandbox, src: string, setup: (el: JseSignRequest) => void = () => {}): Promise<Mounted> {
  const el = document.createElement('jse-sign-request');
  el.style.cssText = 'display:flex;width:1200px;height:860px';
  el.tokenEndpoint = sandbox.tokenEndpoint;
  el.src = src;
  setup(el);
  const ready = nextEvent(el, 'jse-ready', 20000);
  document.body.append(el);
  const { detail } = await ready;
  // The signers panel and the status view load once page 1 is painted: defined when this resolves.
  await el.updateComplete;
  return { el, ready: detail };
}

export function viewerOf(el: JseSignRequest): DocumentViewer {
  const viewer = el.shadowRoot!.querySelector<DocumentViewer>('jse-document-viewer');
  if (!viewer) throw new Error('no viewer');
  return viewer;
}

export function pageBox(el: JseSignRequest, n: number): HTMLElement {
  const box = viewerOf(el).shadowRoot!.querySelector<HTMLElement>(`[data-page="${n}"]`);
  if (!box) throw new Error(`no page ${n}`);
  return box;
}

export function panelOf(el: JseSignRequest): HTMLElement & { updateComplete: Promise<boolean> } {
  const panel = el.shadowRoot!.querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('jse-signers-panel');
  if (!panel) throw new Error('no signers panel');
  return panel;
}

export function sendButton(el: JseSignRequest): HTMLButtonElement {
  return el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit"]')!;
}

export function confirmDialog(el: JseSignRequest): HTMLDialogElement {
  return el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.confirm')!;
}

export { until } from '../helpers/wait.js';

export function resetPolling(interval = 2000): void {
  timing.connectPoll = interval;
}

export const marie = { id: 's1', email: 'marie.dupont@example.fr', firstName: 'Marie', lastName: 'Dupont', phone: '06 12 34 56 78' };
export const paul = { id: 's2', email: 'paul.durand@example.fr', firstName: 'Paul', lastName: 'Durand', phone: '0692 12 34 56' };
