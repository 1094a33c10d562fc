// The files MNIST is served as, in download order, and the manifest shape; shared by the build plugin,
// the browser fetch source and the Node test source. The training images come in parts, the first one
// small, so training can start on it while the rest arrives; labels are small and come first.
import { TRAIN_COUNT, TRAIN_FILE_COUNT } from '../shared/mnist';

/** One of the four original MNIST IDX files. */
export type MnistOriginal =
  'train-images-idx3-ubyte' | 'train-labels-idx1-ubyte' | 't10k-images-idx3-ubyte' | 't10k-labels-idx1-ubyte';

/** Images (or labels) [from, to) of an original file, served as an IDX file of its own. */
export interface MnistPart {
  name: string;
  original: MnistOriginal;
  kind: 'images' | 'labels';
  from: number;
  to: number;
}

/** Training images per part after the first: larger parts mean fewer appends to the GPU copy. */
const TRAIN_PART = 10_000;
/** The first part: enough for a first epoch's worth of varied batches, about 0.8 MB compressed. */
export const FIRST_TRAIN_PART = 5_000;

function imageParts(original: MnistOriginal, bounds: number[]): MnistPart[] {
  return bounds.slice(1).map((to, i) => {
    const from = bounds[i]!;
    return { name: `${original}.${from}-${to}`, original, kind: 'images', from, to };
  });
}

const trainBounds = [0];
for (let to = FIRST_TRAIN_PART; to <= TRAIN_COUNT; to += TRAIN_PART) trainBounds.push(to);
if (trainBounds.at(-1) !== TRAIN_COUNT) trainBounds.push(TRAIN_COUNT);

const whole = (original: MnistOriginal, kind: MnistPart['kind'], count: number): MnistPart => ({
  name: original,
  original,
  kind,
  from: 0,
  to: count,
});

/**
 * In download order: training labels (all 60,000, 60 kB), the training images in parts, the validation
 * images (the training file's last 5,000), then the test set, which only the end of a run needs.
 */
export const MNIST_PARTS: readonly MnistPart[] = [
  whole('train-labels-idx1-ubyte', 'labels', TRAIN_FILE_COUNT),
  ...imageParts('train-images-idx3-ubyte', [...trainBounds, TRAIN_FILE_COUNT]),
  whole('t10k-labels-idx1-ubyte', 'labels', 10_000),
  whole('t10k-images-idx3-ubyte', 'images', 10_000),
];

export const MNIST_FILES: readonly string[] = MNIST_PARTS.map((p) => p.name);
/** The name of a served file: one of MNIST_FILES. */
export type MnistFileName = string;

export function mnistPart(name: MnistFileName): MnistPart | undefined {
  return MNIST_PARTS.find((p) => p.name === name);
}

/** URL path (under the app's base) where the gzip files and manifest are served. */
export const MNIST_URL_DIR = 'data/mnist';
export const MNIST_MANIFEST = 'manifest.json';
/** Bumped when the files change shape (2: the training images in parts), so a stale manifest fails clearly. */
export const MNIST_MANIFEST_VERSION = 2;

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
  version: typeof MNIST_MANIFEST_VERSION;
  files: MnistFileInfo[];
}

/** Where raw IDX bytes come from: fetched in the browser, read from disk in Node. */
export interface MnistByteSource {
  manifest(): Promise<MnistManifest>;
  /** Decompressed bytes of one file; `onBytes(loaded)` reports compressed bytes read so far. */
  read(info: MnistFileInfo, onBytes?: (loaded: number) => void): Promise<Uint8Array>;
}
