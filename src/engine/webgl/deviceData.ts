// MNIST on the GPU: every split uploaded once (the training images part by part as they arrive), three
// pixels to a float32 (exact: 24 bits of mantissa), and batches assembled there by index with two
// programs: one gathers, unpacks and preprocesses the images, one writes one-hot labels. A step then
// uploads only its batch's indices, not its pixels.
import * as tf from '@tensorflow/tfjs-core';
import type { GPGPUProgram } from '@tensorflow/tfjs-backend-webgl';
import { IMAGE_PIXELS, NUM_CLASSES } from '../../shared/mnist';
import type { BatchMakerFactory, SplitName } from '../batches';
import { arrivedCount, type MnistData } from '../mnist';
import { pixelMap } from '../preprocess';
import { cachedProgram, runProgram } from './run';

/** Pixels stored in one float32: 3 bytes fit its 24-bit mantissa exactly. */
export const PIXELS_PER_WORD = 3;
/** Float32 words per image. */
export const WORDS_PER_IMAGE = Math.ceil(IMAGE_PIXELS / PIXELS_PER_WORD);

/** Packs images [from, to) of `images` into `out` (WORDS_PER_IMAGE floats each, from image `from`). */
function packInto(images: Uint8Array, from: number, to: number, out: Float32Array): void {
  for (let i = from; i < to; i++) {
    const src = i * IMAGE_PIXELS;
    const dst = i * WORDS_PER_IMAGE;
    out.fill(0, dst, dst + WORDS_PER_IMAGE);
    for (let p = 0; p < IMAGE_PIXELS; p++) {
      const w = Math.floor(p / PIXELS_PER_WORD);
      out[dst + w]! += images[src + p]! * 256 ** (p % PIXELS_PER_WORD);
    }
  }
}

/** Packs each image's bytes into WORDS_PER_IMAGE floats: word = p0 + 256·p1 + 65536·p2. */
export function packImages(images: Uint8Array, count: number): Float32Array {
  const out = new Float32Array(count * WORDS_PER_IMAGE);
  packInto(images, 0, count, out);
  return out;
}

/** x[r, c] = (byte c of image idx[r] − center) / spread: the preprocessing of preprocess.ts. */
function gatherImagesProgram(rows: number): GPGPUProgram {
  return {
    variableNames: ['Data', 'Idx'],
    outputShape: [rows, IMAGE_PIXELS],
    customUniforms: [
      { name: 'center', type: 'float' },
      { name: 'spread', type: 'float' },
    ],
    userCode: `
      void main() {
        ivec2 rc = getOutputCoords();
        int image = int(getIdx(rc.x) + 0.5);
        int w = rc.y / ${PIXELS_PER_WORD};
        int k = rc.y - w * ${PIXELS_PER_WORD};
        float word = getData(image, w);
        // Dividing by a power of two and flooring is exact in float32 for words below 2^24.
        float shifted = floor(word / (k == 0 ? 1.0 : (k == 1 ? 256.0 : 65536.0)));
        float byte = shifted - 256.0 * floor(shifted / 256.0);
        setOutput((byte - center) / spread);
      }`,
  };
}

/** y[r, c] = 1 where c is the label of image idx[r]. */
function oneHotProgram(rows: number): GPGPUProgram {
  return {
    variableNames: ['Labels', 'Idx'],
    outputShape: [rows, NUM_CLASSES],
    userCode: `
      void main() {
        ivec2 rc = getOutputCoords();
        float label = getLabels(int(getIdx(rc.x) + 0.5));
        setOutput(abs(label - float(rc.y)) < 0.5 ? 1.0 : 0.0);
      }`,
  };
}

interface DeviceSplit {
  /** Null until the split (or, for train, its first part) is on the device. */
  images: tf.Tensor2D | null;
  labels: tf.Tensor1D | null;
  /** Images on the device: a prefix of the training set, or a held-out split whole. */
  count: number;
}

