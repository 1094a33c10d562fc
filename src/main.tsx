// Page entry: mounts the React app. TensorFlow.js is never imported here; the worker owns it.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import './ui/styles.css';

// The service worker (built by vite-plugin-pwa) caches the app and MNIST, so a second visit works
// offline. Not in dev: it would serve stale modules over Vite's hot reload.
if (import.meta.env.PROD && 'serviceWorker' in navigator)
  void navigator.serviceWorker.register('./sw.js').catch((err: unknown) => {
    console.warn('Offline use is unavailable: the service worker did not register.', err);
  });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
