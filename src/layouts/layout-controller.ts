/**
 * Layouts kept per kind of document, as a Lit controller (SPEC §10): once a document with a
 * `layout-key` is shown (`jse-ready`), asks the store for that key's layout and, when there is
 * one and the draft has no field yet, offers to take it up; nothing is placed until the user
 * accepts (button, or Enter/Space on it; Escape or "Non merci" dismisses). On accepting, the
 * geometry of each page a field goes on is read (pages are read on demand), the roles are filled
 * from `signerRoles` (`me`, `contacts`), and the fields land on the draft. When a request is sent
 * (`jse-pending`) with a key, its layout is saved through the store.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Person, SignRequest } from '../api/types.js';
import { normalizeRotation, type PageGeometry } from '../document/geometry.js';
import type { LoadedDocument } from '../document/types.js';
import type { PageInfo } from '../events.js';
import { newSignerId, type Draft } from '../draft/draft.js';
import type { LocalizeController } from '../i18n/localize-controller.js';
import { applyLayout, pagesNeeded, planSigners } from './apply.js';
import { captureLayout } from './capture.js';
import { parseLayout, type Layout, type LayoutStore, type SignerRoles } from './layout.js';
import { resolveRole, roleOfEmail, type Contacts } from './roles.js';
import { LocalLayoutStore } from './store.js';

/** What the controller needs from the element. */
export interface LayoutHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly layoutKey?: string | undefined;
  readonly layoutStore?: LayoutStore | undefined;
  readonly signerRoles?: SignerRoles | undefined;
  readonly contacts?: Contacts | undefined;
}

export interface LayoutControllerOptions {
  draft: Draft;
  i18n: LocalizeController;
  /** The document shown. */
  document(): LoadedDocument | undefined;
  /** The current user: `me`, else the proxy's `/me` user. */
  me(): Person | undefined;
  /** True while the draft must not change (a send under way, or a request followed). */
  locked(): boolean;
  /** True when `request` was sent from the document shown (not one the element has since left). */
  sentFromShown(request: SignRequest): boolean;
}

/** What the user is offered, and what came of accepting it. */
type Offer = { doc: LoadedDocument; key: string; layout: Layout };
type Note = { doc: LoadedDocument; placed: number; dropped: number; emptySigners: number } | { doc: LoadedDocument; failed: true };

/** The words of a layout key as the user reads them: "lettre-de-mission" → "lettre de mission". */
export function keyWords(key: string): string {
  return key.replace(/[-_.]+/g, ' ').replace(/\s+/g, ' ').trim();
}

export class LayoutController implements ReactiveController {
  #offer?: Offer | undefined;
  #note?: Note | undefined;
  #applying = false;
  /** The document `jse-ready` was last fired for, and the key its store was asked with. */
  #ready?: { doc: LoadedDocument; key: string | undefined };
  /** Bumped for each document shown: an answer of the store for a previous one is dropped. */
  #generation = 0;
  readonly #defaultStore = new LocalLayoutStore();

