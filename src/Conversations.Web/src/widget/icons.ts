import { html } from 'lit';

// Inline SVG paths (Material Symbols' shapes, redrawn as simple paths), aria-hidden where used.
export const chatIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 1-2z"/></svg>`;
export const closeIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6L19 6.4 17.6 5 12 10.6z"/></svg>`;
export const sendIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3 20V4l19 8zm2-3 11.9-5L5 7v3.5l6 1.5-6 1.5z"/></svg>`;
export const attachIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M5 21a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2zm0-2h14V5H5zm1-2h12l-3.8-5-3 4-2.2-3z"/></svg>`;
export const emojiIcon = html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 22a10 10 0 1 1 0-20 10 10 0 0 1 0 20zm0-2a8 8 0 1 0 0-16 8 8 0 0 0 0 16zm-3.5-9A1.5 1.5 0 1 1 8.5 8a1.5 1.5 0 0 1 0 3zm7 0a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3zM12 17.5a5.5 5.5 0 0 1-5-3.5h10a5.5 5.5 0 0 1-5 3.5z"/></svg>`;
