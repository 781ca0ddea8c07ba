import type { ConversationsApi } from '../widget/api';

// The host page talks to the widget only through its documented global. widget.js loads async, so
// before it has arrived the link simply does nothing.
declare global {
  interface Window {
    Conversations?: ConversationsApi;
  }
}

document.getElementById('open-chat')?.addEventListener('click', () => window.Conversations?.open());
