import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { format, langOf, type Lang, type MessageKey } from './messages.js';

/**
 * One MutationObserver for every controller of the page, whatever the number of elements and of
 * their parts (a thousand-page document must not mean a thousand document-wide observers): it
 * watches `lang` on the document's tree, and on each connected host (a host inside a shadow root
 * is outside the document's subtree). Created with the first connected controller, disconnected
 * with the last.
 */
const controllers = new Set<LocalizeController>();
let shared: MutationObserver | undefined;

function watch(controller: LocalizeController, host: HTMLElement): void {
  controllers.add(controller);
  if (!shared) {
    shared = new MutationObserver(() => {
      for (const c of [...controllers]) c.refresh();
    });
    shared.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  // Observing a node again only replaces its options; a host that leaves stops mattering (its
  // controller is no longer in the set, and the node does not keep the observer's callback busy).
  if (host.getRootNode() !== document) shared.observe(host, { attributes: true, attributeFilter: ['lang'] });
}

function unwatch(controller: LocalizeController): void {
  controllers.delete(controller);
  if (!controllers.size && shared) {
    shared.disconnect();
    shared = undefined;
  }
}

/**
 * Picks the element's language: its own `lang`, else the closest ancestor's (across shadow roots),
 * and follows changes to either, so a host switching `<html lang>` switches the widget.
 */
export class LocalizeController implements ReactiveController {
  lang: Lang = 'fr';

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.update();
    // The document's subtree stops at shadow roots: an ancestor inside a shadow tree is read again
    // on each render (hostUpdate).
    watch(this, this.host);
  }

  /**
   * Runs before each render: picks up a lang changed on an ancestor no observer sees. It asks for
   * an update only when the language changed, and during an update that request is absorbed by
   * the render under way, so it cannot loop.
   */
  hostUpdate(): void {
    this.update();
  }

  hostDisconnected(): void {
    unwatch(this);
  }

  /** Reads the language again (the shared observer saw a `lang` change somewhere). */
  refresh(): void {
    this.update();
  }

  /** `this.host.t('key', params)` style lookup. */
  t = (key: MessageKey, params?: Record<string, string | number>): string => format(this.lang, key, params);

  private update(): void {
    const next = langOf(closestLang(this.host));
    if (next !== this.lang) {
      this.lang = next;
      this.host.requestUpdate();
    }
  }
}

function closestLang(el: Element): string | null {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang');
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}
