/**
 * The draft's key (issue 19): `document-id` when given, else the file URL without the query
 * parameters that sign it, so a fresh presigned URL of the same file finds its draft again.
 */
import { expect } from '@open-wc/testing';
import { documentKey } from '../../src/draft/persistence.js';
import { makePdf, serve } from '../helpers/documents.js';
import { marie, mount, newSandbox, startWorker } from '../send/harness.js';
import type { Sandbox } from '../../src/testing/index.js';

const BASE = 'https://ged.example.fr/app/';

describe('the draft key', () => {
  it('is the document id when given', () => {
    expect(documentKey('doc-42', 'https://s3.example.com/a.pdf?X-Amz-Signature=1', BASE)).to.equal('id:doc-42');
  });

  it('leaves out the signature parameters of presigned URLs, keeps the others', () => {
    const same: Array<[string, string]> = [
      [
        'https://bucket.s3.eu-west-3.amazonaws.com/f/contrat.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AK%2F20261202%2Feu-west-3%2Fs3%2Faws4_request&X-Amz-Date=20261202T150000Z&X-Amz-Expires=300&X-Amz-SignedHeaders=host&X-Amz-Signature=aaaa',
        'https://bucket.s3.eu-west-3.amazonaws.com/f/contrat.pdf?x-amz-algorithm=AWS4-HMAC-SHA256&x-amz-credential=AK%2F20261202&x-amz-date=20261202T160000Z&x-amz-expires=600&x-amz-signedheaders=host&x-amz-security-token=t&x-amz-signature=bbbb',
      ],
      ['https://s3.amazonaws.com/b/c.pdf?AWSAccessKeyId=AK&Expires=1&Signature=x', 'https://s3.amazonaws.com/b/c.pdf?AWSAccessKeyId=AK&Expires=2&Signature=y'],
      ['https://storage.googleapis.com/b/c.pdf?X-Goog-Algorithm=G&X-Goog-Signature=1&X-Goog-Date=d', 'https://storage.googleapis.com/b/c.pdf?X-Goog-Algorithm=G&X-Goog-Signature=2&X-Goog-Date=e'],
      ['https://cdn.example.fr/c.pdf?Expires=1&Signature=a&Key-Pair-Id=K', 'https://cdn.example.fr/c.pdf?Expires=2&Signature=b&Key-Pair-Id=K'],
      ['https://acc.blob.core.windows.net/c/c.pdf?sv=2024&se=2026-12-02&sr=b&sp=r&sig=a', 'https://acc.blob.core.windows.net/c/c.pdf?sv=2024&se=2026-12-03&sr=b&sp=r&sig=b'],
      ['files/c.pdf#page=2', 'https://ged.example.fr/app/files/c.pdf'],
    ];
    for (const [a, b] of same) expect(documentKey(undefined, a, BASE), a).to.equal(documentKey(undefined, b, BASE));
    expect(documentKey(undefined, same[0][0], BASE)).to.equal('url:https://bucket.s3.eu-west-3.amazonaws.com/f/contrat.pdf');
    // What names the file stays: another id, version or path is another document.
    const different: Array<[string, string]> = [
      ['https://ged.example.fr/download?id=1&X-Amz-Signature=a', 'https://ged.example.fr/download?id=2&X-Amz-Signature=a'],
      ['https://ged.example.fr/f.pdf?versionId=1', 'https://ged.example.fr/f.pdf?versionId=2'],
      ['https://ged.example.fr/a.pdf', 'https://ged.example.fr/b.pdf'],
      // Without `sig`, short names like `sp` are the GED's own.
      ['https://ged.example.fr/f?sp=1', 'https://ged.example.fr/f?sp=2'],
    ];
    for (const [a, b] of different) expect(documentKey(undefined, a, BASE), a).not.to.equal(documentKey(undefined, b, BASE));
    expect(documentKey(undefined, 'https://ged.example.fr/download?id=1&X-Amz-Signature=a', BASE)).to.equal('url:https://ged.example.fr/download?id=1');
  });

  describe('in the element', function () {
    this.timeout(30000);
    let sandbox: Sandbox;
    before(startWorker);
    beforeEach(async () => {
      sessionStorage.clear();
      sandbox = await newSandbox();
    });
    afterEach(async () => {
      document.querySelectorAll('jse-sign-request').forEach((e) => e.remove());
      await sandbox.stop();
    });

    it('finds the draft again under a fresh presigned URL of the same file', async () => {
      const file = await serve(await makePdf([{ label: 'Presigned' }]), 'presigned.pdf');
      const presigned = (date: string, signature: string) =>
        `${file}?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=${date}&X-Amz-Expires=300&X-Amz-SignedHeaders=host&X-Amz-Signature=${signature}`;
      const field = { signerId: 's1', page: 1, x: 100, y: 100, width: 180, height: 60 };
      let { el } = await mount(sandbox, presigned('20261202T150000Z', 'aaaa'), (e) => (e.signers = [marie]));
      el.fields = [field];
      await el.updateComplete;
      el.remove();
      ({ el } = await mount(sandbox, presigned('20261202T151000Z', 'bbbb')));
      expect((el).signers.map((s) => s.email)).to.deep.equal([marie.email]);
      expect(el.fields).to.deep.equal([field]);
    });
  });
});
