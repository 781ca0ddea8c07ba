// Placeholder entry; the widget itself lands in the following commits.
const host = document.createElement('div');
const root = host.attachShadow({ mode: 'open' });
const launcher = document.createElement('button');
launcher.textContent = 'Chat';
root.append(launcher);
document.body.append(host);
