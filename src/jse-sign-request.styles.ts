import { css } from 'lit';
import { sharedStyles } from './internal/shared-styles.js';

export const styles = [
  sharedStyles,
  css`
  :host {
    --jse-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --jse-color-text: #1c2230;
    --jse-color-muted: #5b6478;
    --jse-color-bg: #ffffff;
    --jse-color-surface: #f3f5f9;
    --jse-color-border: #c9cfdb;
    --jse-color-accent: #1d4ed8;
    --jse-color-accent-text: #ffffff;
    --jse-color-danger: #b42318;
    --jse-radius: 6px;
    /* Layout that survives the host page's display (issue 14): the host is only a box, as wide as
       the space it is given (also inline-block or floated), taking the free space as a flex item
       (not its siblings'), and as tall as the page makes it (320 px at least); .frame inside lays
       the element out. Page rules win over these. */
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    width: 100%;
    width: -webkit-fill-available;
    width: -moz-available;
    width: stretch;
    flex: 1 1 0%;
    min-height: 320px;
    font-family: var(--jse-font);
    color: var(--jse-color-text);
    background: var(--jse-color-bg);
    border: 1px solid var(--jse-color-border);
    border-radius: var(--jse-radius);
    overflow: hidden;
  }
  :host([hidden]) {
    display: none;
  }
  .frame {
    /* The toolbar's layout follows the element's own width, not the screen's (issue 18). */
    container: jse-frame / inline-size;
    flex: 1 1 auto;
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    height: 100%;
    /* The host's 320 px less its border, whatever the parts inside (the signers panel is defined
       only once page 1 is painted, issue 13): an element of auto height does not grow then. */
    min-height: calc(320px - 2px);
  }
  /* end of the host's layout (issue 14) */
  [part='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid var(--jse-color-border);
    background: var(--jse-color-surface);
    min-height: 2.75rem;
  }
  .doc-name {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    /* room for a readable name, else a row of its own (not "Lett…" beside the tools) */
    flex: 1 1 12rem;
    min-width: min(12rem, 100%);
  }
  .pages {
    flex: 1;
    min-height: 0;
  }
  /* document + signers panel (issue 8): side by side, stacked when the element is narrow */
  .body {
    flex: 1;
    min-height: 0;
    display: flex;
    container-type: inline-size;
  }
  .workspace {
    flex: 1;
    min-width: 0;
    display: flex;
  }
  .workspace > :not(.side) {
    flex: 1;
    min-width: 0;
  }
  .side {
    flex: 0 0 22.5rem;
    max-width: 100%;
    overflow-y: auto;
    border-left: 1px solid var(--jse-color-border);
  }
  @container (max-width: 44rem) {
    .workspace {
      flex-direction: column;
      overflow-y: auto;
    }
    .workspace > .pages {
      flex: 1 0 min(60vh, 36rem);
    }
    .side {
      flex: none;
      overflow-y: visible;
      border-left: 0;
      border-top: 1px solid var(--jse-color-border);
    }
  }
  /* the sent document beside its status (issue 18): read-only; narrow, the status comes first */
  /* no document to show (request-id alone): the status takes the whole width */
  .workspace.sent > .status-side:only-child {
    flex: 1 1 auto;
    border-left: 0;
  }
  @container (max-width: 44rem) {
    .workspace.sent > .status-side {
      order: -1;
      border-top: 0;
      border-bottom: 1px solid var(--jse-color-border);
    }
  }
  /* end signers panel layout */
  /* the keys of the field in focus (issue 18): over the top of the document, not moving it */
  .hint-anchor {
    position: relative;
    height: 0;
    z-index: 3;
  }
  .key-hint {
    position: absolute;
    top: 0.35rem;
    left: 0.5rem;
    max-width: calc(100% - 1rem);
    box-sizing: border-box;
    margin: 0;
    padding: 0.3rem 0.6rem;
    border-radius: var(--jse-radius);
    background: rgb(28 34 48 / 92%);
    color: #fff;
    font-size: 0.8125rem;
    line-height: 1.35;
    pointer-events: none;
  }
  /* Beside the signers panel (22.5rem wide), the hint stays over the document, not over « Signataires ». */
  @container jse-frame (width > 44rem) {
    .key-hint {
      max-width: calc(100% - 22.5rem - 1rem);
    }
  }
  /* A touch screen without a mouse has no arrows to press: the hint would only hide the page. */
  @media (hover: none) and (pointer: coarse) {
    .key-hint {
      display: none;
    }
  }
  /* viewer controls (issue 6) */
  .page-counter,
  .zoom-level {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .zoom {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
  }
  .zoom-level {
    min-width: 3.5em;
    text-align: center;
  }
  button.icon {
    min-width: 2rem;
    padding: 0.2rem 0.45rem;
    line-height: 1.2;
    background: var(--jse-color-bg);
    color: var(--jse-color-text);
    border-color: var(--jse-color-border);
  }
  /* end viewer controls */
  .message {
    padding: 1rem;
    color: var(--jse-color-muted);
  }
  .message[role='alert'] {
    color: var(--jse-color-danger);
  }
  button {
    font: inherit;
    padding: 0.35rem 0.8rem;
    border-radius: var(--jse-radius);
    border: 1px solid var(--jse-color-accent);
    background: var(--jse-color-accent);
    color: var(--jse-color-accent-text);
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid color-mix(in srgb, var(--jse-color-accent) 45%, transparent);
    outline-offset: 2px;
  }
  /* sending (issue 9): connect step, send bar, confirmation */
  .side {
    display: flex;
    flex-direction: column;
  }
  .side > jse-signers-panel {
    flex: 1 0 auto;
  }
  .connect,
  .account-error {
    margin: 0;
    padding: 0.75rem 1rem;
    border-bottom: 1px solid var(--jse-color-border);
    background: color-mix(in srgb, var(--jse-color-accent) 8%, var(--jse-color-bg));
  }
  /* layouts kept per kind of document (issue 16) */
  .layout-offer,
  .layout-note {
    margin: 0;
    padding: 0.5rem 1rem;
    border-bottom: 1px solid var(--jse-color-border);
    background: color-mix(in srgb, var(--jse-color-accent) 8%, var(--jse-color-bg));
  }
  .layout-offer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
  }
  .layout-offer p {
    margin: 0;
  }
  .layout-title {
    font-weight: 600;
  }
  .layout-detail {
    flex: 1 1 16rem;
    color: var(--jse-color-muted);
  }
  .connect h2 {
    margin: 0 0 0.25rem;
    font-size: 1.05rem;
  }
  .connect p,
  .account-error p {
    margin: 0 0 0.5rem;
  }
  .connect a {
    color: var(--jse-color-accent);
  }
  .send {
    position: sticky;
    bottom: 0;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    padding: 0.75rem 1rem;
    border-top: 1px solid var(--jse-color-border);
    background: var(--jse-color-bg);
  }
  .send p {
    margin: 0;
  }
  .send .problems {
    color: var(--jse-color-danger);
  }
  .send .problems ul {
    margin: 0.25rem 0 0;
    padding-left: 1.2rem;
    overflow-wrap: anywhere;
  }
  .send.locked {
    border-top: 3px solid var(--jse-color-danger);
  }
  .send.locked .title {
    font-weight: 600;
  }
  .send progress {
    width: 100%;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    justify-content: flex-end;
    flex-wrap: wrap;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button:not(.primary):not(.icon) {
    background: var(--jse-color-bg);
    color: var(--jse-color-accent);
  }
  dialog.confirm {
    max-width: min(32rem, 92vw);
    font-family: var(--jse-font);
  }
  dialog.confirm::backdrop {
    background: rgb(15 23 42 / 45%);
  }
  dialog.confirm h2 {
    margin-top: 0;
    font-size: 1.15rem;
  }
  dialog.confirm li,
  .message-preview {
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }
  /* the password prompt of an encrypted PDF (issue 5) */
  form.password {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    max-width: 24rem;
    margin: 1.5rem auto;
    padding: 1rem;
  }
  form.password input {
    font: inherit;
    padding: 0.35rem 0.5rem;
    border: 1px solid var(--jse-color-border);
    border-radius: var(--jse-radius);
  }
  /* end sending */
  /* a phone, or a narrow panel on a wide screen (issue 18): the controls wrap in rows, each whole */
  [part='toolbar'] > button,
  [part='toolbar'] > select,
  .history,
  .zoom {
    flex: none;
    white-space: nowrap;
  }
  .history {
    display: inline-flex;
    gap: 0.25rem;
  }
  .label-narrow {
    display: none;
  }
  @container jse-frame (max-width: 40rem) {
    .label-wide {
      display: none;
    }
    .label-narrow {
      display: inline;
    }
    [part='toolbar'] {
      gap: 0.4rem;
      padding: 0.4rem 0.5rem;
    }
    .doc-name {
      flex: 1 0 100%;
    }
  }
  @media (pointer: coarse) {
    [part='toolbar'] button,
    [part='toolbar'] select {
      min-height: 2.5rem;
    }
    button.icon {
      min-width: 2.5rem;
    }
  }
`,
];
