// Which network a run trains (the origin article's second lever, 模型选择): its name as links write it,
// its layers, and its size. No tfjs: the page, the link codec, the worker and Node tests share this.
import { IMAGE_PIXELS, IMAGE_SIDE, NUM_CLASSES } from './mnist';

/** Nonlinearity of an MLP's hidden layers. */
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid'] as const;
export type Activation = (typeof ACTIVATIONS)[number];
/** The hidden layers' nonlinearity of the reference recipe, and of links and files that name none. */
export const DEFAULT_ACTIVATION: Activation = 'relu';

/**
 * A model as links write it: `mlp` (softmax regression), `mlp-W1[-W2[-W3]]` (hidden widths 16…1024),
 * or `cnn`. Branded so that only parseModelName (or a literal checked against it) makes one.
 */
export type ModelName = string & { readonly __model: unique symbol };

export type ModelSpec = { kind: 'mlp'; hidden: readonly number[] } | { kind: 'cnn' };

export const MIN_WIDTH = 16;
export const MAX_WIDTH = 1024;
export const MAX_HIDDEN_LAYERS = 3;

/** The reference recipe's network, and what a link without `model` trains. */
export const DEFAULT_MODEL = 'mlp-128' as ModelName;

/** Offered in the Model select; any other MLP can be typed as widths. */
export const MODEL_PRESETS = ['mlp', 'mlp-128', 'mlp-256-128', 'mlp-512-256', 'cnn'] as ModelName[];

/**
 * The CNN: conv 5×5×8 → ReLU → max-pool 2 → conv 5×5×16 → ReLU → max-pool 2 → dense 10, both
 * convolutions with same padding (28 → 14 → 7), 11,274 parameters.
 */
export const CNN = { kernel: 5, filters: [8, 16], pool: 2 } as const;

const MLP_NAME = /^mlp((?:-\d{1,4}){0,3})$/;

/** The spec a name stands for, or null when it is not one (widths out of 16…1024, too many layers). */
export function parseModelName(text: string): ModelSpec | null {
  if (text === 'cnn') return { kind: 'cnn' };
  const m = MLP_NAME.exec(text);
  if (!m) return null;
  const hidden = m[1] === '' ? [] : m[1]!.slice(1).split('-').map(Number);
  if (hidden.some((w) => !Number.isInteger(w) || w < MIN_WIDTH || w > MAX_WIDTH)) return null;
  // Leading zeros ("mlp-0128") would give two names for one model.
  if (modelName({ kind: 'mlp', hidden }) !== text) return null;
  return { kind: 'mlp', hidden };
}

export function isModelName(text: string): text is ModelName {
  return parseModelName(text) !== null;
}

export function modelName(spec: ModelSpec): ModelName {
  return (spec.kind === 'cnn' ? 'cnn' : ['mlp', ...spec.hidden].join('-')) as ModelName;
}

/** The spec of a valid name (DEFAULT_MODEL's for anything else, which validation never lets through). */
export function modelSpec(name: ModelName): ModelSpec {
  return parseModelName(name) ?? { kind: 'mlp', hidden: [128] };
}

/** Shape of each trainable tensor, in the order optimizers see them (kernel, bias per layer). */
export function tensorShapes(spec: ModelSpec): number[][] {
  if (spec.kind === 'cnn') {
    const { kernel: k, filters } = CNN;
    const [f1, f2] = filters;
    const side = IMAGE_SIDE / CNN.pool / CNN.pool;
    return [[k, k, 1, f1], [f1], [k, k, f1, f2], [f2], [side * side * f2, NUM_CLASSES], [NUM_CLASSES]];
  }
  const widths = [IMAGE_PIXELS, ...spec.hidden, NUM_CLASSES];
  return widths.slice(1).flatMap((out, i) => [[widths[i]!, out], [out]]);
}

/** Names of those tensors: `dense1.kernel`, … for an MLP; `conv1.kernel`, …, `dense1.bias` for the CNN. */
export function tensorNames(spec: ModelSpec): string[] {
  const layers =
    spec.kind === 'cnn' ? ['conv1', 'conv2', 'dense1'] : spec.hidden.map((_, i) => `dense${i + 1}`);
  if (spec.kind === 'mlp') layers.push(`dense${spec.hidden.length + 1}`);
  return layers.flatMap((l) => [`${l}.kernel`, `${l}.bias`]);
}

export function parameterCount(spec: ModelSpec): number {
  return tensorShapes(spec).reduce((sum, shape) => sum + shape.reduce((a, b) => a * b, 1), 0);
}

/**
 * Multiply-adds of one image's forward pass: each dense kernel's size, each convolution's kernel size
 * times the pixels it slides over (same padding: the side it is given; pooling halves the side).
 */
export function forwardMacs(spec: ModelSpec): number {
  const shapes = tensorShapes(spec).filter((s) => s.length > 1);
  let side = IMAGE_SIDE;
  let macs = 0;
  for (const shape of shapes) {
    const size = shape.reduce((a, b) => a * b, 1);
    if (shape.length === 4) {
      macs += size * side * side;
      side /= CNN.pool;
    } else macs += size;
  }
  return macs;
}
