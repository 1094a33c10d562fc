// The WebGL fast paths the trainer plugs in when the backend is WebGL: fused backward and optimizer
// programs, and batches gathered from MNIST uploaded to the GPU once.
import type { MnistData } from '../mnist';
import type { TrainerKernels } from '../trainer';
import { DeviceMnist } from './deviceData';
import { fusedBackward } from './fusedBackward';
import { createFusedOptimizer } from './fusedOptimizers';

/** The fused programs alone (no device data): for code that brings its own batches. */
export const webglKernels: TrainerKernels = {
  backward: fusedBackward,
  createOptimizer: createFusedOptimizer,
};

export interface WebglSetup {
  kernels: TrainerKernels;
  /** GPU memory held by the uploaded data, in bytes (as of the last sync). */
  readonly dataBytes: number;
  /** Uploads what has arrived of `data` since: call after each part MNIST streams in. */
  sync(): void;
  dispose(): void;
}

/** Uploads what has arrived of `data` and returns the kernels that train from it. */
export function createWebglKernels(data: MnistData): WebglSetup {
  const device = new DeviceMnist(data);
  return {
    kernels: { ...webglKernels, batchMaker: device.batchMaker },
    get dataBytes() {
      return device.bytes;
    },
    sync: () => device.sync(),
    dispose: () => device.dispose(),
  };
}
