/**
 * The demo GED around the host code (./host.ts, shown on the page as it runs): a folder of
 * generated documents, a pen icon per file that opens the widget in a panel, each file's versions
 * (original, « en attente de signature », signed — or refused, expired, cancelled) driven by the
 * widget's events, a live log of every event (each one expandable to its full detail), and the
 * sandbox's outboxes where the visitor plays the signer.
 */
import type { Layout, LayoutStore, SignRequest } from 'jse-sign-request';
import { createSandbox } from '../src/testing/index.js';
import { openSignature, type GedFile } from './host.js';
import hostSource from './host.ts?raw';
import { mountOutbox } from './signer-player.js';

// The proxy and Jesignexpert, simulated in the page (msw): the account starts unlinked, so the
// first send shows the « Connecter Jesignexpert » step (the connect page is demo/connect.html).
const sandbox = createSandbox({
  proxyUrl: '/jse-proxy',
  tokenEndpoint: '/ged/jse/token',
  linked: false,
  user: { email: 'claire.martin@cabinet-exemple.fr', firstName: 'Claire', lastName: 'Martin', phone: '+33612345678' },
});

type VersionKind = 'original' | 'pending' | 'signed' | 'refused' | 'expired' | 'cancelled';
interface Version {
  number: number;
  kind: VersionKind;
  requestId?: string;
  href?: string;
}
interface FolderFile {
  name: string;
  title: string;
  type: string;
  size: number;
  versions: Version[];
}

const NNBSP = '\u202f';
const LABELS: Record<VersionKind, string> = {
  original: 'original',
  pending: 'en attente de signature',
  signed: 'signé',
  refused: 'signature refusée',
  expired: 'demande expirée',
  cancelled: 'demande annulée',
};

const HOST_HTML = `<!-- The page: no inline script, so it runs under
     Content-Security-Policy: default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' -->
<script type="module" src="/js/signature.js"></script>
<div id="signature-panel"></div>`;

/** Every event the element fires (SPEC §2), all logged. */
const EVENTS = [
  'jse-ready', 'jse-status', 'jse-connect-required', 'jse-connected', 'jse-invalid', 'jse-pending',
  'jse-signer-signed', 'jse-signed', 'jse-refused', 'jse-expired', 'jse-cancelled', 'jse-error',
] as const;

const rows = document.querySelector<HTMLTableSectionElement>('#file-rows')!;
const panel = document.querySelector<HTMLElement>('#panel')!;
const slot = document.querySelector<HTMLElement>('#widget-slot')!;
const log = document.querySelector<HTMLOListElement>('#log')!;
const notice = document.querySelector<HTMLElement>('#ged-notice')!;
document.querySelector('#host-html')!.textContent = HOST_HTML;
document.querySelector('#host-code')!.textContent = hostSource.trim();

for (const button of document.querySelectorAll<HTMLButtonElement>('button.copy')) {
  button.addEventListener('click', () => {
    const source = document.getElementById(button.dataset['for']!)!.textContent ?? '';
    const status = document.getElementById(`${button.dataset['for']!}-status`)!;
    navigator.clipboard.writeText(source).then(
      () => (status.textContent = 'Code copié.'),
      () => (status.textContent = `Copie impossible ici${NNBSP}: sélectionnez le code et copiez-le.`),
    );
  });
}

let files: FolderFile[] = [];
/** Files ticked to be sent together, in one request of several documents (SPEC §10). */
const selected = new Set<string>();
const sendSelection = document.createElement('button');
sendSelection.type = 'button';
sendSelection.className = 'send-selection';
sendSelection.disabled = true;
sendSelection.textContent = 'Signer la sélection';
sendSelection.addEventListener('click', () => openSelection(files.filter((f) => selected.has(f.name))));
rows.closest('table')!.before(sendSelection);

