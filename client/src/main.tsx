import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { parseFragment } from './session/identity';
import { registerServiceWorker } from './serviceWorker/register';
import './app/styles.css';

// A link pasted over the open board only changes the fragment, which loads nothing; a capability link
// must be opened as the link it is, so the page starts again with it.
window.addEventListener('hashchange', () => {
  if (parseFragment(window.location.hash)) window.location.reload();
});

registerServiceWorker();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
