/**
 * Real input for tests (TOOLCHAIN.md): @web/test-runner-commands has no touch or wheel, so these
 * commands drive Chromium's own input through the launcher's page (puppeteer). Coordinates are
 * CSS pixels in the top-level page's viewport.
 *
 * From a test: `executeServerCommand('jse-input', { steps: [...] })` (see test/helpers/input.ts).
 * Steps: { type: 'mouse', action: 'move'|'down'|'up', x, y, button? }, { type: 'wheel', x, y,
 * deltaX?, deltaY, modifiers?: ['Control'] }, { type: 'touch', action: 'start'|'move'|'end',
 * points: [{ x, y }] }, { type: 'key', action: 'down'|'up'|'press', key }, { type: 'pause', ms },
 * { type: 'density', value } (the screen's device pixel ratio, kept for the rest of the test file),
 * { type: 'touchscreen', value: true|false } (a touch screen: `(pointer: coarse)` matches; kept likewise).
 */
export function inputCommands() {
  return {
    name: 'jse-input',
    async executeCommand({ command, payload, session }) {
      if (command !== 'jse-input') return undefined;
      const page = session.browser.getPage(session.id);
      const cdp = await page.createCDPSession();
      try {
        for (const step of payload.steps) await run(page, cdp, step);
      } finally {
        await cdp.detach();
      }
      return true;
    },
  };
}

/** The CDP session holding each page's touch-screen emulation. */
const touchSessions = new WeakMap();

async function run(page, cdp, step) {
  switch (step.type) {
    case 'mouse':
      if (step.action === 'move') return page.mouse.move(step.x, step.y, { steps: step.steps ?? 1 });
      await page.mouse.move(step.x, step.y);
      return step.action === 'down' ? page.mouse.down({ button: step.button ?? 'left' }) : page.mouse.up({ button: step.button ?? 'left' });
    case 'wheel': {
      const modifiers = (step.modifiers ?? []).reduce((m, k) => m | ({ Alt: 1, Control: 2, Meta: 4, Shift: 8 }[k] ?? 0), 0);
      return cdp.send('Input.dispatchMouseEvent', {
        type: 'mouseWheel',
        x: step.x,
        y: step.y,
        deltaX: step.deltaX ?? 0,
        deltaY: step.deltaY,
        modifiers,
      });
    }
    case 'touch': {
      const type = { start: 'touchStart', move: 'touchMove', end: 'touchEnd' }[step.action];
      const touchPoints = step.action === 'end' ? [] : step.points.map((p, id) => ({ x: p.x, y: p.y, id }));
      return cdp.send('Input.dispatchTouchEvent', { type, touchPoints });
    }
    case 'key':
      if (step.action === 'press') return page.keyboard.press(step.key);
      return step.action === 'down' ? page.keyboard.down(step.key) : page.keyboard.up(step.key);
    case 'density': {
      const viewport = page.viewport() ?? { width: 800, height: 600 };
      return page.setViewport({ ...viewport, deviceScaleFactor: step.value });
    }
    case 'touchscreen': {
      // A phone's screen: (pointer: coarse) and (hover: none) match, without reloading the page (as
      // puppeteer's setViewport({ hasTouch }) would). The emulation lives as long as its CDP session:
      // one kept open per page, until turned off.
      let kept = touchSessions.get(page);
      if (!kept && !step.value) return undefined;
      if (!kept) {
        kept = await page.createCDPSession();
        touchSessions.set(page, kept);
      }
      await kept.send('Emulation.setTouchEmulationEnabled', { enabled: step.value, maxTouchPoints: step.value ? 5 : undefined });
      if (!step.value) {
        touchSessions.delete(page);
        await kept.detach();
      }
      return undefined;
    }
    case 'pause':
      return new Promise((resolve) => setTimeout(resolve, step.ms));
    default:
      throw new Error(`unknown input step ${JSON.stringify(step)}`);
  }
}
