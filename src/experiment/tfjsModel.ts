// A run's network as a TensorFlow.js layers model: model.json (a Keras Sequential topology and a weights
// manifest) and one binary of float32 weights, written by hand so the page can save it without loading
// tfjs. tf.loadLayersModel reads the pair; tensorflowjs_converter turns it into a Keras model (the
// topology is Keras' own Sequential format, InputLayer first).
import { CNN, modelSpec, tensorNames, tensorShapes, type Activation, type ModelName } from '../shared/model';
import { IMAGE_PIXELS, IMAGE_SIDE, NUM_CLASSES } from '../shared/mnist';
import type { RunCheckpoint } from '../shared/checkpoint';
import type { Preprocessing } from '../shared/settings';

/**
 * Pixel mean and standard deviation (0–255) of MNIST's training split, the first 55,000 images:
 * 'standardize' divides by them. The page never holds the images; a test checks these against the engine's.
 */
export const TRAINING_PIXEL_STATS = { mean: 33.332771405380335, std: 78.59014362144558 } as const;

/** How a raw byte becomes the model's input: x = (byte − center) / spread, as engine/preprocess.ts maps it. */
export interface InputMap {
  center: number;
  spread: number;
}

export function inputMap(mode: Preprocessing): InputMap {
  switch (mode) {
    case 'scale':
      return { center: 0, spread: 255 };
    case 'standardize':
      return { center: TRAINING_PIXEL_STATS.mean, spread: TRAINING_PIXEL_STATS.std };
    case 'none':
      return { center: 0, spread: 1 };
  }
}

/** What the files say about where the weights come from. */
export interface ModelFileMeta {
  /** The run's name as the page shows it. */
  run: string;
  /** The step whose weights these are. */
  step: number;
  preprocessing: Preprocessing;
}

/** The pair of files: `weights` is the name model.json's manifest points to. */
export interface ModelFileNames {
  json: string;
  weights: string;
}

/** Names after the model, run and step, e.g. mnist-mlp-128-adam-step-1200.json (ASCII: URLs load them). */
export function modelFileNames(model: ModelName, run: string, step: number): ModelFileNames {
  const slug =
    run
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'run';
  const base = `mnist-${model}-${slug}-step-${step}`;
  return { json: `${base}.json`, weights: `${base}.weights.bin` };
}

/** The topology format this writes, as tfjs-layers 4.22 saves a Sequential model. */
const KERAS_VERSION = 'tfjs-layers 4.22.0';

type LayerConfig = { class_name: string; config: Record<string, unknown> };

const GLOROT_NORMAL = {
  class_name: 'VarianceScaling',
  config: { scale: 1, mode: 'fan_avg', distribution: 'normal', seed: null },
};
const ZEROS = { class_name: 'Zeros', config: {} };
const NO_EXTRAS = {
  kernel_regularizer: null,
  bias_regularizer: null,
  activity_regularizer: null,
  kernel_constraint: null,
  bias_constraint: null,
};
/**
 * Rows of IMAGE_PIXELS preprocessed pixels, declared by an InputLayer as Keras 2 writes a Sequential
 * model: Keras 3's loader of that format misreads a `batch_input_shape` on a first Dense layer.
 */
const INPUT: LayerConfig = {
  class_name: 'InputLayer',
  config: { batch_input_shape: [null, IMAGE_PIXELS], dtype: 'float32', sparse: false, name: 'pixels' },
};

const layer = (class_name: string, name: string, config: Record<string, unknown>): LayerConfig => ({
  class_name,
  config: { ...config, name, trainable: true },
});

function dense(name: string, units: number, activation: string): LayerConfig {
  return layer('Dense', name, {
    units,
    activation,
    use_bias: true,
    kernel_initializer: GLOROT_NORMAL,
    bias_initializer: ZEROS,
    ...NO_EXTRAS,
  });
}

function conv(name: string, filters: number): LayerConfig {
  const k = CNN.kernel;
  return layer('Conv2D', name, {
    filters,
    kernel_size: [k, k],
    strides: [1, 1],
    padding: 'same',
    data_format: 'channels_last',
    dilation_rate: [1, 1],
    activation: 'relu',
    use_bias: true,
    kernel_initializer: GLOROT_NORMAL,
    bias_initializer: ZEROS,
    ...NO_EXTRAS,
  });
}

function pool(name: string): LayerConfig {
  const p = CNN.pool;
  return layer('MaxPooling2D', name, {
    pool_size: [p, p],
    strides: [p, p],
    padding: 'valid',
    data_format: 'channels_last',
  });
}

/**
 * The layers, named as shared/model.ts names the tensors (dense1, conv1, …). The output is softmax:
 * a Keras user expects probabilities, and its argmax is the engine's prediction (argmax of the logits).
 */