const packed = (images: Uint8Array, count: number): tf.Tensor2D =>
  tf.tensor2d(packImages(images, count), [count, WORDS_PER_IMAGE]);

/**
 * The three splits on the device for the page's lifetime; each run makes its batches from them. While
 * MNIST arrives, sync() appends the new training images and uploads a held-out split once it is whole.
 */
export class DeviceMnist {
  private readonly splits: Record<SplitName, DeviceSplit> = {
    train: { images: null, labels: null, count: 0 },
    validation: { images: null, labels: null, count: 0 },
    test: { images: null, labels: null, count: 0 },
  };

  constructor(private readonly data: MnistData) {
    this.sync();
  }

  /** The training images packed on the host while they arrive; freed once all are on the device. */
  private trainWords: Float32Array | null = null;

  /**
   * Brings the device copy up to what has arrived. New training images are packed after the old ones
   * on the host and the arrived prefix is uploaded afresh (the old tensor is freed), so the tensor count
   * stays the same however many parts arrive. Not tf.concat on the device: its output is a packed
   * texture, and every gather from it would first unpack all 55,000 images, on every step (the page
   * trained at a twentieth of the engine's speed until this was found).
   */
  sync(): void {
    const train = this.splits.train;
    const arrived = arrivedCount(this.data, 'train');
    const total = this.data.train.count;
    if (arrived > train.count) {
      // All 55,000 labels came before any image: upload them with the first part.
      train.labels ??= tf.tensor1d(Float32Array.from(this.data.train.labels));
      this.trainWords ??= new Float32Array(total * WORDS_PER_IMAGE);
      packInto(this.data.train.images, train.count, arrived, this.trainWords);
      train.images?.dispose();
      // A copy of a prefix, which must not see later parts packed into the buffer; the whole set is last.
      const words = arrived < total ? this.trainWords.slice(0, arrived * WORDS_PER_IMAGE) : this.trainWords;
      train.images = tf.tensor2d(words, [arrived, WORDS_PER_IMAGE]);
      train.count = arrived;
      if (arrived >= total) this.trainWords = null;
    }
    for (const name of ['validation', 'test'] as const) {
      const split = this.splits[name];
      const source = this.data[name];
      if (split.images || arrivedCount(this.data, name) < source.count) continue;
      split.images = packed(source.images, source.count);
      split.labels = tf.tensor1d(Float32Array.from(source.labels));
      split.count = source.count;
    }
  }

  /** Bytes of GPU memory the data holds (float32 textures). */
  get bytes(): number {
    return Object.values(this.splits).reduce(
      (sum, s) => sum + 4 * ((s.images?.size ?? 0) + (s.labels?.size ?? 0)),
      0,
    );
  }

  /** A batch maker for one preprocessing: only the affine map from byte to input differs. */
  readonly batchMaker: BatchMakerFactory = (preprocessing, stats) => {
    const { center, spread } = pixelMap(preprocessing, stats);
    const splits = this.splits;
    const data = this.data;
    return {
      counts: { train: data.train.count, validation: data.validation.count, test: data.test.count },
      available: (split) => splits[split].count,
      make(split, indices) {
        const n = indices.length;
        const { images, labels } = splits[split];
        if (!images || !labels) throw new Error(`the ${split} images have not arrived yet`);
        return tf.tidy(() => {
          const idx = tf.tensor1d(Float32Array.from(indices));
          const x = runProgram(
            cachedProgram('gather-images', [n], () => gatherImagesProgram(n)),
            [images, idx],
            [[center], [spread]],
          ) as tf.Tensor2D;
          const y = runProgram(
            cachedProgram('gather-labels', [n], () => oneHotProgram(n)),
            [labels, idx],
          ) as tf.Tensor2D;
          return { x, y };
        });
      },
      // The data outlives runs; only the page's end frees it.
      dispose() {},
    };
  };

  dispose(): void {
    for (const s of Object.values(this.splits)) {
      s.images?.dispose();
      s.labels?.dispose();
      Object.assign(s, { images: null, labels: null, count: 0 });
    }
  }
}
