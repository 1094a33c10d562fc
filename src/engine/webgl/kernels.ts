// The WebGL fast paths the trainer plugs in when the backend is WebGL.
import type { TrainerKernels } from '../trainer';
import { fusedBackward } from './fusedBackward';
import { createFusedOptimizer } from './fusedOptimizers';

export const webglKernels: TrainerKernels = {
  backward: fusedBackward,
  createOptimizer: createFusedOptimizer,
};
