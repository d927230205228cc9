import { nothing } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

/**
 * Sets inline style properties through the CSSOM (`el.style.setProperty`), never through a
 * `style` attribute: a strict CSP (`style-src 'self'`) blocks style attributes, even the one Lit's
 * `styleMap` writes on first render, but allows the CSSOM. Use in element position:
 * `<div ${styleProps({ width: '10px', '--jse-x': '3' })}>`.
 */
class StylePropsDirective extends Directive {
  private previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('styleProps() goes in element position');
  }

  render(_props: Readonly<Record<string, string | number | undefined>>) {
    return nothing;
  }

  override update(part: ElementPart, [props]: [Readonly<Record<string, string | number | undefined>>]) {
    const style = (part.element as HTMLElement).style;
    const next = new Set<string>();
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined) continue;
      const name = key.startsWith('--') ? key : key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      style.setProperty(name, String(value));
      next.add(name);
    }
    for (const name of this.previous) if (!next.has(name)) style.removeProperty(name);
    this.previous = next;
    return nothing;
  }
}

export const styleProps = directive(StylePropsDirective);