function formatSize(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toLocaleString('fr-FR', { maximumFractionDigits: 1 })}${NNBSP}Mo` : `${Math.ceil(bytes / 1e3)}${NNBSP}ko`;
}

function renderFiles(): void {
  rows.replaceChildren(
    ...files.map((file) => {
      const tr = document.createElement('tr');
      tr.dataset['file'] = file.name;
      const name = document.createElement('td');
      const pick = document.createElement('input');
      pick.type = 'checkbox';
      pick.checked = selected.has(file.name);
      pick.setAttribute('aria-label', `Sélectionner ${file.title}`);
      pick.addEventListener('change', () => {
        if (pick.checked) selected.add(file.name);
        else selected.delete(file.name);
        sendSelection.disabled = selected.size < 2;
        sendSelection.textContent = selected.size >= 2 ? `Signer la sélection (${selected.size} documents)` : 'Signer la sélection';
      });
      name.append(pick, ' ', file.title);
      const size = document.createElement('td');
      size.textContent = formatSize(file.size);
      const versions = document.createElement('td');
      const list = document.createElement('ol');
      list.className = 'versions';
      for (const v of file.versions) {
        const li = document.createElement('li');
        li.className = v.kind;
        li.dataset['kind'] = v.kind;
        if (v.requestId) li.dataset['request'] = v.requestId;
        const label = `v${v.number} — ${LABELS[v.kind]}`;
        if (v.href) {
          const a = document.createElement('a');
          a.href = v.href;
          a.target = '_blank';
          a.textContent = label;
          li.append(a);
        } else {
          li.textContent = label;
        }
        list.append(li);
      }
      versions.append(list);
      const actions = document.createElement('td');
      const pen = document.createElement('button');
      pen.type = 'button';
      pen.className = 'pen';
      pen.textContent = '✏️';
      pen.setAttribute('aria-label', `Demander une signature${NNBSP}: ${file.title}`);
      pen.addEventListener('click', () => open(file));
      actions.append(pen);
      tr.append(name, size, versions, actions);
      return tr;
    }),
  );
}

function detailJson(detail: unknown): string {
  return JSON.stringify(detail, (_k, v: unknown) => (typeof v === 'function' ? '[function]' : v), 2) ?? 'undefined';
}

/** One line per event, expandable to its full detail (nothing cut). */
function logEvent(type: string, detail: unknown): void {
  const li = document.createElement('li');
  li.dataset['type'] = type;
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  const time = document.createElement('time');
  time.textContent = new Date().toLocaleTimeString('fr-FR');
  const name = document.createElement('strong');
  name.textContent = type;
  summary.append(time, ' ', name);
  const pre = document.createElement('pre');
  pre.tabIndex = 0; // a long detail scrolls: reachable with the keyboard
  pre.textContent = detailJson(detail);
  details.append(summary, pre);
  li.append(details);
  log.prepend(li);
}

/**
 * The firm's layouts (SPEC §10): what a host keeps in its backend, shared by its collaborators —
 * here in memory, each call logged. Send one lettre de mission, then open the other: the widget
 * offers its layout.
 */
const firmLayouts = new Map<string, Layout>();
const layoutStore: LayoutStore = {
  get(key) {
    logEvent('layoutStore.get', key);
    return firmLayouts.get(key);
  },
  set(key, layout) {
    logEvent('layoutStore.set', { key, fields: layout.fields.length });
    firmLayouts.set(key, layout);
  },
};
/** Each dossier's client, the signer the role « Client » stands for. */
const CLIENTS: Record<string, string> = {
  'lettre-de-mission.pdf': 'jean.dupont@example.com',
  'lettre-de-mission-leroy.pdf': 'marie.leroy@example.com',
};

function say(text: string): void {
  notice.textContent = text;
}

/** The version a request made, added once per request id (hosts de-duplicate, SPEC §2). */
function versionOf(file: FolderFile, request: SignRequest): Version {
  let version = file.versions.find((v) => v.requestId === request.id);
  if (!version) {
    version = { number: file.versions.length + 1, kind: 'pending', requestId: request.id };
    file.versions.push(version);
  }
  return version;
}

const placeholder = slot.firstElementChild!;
const closeButton = document.querySelector<HTMLButtonElement>('#close-panel')!;

function open(file: FolderFile): void {
  closeButton.hidden = false;
  document.querySelector('#panel-title')!.textContent = `Signature${NNBSP}: ${file.title}`;
  const gedFile: GedFile = { url: `/ged/files/${encodeURIComponent(file.name)}`, title: file.title };
  const client = CLIENTS[file.name];
  if (client) {
    gedFile.layoutKey = 'lettre-de-mission';
    gedFile.clientEmail = client;
  }
  const widget = openSignature(
    slot,
    gedFile,
    {
      pending(request) {
        versionOf(file, request).kind = 'pending';
        renderFiles();
        say(`${file.title}${NNBSP}: nouvelle version en attente de signature.`);
      },
      signed(request, pdf) {
        const version = versionOf(file, request);
        version.kind = 'signed';
        version.href = URL.createObjectURL(pdf);
        renderFiles();
        say(`${file.title}${NNBSP}: la version signée est enregistrée.`);
      },
      closed(request, outcome) {
        versionOf(file, request).kind = outcome;
        renderFiles();
        say(`${file.title}${NNBSP}: ${LABELS[outcome]}.`);
      },
      failed() {
        // The widget shows the message itself; the GED only logs it (below).
      },
    },
    layoutStore,
  );
  for (const type of EVENTS) widget.addEventListener(type, (e) => logEvent(type, (e as CustomEvent).detail));
  // On a phone the panel is below the folder: bring it into view.
  if (matchMedia('(max-width: 1100px)').matches) panel.scrollIntoView({ block: 'start' });
}

/** Several files in one request: one e-mail and one SMS code per signer for all, a signed version for each. */
function openSelection(chosen: FolderFile[]): void {
  if (chosen.length < 2) return;
  closeButton.hidden = false;
  document.querySelector('#panel-title')!.textContent = `Signature${NNBSP}: ${chosen.length} documents`;
  const widget = document.createElement('jse-sign-request');
  widget.documents = chosen.map((f) => ({ src: `/ged/files/${encodeURIComponent(f.name)}`, name: f.title }));
  widget.setAttribute('token-endpoint', '/ged/jse/token');
  widget.me = { email: 'claire.martin@cabinet-exemple.fr', firstName: 'Claire', lastName: 'Martin', phone: '+33612345678' };
  widget.contacts = [{ email: 'jean.dupont@example.com', firstName: 'Jean', lastName: 'Dupont', phone: '+33698765432' }];
  widget.addEventListener('jse-pending', (e) => {
    for (const f of chosen) versionOf(f, e.detail.request).kind = 'pending';
    renderFiles();
    say(`${chosen.length} documents${NNBSP}: nouvelles versions en attente de signature.`);
  });
  widget.addEventListener('jse-signed', (e) => {
    const { request } = e.detail;
    // A signed version for each document, in the order they were given.
    e.detail.documents.forEach((doc, i) => {
      const f = chosen[i];
      if (!f) return;
      void doc.download().then((pdf) => {
        const version = versionOf(f, request);
        version.kind = 'signed';
        version.href = URL.createObjectURL(pdf);
        renderFiles();
      });
    });
  });
  for (const outcome of ['refused', 'expired', 'cancelled'] as const) {
    widget.addEventListener(`jse-${outcome}`, (e) => {
      for (const f of chosen) versionOf(f, e.detail.request).kind = outcome;
      renderFiles();
    });
  }
  for (const type of EVENTS) widget.addEventListener(type, (e) => logEvent(type, (e as CustomEvent).detail));
  slot.replaceChildren(widget);
}

closeButton.addEventListener('click', () => {
  closeButton.hidden = true;
  document.querySelector('#panel-title')!.textContent = 'Demande de signature';
  slot.replaceChildren(placeholder);
});

async function main(): Promise<void> {
  await sandbox.start();
  mountOutbox(document.querySelector<HTMLElement>('#outbox')!, sandbox);
  const list = (await (await fetch('/ged/files/index.json')).json()) as Omit<FolderFile, 'versions'>[];
  files = list.map((f) => ({ ...f, versions: [{ number: 1, kind: 'original' }] }));
  renderFiles();
}

void main();
