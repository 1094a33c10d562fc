// MNIST on the GPU: every split uploaded once, three pixels to a float32 (exact: 24 bits of mantissa),
// and batches assembled there by index with two programs: one gathers, unpacks and preprocesses the
// images, one writes one-hot labels. A step then uploads only its batch's indices, not its pixels.
import * as tf from '@tensorflow/tfjs';
import type { GPGPUProgram } from '@tensorflow/tfjs-backend-webgl';
import { IMAGE_PIXELS, NUM_CLASSES } from '../../shared/mnist';
import type { BatchMakerFactory, SplitName } from '../batches';
import type { MnistData, Split } from '../mnist';
import { pixelMap } from '../preprocess';
import { cachedProgram, runProgram } from './run';

/** Pixels stored in one float32: 3 bytes fit its 24-bit mantissa exactly. */
export const PIXELS_PER_WORD = 3;
/** Float32 words per image. */
export const WORDS_PER_IMAGE = Math.ceil(IMAGE_PIXELS / PIXELS_PER_WORD);

/** Packs each image's bytes into WORDS_PER_IMAGE floats: word = p0 + 256·p1 + 65536·p2. */
export function packImages(images: Uint8Array, count: number): Float32Array {
  const out = new Float32Array(count * WORDS_PER_IMAGE);
  for (let i = 0; i < count; i++) {
    const src = i * IMAGE_PIXELS;
    const dst = i * WORDS_PER_IMAGE;
    for (let p = 0; p < IMAGE_PIXELS; p++) {
      const w = Math.floor(p / PIXELS_PER_WORD);
      out[dst + w]! += images[src + p]! * 256 ** (p % PIXELS_PER_WORD);
    }
  }
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
  images: tf.Tensor2D;
  labels: tf.Tensor1D;
  count: number;
}

function upload(split: Split): DeviceSplit {
  return {
    images: tf.tensor2d(packImages(split.images, split.count), [split.count, WORDS_PER_IMAGE]),
    labels: tf.tensor1d(Float32Array.from(split.labels)),
    count: split.count,
  };
}

/** The three splits on the device for the page's lifetime; each run makes its batches from them. */
export class DeviceMnist {
  private readonly splits: Record<SplitName, DeviceSplit>;

  constructor(data: MnistData) {
    this.splits = {
      train: upload(data.train),
      validation: upload(data.validation),
      test: upload(data.test),
    };
  }

  /** Bytes of GPU memory the data holds (float32 textures). */
  get bytes(): number {
    return Object.values(this.splits).reduce((sum, s) => sum + 4 * (s.images.size + s.labels.size), 0);
  }

  /** A batch maker for one preprocessing: only the affine map from byte to input differs. */
  readonly batchMaker: BatchMakerFactory = (preprocessing, stats) => {
    const { center, spread } = pixelMap(preprocessing, stats);
    const splits = this.splits;
    return {
      counts: { train: splits.train.count, validation: splits.validation.count, test: splits.test.count },
      make(split, indices) {
        const n = indices.length;
        const { images, labels } = splits[split];
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
      s.images.dispose();
      s.labels.dispose();
    }
  }
}
