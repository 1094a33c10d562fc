// Registers the service worker (built by vite-plugin-pwa) that keeps the app and MNIST for offline use,
// once the page has all of MNIST: its precache then revalidates what the training worker downloaded
// (hashed names, see vite.config.ts) instead of downloading MNIST a second time, alongside the first
// training images, on a link a whole class shares. Not in dev: it would serve stale modules.

let registered = false;

export function registerServiceWorker(): void {
  if (registered || !import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  registered = true;
  void navigator.serviceWorker.register('./sw.js').catch((err: unknown) => {
    console.warn('Offline use is unavailable: the service worker did not register.', err);
  });
}
