/**
 * The document controller reads a loading failure with the one classification (issue 19): a fault
 * of the element's own code is `internal_error`, not retryable — never a "damaged document" the
 * user is told to fix — and a part of the widget that did not arrive is network trouble, retryable.
 */
import { expect } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { DocumentController } from '../../src/document/document-controller.js';
import { partUnavailable, type JseError, type JseErrorDetail } from '../../src/api/errors.js';
import { LocalizeController } from '../../src/i18n/localize-controller.js';
import { makePdf, serve } from '../helpers/documents.js';
import { useInstalledPdfJs } from '../helpers/element.js';
import { until } from '../helpers/wait.js';

class DocumentHostElement extends LitElement {
  src = '';
  withCredentials = false;
  /** What the parts' loading does (the element's `defineParts()`). */
  viewerReady: () => Promise<unknown> = () => Promise.resolve();
  readonly errors: JseErrorDetail[] = [];
  readonly i18n = new LocalizeController(this);
  readonly documents = new DocumentController(this, {
    i18n: this.i18n,
    emit: (event) => {
      if (event.type === 'jse-error') this.errors.push((event as CustomEvent<JseErrorDetail>).detail);
    },
    viewerReady: () => this.viewerReady(),
    onPagesKnown: () => undefined,
  });

  protected override render() {
    return html`<p>${this.documents.phase.kind}</p>`;
  }
}
customElements.define('test-document-host', DocumentHostElement);

describe('DocumentController: loading failures classified once', () => {
  let src: string;
  before(async () => {
    useInstalledPdfJs();
    src = await serve(await makePdf([{ label: 'Classement' }]), 'classement.pdf');
  });
  afterEach(() => document.querySelectorAll('test-document-host').forEach((e) => e.remove()));

  async function failWith(viewerReady: () => Promise<unknown>, lang = 'fr'): Promise<{ host: DocumentHostElement; error: JseError }> {
    const host = document.createElement('test-document-host') as DocumentHostElement;
    host.lang = lang;
    host.src = src;
    host.viewerReady = viewerReady;
    document.body.append(host);
    await host.updateComplete;
    void host.documents.load();
    const error = await until(() => (host.documents.phase.kind === 'error' ? host.documents.phase.error : undefined), 'the load failing');
    return { host, error };
  }

  it('a programming error while loading is internal_error, not retryable, in the catalogue’s words — not damaged_document', async () => {
    const { host, error } = await failWith(() => Promise.reject(new TypeError('cannot read properties of undefined')));
    expect(error.code).to.equal('internal_error');
    expect(error.retryable).to.equal(false);
    expect(host.documents.retryable).to.equal(false);
    expect(error.message).to.contain('cannot read properties of undefined');
    expect(error.message).to.not.contain('endommag'); // "document endommagé" would send the user after a fault of ours
    expect(host.errors).to.deep.equal([error.toDetail()]);
  });

  it('a part of the widget that did not arrive is network trouble, retryable, said in the user’s language', async () => {
    const { host, error } = await failWith(() => Promise.reject(partUnavailable(new TypeError('Failed to fetch dynamically imported module'))), 'en');
    expect(error).to.include({ code: 'network', retryable: true, message: 'The connection failed: try again.' });
    expect(host.documents.retryable).to.equal(true);
    expect(host.errors.map((e) => e.code)).to.deep.equal(['network']);
  });
});
