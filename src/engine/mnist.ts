// Loads the four MNIST files through a byte source, verifies size, SHA-256 and IDX headers,
// and splits them: first 55,000 training images train, last 5,000 validate, 10,000 test.
import { parseIdxImages, parseIdxLabels } from './idx';
import type { MnistByteSource, MnistFileInfo, MnistFileName } from './mnistFiles';
import { MNIST_FILES } from './mnistFiles';
import { IMAGE_PIXELS, TRAIN_COUNT, TRAIN_FILE_COUNT, VALIDATION_COUNT } from '../shared/mnist';

/** Images stay as bytes; conversion to floats happens one batch at a time. */
export interface Split {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

export interface MnistData {
  train: Split;
  validation: Split;
  test: Split;
}

export interface LoadProgress {
  loadedBytes: number;
  totalBytes: number;
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Checks a downloaded file against its manifest entry; throws a message naming the file. */
export async function verifyFile(info: MnistFileInfo, bytes: Uint8Array): Promise<void> {
  if (bytes.byteLength !== info.bytes)
    throw new Error(
      `${info.name}: got ${bytes.byteLength} bytes, expected ${info.bytes} (truncated download?)`,
    );
  const hash = await sha256Hex(bytes);
  if (hash !== info.sha256)
    throw new Error(
      `${info.name}: SHA-256 mismatch (got ${hash.slice(0, 12)}…, expected ${info.sha256.slice(0, 12)}…)`,
    );
}

function slice(images: Uint8Array, labels: Uint8Array, from: number, to: number): Split {
  return {
    images: images.subarray(from * IMAGE_PIXELS, to * IMAGE_PIXELS),
    labels: labels.subarray(from, to),
    count: to - from,
  };
}

export async function loadMnist(
  source: MnistByteSource,
  onProgress?: (p: LoadProgress) => void,
): Promise<MnistData> {
  const manifest = await source.manifest();
  const infos = MNIST_FILES.map((name) => {
    const info = manifest.files.find((f) => f.name === name);
    if (!info) throw new Error(`MNIST manifest has no entry for ${name}`);
    return info;
  });
  const totalBytes = infos.reduce((s, f) => s + f.gzBytes, 0);
  const loaded = new Map<MnistFileName, number>();
  const report = () => {
    let sum = 0;
    for (const v of loaded.values()) sum += v;
    onProgress?.({ loadedBytes: sum, totalBytes });
  };
  const files = await Promise.all(
    infos.map(async (info) => {
      const bytes = await source.read(info, (n) => {
        loaded.set(info.name, n);
        report();
      });
      await verifyFile(info, bytes);
      return bytes;
    }),
  );
  const [trainImg, trainLab, testImg, testLab] = files as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
  const train = parseIdxImages(trainImg, MNIST_FILES[0]);
  const trainLabels = parseIdxLabels(trainLab, MNIST_FILES[1]);
  const test = parseIdxImages(testImg, MNIST_FILES[2]);
  const testLabels = parseIdxLabels(testLab, MNIST_FILES[3]);
  if (train.count !== trainLabels.length || test.count !== testLabels.length)
    throw new Error('MNIST image and label counts differ');
  if (train.count < TRAIN_FILE_COUNT)
    throw new Error(`MNIST training file has ${train.count} images, expected ${TRAIN_FILE_COUNT}`);
  return {
    train: slice(train.pixels, trainLabels, 0, TRAIN_COUNT),
    validation: slice(train.pixels, trainLabels, TRAIN_COUNT, TRAIN_COUNT + VALIDATION_COUNT),
    test: { images: test.pixels, labels: testLabels, count: test.count },
  };
}
