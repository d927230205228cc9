import { css } from 'lit';

/** What every part's shadow root starts from: border-box sizing, text for screen readers only, dialogs. */
export const sharedStyles = css`
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  dialog {
    max-width: min(26rem, calc(100vw - 2rem));
    border: 1px solid var(--jse-color-border, #c9cfdb);
    border-radius: var(--jse-radius, 6px);
    color: inherit;
    background: var(--jse-color-bg, #fff);
  }
`;
