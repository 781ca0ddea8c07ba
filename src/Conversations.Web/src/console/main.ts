// The agent console (issue 10) replaces this placeholder.
const heading = document.createElement('h1');
heading.textContent = 'Console';
document.body.append(heading);
