// Dropout's masks as a pure integer hash of (seed, step, layer, row, col), so every implementation draws
// the same units: this file (the composed kernels, tests), the WebGL shaders (engine/webgl/fusedBackward.ts)
// and numpy (a PyTorch export). Runs of a comparison share the seed, and a replay repeats the steps, so
// both drop exactly the units the live run dropped. No tfjs, no DOM.
//
// The formula, every operation on unsigned 32-bit integers (products modulo 2^32, >> a logical shift):
//   mix(x)    = lowbias32 (C. Wellons' hash prospector), a bijection with strong avalanche:
//               x ^= x >> 16; x *= 0x7feb352d; x ^= x >> 15; x *= 0x846ca68b; x ^= x >> 16
//   key       = mix(mix(mix(seed ^ 0x9e3779b9) ^ step) ^ layer)      (one per layer and step)
//   hash      = mix(mix(key ^ row) ^ col)
//   threshold = min(floor((1 − p) · 2^32), 2^32 − 1)                   ((1 − p) in float64)
//   keep      ⇔ hash < threshold;   m = keep ? float32(1 / (1 − p)) : 0;   h̃ = h ⊙ m
// seed: the run's seed (0 … 2^31 − 1); step: the training step, 1-based (the first step is 1); layer:
// the hidden layer, 0 for the one the input feeds; row: the example's row in its batch; col: the unit.
// The constant 0x9e3779b9 keeps seed 0 away from mix's fixed point mix(0) = 0.
//
// In numpy (uint32 arrays wrap like the above; rows, cols from np.indices, dtype np.uint32):
//   def mix(x):
//       x = x ^ (x >> 16); x = x * np.uint32(0x7FEB352D); x = x ^ (x >> 15)
//       x = x * np.uint32(0x846CA68B); return x ^ (x >> 16)
//   key = mix(mix(mix(np.uint32(seed) ^ np.uint32(0x9E3779B9)) ^ np.uint32(step)) ^ np.uint32(layer))
//   keep = mix(mix(key ^ rows) ^ cols) < np.uint64(min(math.floor((1 - p) * 2**32), 2**32 - 1))

/** What a training step asks of dropout: the rate p and where the step's masks come from. */
export interface Dropout {
  /** p: the probability that a hidden unit is dropped, 0 ≤ p < 1 (0: no dropout). */
  rate: number;
  seed: number;
  /** The training step, 1-based. */
  step: number;
}

/** One hidden layer's mask at one step: all a kernel needs to draw m at any (row, col). */
export interface LayerMask {
  /** mix(mix(mix(seed ^ 0x9e3779b9) ^ step) ^ layer), as an unsigned 32-bit integer. */
  key: number;
  /** A unit is kept when its hash is below this (unsigned 32-bit). */
  threshold: number;
  /** 1 / (1 − p): kept units are scaled so that each unit's expected value is unchanged. */
  scale: number;
}

/** lowbias32: the integer finalizer the masks are made of (see the formula above). */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Whether `d` drops anything: absent or rate 0 is the plain training pass. */
export function isDropping(d: Dropout | undefined): d is Dropout {
  if (d === undefined || d.rate === 0) return false;
  if (!(d.rate > 0 && d.rate < 1)) throw new RangeError(`dropout rate ${d.rate} is outside [0, 1)`);
  return true;
}

export function layerMask(d: Dropout, layer: number): LayerMask {
  const key = mix32(mix32(mix32((d.seed ^ 0x9e3779b9) >>> 0) ^ d.step) ^ layer);
  const threshold = Math.min(Math.floor((1 - d.rate) * 2 ** 32), 2 ** 32 - 1);
  return { key, threshold, scale: 1 / (1 - d.rate) };
}

/** The hash of one unit: mix(mix(key ^ row) ^ col). */
export function unitHash(key: number, row: number, col: number): number {
  return mix32(mix32(key ^ row) ^ col);
}

/** m for a [rows, cols] layer, row-major: the scale where a unit is kept, 0 where it is dropped. */
export function maskValues(mask: LayerMask, rows: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const rowKey = mix32(mask.key ^ r);
    for (let c = 0; c < cols; c++) if (mix32(rowKey ^ c) < mask.threshold) out[r * cols + c] = mask.scale;
  }
  return out;
}
