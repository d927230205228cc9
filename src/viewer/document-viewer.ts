/**
 * The pages of the open document. (Foundation version: page 1 only, fit to width. The viewer
 * issue makes it a virtualised continuous scroll with zoom.)
 */
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { LoadedDocument } from '../document/types.js';
import type { Draft } from '../draft/draft.js';
import { styleProps } from '../internal/style-props.js';

export class DocumentViewer extends LitElement {
  static override styles = css`
    :host {
      display: block;
      overflow: auto;
      padding: 1rem;
      background: var(--jse-color-surface, #f3f5f9);
    }
    .page {
      position: relative;
      margin: 0 auto 1rem;
      background: #fff;
      box-shadow: 0 1px 3px rgb(0 0 0 / 25%);
    }
    canvas {
      display: block;
      width: 100%;
      height: 100%;
    }
  `;

  @property({ attribute: false }) document?: LoadedDocument;
  @property({ attribute: false }) draft?: Draft;
  /** Accessible label of a page: "Page {page} sur {count}" already translated by the element. */
  @property({ attribute: false }) pageLabel: (page: number, count: number) => string = (p, c) => `${p} / ${c}`;

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('document')) void this.paint();
  }

  private async paint(): Promise<void> {
    const doc = this.document;
    const canvas = this.renderRoot.querySelector('canvas');
    if (!doc || !canvas) return;
    const page = await doc.pdf.getPage(1);
    const base = page.getViewport({ scale: 1 });
    const ratio = Math.min(window.devicePixelRatio || 1, 2);
    const width = canvas.parentElement!.clientWidth || base.width;
    const viewport = page.getViewport({ scale: (width / base.width) * ratio });
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    await page.render({ canvas, viewport }).promise;
    this.dispatchEvent(new Event('jse-internal-painted'));
  }

  protected override render() {
    const doc = this.document;
    if (!doc) return html``;
    const p = doc.pages[0]!;
    return html`<div
      class="page"
      part="page"
      data-page="1"
      role="img"
      aria-label=${this.pageLabel(1, doc.pages.length)}
      ${styleProps({ aspectRatio: `${p.width} / ${p.height}`, maxWidth: `${p.width * 1.5}px` })}
    >
      <canvas></canvas>
    </div>`;
  }
}
