// Fused WebGL programs against the composed reference, on the WebGL backend of the system Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { chromePath, FLAGS } from './harness';
import type { InternalsComparison } from './gpu/internals.check';
import { CHECKED_MODELS, type ModelComparison } from './gpu/models.check';
import { DROPOUT_CASES, type DropoutComparison } from './gpu/dropout.check';

/** compareOptimizers' variants (gpu/optimizers.check.ts): every optimizer, and momentum with Nesterov. */
const OPTIMIZER_VARIANTS = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw'];

const root = new URL('./gpu/', import.meta.url).pathname;
let server: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  const config = {
    root,
    base: './',
    logLevel: 'error' as const,
    configFile: false as const,
    worker: { format: 'es' as const },
    build: { outDir: 'dist', emptyOutDir: true },
  };
  await build(config);
  server = await preview({ ...config, preview: { port: 0, host: '127.0.0.1' } });
  browser = await chromium.launch({ executablePath: chromePath(), args: FLAGS });
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (server ? server.httpServer.close(() => r()) : r()));
});

/** The instruments of the fused path equal the composed reference's, without a blocking read. */
function expectInternalsAgree(ins: InternalsComparison): void {
  expect(ins.variants).toEqual([
    'sgd',
    'momentum',
    'nesterov',
    'adam',
    'adam without bias correction',
    'adagrad',
    'rmsprop with L2',
    'adamw',
  ]);
  // updateNorm is θ_t − θ_{t−1} in float32: one ulp of θ between the two paths is ~1e-5 of an update.
  expect(ins.norms).toBeLessThanOrEqual(1e-4);
  expect(ins.cosine).toBeLessThanOrEqual(1e-5);
  expect(ins.steps).toBeLessThanOrEqual(1e-5);
  expect(ins.epsShare).toBeLessThanOrEqual(1e-4);
  expect(ins.factors).toBeLessThanOrEqual(1e-12);
  expect(ins.update).toBeLessThanOrEqual(1e-6);
  expect(ins.readSyncs).toBe(0);
  expect(ins.tensorGrowth).toBe(0);
}

describe('fused WebGL kernels', () => {
  it(
    'match the composed optimizers within 1e-6 and the composed cross-entropy within 1e-5',
    { timeout: 300_000 },
    async () => {
      const address = server.httpServer.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`http://127.0.0.1:${address.port}/`);
      await page.locator('#out[data-done="1"]').waitFor({ timeout: 240_000 });
      const result = JSON.parse((await page.locator('#out').textContent())!) as {
        error?: string;
        backend: string;
        optimizers: Record<string, number>;
        crossEntropy: { gradient: number; stats: number; backward: number };
        tensorGrowth: number;
        kernels: Record<'adam' | 'sgd' | 'adamMeasured', { total: number; ours: number }>;
        replay: { steps: number; worst: number };
        gather: {
          worstX: number;
          labelsEqual: boolean;
          tensorGrowth: number;
          appendGrowth: number;
          trainGatherDraws: number;
        };
        internals: InternalsComparison;
        models: Record<string, ModelComparison>;
        dropout: DropoutComparison;
      };
      console.log('fused vs composed:', JSON.stringify(result));
      expect(result.error).toBeUndefined();
      expect(result.backend).toBe('webgl');
      expect(Object.keys(result.optimizers)).toEqual(OPTIMIZER_VARIANTS);
      for (const [name, err] of Object.entries(result.optimizers))
        expect(err, name).toBeLessThanOrEqual(1e-6);
      expect(result.crossEntropy.gradient).toBeLessThanOrEqual(1e-5);
      expect(result.crossEntropy.stats).toBeLessThanOrEqual(1e-5);
      expect(result.crossEntropy.backward).toBeLessThanOrEqual(1e-5);
      expect(result.tensorGrowth).toBe(0);
      // A structural budget, not a timing: the generic tape plus composed Adam launched ~125 kernels a step.
      expect(result.kernels.adam.total).toBeLessThanOrEqual(85);
      expect(result.kernels.adam.ours).toBe(4 * 3 + 4); // m, s, θ per variable + cross-entropy ×2, ReLU gradient, packing x
      expect(result.kernels.sgd.ours).toBe(4 + 4);
      // A step that records instruments adds per variable: row sums, Adam's step sample and its ranks, and
      // one program for the totals and order statistics.
      expect(result.kernels.adamMeasured.ours).toBe(4 * 3 + 4 + 4 * 4);
      // A timeline replayed on the same device gives the live run's losses again.
      expect(result.replay.steps).toBe(20);
      expect(result.replay.worst).toBeLessThanOrEqual(1e-5);
      // Batches gathered from MNIST on the GPU equal the host's, whatever the preprocessing.
      expect(result.gather.worstX).toBeLessThanOrEqual(1e-6);
      expect(result.gather.labelsEqual).toBe(true);
      expect(result.gather.tensorGrowth).toBe(0);
      // The training images arrived in parts: each part joined one tensor, whose copy the batches read.
      expect(result.gather.appendGrowth).toBe(0);
      // Images that arrived in parts are gathered straight from their texture: the gather and the
      // one-hot, with no unpack of the whole set first (3 draws: the page trained 13× slower so).
      expect(result.gather.trainGatherDraws).toBe(2);
      // The instruments of the fused path equal the composed reference's (which Node tests check against
      // float64), without a blocking read; Adam without bias correction updates alike on both paths.
      expectInternalsAgree(result.internals);
      // The same on the CNN's 4-D kernels and a three-hidden-layer MLP, and their whole backward passes
      // (the fused tanh and sigmoid gradients; the CNN's autograd around the fused cross-entropy).
      expect(Object.keys(result.models)).toEqual(Object.keys(CHECKED_MODELS));
      for (const [name, m] of Object.entries(result.models)) {
        expect(Object.keys(m.optimizers)).toEqual(['sgd', 'momentum', 'nesterov', 'adam']);
        for (const [opt, err] of Object.entries(m.optimizers))
          expect(err, `${name} ${opt}`).toBeLessThanOrEqual(1e-6);
        expect(Object.keys(m.backward)).toEqual(CHECKED_MODELS[name]);
        for (const [f, err] of Object.entries(m.backward))
          expect(err, `${name} ${f}`).toBeLessThanOrEqual(1e-5);
        expect(m.tensorGrowth, name).toBe(0);
        expectInternalsAgree(m.internals);
      }
      // Dropout: the shaders hash the same masks as the host, bit for bit, and the fused passes through
      // them equal the composed ones; a dropped pass adds one program per hidden layer (h ⊙ m), none on
      // the weights, and the activation gradients take the mask in their own program.
      const { dropout } = result;
      expect(dropout.mask).toBe(0);
      expect(Object.keys(dropout.backward)).toEqual(DROPOUT_CASES);
      for (const [c, err] of Object.entries(dropout.backward)) expect(err, c).toBeLessThanOrEqual(1e-5);
      expect(dropout.extra).toEqual({ programs: 3, kernels: 0 });
      expect(dropout.trainer.worst).toBeLessThanOrEqual(1e-5);
      expect(dropout.trainer.tensorGrowth).toBe(0);
      expect(dropout.tensorGrowth).toBe(0);
      expect(errors).toEqual([]);
    },
  );
});
