/**
 * The viewer lets go of the window when it is removed: the screen-density `matchMedia` listener
 * (which would otherwise keep the viewer, its document and its canvases alive and keep scheduling
 * renders for a detached element) is removed, and put back when the viewer is attached again.
 */
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { makePdf, serve } from '../helpers/documents.js';
import { nextEvent, useInstalledPdfJs } from '../helpers/element.js';
import { mount } from './helpers.js';

interface Listening {
  query: MediaQueryList;
  listener: EventListenerOrEventListenerObject;
}

/** Records the `change` listeners added to and removed from every MediaQueryList until `restore()`. */
function spyMediaQueries(): { live: Listening[]; added: number; restore(): void } {
  const proto = MediaQueryList.prototype;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the very function is put back afterwards
  const add = proto.addEventListener;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the very function is put back afterwards
  const remove = proto.removeEventListener;
  const spy = {
    live: [] as Listening[],
    added: 0,
    restore() {
      proto.addEventListener = add;
      proto.removeEventListener = remove;
    },
  };
  proto.addEventListener = function (this: MediaQueryList, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) {
    if (type === 'change' && !spy.live.some((l) => l.query === this && l.listener === listener)) {
      spy.live.push({ query: this, listener });
      spy.added++;
    }
    return add.call(this, type, listener, options);
  } as typeof proto.addEventListener;
  proto.removeEventListener = function (this: MediaQueryList, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) {
    if (type === 'change') spy.live = spy.live.filter((l) => !(l.query === this && l.listener === listener));
    return remove.call(this, type, listener, options);
  } as typeof proto.removeEventListener;
  return spy;
}

describe('document viewer teardown', () => {
  before(useInstalledPdfJs);

  it('removes its matchMedia change listener when removed, and adds it back when attached again', async () => {
    const spy = spyMediaQueries();
    try {
      const { el } = await mount(await serve(await makePdf([{ label: 'Densité' }]), 'densite.pdf'));
      expect(spy.live.length, 'listening while shown').to.be.greaterThan(0);
      const watched = [...spy.live];

      el.remove();
      expect(spy.live, 'listeners left after removal').to.deep.equal([]);
      // A density change after removal reaches nobody: no new query is watched for a detached viewer.
      const added = spy.added;
      for (const { query } of watched) query.dispatchEvent(new Event('change'));
      expect(spy.added).to.equal(added);

      // Attached again, the element opens its document again in a viewer that watches the density.
      const ready = nextEvent(el, 'jse-ready', 30000);
      document.body.append(el);
      await ready;
      expect(spy.live.length, 'listening again once attached').to.be.greaterThan(0);
      el.remove();
      expect(spy.live).to.deep.equal([]);
    } finally {
      spy.restore();
    }
  });
});
