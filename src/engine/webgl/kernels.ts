// The WebGL fast paths the trainer plugs in when the backend is WebGL.
import type { TrainerKernels } from '../trainer';
import { fusedCrossEntropy } from './fusedCrossEntropy';
import { createFusedOptimizer } from './fusedOptimizers';

export const webglKernels: TrainerKernels = {
  crossEntropy: fusedCrossEntropy,
  createOptimizer: createFusedOptimizer,
};
