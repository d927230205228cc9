/** Real Chromium input from tests (test/server/input-commands.mjs). Coordinates: viewport CSS px. */
import { executeServerCommand } from '@web/test-runner-commands';

export type InputStep =
  | { type: 'mouse'; action: 'move' | 'down' | 'up'; x: number; y: number; steps?: number; button?: 'left' | 'right' }
  | { type: 'wheel'; x: number; y: number; deltaX?: number; deltaY: number; modifiers?: ('Control' | 'Shift' | 'Alt' | 'Meta')[] }
  | { type: 'touch'; action: 'start' | 'move' | 'end'; points: { x: number; y: number }[] }
  | { type: 'key'; action: 'down' | 'up' | 'press'; key: string }
  | { type: 'pause'; ms: number }
  | { type: 'density'; value: number }
  | { type: 'touchscreen'; value: boolean };

export async function input(...steps: InputStep[]): Promise<void> {
  await executeServerCommand('jse-input', { steps });
}

/** The centre of an element (or a point inside it, as fractions of its box) in viewport px. */
export function pointIn(el: Element, fx = 0.5, fy = 0.5): { x: number; y: number } {
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width * fx, y: r.top + r.height * fy };
}

/** Drags with the mouse from a to b in `n` moves. */
export function mouseDrag(a: { x: number; y: number }, b: { x: number; y: number }, n = 10): Promise<void> {
  return input(
    { type: 'mouse', action: 'move', x: a.x, y: a.y },
    { type: 'mouse', action: 'down', x: a.x, y: a.y },
    { type: 'mouse', action: 'move', x: b.x, y: b.y, steps: n },
    { type: 'mouse', action: 'up', x: b.x, y: b.y },
  );
}

/** Drags with one finger from a to b in `n` moves. */
export async function touchDrag(a: { x: number; y: number }, b: { x: number; y: number }, n = 10): Promise<void> {
  const steps: InputStep[] = [{ type: 'touch', action: 'start', points: [a] }];
  for (let i = 1; i <= n; i++) {
    steps.push({ type: 'touch', action: 'move', points: [{ x: a.x + ((b.x - a.x) * i) / n, y: a.y + ((b.y - a.y) * i) / n }] });
  }
  steps.push({ type: 'touch', action: 'end', points: [] });
  await input(...steps);
}
