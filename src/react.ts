/**
 * `jse-sign-request/react`: `<JseSignRequest>` for React, made with @lit/react's `createComponent`.
 * Importing it registers `<jse-sign-request>`. Every property of the element is a typed prop
 * (`signers`, `fields`, `me`, `contacts`… set as properties, not attributes), and every event an
 * `onJse…` prop typed with its event class: `onJseReady`, `onJsePending`, `onJseSigned`, `onJseError`…
 * A `ref` gives the element (`submit()`, `reset()`, `cancelRequest()`).
 *
 * Its types also declare `<jse-sign-request>` in React 19's `JSX.IntrinsicElements` (generated from
 * custom-elements.json), for pages that use the tag itself with `onjse-ready`-style handlers.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import './define.js';
import { JseSignRequest as JseSignRequestElement } from './jse-sign-request.js';
import type { JseEventMap } from './events.js';

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** The React name of each event: `jse-signer-signed` → `onJseSignerSigned`. */
export type JseReactEventName<K extends keyof JseEventMap> = `on${Capitalize<CamelCase<K>>}`;

type ReactEvents = { [K in keyof JseEventMap as JseReactEventName<K>]: EventName<JseEventMap[K]> };

const event = <K extends keyof JseEventMap>(name: K) => name as EventName<JseEventMap[K]>;

/** Every event of the element; the type above refuses a missing one. */
const events: ReactEvents = {
  onJseReady: event('jse-ready'),
  onJseStatus: event('jse-status'),
  onJseConnectRequired: event('jse-connect-required'),
  onJseConnected: event('jse-connected'),
  onJseInvalid: event('jse-invalid'),
  onJsePending: event('jse-pending'),
  onJseSignerSigned: event('jse-signer-signed'),
  onJseSigned: event('jse-signed'),
  onJseRefused: event('jse-refused'),
  onJseExpired: event('jse-expired'),
  onJseCancelled: event('jse-cancelled'),
  onJseError: event('jse-error'),
};

/** `<jse-sign-request>` as a React component: typed props and `onJse…` event props. */
export const JseSignRequest = createComponent({
  react: React,
  tagName: 'jse-sign-request',
  elementClass: JseSignRequestElement,
  events,
  displayName: 'JseSignRequest',
});

/** The props of {@link JseSignRequest}, for wrappers of your own. */
export type JseSignRequestProps = React.ComponentProps<typeof JseSignRequest>;