  constructor(
    private readonly host: LayoutHost,
    private readonly options: LayoutControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('jse-ready', this.#onReady);
    this.host.addEventListener('jse-pending', this.#onPending);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('jse-ready', this.#onReady);
    this.host.removeEventListener('jse-pending', this.#onPending);
  }

  /** The store in use: the host's, else `localStorage`. */
  get store(): LayoutStore {
    return this.host.layoutStore ?? this.#defaultStore;
  }

  /** The layout offered for the document shown, while it is offered. */
  get offered(): Layout | undefined {
    return this.#visibleOffer()?.layout;
  }

  readonly #onReady = (): void => void this.#ask();

  /** A `layout-key` set or changed once the document is shown: that key's layout is asked for. */
  hostUpdated(): void {
    const ready = this.#ready;
    if (ready && ready.doc === this.options.document() && ready.key !== this.host.layoutKey) void this.#ask();
  }

  readonly #onPending = (e: HTMLElementEventMap['jse-pending']): void => void this.save(e.detail.request);

  /** Asks the store for the key's layout of the document just shown (`jse-ready`). */
  async #ask(): Promise<void> {
    const generation = ++this.#generation;
    this.#offer = undefined;
    this.#note = undefined;
    this.host.requestUpdate();
    const key = this.host.layoutKey;
    const doc = this.options.document();
    this.#ready = doc ? { doc, key } : undefined;
    if (!key || !doc) return;
    let layout: Layout | undefined;
    try {
      // A host store may give back what it stored as JSON: checked like the default store's.
      layout = parseLayout(await this.store.get(key));
    } catch {
      return; // the host's store failed: the user places the fields by hand, as without a layout
    }
    if (generation !== this.#generation || this.options.document() !== doc || !layout || layout.fields.length === 0) return;
    this.#offer = { doc, key, layout };
    this.host.requestUpdate();
  }

  /**
   * Saves the layout of a request this element sent, for its `layout-key`, through the store.
   * The request's fields are read with the geometry of the document shown (the one sent).
   */
  async save(request: SignRequest): Promise<void> {
    const key = this.host.layoutKey;
    const doc = this.options.document();
    if (!key || !doc || request.fields.length === 0 || !this.options.sentFromShown(request)) return;
    try {
      const { pages } = doc;
      const numbers = [...new Set(request.fields.map((f) => f.page))].filter((n) => n >= 1 && n <= pages.count);
      const read = geometries(await pages.read(numbers));
      const me = this.options.me();
      const roles = this.host.signerRoles;
      const layout = captureLayout({
        fields: request.fields,
        signers: request.signers,
        pageCount: pages.count,
        page: (n) => read.get(n),
        roleOf: (s) => roleOfEmail(roles, me, s.email),
        documentName: doc.name,
        savedAt: new Date().toISOString(),
      });
      await this.store.set(key, layout);
    } catch {
      // A page unreadable now or a failing host store: the request is sent, only its layout is not kept.
    }
  }

  /** Takes up the offered layout: reads the pages it needs, fills the roles, places the fields. */
  async accept(): Promise<void> {
    const offer = this.#visibleOffer();
    if (!offer || this.#applying) return;
    this.#applying = true;
    this.host.requestUpdate();
    const { doc, layout } = offer;
    try {
      const { pages } = doc;
      const read = geometries(await pages.read(pagesNeeded(layout, pages.count)));
      const context = { me: this.options.me(), contacts: this.host.contacts };
      const roles = this.host.signerRoles;
      const persons = await Promise.all(layout.signers.map((slot) => resolveRole(roles, slot.role, context)));
      if (this.options.document() !== doc || this.options.locked() || this.#offer !== offer) return;
      const { draft } = this.options;
      const plan = planSigners(persons.map((person) => ({ person })), draft.signers, newSignerId);
      const applied = applyLayout(layout, pages.count, (n) => read.get(n), plan.slotIds);
      const added = plan.signers.slice(draft.signers.length);
      draft.setSigners(plan.signers);
      draft.setFields([...draft.fields, ...applied.fields]);
      const emptySigners = added.filter((s) => !s.email).length;
      this.#note = { doc, placed: applied.fields.length, dropped: applied.dropped, emptySigners };
    } catch {
      this.#note = { doc, failed: true };
    } finally {
      this.#applying = false;
      if (this.#offer === offer) this.#offer = undefined;
      this.host.requestUpdate();
    }
    // The buttons are gone: the focus goes to what happened.
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('.layout-note')?.focus();
  }

  /** Leaves the offer (the user places the fields by hand). */
  dismiss(): void {
    if (!this.#offer) return;
    this.#offer = undefined;
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('.add-field')?.focus());
  }

  /** Offered only for the document shown, while its draft has no field and can change. */
  #visibleOffer(): Offer | undefined {
    const offer = this.#offer;
    if (!offer || offer.doc !== this.options.document()) return undefined;
    if (this.options.draft.fields.length > 0 || this.options.locked()) return undefined;
    return offer;
  }

  /** The offer, or the note on what accepting it did. */
  render() {
    const { t, lang } = this.options.i18n;
    const offer = this.#visibleOffer();
    if (offer) {
      const { layout, key } = offer;
      const date = new Date(layout.savedAt);
      const when = Number.isNaN(date.getTime())
        ? ''
        : date.toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
      const count = layout.fields.length;
      const fields = count === 1 ? t('layout.fields.one') : t('layout.fields.other', { count });
      const onKey = (e: KeyboardEvent) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        this.dismiss();
      };
      return html`<section class="layout-offer" aria-labelledby="jse-layout-title" @keydown=${onKey}>
        <p id="jse-layout-title" class="layout-title">${t('layout.offer', { kind: keyWords(key) })}</p>
        <p class="layout-detail">
          ${when ? t('layout.detail', { date: when, name: layout.documentName, fields }) : t('layout.detailUndated', { name: layout.documentName, fields })}
        </p>
        <button type="button" class="primary" ?disabled=${this.#applying} @click=${() => void this.accept()}>${t('layout.accept')}</button>
        <button type="button" ?disabled=${this.#applying} @click=${() => this.dismiss()}>${t('layout.dismiss')}</button>
      </section>`;
    }
    const note = this.#note;
    if (!note || note.doc !== this.options.document()) return nothing;
    if ('failed' in note) return html`<p class="layout-note" role="alert" tabindex="-1">${t('layout.failed')}</p>`;
    const parts = [note.placed === 1 ? t('layout.applied.one') : t('layout.applied.other', { count: note.placed })];
    if (note.dropped) parts.push(note.dropped === 1 ? t('layout.dropped.one') : t('layout.dropped.other', { count: note.dropped }));
    if (note.emptySigners) parts.push(t('layout.fillSigners'));
    return html`<p class="layout-note" role="status" tabindex="-1">${parts.join(' ')}</p>`;
  }
}

/** Pages as read, by number, in the geometry module's terms. */
function geometries(pages: readonly PageInfo[]): Map<number, PageGeometry> {
  return new Map(pages.map((p) => [p.number, { view: p.view, rotation: normalizeRotation(p.rotation) }]));
}
