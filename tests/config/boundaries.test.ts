// The config module runs on the page thread, so it may borrow engine types but never engine code
// (the engine pulls in tfjs, which only the worker should load).
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../src/config/', import.meta.url));

describe('src/config imports', () => {
  it('imports only types from outside src/config', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(dir + file, 'utf8');
      const imports = [...source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)];
      for (const [, typeOnly, from] of imports) {
        if (from?.startsWith('./')) continue;
        expect({ file, from, typeOnly: Boolean(typeOnly) }).toEqual({ file, from, typeOnly: true });
      }
    }
  });
});
