/**
 * `jse-sign-request`: importing this module registers `<jse-sign-request>`.
 * `jse-sign-request/element` exports the same API without registering.
 */
import './define.js';

export * from './element.js';
