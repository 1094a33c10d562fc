// Test setup shared by engine tests: tfjs on the pure-JS CPU backend, with tolerance helpers.
import * as tf from '@tensorflow/tfjs';

export async function useCpu(): Promise<typeof tf> {
  await tf.setBackend('cpu');
  await tf.ready();
  return tf;
}

/** ‖a − b‖∞ / max(‖b‖∞, tiny): relative error of a whole vector against a float64 reference. */
export function relError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < b.length; i++) {
    diff = Math.max(diff, Math.abs(a[i]! - b[i]!));
    scale = Math.max(scale, Math.abs(b[i]!));
  }
  return diff / Math.max(scale, 1e-30);
}
