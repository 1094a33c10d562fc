// Walks every import in src/ and checks it against the layer table (tests/architecture/layers.ts):
// relative imports may only reach the layers a layer lists, and packages only the layers allowed them.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAYERS, PACKAGE_LAYERS } from './layers';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/** Static imports, re-exports and dynamic imports; `import type` counts too (it ties the layers). */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)) found.push(m[1]!);
  for (const m of source.matchAll(/^\s*import\s+'([^']+)'/gm)) found.push(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) found.push(m[1]!);
  return found;
}

/** The layer a path under src/ belongs to: its first folder, or the file itself at the top. */
function layerOf(relative: string): string {
  const first = relative.split(/[\\/]/)[0]!;
  // Imports name top-level files without their extension.
  return first in LAYERS ? first : (['.ts', '.tsx'].map((e) => first + e).find((f) => f in LAYERS) ?? first);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Every import that the table forbids, as "file → import (why)". */
export function violations(file: string, source: string): string[] {
  const from = layerOf(path.relative(SRC, file));
  const name = path.relative(SRC, file);
  const allowed = LAYERS[from] ?? [];
  const out: string[] = [];
  for (const spec of importsOf(source)) {
    if (spec.startsWith('.')) {
      const to = layerOf(path.relative(SRC, path.resolve(path.dirname(file), spec)));
      if (to.startsWith('..')) out.push(`${name} → ${spec} (outside src/)`);
      else if (to !== from && !allowed.includes(to))
        out.push(`${name} → ${spec} (${from} may not import ${to})`);
      continue;
    }
    for (const [prefix, layers] of Object.entries(PACKAGE_LAYERS)) {
      const matches = spec === prefix || spec.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
      if (matches && !layers.includes(from)) {
        out.push(`${name} → ${spec} (${from} may not import ${prefix})`);
        break; // one finding per import, however many rows it breaks
      }
    }
  }
  return out;
}

describe('layers', () => {
  const files = sourceFiles(SRC);

  it('has a row for every folder and top-level file of src/', () => {
    const layers = new Set(files.map((f) => layerOf(path.relative(SRC, f))));
    expect([...layers].filter((l) => !(l in LAYERS))).toEqual([]);
  });

  it('lets no import cross the table', () => {
    expect(files.flatMap((f) => violations(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    const at = (p: string) => path.join(SRC, p);
    expect(violations(at('ui/X.tsx'), "import * as tf from '@tensorflow/tfjs';")).toHaveLength(1);
    expect(violations(at('experiment/x.ts'), "import { RUN } from '../charts/types';")).toHaveLength(1);
    expect(violations(at('protocol.ts'), "import type { Trainer } from './engine/trainer';")).toHaveLength(1);
    expect(violations(at('client/x.ts'), "export { App } from '../ui/App';")).toHaveLength(1);
    expect(violations(at('engine/x.ts'), "const m = await import('react');")).toHaveLength(1);
    expect(violations(at('ui/X.tsx'), "import { OPTIMIZERS } from '../shared/settings';")).toEqual([]);
    expect(violations(at('worker/x.ts'), "import '@tensorflow/tfjs-backend-webgl';")).toEqual([]);
    expect(violations(at('engine/x.ts'), "import * as tf from '@tensorflow/tfjs-core';")).toEqual([]);
    expect(violations(at('ui/X.tsx'), "import * as tf from '@tensorflow/tfjs-core';")).toHaveLength(1);
    expect(violations(at('engine/x.ts'), "import * as tf from '@tensorflow/tfjs';")).toHaveLength(1);
  });
});
