// Names and manifest shape of the four original MNIST IDX files, shared by the build plugin,
// the browser fetch source and the Node test source.

export const MNIST_FILES = [
  'train-images-idx3-ubyte',
  'train-labels-idx1-ubyte',
  't10k-images-idx3-ubyte',
  't10k-labels-idx1-ubyte',
] as const;
export type MnistFileName = (typeof MNIST_FILES)[number];

/** URL path (under the app's base) where the gzip files and manifest are served. */
export const MNIST_URL_DIR = 'data/mnist';
export const MNIST_MANIFEST = 'manifest.json';

export interface MnistFileInfo {
  name: MnistFileName;
  /** Size of the decompressed IDX file. */
  bytes: number;
  /** Hex SHA-256 of the decompressed IDX file. */
  sha256: string;
  /** Size of the served `.gz` file, for progress bars when Content-Length is missing. */
  gzBytes: number;
}

export interface MnistManifest {
  version: 1;
  files: MnistFileInfo[];
}

/** Where raw IDX bytes come from: fetched in the browser, read from disk in Node. */
export interface MnistByteSource {
  manifest(): Promise<MnistManifest>;
  /** Decompressed bytes of one file; `onBytes(loaded)` reports compressed bytes read so far. */
  read(info: MnistFileInfo, onBytes?: (loaded: number) => void): Promise<Uint8Array>;
}
