import { html } from 'lit';
export const render = () => html``;
