// `node tests/bench/accuracy.mjs [--models=cnn,mlp-256-128,mlp-128] [--seeds=1,2] [--full-train]`: one
// epoch of each model (Adam 0.001, batch 32, scaled inputs, 55,000 training images, or all 60,000 with
// --full-train) in Node on the CPU backend, then its test accuracy, one ACCURACY json line per run and a
// mean per model. The CNN takes minutes an epoch on the CPU.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const USAGE =
  'usage: node tests/bench/accuracy.mjs [--models=cnn,mlp-256-128,mlp-128] [--seeds=1,2] [--full-train]';

const o = { models: ['cnn', 'mlp-256-128', 'mlp-128'], seeds: [1], fullTrain: false };
for (const a of process.argv.slice(2)) {
  const [k, v] = a.split('=');
  if (k === '--models' && v) o.models = v.split(',');
  else if (k === '--seeds' && v) o.seeds = v.split(',').map(Number);
  else if (k === '--full-train' && v === undefined) o.fullTrain = true;
  else {
    console.log(USAGE);
    process.exit(a === '--help' ? 0 : 2);
  }
}

process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
// tfjs-core's Node platform calls require(), which Vite's module runner does not define.
globalThis.require ??= createRequire(import.meta.url);
const server = await createServer({
  root: repo,
  configFile: false,
  logLevel: 'error',
  server: { middlewareMode: true, hmr: false },
  appType: 'custom',
  // tfjs-core's ES modules import each other without file extensions, which Node's loader refuses.
  ssr: { noExternal: [/^@tensorflow\//] },
});
try {
  const { epochAccuracy } = await server.ssrLoadModule('/tests/bench/epochAccuracy.ts');
  for (const model of o.models) {
    const accuracies = [];
    for (const seed of o.seeds) {
      const r = await epochAccuracy(model, seed, (line) => console.log(`[accuracy] ${line}`), o.fullTrain);
      console.log(`ACCURACY ${JSON.stringify(r)}`);
      accuracies.push(r.testAccuracy);
    }
    const mean = accuracies.reduce((a, b) => a + b, 0) / accuracies.length;
    console.log(
      `[accuracy] ${model}: mean test accuracy ${(mean * 100).toFixed(2)}% over ${accuracies.length} seed(s)`,
    );
  }
} finally {
  await server.close();
}
