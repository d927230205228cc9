/**
 * The demo GED: a folder of generated documents, a pen icon per file that opens the widget in a
 * panel, each file's versions (original, "en attente de signature", signed) driven by the widget's
 * events, and a live log of every event. The host code it takes is shown on the page.
 */
import '../src/index.js';
import { configure } from '../src/element.js';
import type { Layout, LayoutStore } from '../src/layouts/layout.js';
import { createSandbox } from '../src/testing/index.js';
import { mountOutbox } from './signer-player.js';

configure({ assetsBase: '/pdfjs/' });

// The proxy and Jesignexpert, simulated in the page (msw): the account starts unlinked, so the
// first send shows the "Connecter Jesignexpert" step (the connect page is demo/connect.html).
const sandbox = createSandbox({
  proxyUrl: '/jse-proxy',
  tokenEndpoint: '/ged/jse/token',
  linked: false,
  user: { email: 'claire.martin@cabinet-exemple.fr', firstName: 'Claire', lastName: 'Martin', phone: '+33612345678' },
});

interface GedFile {
  name: string;
  title: string;
  type: string;
  size: number;
  versions: { label: string; kind: 'original' | 'pending' | 'signed'; href?: string }[];
}

const HOST_CODE = `<jse-sign-request src="/ged/files/lettre-de-mission.pdf"
                  token-endpoint="/ged/jse/token"></jse-sign-request>
<script type="module">
  import 'jse-sign-request';
  const widget = document.querySelector('jse-sign-request');
  widget.addEventListener('jse-pending', (e) => ged.addVersion('en attente de signature', e.detail.request));
  widget.addEventListener('jse-signed', async (e) => ged.addVersion('signé', await e.detail.download()));
</script>`;

const EVENTS = [
  'jse-ready', 'jse-status', 'jse-connect-required', 'jse-connected', 'jse-invalid', 'jse-pending',
  'jse-signer-signed', 'jse-signed', 'jse-refused', 'jse-expired', 'jse-cancelled', 'jse-error',
] as const;

const rows = document.querySelector<HTMLTableSectionElement>('#file-rows')!;
const panel = document.querySelector<HTMLElement>('#panel')!;
const slot = document.querySelector<HTMLElement>('#widget-slot')!;
const log = document.querySelector<HTMLOListElement>('#log')!;
document.querySelector('#host-code')!.textContent = HOST_CODE;

let files: GedFile[] = [];
let openFile: GedFile | undefined;

function formatSize(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo` : `${Math.ceil(bytes / 1e3)} ko`;
}

function renderFiles(): void {
  rows.replaceChildren(
    ...files.map((file) => {
      const tr = document.createElement('tr');
      const name = document.createElement('td');
      name.textContent = file.title;
      const size = document.createElement('td');
      size.textContent = formatSize(file.size);
      const versions = document.createElement('td');
      const list = document.createElement('ol');
      list.className = 'versions';
      for (const v of file.versions) {
        const li = document.createElement('li');
        li.className = v.kind;
        if (v.href) {
          const a = document.createElement('a');
          a.href = v.href;
          a.target = '_blank';
          a.textContent = v.label;
          li.append(a);
        } else {
          li.textContent = v.label;
        }
        list.append(li);
      }
      versions.append(list);
      const actions = document.createElement('td');
      const pen = document.createElement('button');
      pen.type = 'button';
      pen.className = 'pen';
      pen.textContent = '✏️';
      pen.setAttribute('aria-label', `Demander une signature : ${file.title}`);
      pen.addEventListener('click', () => open(file));
      actions.append(pen);
      tr.append(name, size, versions, actions);
      return tr;
    }),
  );
}

function logEvent(type: string, detail: unknown): void {
  const li = document.createElement('li');
  const time = new Date().toLocaleTimeString('fr-FR');
  li.textContent = `${time} ${type} ${JSON.stringify(detail, (_k, v: unknown) => (typeof v === 'function' ? '[function]' : v)).slice(0, 400)}`;
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
/** Each dossier's client, the signer the role "Client" stands for. */
const CLIENTS: Record<string, string> = {
  'lettre-de-mission.pdf': 'jean.dupont@example.com',
  'lettre-de-mission-leroy.pdf': 'marie.leroy@example.com',
};

function open(file: GedFile): void {
  openFile = file;
  panel.hidden = false;
  document.querySelector('#panel-title')!.textContent = `Signature : ${file.title}`;
  const widget = document.createElement('jse-sign-request');
  widget.setAttribute('src', `/ged/files/${encodeURIComponent(file.name)}`);
  widget.setAttribute('token-endpoint', sandbox.tokenEndpoint);
  widget.me = { email: 'claire.martin@cabinet-exemple.fr', firstName: 'Claire', lastName: 'Martin', phone: '+33612345678' };
  widget.contacts = [
    { email: 'jean.dupont@example.com', firstName: 'Jean', lastName: 'Dupont', phone: '+33698765432' },
    { email: 'marie.leroy@example.com', firstName: 'Marie', lastName: 'Leroy', phone: '+262692123456' },
  ];
  const client = CLIENTS[file.name];
  if (client) {
    widget.layoutKey = 'lettre-de-mission';
    widget.layoutStore = layoutStore;
    widget.signerRoles = { Client: { email: client }, 'Expert-comptable': 'me' };
  }
  for (const type of EVENTS) widget.addEventListener(type, (e) => onEvent(file, type, (e as CustomEvent<Parameters<typeof onEvent>[2]>).detail));
  slot.replaceChildren(widget);
}

function onEvent(file: GedFile, type: string, detail: { request?: { id: string }; download?: () => Promise<Blob> }): void {
  logEvent(type, detail);
  if (type === 'jse-pending' && detail.request) {
    file.versions.push({ label: `v${file.versions.length + 1} — en attente de signature`, kind: 'pending' });
  }
  if (type === 'jse-signed' && detail.request && detail.download) {
    // What a host does: fetch the signed PDF (with the widget's token) and store it as a new version.
    void detail.download().then((blob) => {
      file.versions.push({ label: `v${file.versions.length + 1} — signé`, kind: 'signed', href: URL.createObjectURL(blob) });
      renderFiles();
    });
  }
  renderFiles();
}

document.querySelector('#close-panel')!.addEventListener('click', () => {
  panel.hidden = true;
  slot.replaceChildren();
  openFile = undefined;
});

async function main(): Promise<void> {
  await sandbox.start();
  mountOutbox(document.querySelector<HTMLElement>('#outbox')!, sandbox);
  const list = (await (await fetch('/ged/files/index.json')).json()) as Omit<GedFile, 'versions'>[];
  files = list.map((f) => ({ ...f, versions: [{ label: 'v1 — original', kind: 'original' }] }));
  renderFiles();
  void openFile;
}

void main();