function layersOf(model: ModelName, activation: Activation): LayerConfig[] {
  const spec = modelSpec(model);
  const names = tensorNames(spec)
    .filter((_, i) => i % 2 === 0)
    .map((n) => n.split('.')[0]!);
  if (spec.kind === 'cnn') {
    const [f1, f2] = CNN.filters;
    return [
      INPUT,
      // Rows of 784 pixels are 28×28×1 images (NHWC), row-major as MNIST stores them; Flatten reads
      // NHWC back in the order the engine's reshape does.
      layer('Reshape', 'reshape', { target_shape: [IMAGE_SIDE, IMAGE_SIDE, 1] }),
      conv(names[0]!, f1),
      pool('pool1'),
      conv(names[1]!, f2),
      pool('pool2'),
      layer('Flatten', 'flatten', {}),
      dense(names[2]!, NUM_CLASSES, 'softmax'),
    ];
  }
  const hidden = spec.hidden.map((width, i) => dense(names[i]!, width, activation));
  return [INPUT, ...hidden, dense(names.at(-1)!, NUM_CLASSES, 'softmax')];
}

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
}

/** model.json as tf.io writes it for a layers model. */
export interface LayersModelJson {
  format: 'layers-model';
  generatedBy: string;
  convertedBy: null;
  modelTopology: {
    class_name: 'Sequential';
    config: { name: string; layers: LayerConfig[] };
    keras_version: string;
    backend: string;
  };
  weightsManifest: { paths: string[]; weights: WeightSpec[] }[];
  userDefinedMetadata: Record<string, unknown>;
}

/**
 * The model.json and weights of `model` with these `weights` (tensorShapes order, as checkpoints hold
 * them; kernels are HWIO and [in, out], Keras' layouts). Throws when they are not that model's.
 */
export function layersModelFiles(
  model: ModelName,
  activation: Activation,
  weights: readonly Float32Array[],
  meta: ModelFileMeta,
): { modelJson: LayersModelJson; weightsBin: ArrayBuffer; names: ModelFileNames } {
  const spec = modelSpec(model);
  const shapes = tensorShapes(spec);
  if (weights.length !== shapes.length)
    throw new Error(`${model} has ${shapes.length} tensors, not ${weights.length}`);
  const sizes = shapes.map((s) => s.reduce((a, b) => a * b, 1));
  sizes.forEach((size, i) => {
    if (weights[i]!.length !== size)
      throw new Error(`${model}'s tensor ${i} has ${size} values, not ${weights[i]!.length}`);
  });
  const all = new Float32Array(sizes.reduce((a, b) => a + b, 0));
  let at = 0;
  for (const w of weights) {
    all.set(w, at);
    at += w.length;
  }
  const names = modelFileNames(model, meta.run, meta.step);
  const { center, spread } = inputMap(meta.preprocessing);
  const modelJson: LayersModelJson = {
    format: 'layers-model',
    generatedBy: 'MNIST optimizer playground',
    convertedBy: null,
    modelTopology: {
      class_name: 'Sequential',
      config: { name: `mnist_${model.replace(/-/g, '_')}`, layers: layersOf(model, activation) },
      keras_version: KERAS_VERSION,
      backend: 'tensor_flow.js',
    },
    weightsManifest: [
      {
        paths: [names.weights],
        weights: tensorNames(spec).map((n, i) => ({
          name: n.replace('.', '/'),
          shape: shapes[i]!,
          dtype: 'float32' as const,
        })),
      },
    ],
    userDefinedMetadata: {
      model,
      ...(spec.kind === 'mlp' && spec.hidden.length > 0 ? { activation } : {}),
      run: meta.run,
      step: meta.step,
      preprocessing: meta.preprocessing,
      input: `[n, ${IMAGE_PIXELS}]: a 28×28 digit's pixels row by row, each byte (0–255) as (byte − center) / spread`,
      center,
      spread,
      output: `[n, ${NUM_CLASSES}]: softmax probabilities of the digits 0–9`,
    },
  };
  return { modelJson, weightsBin: all.buffer, names };
}

/** A run's weights in a checkpoint, or why there are none worth saving. */
export type LaneWeights =
  | { ok: true; step: number; weights: readonly Float32Array[] }
  | { ok: false; why: 'untrained' | 'noLane' | 'notFinite' };

export function laneWeights(c: RunCheckpoint | null, lane: string): LaneWeights {
  if (!c || c.step === 0) return { ok: false, why: 'untrained' };
  const found = c.lanes.find((l) => l.lane === lane);
  if (!found) return { ok: false, why: 'noLane' };
  if (found.weights.some((w) => w.some((v) => !Number.isFinite(v)))) return { ok: false, why: 'notFinite' };
  return { ok: true, step: c.step, weights: found.weights };
}

/**
 * The checkpoint of the step training stopped at, once it is there (null: wait on). The worker takes one
 * on pause, after a Step and at the end, shortly after the page sees that step; a run that diverged or
 * failed, or has not trained, has none to wait for: its latest stands.
 */
export function settledCheckpoint(
  run: { state: string; step: number },
  c: RunCheckpoint | null,
): { checkpoint: RunCheckpoint | null } | null {
  if (run.state === 'running') return null;
  if (run.state === 'diverged' || run.state === 'error' || run.step === 0) return { checkpoint: c };
  return c && c.step === run.step ? { checkpoint: c } : null;
}
