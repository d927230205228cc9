import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { format, langOf, type Lang, type MessageKey } from './messages.js';

/**
 * Picks the element's language: its own `lang`, else the closest ancestor's (across shadow roots),
 * and follows changes to either, so a host switching `<html lang>` switches the widget.
 */
export class LocalizeController implements ReactiveController {
  lang: Lang = 'fr';
  private observer?: MutationObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.update();
    this.observer = new MutationObserver(() => this.update());
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    // The document's subtree stops at shadow roots: the host's own lang is watched directly, and
    // an ancestor inside a shadow tree is read again on each render (hostUpdate).
    this.observer.observe(this.host, { attributes: true, attributeFilter: ['lang'] });
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
    this.observer?.disconnect();
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
