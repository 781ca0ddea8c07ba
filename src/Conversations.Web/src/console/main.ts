// The agent console at /console: sign-in, lists, conversations, floor view and administration.
import './console.css';
import './app';

document.body.replaceChildren(document.createElement('cv-console'));
