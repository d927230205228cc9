/**
 * « Accepter les suggestions (n) » by keyboard: once every suggestion is a field the button goes,
 * and the focus with it went to <body> (a review found it: the next Tab started again from the top
 * of the host page). It now moves to the next tool of the toolbar, « + Signature ».
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { serve } from '../helpers/documents.js';
import { deepActiveElement as deepActive, useInstalledPdfJs } from '../helpers/element.js';
import { until } from '../helpers/wait.js';
import { mount } from '../viewer/helpers.js';
import { suggestionsPdf } from './documents.js';

describe('accepting every suggestion by keyboard', function () {
  this.timeout(60000);
  before(useInstalledPdfJs);
  afterEach(() => {
    for (const el of document.querySelectorAll('jse-sign-request')) el.remove();
  });

  it('Enter on « Accepter les suggestions »: the fields are placed, the focus is on « + Signature »', async () => {
    const { bytes } = await suggestionsPdf();
    const { el } = await mount(await serve(bytes, 'accept-all-focus.pdf'), { width: 1000, height: 700 });
    const button = await until(() => el.shadowRoot!.querySelector<HTMLButtonElement>('.accept-suggestions'), 'the accept-all button');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.fields.length > 0 && !el.shadowRoot!.querySelector('.accept-suggestions'), 'the suggestions accepted');
    await el.updateComplete;
    const active = await until(() => deepActive() !== document.body && deepActive(), 'the focus somewhere in the element');
    expect(active.classList.contains('add-field'), `focus on ${active.outerHTML.slice(0, 80)}`).to.equal(true);
  });
});
