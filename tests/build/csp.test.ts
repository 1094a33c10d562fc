// The built page's Content-Security-Policy: the plugin puts it first in <head>, only when building,
// and the policy allows no inline script, no eval and nothing off the page's origin.
import { describe, expect, it } from 'vitest';
import type { IndexHtmlTransformHook } from 'vite';
import { CSP_DIRECTIVES, contentSecurityPolicy, cspMeta } from '../../src/build/csp';

describe('cspMeta', () => {
  it('runs in the build only, not in the dev server', () => {
    expect(cspMeta().apply).toBe('build');
  });

  it('prepends the policy as a meta tag to <head>', () => {
    const transform = cspMeta().transformIndexHtml as IndexHtmlTransformHook;
    const tags = transform.call({} as never, '<html></html>', {} as never);
    expect(tags).toEqual([
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy() },
        injectTo: 'head-prepend',
      },
    ]);
  });

  it('allows no inline script, no eval and no other origin', () => {
    const policy = contentSecurityPolicy();
    expect(policy).toMatch(/^default-src 'self'; script-src 'self'; /);
    expect(policy).not.toMatch(/unsafe|https?:|\*/);
    expect(CSP_DIRECTIVES['object-src']).toEqual(["'none'"]);
    for (const sources of Object.values(CSP_DIRECTIVES))
      for (const s of sources) expect(["'self'", "'none'", 'blob:']).toContain(s);
  });
});
