// Must NOT compile: scripts/check-examples.mjs compiles this file alone (tsconfig.type-tests.json)
// and expects exactly the errors marked below — proof that the event handlers are typed.
import { JseSignRequest } from 'jse-sign-request/react';
import type { JsePendingEvent } from 'jse-sign-request';

const onPending = (event: JsePendingEvent) => console.log(event.detail.request.id);

export const Wrapper = () => <JseSignRequest onJseReady={onPending} />; // expect TS2322: JsePendingEvent is not JseReadyEvent
export const Element = () => <jse-sign-request onjse-ready={onPending} />; // expect TS2322: JsePendingEvent is not JseReadyEvent
export const Unknown = () => <jse-sign-request src={42} />; // expect TS2322: a number is not a string
export const NoSrc = () => <JseSignRequest documents={[{ name: 'Mandat SEPA.pdf' }]} />; // expect TS2741: a document needs its src
