// Browser/worker MNIST byte source: downloads the gzip files served under <base>data/mnist/
// and decompresses them with DecompressionStream. Checksums and IDX headers are checked elsewhere.
import { MNIST_FILES, MNIST_MANIFEST, MNIST_MANIFEST_VERSION, MNIST_URL_DIR } from './mnistFiles';
import type { MnistByteSource, MnistFileInfo, MnistManifest } from './mnistFiles';

/**
 * Suffix of the served files. Not plain `.gz`: sirv (`vite preview`) and several static hosts send
 * `Content-Encoding: gzip` for `*.gz`, so the browser would inflate the body itself and the
 * byte progress would no longer match `gzBytes`. `.gz.bin` is served as opaque octets everywhere.
 */
export const MNIST_GZ_SUFFIX = '.gz.bin';

function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * Served name of one compressed file: its name, the start of its SHA-256 and MNIST_GZ_SUFFIX. A name
 * that changes with the content lets the service worker's precache take the file from the HTTP cache
 * the worker's download filled, rather than download it a second time.
 */
export function mnistServedName(info: Pick<MnistFileInfo, 'name' | 'sha256'>): string {
  return `${info.name}.${info.sha256.slice(0, 8)}${MNIST_GZ_SUFFIX}`;
}

/** URL of one compressed file; `base` is the app root (`'./'`, `'/sub/'` or an absolute URL). */
export function mnistFileUrl(base: string, info: Pick<MnistFileInfo, 'name' | 'sha256'>): string {
  return `${withSlash(base)}${MNIST_URL_DIR}/${mnistServedName(info)}`;
}

/** URL of the manifest; same `base` convention as `mnistFileUrl`. */
export function mnistManifestUrl(base: string): string {
  return `${withSlash(base)}${MNIST_URL_DIR}/${MNIST_MANIFEST}`;
}

/** A file could not be fetched (network, HTTP status, dropped connection), as opposed to bad bytes. */
export class DownloadError extends Error {
  override name = 'DownloadError';
  constructor(
    /** The file as the manifest names it, or the manifest's own name. */
    readonly file: string,
    why: string,
    options?: ErrorOptions,
  ) {
    super(`Could not download ${file}: ${why}`, options);
  }
}

const messageOf = (err: unknown): string => (err as Error | null | undefined)?.message ?? String(err);

function malformed(why: string): Error {
  return new Error(`MNIST manifest is malformed: ${why}`);
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Checks the JSON shape, so a stale or foreign manifest fails with a readable message. */
export function parseMnistManifest(json: unknown): MnistManifest {
  if (typeof json !== 'object' || json === null) throw malformed('not an object');
  const { version, files } = json as Record<string, unknown>;
  if (version !== MNIST_MANIFEST_VERSION) throw malformed(`unsupported version ${JSON.stringify(version)}`);
  if (!Array.isArray(files)) throw malformed('"files" is not an array');
  const out: MnistFileInfo[] = [];
  for (const [i, f] of files.entries()) {
    if (typeof f !== 'object' || f === null) throw malformed(`files[${i}] is not an object`);
    const { name, bytes, sha256, gzBytes } = f as Record<string, unknown>;
    if (typeof name !== 'string' || !MNIST_FILES.includes(name))
      throw malformed(`files[${i}] has unknown name ${JSON.stringify(name)}`);
    if (!isCount(bytes) || !isCount(gzBytes)) throw malformed(`${String(name)} has invalid sizes`);
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256))
      throw malformed(`${String(name)} has an invalid sha256`);
    if (out.some((o) => o.name === name)) throw malformed(`${String(name)} is listed twice`);
    out.push({ name, bytes, sha256, gzBytes });
  }
  const missing = MNIST_FILES.filter((n) => !out.some((o) => o.name === n));
  if (missing.length > 0) throw malformed(`missing ${missing.join(', ')}`);
  return { version: MNIST_MANIFEST_VERSION, files: out };
}

async function get(fetchImpl: typeof fetch, url: string, file: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetchImpl(url);
  } catch (err) {
    throw new DownloadError(file, `network error (${messageOf(err)})`, { cause: err });
  }
  if (!res.ok) throw new DownloadError(file, `HTTP ${res.status}`);
  return res;
}

