import { expect } from '@open-wc/testing';
import { input, pointIn, touchDrag } from './helpers/input.js';
import { until } from './helpers/wait.js';

describe('real input commands (test rig)', () => {
  it('delivers touch and ctrl+wheel events from Chromium itself', async () => {
    const box = document.createElement('div');
    box.style.cssText = 'position:fixed;left:10px;top:10px;width:200px;height:200px;touch-action:none';
    document.body.append(box);
    const seen: string[] = [];
    box.addEventListener('pointerdown', (e) => seen.push(`down:${e.pointerType}`));
    box.addEventListener('pointerup', (e) => seen.push(`up:${e.pointerType}`));
    let wheel: WheelEvent | undefined;
    box.addEventListener('wheel', (e) => {
      wheel = e;
      e.preventDefault();
    }, { passive: false });
    await touchDrag(pointIn(box, 0.2, 0.2), pointIn(box, 0.8, 0.8), 5);
    const c = pointIn(box);
    await input({ type: 'wheel', x: c.x, y: c.y, deltaY: -100, modifiers: ['Control'] });
    await until(() => wheel, 'the wheel event');
    expect(seen).to.deep.equal(['down:touch', 'up:touch']);
    expect(wheel?.ctrlKey).to.equal(true);
    expect(wheel!.deltaY).to.be.lessThan(0);
    box.remove();
  });
});
