// Input preprocessing (数据预处理 in the origin article) as a 256-entry lookup table per mode,
// so turning a batch of bytes into floats is one table read per pixel.
import { IMAGE_PIXELS } from '../shared/mnist';
import type { Preprocessing } from '../shared/settings';

export interface PixelStats {
  mean: number;
  std: number;
}

/** Mean and standard deviation of raw pixel values (0–255) over all pixels of a split. */
export function pixelStats(images: Uint8Array): PixelStats {
  const hist = new Float64Array(256);
  for (let i = 0; i < images.length; i++) hist[images[i]!]!++;
  let sum = 0;
  let sumSq = 0;
  for (let v = 0; v < 256; v++) {
    sum += hist[v]! * v;
    sumSq += hist[v]! * v * v;
  }
  const n = images.length;
  const mean = sum / n;
  return { mean, std: Math.sqrt(Math.max(sumSq / n - mean * mean, 0)) };
}

/**
 * Every preprocessing is `(byte − center) / spread`: scale to [0, 1] (0, 255), standardize with the
 * training set's statistics (mean, std), or none (0, 1). One definition for the host table and the GPU.
 */
export function pixelMap(mode: Preprocessing, stats?: PixelStats): { center: number; spread: number } {
  switch (mode) {
    case 'scale':
      return { center: 0, spread: 255 };
    case 'standardize':
      if (!stats) throw new Error('standardize needs training-set statistics');
      return { center: stats.mean, spread: stats.std || 1 };
    case 'none':
      return { center: 0, spread: 1 };
    default: {
      const never: never = mode;
      throw new RangeError(`unknown preprocessing ${String(never)}`);
    }
  }
}

/** Lookup table mapping a raw byte to its model input. `stats` is needed for 'standardize'. */
export function pixelTable(mode: Preprocessing, stats?: PixelStats): Float32Array {
  const { center, spread } = pixelMap(mode, stats);
  const lut = new Float32Array(256);
  for (let v = 0; v < 256; v++) lut[v] = (v - center) / spread;
  return lut;
}

/** Fills `out` (length indices.length·IMAGE_PIXELS) with the preprocessed images at `indices`. */
export function fillBatch(
  images: Uint8Array,
  indices: ArrayLike<number>,
  lut: Float32Array,
  out: Float32Array,
): void {
  for (let b = 0; b < indices.length; b++) {
    const src = indices[b]! * IMAGE_PIXELS;
    const dst = b * IMAGE_PIXELS;
    for (let p = 0; p < IMAGE_PIXELS; p++) out[dst + p] = lut[images[src + p]!]!;
  }
}
