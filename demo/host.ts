/**
 * Everything the GED writes to offer e-signature, in one module. The page loads it as a file
 * (`<script type="module" src="/js/signature.js">`), never inline: it runs under
 * `script-src 'self'`. The demo shows this very file as its host code. TypeScript, built by the
 * GED's bundler (Vite, webpack…); without a build step, drop the types and import from the
 * standalone bundle's URL instead (README, « No build step »).
 */
import { configure, type JseSignRequest, type LayoutStore, type SignRequest } from 'jse-sign-request';

// Where pdf.js's worker and assets (cmaps, fonts, decoders) are served from.
configure({ assetsBase: '/pdfjs/' });

/** What the GED already knows: the file, its display name, the user, the address book. */
export interface GedFile {
  url: string;
  title: string;
  /** Documents of one kind share a layout: the widget offers the last one sent. */
  layoutKey?: string;
  clientEmail?: string;
}

/** What the GED does when the widget tells it something (its own code, not ours). */
export interface GedActions {
  /** A request was sent: show a version « en attente de signature ». */
  pending(request: SignRequest): void;
  /** Everyone signed: store the signed PDF as the new version. */
  signed(request: SignRequest, pdf: Blob): void;
  /** Refused, expired or cancelled: the pending version is no longer pending. */
  closed(request: SignRequest, outcome: 'refused' | 'expired' | 'cancelled'): void;
  /** Something the user was told went wrong (also shown in the widget). */
  failed(code: string, message: string): void;
}

export function openSignature(slot: HTMLElement, file: GedFile, ged: GedActions, layoutStore?: LayoutStore): JseSignRequest {
  const widget = document.createElement('jse-sign-request');
  widget.setAttribute('src', file.url);
  widget.setAttribute('token-endpoint', '/ged/jse/token'); // your backend: returns a short-lived token
  widget.setAttribute('document-name', file.title);
  widget.me = { email: 'claire.martin@cabinet-exemple.fr', firstName: 'Claire', lastName: 'Martin', phone: '+33612345678' };
  widget.contacts = [
    { email: 'jean.dupont@example.com', firstName: 'Jean', lastName: 'Dupont', phone: '+33698765432' },
    { email: 'marie.leroy@example.com', firstName: 'Marie', lastName: 'Leroy', phone: '+262692123456' },
  ];
  if (file.layoutKey) {
    widget.setAttribute('layout-key', file.layoutKey);
    if (layoutStore) widget.layoutStore = layoutStore; // default: this browser's localStorage
    if (file.clientEmail) widget.signerRoles = { Client: { email: file.clientEmail }, 'Expert-comptable': 'me' };
  }

  widget.addEventListener('jse-pending', (e) => ged.pending(e.detail.request));
  widget.addEventListener('jse-signed', (e) => {
    const { request } = e.detail;
    void e.detail.download().then((pdf) => ged.signed(request, pdf));
  });
  widget.addEventListener('jse-refused', (e) => ged.closed(e.detail.request, 'refused'));
  widget.addEventListener('jse-expired', (e) => ged.closed(e.detail.request, 'expired'));
  widget.addEventListener('jse-cancelled', (e) => ged.closed(e.detail.request, 'cancelled'));
  widget.addEventListener('jse-error', (e) => ged.failed(e.detail.code, e.detail.message));
  slot.replaceChildren(widget);
  return widget;
}
