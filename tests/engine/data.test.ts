// IDX parsing, checksum verification, loading through a byte source, and preprocessing.
import { describe, expect, it } from 'vitest';
import { parseIdxImages, parseIdxLabels } from '../../src/engine/idx';
import { partBytes } from '../../src/build/mnistGzip';
import { sha256Hex, verifyFile } from '../../src/engine/mnist';
import { loadMnist } from '../../src/engine/mnistLoader';
import { MNIST_MANIFEST_VERSION, MNIST_PARTS } from '../../src/engine/mnistFiles';
import type { MnistByteSource, MnistFileInfo, MnistManifest } from '../../src/engine/mnistFiles';
import { fillBatch, pixelStats, pixelTable } from '../../src/engine/preprocess';
import {
  IMAGE_PIXELS,
  IMAGE_SIDE,
  NUM_CLASSES,
  TRAIN_COUNT,
  TRAIN_FILE_COUNT,
  VALIDATION_COUNT,
} from '../../src/shared/mnist';

function idxImages(count: number, rows = IMAGE_SIDE, cols = IMAGE_SIDE, magic = 2051): Uint8Array {
  const bytes = new Uint8Array(16 + count * rows * cols);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic);
  view.setUint32(4, count);
  view.setUint32(8, rows);
  view.setUint32(12, cols);
  for (let i = 16; i < bytes.length; i++) bytes[i] = (i * 7) % 256;
  return bytes;
}

function idxLabels(labels: number[], magic = 2049): Uint8Array {
  const bytes = new Uint8Array(8 + labels.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic);
  view.setUint32(4, labels.length);
  bytes.set(labels, 8);
  return bytes;
}

describe('IDX parsing', () => {
  it('parses a good image file', () => {
    const parsed = parseIdxImages(idxImages(3));
    expect(parsed).toMatchObject({ count: 3, rows: IMAGE_SIDE, cols: IMAGE_SIDE });
    expect(parsed.pixels.length).toBe(3 * IMAGE_PIXELS);
    expect(parsed.pixels[0]).toBe((16 * 7) % 256);
  });
  it('parses a good label file', () => {
    expect(Array.from(parseIdxLabels(idxLabels([5, 0, 4, 1])))).toEqual([5, 0, 4, 1]);
  });
  it('rejects a truncated image file with the sizes in the message', () => {
    const bytes = idxImages(3).subarray(0, 16 + 2 * IMAGE_PIXELS + 10);
    expect(() => parseIdxImages(bytes, 'train-images')).toThrow(
      /train-images: file is 1594 bytes, expected 2368/,
    );
  });
  it('rejects a file shorter than its header', () => {
    expect(() => parseIdxImages(new Uint8Array(7))).toThrow(/too short for an IDX header/);
    expect(() => parseIdxLabels(new Uint8Array(3))).toThrow(/too short/);
  });
  it('rejects wrong magic numbers', () => {
    expect(() => parseIdxImages(idxImages(1, 28, 28, 2049))).toThrow(/magic number is 2049, expected 2051/);
    expect(() => parseIdxLabels(idxLabels([1], 2051))).toThrow(/magic number is 2051, expected 2049/);
    expect(() => parseIdxImages(idxLabels([1, 2, 3, 4, 5, 6, 7, 8, 9, 0]))).toThrow(/magic number is 2049/);
  });
  it('rejects images that are not 28×28', () => {
    expect(() => parseIdxImages(idxImages(1, 32, 32))).toThrow(/32×32, expected 28×28/);
  });
  it('rejects truncated label files and labels that are not digits', () => {
    expect(() => parseIdxLabels(idxLabels([1, 2, 3]).subarray(0, 10))).toThrow(/expected 11/);
    expect(() => parseIdxLabels(idxLabels([1, 12]))).toThrow(/label 12 at index 1/);
  });
});

