import { css } from 'lit';

// The host is a zero-size fixed box; every declaration on it is !important because the host element
// lives in the page's DOM, where an !important page rule (`* { all: unset !important }`) would otherwise
// win. Inside the shadow root no page selector applies.
export const styles = css`
  :host {
    all: initial !important;
    display: block !important;
    position: fixed !important;
    z-index: 2147483000 !important;
    inset: auto !important;
    width: 0 !important;
    height: 0 !important;
    visibility: visible !important;
    opacity: 1 !important;
    --cw-primary: #0b5cad;
    --cw-on-primary: #ffffff;
    --cw-text: #1c2430;
    --cw-muted: #4f5b6b;
    --cw-surface: #ffffff;
    --cw-bubble: #eef1f5;
    --cw-border: #c9d0da;
    --cw-danger: #b3261e;
    --cw-focus: #1a73e8;
  }
  * {
    box-sizing: border-box;
  }
  .root {
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    font-size: 15px;
    line-height: 1.45;
    color: var(--cw-text);
  }
  button,
  textarea,
  input {
    font: inherit;
    color: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--cw-focus);
    outline-offset: 2px;
  }
  header :focus-visible,
  .launcher:focus-visible,
  .mine :focus-visible {
    outline-color: var(--cw-text);
    box-shadow: 0 0 0 2px var(--cw-surface);
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .launcher {
    position: fixed;
    bottom: calc(20px + env(safe-area-inset-bottom, 0px));
    right: calc(20px + env(safe-area-inset-right, 0px));
    width: 60px;
    height: 60px;
    border-radius: 50%;
    border: none;
    background: var(--cw-primary);
    color: var(--cw-on-primary);
    cursor: pointer;
    box-shadow: 0 4px 14px rgb(0 0 0 / 25%);
    display: flex;
    align-items: center;
    justify-content: center;
  }
  .left .launcher {
    right: auto;
    left: calc(20px + env(safe-area-inset-left, 0px));
  }
  .launcher svg {
    width: 28px;
    height: 28px;
    fill: currentColor;
  }
  .badge {
    position: absolute;
    top: -4px;
    right: -4px;
    min-width: 22px;
    height: 22px;
    padding: 0 6px;
    border-radius: 11px;
    background: var(--cw-danger);
    color: #fff;
    font-size: 13px;
    font-weight: 700;
    display: flex;
    align-items: center;
    justify-content: center;
  }
  .window {
    position: fixed;
    bottom: calc(92px + env(safe-area-inset-bottom, 0px));
    right: calc(20px + env(safe-area-inset-right, 0px));
    width: 380px;
    height: min(640px, calc(100vh - 120px));
    display: flex;
    flex-direction: column;
    background: var(--cw-surface);
    border-radius: 14px;
    box-shadow: 0 10px 40px rgb(0 0 0 / 28%);
    overflow: hidden;
  }
  .left .window {
    right: auto;
    left: calc(20px + env(safe-area-inset-left, 0px));
  }
  header {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 12px 12px 12px 16px;
    background: var(--cw-primary);
    color: var(--cw-on-primary);
  }
  header .titles {
    flex: 1;
    min-width: 0;
  }
  header h2 {
    margin: 0;
    font-size: 17px;
    font-weight: 650;
  }
  header .subtitle {
    font-size: 13px;
    opacity: 0.95;
  }
  .icon-button {
    width: 44px;
    height: 44px;
    border: none;
    border-radius: 8px;
    background: transparent;
    color: inherit;
    cursor: pointer;
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  .icon-button svg {
    width: 22px;
    height: 22px;
    fill: currentColor;
  }
  .avatar {
    width: 34px;
    height: 34px;
    border-radius: 50%;
    flex: none;
    object-fit: cover;
    background: #dfe4ea;
    color: #1c2430;
    font-size: 14px;
    font-weight: 700;
    display: inline-flex;
    align-items: center;
    justify-content: center;
  }
  .avatar.spacer {
    visibility: hidden;
  }
  .notice {
    padding: 8px 14px;
    font-size: 14px;
    background: #fff4d6;
    color: #4d3800;
    border-bottom: 1px solid #ecd9a0;
  }
  .notice.offer {
    background: #e3f0ff;
    color: #0a2e57;
    display: flex;
    gap: 10px;
    align-items: center;
    justify-content: space-between;
  }
  .log {
    flex: 1;
    overflow-y: auto;
    padding: 14px;
    display: flex;
    flex-direction: column;
    gap: 8px;
    overscroll-behavior: contain;
  }
  .greeting {
    color: var(--cw-muted);
    text-align: center;
    font-size: 14px;
    margin: 4px 0 8px;
  }
  .row {
    display: flex;
    gap: 8px;
    align-items: flex-end;
    max-width: 100%;
  }
  .row.mine {
    justify-content: flex-end;
  }
  .bubble {
    max-width: 80%;
    padding: 8px 12px;
    border-radius: 14px;
    background: var(--cw-bubble);
    overflow-wrap: anywhere;
  }
  .text {
    white-space: pre-wrap;
  }
  .mine .bubble {
    background: var(--cw-primary);
    color: var(--cw-on-primary);
  }
  .mine .bubble a {
    color: inherit;
  }
  .bubble a {
    color: #0b4f94;
  }
  .author {
    font-size: 12px;
    color: var(--cw-muted);
    margin: 0 0 2px;
  }
  .meta {
    font-size: 12px;
    color: var(--cw-muted);
    text-align: right;
  }
  .meta.failed {
    color: var(--cw-danger);
  }
  .link-button {
    border: none;
    background: none;
    padding: 4px 2px;
    color: var(--cw-danger);
    text-decoration: underline;
    cursor: pointer;
    font-size: 13px;
    min-height: 24px;
  }
  .system {
    align-self: center;
    font-size: 13px;
    color: var(--cw-muted);
    text-align: center;
    padding: 2px 8px;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin: 4px 0 0 42px;
  }
  .choice,
  .action,
  .primary {
    min-height: 44px;
    padding: 8px 14px;
    border-radius: 22px;
    border: 2px solid var(--cw-primary);
    background: var(--cw-surface);
    color: var(--cw-text);
    cursor: pointer;
  }
  .choice[aria-pressed='true'] {
    background: var(--cw-primary);
    color: var(--cw-on-primary);
  }
  .choice:disabled {
    cursor: default;
    border-color: var(--cw-border);
    color: var(--cw-muted);
  }
  .choice[aria-pressed='true']:disabled {
    border-color: var(--cw-primary);
    color: var(--cw-on-primary);
  }
  .primary {
    background: var(--cw-primary);
    color: var(--cw-on-primary);
  }
  .image-button {
    padding: 0;
    border: none;
    background: none;
    cursor: zoom-in;
    display: block;
  }
  .image-button img {
    min-width: 48px;
    min-height: 48px;
    object-fit: contain;
  }
  .image-button img,
  .preview img {
    display: block;
    max-width: 220px;
    max-height: 220px;
    border-radius: 10px;
  }
  .image-placeholder {
    width: 160px;
    height: 120px;
    border-radius: 10px;
    background: var(--cw-bubble);
  }
  .typing {
    font-size: 13px;
    color: var(--cw-muted);
    padding: 0 16px 4px;
    min-height: 20px;
  }
  .actions {
    display: flex;
    gap: 8px;
    padding: 0 12px 8px;
    flex-wrap: wrap;
  }
  .composer {
    border-top: 1px solid var(--cw-border);
    padding: 8px;
    padding-bottom: calc(8px + env(safe-area-inset-bottom, 0px));
  }
  .composer-row {
    display: flex;
    align-items: flex-end;
    gap: 4px;
  }
  .composer textarea {
    flex: 1;
    resize: none;
    min-height: 44px;
    max-height: 120px;
    padding: 10px 12px;
    border: 1px solid var(--cw-border);
    border-radius: 10px;
    font-size: 16px;
    background: var(--cw-surface);
  }
  .composer .icon-button {
    color: var(--cw-muted);
  }
  .composer .send {
    color: var(--cw-primary);
  }
  .preview {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 0 4px 8px;
  }
  .error {
    color: var(--cw-danger);
    font-size: 14px;
    padding: 0 4px 6px;
  }
  .drop {
    position: absolute;
    inset: 0;
    background: rgb(255 255 255 / 92%);
    border: 3px dashed var(--cw-primary);
    border-radius: 14px;
    display: flex;
    align-items: center;
    justify-content: center;
    font-weight: 600;
    pointer-events: none;
  }
  .closed {
    padding: 12px 14px;
    border-top: 1px solid var(--cw-border);
    display: flex;
    flex-direction: column;
    gap: 10px;
  }
  .closed p {
    margin: 0;
  }
  .stars {
    display: flex;
    gap: 4px;
    border: none;
    padding: 0;
    margin: 0;
  }
  .stars legend {
    padding: 0;
    margin-bottom: 4px;
    font-weight: 600;
  }
  .star {
    width: 44px;
    height: 44px;
    font-size: 26px;
    border: 1px solid var(--cw-border);
    border-radius: 8px;
    background: var(--cw-surface);
    cursor: pointer;
    color: #6b5200;
  }
  .star[aria-checked='true'] {
    background: #ffe08a;
    border-color: #8a6a00;
  }
  .closed textarea {
    width: 100%;
    min-height: 60px;
    padding: 8px;
    border: 1px solid var(--cw-border);
    border-radius: 8px;
    font-size: 16px;
  }
  .emoji-grid {
    display: grid;
    grid-template-columns: repeat(8, 1fr);
    gap: 2px;
    padding: 6px;
    border: 1px solid var(--cw-border);
    border-radius: 10px;
    margin-bottom: 6px;
  }
  .emoji-grid button {
    min-height: 36px;
    font-size: 20px;
    border: none;
    background: none;
    border-radius: 6px;
    cursor: pointer;
  }
  .viewer {
    position: fixed;
    inset: 0;
    background: rgb(0 0 0 / 85%);
    display: flex;
    align-items: center;
    justify-content: center;
    padding: 20px;
  }
  .viewer img {
    max-width: 100%;
    max-height: 100%;
    object-fit: contain;
  }
  .viewer .icon-button {
    position: absolute;
    top: calc(10px + env(safe-area-inset-top, 0px));
    right: calc(10px + env(safe-area-inset-right, 0px));
    color: #fff;
    background: rgb(0 0 0 / 40%);
  }
  @media (max-width: 480px), (max-height: 560px) {
    .window {
      inset: 0;
      width: 100%;
      height: 100%;
      border-radius: 0;
      padding-top: env(safe-area-inset-top, 0px);
      padding-left: env(safe-area-inset-left, 0px);
      padding-right: env(safe-area-inset-right, 0px);
    }
    .left .window {
      left: 0;
    }
    .open .launcher {
      display: none;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    .window {
      animation: rise 160ms ease-out;
    }
    @keyframes rise {
      from {
        transform: translateY(12px);
        opacity: 0;
      }
    }
  }
`;
