// PEER: what a developer would write with tf.layers for the job's network (default Dense(128, relu) →
// Dense(10); the CNN as Conv2D/MaxPooling2D layers), tf.train.adam, softmax cross-entropy from logits,
// model.fit on the full 55,000×784 tensor. Timed from fit's batch callbacks.
import * as tf from '@tensorflow/tfjs';
import type { MnistData, Split } from '../../src/engine/mnist';
import { CNN, DEFAULT_MODEL, modelSpec, type ModelName } from '../../src/shared/model';
import { IMAGE_PIXELS, IMAGE_SIDE, NUM_CLASSES } from '../../src/shared/mnist';
import type { Job, RunResult } from './jobs';
import { kernelsOf, numTensors, type Probe } from './probes';

function toTensors(split: Split): { x: tf.Tensor2D; labels: tf.Tensor1D } {
  const f = new Float32Array(split.count * 784);
  for (let i = 0; i < f.length; i++) f[i] = split.images[i]! / 255;
  return {
    x: tf.tensor2d(f, [split.count, 784]),
    labels: tf.tensor1d(Int32Array.from(split.labels), 'int32'),
  };
}

/** The same network as ours (shared/model.ts): Keras defaults are Glorot-uniform kernels and zero biases too. */
function buildModel(name: ModelName): tf.Sequential {
  const spec = modelSpec(name);
  const model = tf.sequential();
  if (spec.kind === 'cnn') {
    model.add(tf.layers.reshape({ targetShape: [IMAGE_SIDE, IMAGE_SIDE, 1], inputShape: [IMAGE_PIXELS] }));
    for (const filters of CNN.filters) {
      model.add(tf.layers.conv2d({ filters, kernelSize: CNN.kernel, padding: 'same', activation: 'relu' }));
      model.add(tf.layers.maxPooling2d({ poolSize: CNN.pool }));
    }
    model.add(tf.layers.flatten());
  } else {
    spec.hidden.forEach((units, i) =>
      model.add(
        tf.layers.dense({ units, activation: 'relu', ...(i === 0 ? { inputShape: [IMAGE_PIXELS] } : {}) }),
      ),
    );
  }
  model.add(
    tf.layers.dense({
      units: NUM_CLASSES,
      ...(model.layers.length === 0 ? { inputShape: [IMAGE_PIXELS] } : {}),
    }),
  );
  model.compile({ optimizer: tf.train.adam(0.001), loss: tf.losses.softmaxCrossEntropy });
  return model;
}

export async function runPeer(
  job: Job,
  data: MnistData,
  probe: Probe,
  log: (s: string) => void,
): Promise<Omit<RunResult, 'renderer' | 'loadMs' | 'totalMs' | 'gpuDataBytes'>> {
  const modelName = job.model ?? DEFAULT_MODEL;
  const model = buildModel(modelName);
  const train = toTensors(data.train);
  const y = tf.oneHot(train.labels, 10).toFloat() as tf.Tensor2D;
  train.labels.dispose();
  // A finished upload, so the window below measures training only.
  const probeRow = train.x.slice([0, 0], [1, 784]);
  await probeRow.data();
  probeRow.dispose();
  const firstWeight = () => model.getWeights()[0]!;

  let t0 = 0;
  let t1 = 0;
  let steps = 0;
  let tensorsBefore = 0;
  let tensorsAfter = 0;
  let lastLog = 0;
  const stepsPerEpoch = Math.ceil(data.train.count / job.batchSize);
  // onBatchBegin sees an empty log, so it adds no per-batch readback that plain fit() would not do. Batches
  // are only dispatched here (the GPU may lag behind), so both ends of the window wait for the weights.
  let done = 0; // batches dispatched so far, across epochs (fit's batch index restarts every epoch)
  const onBatchBegin = async (): Promise<void> => {
    const batch = done++;
    if (batch === job.warmupSteps) {
      await firstWeight().data(); // the warm-up steps have really run on the GPU
      tensorsBefore = numTensors();
      t0 = performance.now();
      probe.start();
    } else if (t0 > 0 && t1 === 0 && job.mode === 'window' && performance.now() - t0 >= job.windowMs) {
      model.stopTraining = true; // honoured after this batch
      await firstWeight().data();
      t1 = performance.now();
      probe.stop();
      steps = batch - job.warmupSteps;
      tensorsAfter = numTensors();
    } else if (t0 > 0 && performance.now() - lastLog > 15_000) {
      lastLog = performance.now();
      log(`batch ${batch} dispatched (${stepsPerEpoch}/epoch)`);
    }
  };
  try {
    await model.fit(train.x, y, {
      batchSize: job.batchSize,
      epochs: job.mode === 'epoch' ? job.epochs : 1_000,
      shuffle: true,
      verbose: 0,
      callbacks: { onBatchBegin },
    });
    if (t1 === 0) {
      t1 = performance.now();
      probe.stop();
      steps = done - job.warmupSteps;
      tensorsAfter = numTensors();
    }
    const readSyncs = probe.readSyncs;
    const programs = probe.programs;

    let testAccuracy: number | null = null;
    if (job.mode === 'epoch') {
      const test = toTensors(data.test);
      const correct = tf.tidy(() => {
        const logits = model.predict(test.x) as tf.Tensor2D;
        return tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), test.labels), 'int32'));
      });
      testAccuracy = (await correct.data())[0]! / data.test.count;
      tf.dispose([correct, test.x, test.labels]);
    }

    // Kernels of one step, as trainOnBatch runs it.
    const xb = train.x.slice([0, 0], [job.batchSize, 784]);
    const yb = y.slice([0, 0], [job.batchSize, 10]);
    await model.trainOnBatch(xb, yb);
    const kernels = await kernelsOf(() => model.trainOnBatch(xb, yb));
    tf.dispose([xb, yb]);

    const ms = t1 - t0;
    return {
      id: job.id,
      impl: 'peer',
      optimizer: 'adam',
      model: modelName,
      batchSize: job.batchSize,
      mode: job.mode,
      lanes: 1,
      ablation: null,
      steps,
      ms,
      samplesPerSec: (steps * job.batchSize * 1000) / ms,
      msPerStep: ms / steps,
      kernelsPerStep: kernels,
      ownProgramsPerStep: 0,
      glProgramsPerStep: probe.countsPrograms ? programs / steps : null,
      readSyncs,
      readSyncsPerStep: readSyncs / steps,
      tensorsBefore,
      tensorsAfter,
      tensorGrowth: tensorsAfter - tensorsBefore,
      tensorSteps: steps,
      testAccuracy,
      epochsTrained: job.mode === 'epoch' ? job.epochs : null,
    };
  } finally {
    tf.dispose([train.x, y]);
    model.dispose();
  }
}