describe('checksums and loading', () => {
  it('computes the SHA-256 of known input', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  async function fakeSource(
    mutate?: (name: string, bytes: Uint8Array) => Uint8Array,
  ): Promise<MnistByteSource> {
    const originals = {
      'train-images-idx3-ubyte': idxImages(TRAIN_FILE_COUNT),
      'train-labels-idx1-ubyte': idxLabels(
        Array.from({ length: TRAIN_FILE_COUNT }, (_, i) => i % NUM_CLASSES),
      ),
      't10k-images-idx3-ubyte': idxImages(10_000),
      't10k-labels-idx1-ubyte': idxLabels(Array.from({ length: 10_000 }, (_, i) => 9 - (i % 10))),
    };
    const files = Object.fromEntries(MNIST_PARTS.map((p) => [p.name, partBytes(originals[p.original], p)]));
    const infos: MnistFileInfo[] = await Promise.all(
      Object.entries(files).map(async ([name, bytes]) => ({
        name,
        bytes: bytes.length,
        sha256: await sha256Hex(bytes),
        gzBytes: 1000,
      })),
    );
    const manifest: MnistManifest = { version: MNIST_MANIFEST_VERSION, files: infos };
    return {
      manifest: async () => manifest,
      read: async (info, onBytes) => {
        onBytes?.(500);
        onBytes?.(1000);
        const bytes = files[info.name]!;
        return mutate ? mutate(info.name, bytes) : bytes;
      },
    };
  }

  it('loads, verifies and splits 55,000 / 5,000 / test with byte progress', async () => {
    const progress: number[] = [];
    const data = await loadMnist(await fakeSource(), (p) => {
      expect(p.totalBytes).toBe(1000 * MNIST_PARTS.length);
      progress.push(p.loadedBytes);
    });
    expect(data.train.count).toBe(TRAIN_COUNT);
    expect(data.train.images.length).toBe(TRAIN_COUNT * IMAGE_PIXELS);
    expect(data.validation.count).toBe(VALIDATION_COUNT);
    expect(data.validation.labels[0]).toBe(TRAIN_COUNT % NUM_CLASSES);
    expect(data.test.count).toBe(10_000);
    expect(Array.from(data.test.labels.subarray(0, 10))).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    // The parts land where they belong: pixel i of the training file is (16 + i) * 7 mod 256.
    const at = (i: number) => data.train.images[i];
    expect([at(0), at(5000 * IMAGE_PIXELS + 3), at(TRAIN_COUNT * IMAGE_PIXELS - 1)]).toEqual(
      [0, 5000 * IMAGE_PIXELS + 3, TRAIN_COUNT * IMAGE_PIXELS - 1].map((i) => ((16 + i) * 7) % 256),
    );
    expect(data.validation.images[0]).toBe(((16 + TRAIN_COUNT * IMAGE_PIXELS) * 7) % 256);
    expect(data.arrival).toBeUndefined();
    expect(progress.at(-1)).toBe(1000 * MNIST_PARTS.length);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('rejects a file whose checksum does not match', async () => {
    const source = await fakeSource((name, bytes) => {
      if (name !== 't10k-labels-idx1-ubyte') return bytes;
      const copy = bytes.slice();
      copy[9] = 3;
      return copy;
    });
    await expect(loadMnist(source)).rejects.toThrow(/t10k-labels-idx1-ubyte: SHA-256 mismatch/);
  });

  it('rejects a short download before hashing', async () => {
    const info: MnistFileInfo = { name: 't10k-labels-idx1-ubyte', bytes: 10008, sha256: 'x', gzBytes: 1 };
    await expect(verifyFile(info, new Uint8Array(100))).rejects.toThrow(/got 100 bytes, expected 10008/);
  });
});

describe('preprocessing', () => {
  const images = Uint8Array.from([0, 0, 255, 255, 0, 255, 51, 102]);

  it('computes pixel mean and standard deviation', () => {
    const values = Array.from(images);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const std = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    const stats = pixelStats(images);
    expect(stats.mean).toBeCloseTo(mean, 10);
    expect(stats.std).toBeCloseTo(std, 10);
  });

  it('scale maps bytes to [0, 1], none keeps them, standardize centres them', () => {
    expect(pixelTable('scale')[255]).toBe(1);
    expect(pixelTable('scale')[51]).toBeCloseTo(0.2, 6);
    expect(pixelTable('none')[200]).toBe(200);
    const stats = pixelStats(images);
    const lut = pixelTable('standardize', stats);
    const out = Array.from(images, (v) => lut[v]!);
    const mean = out.reduce((a, b) => a + b, 0) / out.length;
    const variance = out.reduce((a, b) => a + (b - mean) ** 2, 0) / out.length;
    expect(mean).toBeCloseTo(0, 5);
    expect(variance).toBeCloseTo(1, 5);
    expect(() => pixelTable('standardize')).toThrow(/statistics/);
  });

  it('fills a batch from image indices through the table', () => {
    const imgs = new Uint8Array(3 * IMAGE_PIXELS);
    imgs.fill(10, 0, IMAGE_PIXELS);
    imgs.fill(20, IMAGE_PIXELS, 2 * IMAGE_PIXELS);
    imgs.fill(30, 2 * IMAGE_PIXELS);
    const out = new Float32Array(2 * IMAGE_PIXELS);
    fillBatch(imgs, [2, 0], pixelTable('none'), out);
    expect(out[0]).toBe(30);
    expect(out[IMAGE_PIXELS - 1]).toBe(30);
    expect(out[IMAGE_PIXELS]).toBe(10);
  });
});
