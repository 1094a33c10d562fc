// The streaming loader: a usable first part of the training set before the rest arrives, parts checked
// one by one (a bad one named), and a retry that fetches only what is still missing.
import { describe, expect, it } from 'vitest';
import { arrivedCount } from '../../src/engine/mnist';
import { MnistLoader } from '../../src/engine/mnistLoader';
import { MNIST_FILES, type MnistPart } from '../../src/engine/mnistFiles';
import { IMAGE_PIXELS, TRAIN_COUNT } from '../../src/shared/mnist';
import { gatedSource, labelOf, pixelOf, syntheticParts } from '../helpers/fakeMnist';

async function until(what: string, done: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !done(); i++) await new Promise((r) => setTimeout(r, 2));
  if (!done()) throw new Error(`timed out waiting until ${what}`);
}

describe('MnistLoader', () => {
  it('is trainable on the labels and the first part while the rest is still downloading', async () => {
    const source = await gatedSource(await syntheticParts());
    const arrived: MnistPart[] = [];
    const loader = new MnistLoader(source, { onArrived: (p) => arrived.push(p) });
    const done = loader.load();
    let testIn = false;
    void loader.whenArrived('test').then(() => (testIn = true));

    await source.release(); // training labels
    await until('the labels are in', () => arrived.length === 1);
    expect(loader.trainable).toBe(false);
    await source.release(); // images 0–5,000
    await until('the first part is in', () => loader.trainable);

    const data = loader.data;
    expect(arrivedCount(data, 'train')).toBe(5000);
    expect(arrivedCount(data, 'validation')).toBe(0);
    expect(arrivedCount(data, 'test')).toBe(0);
    expect(data.train.images[4999 * IMAGE_PIXELS + 100]).toBe(pixelOf(4999, 100));
    expect(data.train.labels[4999]).toBe(labelOf(4999));
    // Nothing past the prefix yet, and the next part is already on its way.
    expect(data.train.images[5000 * IMAGE_PIXELS + 100]).toBe(0);
    expect(source.requested).toEqual(MNIST_FILES.slice(0, 3));
    expect(testIn).toBe(false);

    await source.drain(() => loader.complete);
    await done;
    expect(arrived.map((p) => p.name)).toEqual([...MNIST_FILES]);
    expect(arrivedCount(data, 'train')).toBe(TRAIN_COUNT);
    expect(data.train.images[TRAIN_COUNT * IMAGE_PIXELS - 1]).toBe(
      pixelOf(TRAIN_COUNT - 1, IMAGE_PIXELS - 1),
    );
    expect(data.validation.images[0]).toBe(pixelOf(TRAIN_COUNT, 0));
    expect(data.validation.labels[4999]).toBe(labelOf(TRAIN_COUNT + 4999));
    await until('the test set is announced', () => testIn);
  });

  it('fails on a bad part naming the file, and a retry fetches only what is missing', async () => {
    const parts = await syntheticParts();
    const source = await gatedSource(parts);
    const loader = new MnistLoader(source);
    const outcome = (p: Promise<void>) =>
      p.then(
        () => null,
        (e: unknown) => e as Error,
      );
    const first = outcome(loader.load());
    await source.release();
    await source.release();
    await until('the first part is in', () => loader.trainable);
    const bad = parts.get(MNIST_FILES[2]!)!.slice();
    bad[20_000] = bad[20_000]! ^ 1;
    await source.release({ bytes: bad });
    expect((await first)?.message).toMatch(/^train-images-idx3-ubyte\.5000-15000: SHA-256 mismatch/);
    // What arrived stays usable: training goes on with the first 5,000.
    expect(arrivedCount(loader.data, 'train')).toBe(5000);
    await source.release(); // the next part's download, started ahead, ends unheeded

    const before = source.requested.length;
    const again = outcome(loader.load());
    await source.release({ fail: true }); // and a network failure is a DownloadError naming the file
    expect(await again).toMatchObject({ name: 'DownloadError', file: MNIST_FILES[2] });
    const third = loader.load();
    await source.drain(() => loader.complete);
    await third;
    // The labels and the first part were not downloaded again.
    expect(source.requested.slice(before)).toEqual([MNIST_FILES[2], ...MNIST_FILES.slice(2)]);
  });

  it('refuses a part whose image count is not the one its name promises', async () => {
    const parts = await syntheticParts();
    // Checksummed as served, so only the count check can catch it: the manifest lists the wrong file.
    const swapped = new Map(parts);
    swapped.set(MNIST_FILES[1]!, parts.get(MNIST_FILES[2]!)!);
    const source = await gatedSource(swapped);
    const loader = new MnistLoader(source);
    const done = loader.load().then(
      () => null,
      (e: unknown) => e as Error,
    );
    await source.release();
    await source.release();
    expect((await done)?.message).toMatch(
      /^train-images-idx3-ubyte\.0-5000: has 10000 images, expected 5000$/,
    );
    expect(loader.trainable).toBe(false);
  });
});
