// Vite plugin that gives the built page its Content-Security-Policy as the first <meta> of <head>.
// Build only: the dev server injects inline scripts (React refresh) that this policy would block.
import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * Each directive with the sources it allows; everything is 'self' (the page's origin) unless a
 * browser check showed the page needs more. Nothing allows inline script or eval: the bundles hold
 * no eval, and TensorFlow.js WebGL compiles its shaders through WebGL, not through JavaScript.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // The training worker is a same-origin module script (assets/worker-*.js).
  'worker-src': ["'self'"],
  // The worker fetches data/mnist/ from the page's origin; nothing else is fetched.
  'connect-src': ["'self'"],
  // blob: the chart PNG export draws the chart's SVG, as a blob: URL, into an <img>.
  // data: is not allowed: nothing on the page (CSS included) uses a data: image.
  'img-src': ["'self'", 'blob:'],
  // React and recharts set style props through CSSOM (element.style), which style-src does not govern.
  'style-src': ["'self'"],
  'font-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

/** The policy as the one line a meta tag (or a server's header) carries. */
export function contentSecurityPolicy(directives = CSP_DIRECTIVES): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** The meta tag, prepended so that it governs every script and stylesheet Vite adds after it. */
export function cspMetaTag(): HtmlTagDescriptor {
  return {
    tag: 'meta',
    attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy() },
    injectTo: 'head-prepend',
  };
}

export function cspMeta(): Plugin {
  return {
    name: 'csp-meta',
    apply: 'build',
    transformIndexHtml: () => [cspMetaTag()],
  };
}
