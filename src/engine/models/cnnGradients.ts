// The gradients the CNN's tape needs, registered here because the worker loads tfjs-core alone, which
// registers none (the umbrella package registers all ~170, which Node tests load, so only the browser
// test tests/e2e/models.e2e.ts sees one missing). Fused ops under a tape fall back to these primitives.
import { registerGradient } from '@tensorflow/tfjs-core';
import { addGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Add_grad';
import { batchMatMulGradConfig } from '@tensorflow/tfjs-core/dist/gradients/BatchMatMul_grad';
import { conv2DGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Conv2D_grad';
import { maxPoolGradConfig } from '@tensorflow/tfjs-core/dist/gradients/MaxPool_grad';
import { reluGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Relu_grad';
import { reshapeGradConfig } from '@tensorflow/tfjs-core/dist/gradients/Reshape_grad';

for (const config of [
  addGradConfig,
  batchMatMulGradConfig,
  conv2DGradConfig,
  maxPoolGradConfig,
  reluGradConfig,
  reshapeGradConfig,
])
  registerGradient(config);
