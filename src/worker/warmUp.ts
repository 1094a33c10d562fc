// Compiles the WebGL programs of a first training step while MNIST is still downloading: one step of a
// throwaway model on blank images, for each optimizer the first run uses. On software WebGL compiling
// takes seconds; done here, the real first step starts as soon as the first training images are in.
import type { MnistData } from '../engine/mnist';
import { Trainer } from '../engine/trainer';
import { createWebglKernels } from '../engine/webgl/kernels';
import { IMAGE_PIXELS } from '../shared/mnist';
import type { RunSettings, SharedSettings } from '../shared/settings';

/** `shared` and `runs`: the settings of the run the page will start (its programs depend on them). */
export async function warmUp(shared: SharedSettings, runs: RunSettings[]): Promise<void> {
  const n = shared.batchSize;
  const blank = { images: new Uint8Array(n * IMAGE_PIXELS), labels: new Uint8Array(n), count: n };
  const data: MnistData = { train: blank, validation: blank, test: blank };
  const webgl = createWebglKernels(data);
  const seen = new Set<string>();
  try {
    for (const settings of runs) {
      if (seen.has(settings.optimizer)) continue;
      seen.add(settings.optimizer);
      // 'scale' whatever the run's preprocessing: the programs are the same, only a uniform differs.
      const config = { ...shared, preprocessing: 'scale' as const, epochs: 1, settings };
      const trainer = new Trainer(data, config, undefined, webgl.kernels);
      try {
        trainer.trainStep();
        await trainer.flushMetrics(); // the readback's programs too, without blocking
      } finally {
        trainer.dispose();
      }
    }
  } finally {
    webgl.dispose();
  }
}
