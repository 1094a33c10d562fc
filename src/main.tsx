// Page entry: reads the link once, picks the language, and mounts the React app. TensorFlow.js is
// never imported here; the worker owns it.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { readLocation } from './client/urlState';
import { applyLang, I18nProvider } from './i18n/I18n';
import { detectLang, readStoredLang } from './i18n/lang';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { applyTheme, readStoredTheme } from './ui/useTheme';
import './ui/styles.css';

// The service worker that keeps the app and MNIST offline registers once MNIST has arrived
// (src/client/serviceWorker.ts), so its downloads never compete with the first training images.

const initial = readLocation();
// A link's language first (the teacher chose it), then this browser's choice, then its preferences.
const stored = readStoredLang();
const lang = initial.page.lang ?? stored ?? detectLang(navigator.languages);
// Before the first paint: <html lang>, the title and a chosen theme are right from the start.
applyLang(lang);
applyTheme(document.documentElement, readStoredTheme());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider initial={lang} chosen={initial.page.lang !== null || stored !== null}>
      <ErrorBoundary>
        <App initial={initial} />
      </ErrorBoundary>
    </I18nProvider>
  </StrictMode>,
);
