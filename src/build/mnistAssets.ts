// Vite plugin that publishes the MNIST IDX files (gzipped) and their manifest under
// <base>data/mnist/: served from memory by the dev server, emitted into dist/ by `vite build`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger, Plugin } from 'vite';
import { MNIST_FILES, MNIST_MANIFEST, MNIST_URL_DIR } from '../engine/mnistFiles';
import { mnistServedName } from '../engine/mnistFetch';
import { defaultMnistCacheDir, prepareMnistAssets } from './mnistGzip';
import type { MnistAssets } from './mnistGzip';

export interface MnistAssetsOptions {
  /** Where compressed files are cached; defaults to `<root>/node_modules/.cache/mnist-gz`. */
  cacheDir?: string;
}

interface Served {
  body: Uint8Array;
  type: string;
  etag: string;
}

/** Path (relative to the app root) → response, built once from the prepared assets. */
function servedFiles(assets: MnistAssets): Map<string, Served> {
  const map = new Map<string, Served>();
  for (const info of assets.manifest.files) {
    const body = assets.gz.get(info.name);
    if (body)
      map.set(mnistServedName(info), {
        body,
        type: 'application/octet-stream',
        etag: `"${info.sha256}"`,
      });
  }
  const json = JSON.stringify(assets.manifest, null, 2);
  const etag = `"${assets.manifest.files.map((f) => f.sha256.slice(0, 8)).join('')}"`;
  map.set(MNIST_MANIFEST, {
    body: new TextEncoder().encode(json),
    type: 'application/json; charset=utf-8',
    etag,
  });
  return map;
}

export function mnistAssets(options: MnistAssetsOptions = {}): Plugin {
  let root = process.cwd();
  let basePath = '/';
  let logger: Logger | undefined;
  let pending: Promise<MnistAssets> | null = null;

  // Started as early as possible (server start / buildStart) and shared by every later request.
  const load = (): Promise<MnistAssets> => {
    pending ??= (async () => {
      const t0 = performance.now();
      const assets = await prepareMnistAssets({ cacheDir: options.cacheDir ?? defaultMnistCacheDir(root) });
      const ms = Math.round(performance.now() - t0);
      logger?.info(
        `[mnist-assets] ${MNIST_FILES.length} files ready in ${ms} ms (${assets.cachedCount} from cache)`,
        { timestamp: true },
      );
      return assets;
    })();
    pending.catch(() => (pending = null)); // let the next request retry after a failure
    return pending;
  };

  return {
    name: 'mnist-assets',

    configResolved(config) {
      root = config.root;
      logger = config.logger;
      // Dev resolves a relative base ('./') to '/'; an absolute URL base contributes only its path.
      basePath = new URL(config.base, 'http://localhost').pathname;
    },

    configureServer(server) {
      load().catch((err: unknown) => logger?.error(`[mnist-assets] ${(err as Error).message}`));
      let served: Map<string, Served> | null = null;
      const prefix = `${basePath}${MNIST_URL_DIR}/`;
      // Registered directly (not returned) so it runs before Vite's SPA/html fallbacks.
      server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => {
        const pathname = (req.url ?? '').split('?')[0] ?? '';
        if (!pathname.startsWith(prefix) || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
        load()
          .then((assets) => {
            served ??= servedFiles(assets);
            const file = served.get(pathname.slice(prefix.length));
            if (!file) {
              // A 404 beats Vite's SPA fallback, which would answer index.html as if it were data.
              res.statusCode = 404;
              return res.end();
            }
            // Deliberately no Content-Encoding: the client inflates the bytes itself (see MNIST_GZ_SUFFIX).
            res.setHeader('Content-Type', file.type);
            res.setHeader('Cache-Control', 'no-cache');
            res.setHeader('ETag', file.etag);
            if (req.headers['if-none-match'] === file.etag) {
              res.statusCode = 304;
              return res.end();
            }
            res.setHeader('Content-Length', file.body.byteLength);
            res.statusCode = 200;
            res.end(req.method === 'HEAD' ? undefined : file.body);
          })
          .catch(next);
      });
    },

    buildStart() {
      // Warm up in parallel with bundling; errors surface again in generateBundle.
      if (this.environment.config.consumer === 'client') load().catch(() => {});
    },

    async generateBundle() {
      if (this.environment.config.consumer !== 'client') return;
      const assets = await load();
      for (const info of assets.manifest.files) {
        const source = assets.gz.get(info.name);
        if (!source) this.error(`mnist-assets: no data for ${info.name}`);
        this.emitFile({ type: 'asset', fileName: `${MNIST_URL_DIR}/${mnistServedName(info)}`, source });
      }
      const manifest = JSON.stringify(assets.manifest, null, 2);
      this.emitFile({ type: 'asset', fileName: `${MNIST_URL_DIR}/${MNIST_MANIFEST}`, source: manifest });
    },
  };
}