/** Concatenates a stream into one buffer, pre-sized to the expected length to avoid a 2x copy. */
async function collect(stream: ReadableStream<Uint8Array>, expected: number): Promise<Uint8Array> {
  let buf = new Uint8Array(expected);
  let len = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (len + value.byteLength > buf.byteLength) {
      const bigger = new Uint8Array(Math.max(buf.byteLength * 2, len + value.byteLength));
      bigger.set(buf.subarray(0, len));
      buf = bigger;
    }
    buf.set(value, len);
    len += value.byteLength;
  }
  return len === buf.byteLength ? buf : buf.slice(0, len);
}

async function readBody(
  res: Response,
  info: MnistFileInfo,
  onBytes?: (loaded: number) => void,
): Promise<Uint8Array> {
  const fail = (err: unknown): Error =>
    new DownloadError(info.name, `connection lost (${messageOf(err)})`, { cause: err });
  if (!res.body) return new Uint8Array(0); // e.g. a 204; the loader reports the size mismatch
  const reader = res.body.getReader();
  // Buffer until the first two bytes are known: gzip magic means we inflate, anything else means
  // some host already decoded the body (Content-Encoding) and these are the IDX bytes themselves.
  const head: Uint8Array[] = [];
  let headLen = 0;
  let ended = false;
  while (headLen < 2 && !ended) {
    const r = await reader.read().catch((e: unknown) => Promise.reject(fail(e)));
    if (r.done) {
      ended = true;
    } else if (r.value.byteLength > 0) {
      head.push(r.value);
      headLen += r.value.byteLength;
    }
  }
  const first = head[0];
  const b1 = first && first.byteLength > 1 ? first[1] : head[1]?.[0];
  const gzipped = first?.[0] === 0x1f && b1 === 0x8b;
  // Decoded bodies count inflated bytes; rescale so progress still ends at gzBytes.
  const scale = gzipped || info.bytes === 0 ? 1 : info.gzBytes / info.bytes;
  let loaded = 0;
  const count = (chunk: Uint8Array): Uint8Array => {
    loaded += chunk.byteLength;
    onBytes?.(scale === 1 ? loaded : Math.min(info.gzBytes, Math.round(loaded * scale)));
    return chunk;
  };
  const raw = new ReadableStream<Uint8Array>({
    start(c) {
      for (const h of head) c.enqueue(count(h));
      if (ended) c.close();
    },
    async pull(c) {
      const r = await reader.read().catch((e: unknown) => Promise.reject(fail(e)));
      if (r.done) c.close();
      else c.enqueue(count(r.value));
    },
    cancel: (reason) => reader.cancel(reason),
  });
  // DOM typings declare the writable side as BufferSource; Uint8Array chunks are one.
  const inflate = new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>;
  const out = gzipped ? raw.pipeThrough(inflate) : raw;
  try {
    return await collect(out, info.bytes);
  } catch (err) {
    if (err instanceof DownloadError) throw err;
    throw new Error(`Could not decompress ${info.name}: ${messageOf(err)}`, { cause: err });
  }
}

/** Byte source over HTTP; `baseUrl` must be an absolute URL of the app root. */
export function fetchByteSource(baseUrl: string, fetchImpl: typeof fetch = fetch): MnistByteSource {
  // Workers resolve relative URLs against the worker script, not the page, so demand an absolute root.
  let root: string;
  try {
    root = new URL(withSlash(baseUrl)).href;
  } catch {
    throw new Error(`MNIST base URL must be absolute, got ${JSON.stringify(baseUrl)}`);
  }
  let manifest: Promise<MnistManifest> | null = null;
  return {
    manifest() {
      manifest ??= (async () => {
        const res = await get(fetchImpl, mnistManifestUrl(root), MNIST_MANIFEST);
        let json: unknown;
        try {
          json = await res.json();
        } catch {
          throw malformed('not valid JSON');
        }
        return parseMnistManifest(json);
      })();
      // Forget failures so a retry (e.g. after a network blip) fetches again.
      manifest.catch(() => (manifest = null));
      return manifest;
    },
    async read(info, onBytes) {
      const res = await get(fetchImpl, mnistFileUrl(root, info), info.name);
      return readBody(res, info, onBytes);
    },
  };
}
