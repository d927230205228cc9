import { useRef, useState } from 'react';
// The wrapper (typed props, onJse… events) — importing it registers <jse-sign-request> and declares
// the tag in React 19's JSX for the second form below.
import { JseSignRequest } from 'jse-sign-request/react';
import type { JseErrorEvent, JseReadyEvent, JseSignRequest as JseSignRequestElement } from 'jse-sign-request';

const DOCUMENT = '/lettre-de-mission.pdf';
// Your backend's token endpoint (docs/proxy-protocol.md): the element never sees Jesignexpert credentials.
const TOKEN_ENDPOINT = '/api/jse/token';

const pages = (event: JseReadyEvent) => `${event.detail.documentName}: ${event.detail.pageCount} page(s)`;

export function App() {
  const ref = useRef<JseSignRequestElement>(null);
  const [wrapper, setWrapper] = useState('loading…');
  const [element, setElement] = useState('loading…');
  const [error, setError] = useState('');
  const onError = (event: JseErrorEvent) => setError(`${event.detail.code}: ${event.detail.message}`);

  return (
    <main>
      <section>
        <h2>jse-sign-request/react</h2>
        <p>
          jse-ready: <output id="wrapper-status">{wrapper}</output>
        </p>
        <JseSignRequest
          ref={ref}
          src={DOCUMENT}
          tokenEndpoint={TOKEN_ENDPOINT}
          signers={[{ id: 'client', email: 'marie.martin@example.fr', firstName: 'Marie', lastName: 'Martin', phone: '+33612345678' }]}
          layoutKey="lettre-de-mission"
          onJseReady={(event) => setWrapper(pages(event))}
          onJsePending={(event) => console.log('request created', event.detail.request.id)}
          onJseSigned={(event) => event.detail.documents.forEach((doc) => console.log('signed', doc.name, doc.signedDocumentUrl))}
          onJseExpired={(event) => console.log('expired', event.detail.request.expiresAt)}
          onJseError={onError}
        />
        <button type="button" onClick={() => ref.current?.reset()}>
          reset()
        </button>
      </section>
      <section>
        <h2>&lt;jse-sign-request&gt; in JSX</h2>
        <p>
          jse-ready: <output id="element-status">{element}</output>
        </p>
        {/* React 19: properties set as properties, `onjse-ready` listens to `jse-ready`. */}
        <jse-sign-request
          src={DOCUMENT}
          token-endpoint={TOKEN_ENDPOINT}
          lang="en"
          onjse-ready={(event) => setElement(pages(event))}
          onjse-error={onError}
        />
      </section>
      {error && <p role="status">{error}</p>}
    </main>
  );
}
