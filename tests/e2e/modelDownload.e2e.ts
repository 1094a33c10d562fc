// "Download model" in the browser: a running run pauses, two files come down named after its step,
// and Node's TensorFlow.js loads them by name and reads test digits with them.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import type { Download, Page } from 'playwright-core';
import { loadMnist } from '../../src/engine/mnistLoader';
import { nodeByteSource } from '../helpers/nodeMnist';
import { openPage, startHarness, status, stepOf, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

describe('download model', () => {
  it('pauses the run and saves its network at that step, loadable by tf.loadLayersModel', async () => {
    const { page, errors } = await openPage(h, '#bs=32&epochs=1&prep=scale&seed=1&webgl=software');
    await expect.poll(() => button(page, 'Start').isEnabled(), { timeout: 60_000 }).toBe(true);
    expect(await button(page, 'Download model').isDisabled()).toBe(true); // nothing trained yet
    await button(page, 'Start').click();
    await expect.poll(() => stepOf(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(30);
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await button(page, 'Download model').click();
    await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(2);
    expect(await status(page).getAttribute('data-state')).toBe('paused');
    const step = await stepOf(page);
    const names = downloads.map((d) => d.suggestedFilename());
    const base = `mnist-mlp-128-adam-step-${step}`;
    expect(names).toEqual([`${base}.json`, `${base}.weights.bin`]);
    const json = await readFile((await downloads[0]!.path())!, 'utf8');
    const bin = await readFile((await downloads[1]!.path())!);
    expect(JSON.parse(json).weightsManifest[0].paths).toEqual([names[1]]);
    expect(bin.byteLength).toBe(4 * (784 * 128 + 128 + 128 * 10 + 10));
    await expect.poll(() => page.getByText(`Saved Adam's network at step ${step}`).count()).toBe(1);

    await tf.setBackend('cpu');
    const files: Record<string, ArrayBuffer | string> = {
      [names[0]!]: json,
      [names[1]!]: new Uint8Array(bin).buffer,
    };
    const model = await tf.loadLayersModel(`http://files.test/${names[0]}`, {
      fetchFunc: (async (url: string) => new Response(files[url.split('/').pop()!] ?? null)) as typeof fetch,
    });
    const mnist = await loadMnist(nodeByteSource());
    const n = 200;
    const x = tf.div(tf.tensor2d(mnist.test.images.subarray(0, n * 784), [n, 784], 'float32'), 255);
    const predicted = Array.from(await tf.argMax(model.predict(x) as tf.Tensor, 1).data());
    const correct = predicted.filter((p, i) => p === mnist.test.labels[i]).length;
    expect(correct / n).toBeGreaterThan(0.7);
    expect(errors).toEqual([]);
  });
});
