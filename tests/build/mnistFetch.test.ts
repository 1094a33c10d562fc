// Exercises fetchByteSource with a fake fetch: gzip and pre-decoded bodies, progress and errors.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { DownloadError, fetchByteSource, mnistFileUrl, mnistManifestUrl } from '../../src/engine/mnistFetch';
import { MNIST_FILES, MNIST_MANIFEST_VERSION } from '../../src/engine/mnistFiles';
import type { MnistFileInfo, MnistManifest } from '../../src/engine/mnistFiles';

const BASE = 'https://example.test/app/';
const raw = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7 + (i >> 5)) & 0xff);
const gz = new Uint8Array(gzipSync(raw));
const info: MnistFileInfo = {
  name: 't10k-labels-idx1-ubyte',
  bytes: raw.byteLength,
  sha256: 'a'.repeat(64),
  gzBytes: gz.byteLength,
};
const manifest: MnistManifest = {
  version: MNIST_MANIFEST_VERSION,
  files: MNIST_FILES.map((name) =>
    name === info.name ? info : { name, bytes: 1, sha256: 'b'.repeat(64), gzBytes: 1 },
  ),
};

/** Body split into small chunks, the first one a single byte, to cross the sniffing boundary. */
function chunked(bytes: Uint8Array, size = 97): ReadableStream<Uint8Array> {
  const parts = [bytes.subarray(0, 1)];
  for (let i = 1; i < bytes.byteLength; i += size) parts.push(bytes.subarray(i, i + size));
  return new ReadableStream({
    pull(c) {
      const next = parts.shift();
      if (next) c.enqueue(next.slice());
      else c.close();
    },
  });
}

function fakeFetch(routes: Record<string, () => Response>, seen: string[] = []): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = String(input);
    seen.push(url);
    return routes[url]?.() ?? new Response('not found', { status: 404 });
  }) as typeof fetch;
}

const fileUrl = mnistFileUrl(BASE, info);

describe('mnist URLs', () => {
  it('puts files under <base>data/mnist/, named by content, with a suffix static servers do not decode', () => {
    const sha256 = `0123abcd${'e'.repeat(56)}`;
    expect(mnistFileUrl('./', { name: 'train-images-idx3-ubyte.0-5000', sha256 })).toBe(
      './data/mnist/train-images-idx3-ubyte.0-5000.0123abcd.gz.bin',
    );
    expect(mnistFileUrl('/sub', { name: 't10k-labels-idx1-ubyte', sha256 })).toBe(
      '/sub/data/mnist/t10k-labels-idx1-ubyte.0123abcd.gz.bin',
    );
    expect(mnistManifestUrl(BASE)).toBe('https://example.test/app/data/mnist/manifest.json');
  });
});

describe('fetchByteSource', () => {
  it('fetches and validates the manifest', async () => {
    const seen: string[] = [];
    const src = fetchByteSource(
      BASE,
      fakeFetch({ [mnistManifestUrl(BASE)]: () => Response.json(manifest) }, seen),
    );
    expect(await src.manifest()).toEqual(manifest);
    expect(seen).toEqual(['https://example.test/app/data/mnist/manifest.json']);
  });

  it('inflates a gzip body and reports monotone progress ending at the gz size', async () => {
    const loaded: number[] = [];
    const src = fetchByteSource(BASE, fakeFetch({ [fileUrl]: () => new Response(chunked(gz)) }));
    const bytes = await src.read(info, (n) => loaded.push(n));
    expect(bytes).toEqual(raw);
    expect(loaded.length).toBeGreaterThan(2);
    for (let i = 1; i < loaded.length; i++) expect(loaded[i]).toBeGreaterThan(loaded[i - 1]!);
    expect(loaded.at(-1)).toBe(gz.byteLength);
  });

  it('accepts a body the server already decoded and still ends progress at gzBytes', async () => {
    const loaded: number[] = [];
    const src = fetchByteSource(BASE, fakeFetch({ [fileUrl]: () => new Response(chunked(raw, 512)) }));
    expect(await src.read(info, (n) => loaded.push(n))).toEqual(raw);
    for (let i = 1; i < loaded.length; i++) expect(loaded[i]).toBeGreaterThanOrEqual(loaded[i - 1]!);
    expect(loaded.at(-1)).toBe(info.gzBytes);
  });

  it('reports HTTP errors with the file name and status', async () => {
    const src = fetchByteSource(BASE, fakeFetch({}));
    await expect(src.read(info)).rejects.toThrow('Could not download t10k-labels-idx1-ubyte: HTTP 404');
    await expect(src.read(info)).rejects.toMatchObject({ file: info.name });
    await expect(src.read(info)).rejects.toBeInstanceOf(DownloadError);
  });

  it('reports network failures clearly', async () => {
    const src = fetchByteSource(BASE, (async () => {
      throw new TypeError('fetch failed');
    }) as typeof fetch);
    await expect(src.manifest()).rejects.toThrow(
      'Could not download manifest.json: network error (fetch failed)',
    );
  });

  it('reports a connection dropped mid-download', async () => {
    const dropping = () => {
      let sent = false;
      return new Response(
        new ReadableStream<Uint8Array>({
          pull(c) {
            if (sent) return c.error(new TypeError('socket hang up'));
            sent = true;
            c.enqueue(gz.slice(0, 100));
          },
        }),
      );
    };
    const src = fetchByteSource(BASE, fakeFetch({ [fileUrl]: dropping }));
    const err: unknown = await src.read(info).catch((e: unknown) => e);
    // Kept as a download failure, not reworded as a decompression one.
    expect(err).toBeInstanceOf(DownloadError);
    expect(err).toMatchObject({
      file: info.name,
      message: 'Could not download t10k-labels-idx1-ubyte: connection lost (socket hang up)',
    });
  });

  it('requires an absolute base URL', () => {
    expect(() => fetchByteSource('./')).toThrow('MNIST base URL must be absolute, got "./"');
  });

  it('rejects corrupt gzip data', async () => {
    const bad = gz.slice(0, 40);
    const src = fetchByteSource(BASE, fakeFetch({ [fileUrl]: () => new Response(bad) }));
    const err: unknown = await src.read(info).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(DownloadError);
    expect((err as Error).message).toMatch(/^Could not decompress t10k-labels-idx1-ubyte/);
  });

  it.each([
    ['not JSON', () => new Response('<html>'), /not valid JSON/],
    // Version 1 listed the four whole files; a page reading it would wait for all 9.8 MB of images.
    ['wrong version', () => Response.json({ ...manifest, version: 1 }), /unsupported version 1/],
    ['bad entry', () => Response.json({ ...manifest, files: [{ name: 'x' }] }), /unknown name "x"/],
    [
      'missing file',
      () => Response.json({ ...manifest, files: manifest.files.filter((f) => f.name !== MNIST_FILES[1]) }),
      /missing train-images-idx3-ubyte\.0-5000/,
    ],
  ])('rejects a malformed manifest (%s)', async (_label, body, detail) => {
    const src = fetchByteSource(BASE, fakeFetch({ [mnistManifestUrl(BASE)]: body }));
    const err = await src.manifest().then(
      () => null,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(/^MNIST manifest is malformed: /);
    expect(err?.message).toMatch(detail);
  });
});
