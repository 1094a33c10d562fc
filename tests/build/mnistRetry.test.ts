// Backoff for MNIST downloads with a fake fetch and a fake clock: which errors are retried, the
// doubling delays, what each retry reports, and the final error naming the file.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { DownloadError, fetchByteSource } from '../../src/engine/mnistFetch';
import { MNIST_MANIFEST_VERSION, type MnistFileInfo } from '../../src/engine/mnistFiles';
import {
  RETRY_DELAYS_MS,
  retryingByteSource,
  withBackoff,
  type RetryNotice,
} from '../../src/engine/mnistRetry';

const BASE = 'https://example.test/app/';
const raw = Uint8Array.from({ length: 300 }, (_, i) => i & 0xff);
const info: MnistFileInfo = {
  name: 't10k-labels-idx1-ubyte',
  bytes: raw.byteLength,
  sha256: 'a'.repeat(64),
  gzBytes: gzipSync(raw).byteLength,
};

/** Fails the first `failures` requests (network error, then HTTP 503), then serves the file. */
function flakyFetch(failures: number) {
  let calls = 0;
  const impl = (async () => {
    calls += 1;
    if (calls <= failures) {
      if (calls % 2 === 1) throw new TypeError('Failed to fetch');
      return new Response('busy', { status: 503 });
    }
    return new Response(gzipSync(raw));
  }) as typeof fetch;
  return { impl, calls: () => calls };
}

function harness(failures: number) {
  const fetch = flakyFetch(failures);
  const slept: number[] = [];
  const retries: RetryNotice[] = [];
  const src = retryingByteSource(fetchByteSource(BASE, fetch.impl), {
    sleep: async (ms) => void slept.push(ms),
    onRetry: (r) => retries.push(r),
  });
  return { src, fetch, slept, retries };
}

describe('retryingByteSource', () => {
  it('uses 1 s, 2 s, 4 s between tries by default', () => {
    expect(RETRY_DELAYS_MS).toEqual([1000, 2000, 4000]);
  });

  it('gets the file after two failures, reporting each retry with the file and the reason', async () => {
    const h = harness(2);
    expect(await h.src.read(info)).toEqual(raw);
    expect(h.fetch.calls()).toBe(3);
    expect(h.slept).toEqual([1000, 2000]);
    expect(h.retries.map((r) => [r.file, r.attempt, r.inMs])).toEqual([
      [info.name, 1, 1000],
      [info.name, 2, 2000],
    ]);
    expect(h.retries[0]?.message).toMatch(/network error \(Failed to fetch\)/);
    expect(h.retries[1]?.message).toMatch(/HTTP 503/);
  });

  it('gives up after the last delay with a DownloadError naming the file', async () => {
    const h = harness(99);
    const err = await h.src.read(info).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DownloadError);
    expect((err as DownloadError).file).toBe(info.name);
    expect((err as Error).message).toContain(`Could not download ${info.name}`);
    expect(h.fetch.calls()).toBe(1 + RETRY_DELAYS_MS.length);
    expect(h.slept).toEqual([...RETRY_DELAYS_MS]);
  });

  it('retries the manifest too', async () => {
    const h = harness(1);
    const manifest = { version: MNIST_MANIFEST_VERSION, files: [] };
    const src = retryingByteSource(
      fetchByteSource(BASE, (async (url: string) => {
        if (h.fetch.calls() === 0) return h.fetch.impl(url);
        return Response.json(manifest);
      }) as typeof fetch),
      { sleep: async () => {}, onRetry: (r) => h.retries.push(r) },
    );
    await expect(src.manifest()).rejects.toThrow(/malformed: missing/);
    expect(h.retries.map((r) => r.file)).toEqual(['manifest.json']);
  });

  it('does not retry bad bytes: only download failures are worth another try', async () => {
    let calls = 0;
    const bad = new Error('Could not decompress: incorrect header check');
    const out = withBackoff(
      async () => {
        calls += 1;
        throw bad;
      },
      { sleep: async () => {} },
    );
    await expect(out).rejects.toBe(bad);
    expect(calls).toBe(1);
  });

  it('waits for real between tries when no sleep is given', async () => {
    const h = flakyFetch(1);
    const src = retryingByteSource(fetchByteSource(BASE, h.impl), { delaysMs: [20] });
    const t0 = performance.now();
    expect(await src.read(info)).toEqual(raw);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(15);
  });
});
