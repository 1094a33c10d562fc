// The worker loads tfjs-core, where a tensor method that runs an op (t.reshape(…)) exists only once its
// "chained op" module is imported; the worker imports just the ones the engine calls (src/worker/backend.ts).
// Node tests load the umbrella package, which registers all of them, so only this check sees a method
// the engine calls but the worker never registers: it would throw "t.x is not a function" in the browser.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHAINED = path.join(ROOT, 'node_modules/@tensorflow/tfjs-core/dist/public/chained_ops');

/** Method name → the chained-op module (file name without .js) that adds it to the tensor class. */
function chainedMethods(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(CHAINED).filter((f) => f.endsWith('.js'))) {
    const source = readFileSync(path.join(CHAINED, file), 'utf8');
    for (const m of source.matchAll(/prototype\.(\w+)\s*=/g)) out.set(m[1]!, file.slice(0, -3));
  }
  return out;
}

/** Chained-op methods called on tensors in src/engine and src/worker, with where. */
function calledMethods(methods: Map<string, string>): Map<string, string[]> {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), (f) => ts.sys.readFile(f));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const files = parsed.fileNames.filter((f) => /\/src\/(engine|worker)\//.test(f));
  const program = ts.createProgram(files, parsed.options);
  const checker = program.getTypeChecker();
  const used = new Map<string, string[]>();
  for (const sf of program.getSourceFiles()) {
    if (!files.includes(sf.fileName)) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
        const name = n.expression.name.text;
        const receiver = checker.typeToString(checker.getTypeAtLocation(n.expression.expression));
        if (
          methods.has(name) &&
          /\b(Tensor|Variable)\w*\b/.test(receiver) &&
          !receiver.startsWith('typeof')
        ) {
          const line = sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
          used.set(name, [...(used.get(name) ?? []), `${path.relative(ROOT, sf.fileName)}:${line}`]);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return used;
}

describe('tensor methods', () => {
  it('the worker registers every op the engine calls as a tensor method', () => {
    const methods = chainedMethods();
    const backend = readFileSync(path.join(ROOT, 'src/worker/backend.ts'), 'utf8');
    const registered = new Set(
      [...backend.matchAll(/^import '@tensorflow\/tfjs-core\/dist\/public\/chained_ops\/(\w+)';/gm)].map(
        (m) => m[1],
      ),
    );
    const used = calledMethods(methods);
    // The scan finds what is there (the engine reshapes tensors), so an empty result is not a pass.
    expect([...used.keys()]).toContain('reshape');
    const missing = [...used].filter(([name]) => !registered.has(methods.get(name)));
    expect(missing.map(([name, where]) => `${name} (${where.join(', ')})`)).toEqual([]);
  });
});
