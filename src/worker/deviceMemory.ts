// What TensorFlow.js holds now, posted with each validation: a run that leaks shows it growing from
// one to the next (and the soak bench reads it).
import * as tf from '@tensorflow/tfjs-core';

export function deviceMemory(): { tensors: number; bytes: number; gpuBytes: number | null } {
  const m = tf.memory() as tf.MemoryInfo & { numBytesInGPU?: number };
  return { tensors: m.numTensors, bytes: m.numBytes, gpuBytes: m.numBytesInGPU ?? null };
}
