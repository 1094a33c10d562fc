// Faster CPU kernels for the CNN's convolutions and pooling gradient. The CPU backend's own read or write
// every element through TensorBuffer.get/set: its filter gradient alone took about 9 s a step for the
// CNN's second layer at batch 32, which made the CNN untrainable on the CPU fallback and in Node tests.
// These walk the typed arrays directly and skip zero operands (ReLU outputs, blank pixels); each falls
// back to the library's kernel for what it does not cover (channels-first data, dilation).
import * as tf from '@tensorflow/tfjs-core';
import { backend_util, type KernelFunc, type TensorInfo } from '@tensorflow/tfjs-core';

/** The slice of MathBackendCPU the kernels use (the class is not imported: the CPU backend loads lazily). */
interface CpuBackend {
  data: { get(dataId: object): { values: ArrayLike<number> } };
  makeTensorInfo(shape: number[], dtype: 'float32', values: Float32Array): TensorInfo;
}

type Shape4 = [number, number, number, number];
interface ConvAttrs {
  strides: number | [number, number];
  pad: 'same' | 'valid' | number | backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape?: Shape4;
  inputShape?: Shape4;
}

/**
 * The geometry shared by a convolution and its two gradients: for each output position p of an image,
 * the filter taps that reach inside it, as (x offset in the image, W offset) pairs xOff[t], wOff[t]
 * for t in from[p] … from[p+1] − 1.
 * x[image + xOff + ci], y[(b·positions + p)·outChannels + co] and W[wOff + ci·outChannels + co] are
 * the operands of one product. Null: not covered (channels-first, dilated).
 */
function convGeometry(xShape: Shape4, filterShape: Shape4, a: ConvAttrs) {
  const format = backend_util.convertConv2DDataFormat(a.dataFormat);
  const info = backend_util.computeConv2DInfo(
    xShape,
    filterShape,
    a.strides,
    a.dilations ?? 1,
    a.pad,
    a.dimRoundingMode,
    false,
    format,
  );
  if (info.dataFormat !== 'channelsLast' || info.dilationHeight !== 1 || info.dilationWidth !== 1)
    return null;
  const { inHeight, inWidth, inChannels, outHeight, outWidth, outChannels } = info;
  const from = new Int32Array(outHeight * outWidth + 1);
  const xOff: number[] = [];
  const wOff: number[] = [];
  for (let oy = 0; oy < outHeight; oy++)
    for (let ox = 0; ox < outWidth; ox++) {
      for (let fy = 0; fy < info.filterHeight; fy++) {
        const iy = oy * info.strideHeight + fy - info.padInfo.top;
        if (iy < 0 || iy >= inHeight) continue;
        for (let fx = 0; fx < info.filterWidth; fx++) {
          const ix = ox * info.strideWidth + fx - info.padInfo.left;
          if (ix < 0 || ix >= inWidth) continue;
          xOff.push((iy * inWidth + ix) * inChannels);
          wOff.push((fy * info.filterWidth + fx) * inChannels * outChannels);
        }
      }
      from[oy * outWidth + ox + 1] = xOff.length;
    }
  return {
    info,
    ci: inChannels,
    co: outChannels,
    positions: outHeight * outWidth,
    imageSize: inHeight * inWidth * inChannels,
    from,
    xOff: Int32Array.from(xOff),
    wOff: Int32Array.from(wOff),
  };
}

/** The library's kernels, kept for what ours leave to them. */
const library = new Map<string, KernelFunc>();
const values = (args: Parameters<KernelFunc>[0], t: TensorInfo) =>
  (args.backend as unknown as CpuBackend).data.get(t.dataId).values;
const output = (args: Parameters<KernelFunc>[0], shape: number[], acc: Float64Array) =>
  (args.backend as unknown as CpuBackend).makeTensorInfo(shape, 'float32', Float32Array.from(acc));

// Sums run in float64, as the library's kernels do, and are rounded once.
const KERNELS: Record<string, KernelFunc> = {
  /** y[b, oy, ox, co] = Σ x[b, iy, ix, ci]·W[fy, fx, ci, co]. */
  Conv2D: (args) => {
    const { x, filter } = args.inputs as { x: TensorInfo; filter: TensorInfo };
    const g = convGeometry(x.shape as Shape4, filter.shape as Shape4, args.attrs as unknown as ConvAttrs);
    if (!g) return library.get('Conv2D')!(args);
    const [xs, ws] = [values(args, x), values(args, filter)];
    const { ci, co, from, xOff, wOff } = g;
    const acc = new Float64Array(g.info.outShape.reduce((p, n) => p * n, 1));
    for (let b = 0; b < g.info.batchSize; b++)
      for (let p = 0; p < g.positions; p++) {
        const yAt = (b * g.positions + p) * co;
        for (let t = from[p]!; t < from[p + 1]!; t++) {
          const xAt = b * g.imageSize + xOff[t]!;
          for (let i = 0; i < ci; i++) {
            const v = xs[xAt + i]!;
            if (v === 0) continue;
            const w = wOff[t]! + i * co;
            for (let o = 0; o < co; o++) acc[yAt + o]! += v * ws[w + o]!;
          }
        }
      }
    return output(args, g.info.outShape, acc);
  },
  /** ∂/∂W[fy, fx, ci, co] = Σ over batch and output positions of x[b, iy, ix, ci]·dy[b, oy, ox, co]. */
  Conv2DBackpropFilter: (args) => {
    const { x, dy } = args.inputs as { x: TensorInfo; dy: TensorInfo };
    const a = args.attrs as unknown as ConvAttrs;
    const g = convGeometry(x.shape as Shape4, a.filterShape!, a);
    if (!g) return library.get('Conv2DBackpropFilter')!(args);
    const [xs, gs] = [values(args, x), values(args, dy)];
    const { ci, co, from, xOff, wOff } = g;
    const acc = new Float64Array(a.filterShape!.reduce((p, n) => p * n, 1));
    for (let b = 0; b < g.info.batchSize; b++)
      for (let p = 0; p < g.positions; p++) {
        const yAt = (b * g.positions + p) * co;
        for (let t = from[p]!; t < from[p + 1]!; t++) {
          const xAt = b * g.imageSize + xOff[t]!;
          for (let i = 0; i < ci; i++) {
            const v = xs[xAt + i]!;
            if (v === 0) continue;
            const w = wOff[t]! + i * co;
            for (let o = 0; o < co; o++) acc[w + o]! += v * gs[yAt + o]!;
          }
        }
      }
    return output(args, a.filterShape!, acc);
  },
  /** ∂/∂x[b, iy, ix, ci] = Σ over the outputs it feeds of dy[b, oy, ox, co]·W[fy, fx, ci, co]. */
  Conv2DBackpropInput: (args) => {
    const { dy, filter } = args.inputs as { dy: TensorInfo; filter: TensorInfo };
    const a = args.attrs as unknown as ConvAttrs;
    const g = convGeometry(a.inputShape!, filter.shape as Shape4, a);
    if (!g) return library.get('Conv2DBackpropInput')!(args);
    const [gs, ws] = [values(args, dy), values(args, filter)];
    const { ci, co, from, xOff, wOff } = g;
    const acc = new Float64Array(a.inputShape!.reduce((p, n) => p * n, 1));
    for (let b = 0; b < g.info.batchSize; b++)
      for (let p = 0; p < g.positions; p++) {
        const yAt = (b * g.positions + p) * co;
        for (let t = from[p]!; t < from[p + 1]!; t++) {
          const xAt = b * g.imageSize + xOff[t]!;
          for (let o = 0; o < co; o++) {
            const d = gs[yAt + o]!;
            if (d === 0) continue;
            const w = wOff[t]! + o;
            for (let i = 0; i < ci; i++) acc[xAt + i]! += d * ws[w + i * co]!;
          }
        }
      }
    return output(args, a.inputShape!, acc);
  },
  /** Each window's dy goes to its first largest input, in the window's row-major order (as the library). */
  MaxPoolGrad: (args) => {
    const { dy, input } = args.inputs as { dy: TensorInfo; input: TensorInfo };
    const a = args.attrs as unknown as { filterSize: number | [number, number] } & ConvAttrs;
    const info = backend_util.computePool2DInfo(
      input.shape as Shape4,
      a.filterSize,
      a.strides,
      1,
      a.pad,
      a.dimRoundingMode,
    );
    const [xs, gs] = [values(args, input), values(args, dy)];
    const { batchSize, inHeight, inWidth, inChannels: c, outHeight, outWidth } = info;
    const acc = new Float64Array(input.shape.reduce((p, n) => p * n, 1));
    for (let b = 0; b < batchSize; b++)
      for (let oy = 0; oy < outHeight; oy++)
        for (let ox = 0; ox < outWidth; ox++)
          for (let ch = 0; ch < c; ch++) {
            let best = -Infinity;
            let at = -1;
            for (let fy = 0; fy < info.filterHeight; fy++) {
              const iy = oy * info.strideHeight + fy - info.padInfo.top;
              if (iy < 0 || iy >= inHeight) continue;
              for (let fx = 0; fx < info.filterWidth; fx++) {
                const ix = ox * info.strideWidth + fx - info.padInfo.left;
                if (ix < 0 || ix >= inWidth) continue;
                const i = ((b * inHeight + iy) * inWidth + ix) * c + ch;
                if (xs[i]! > best) [best, at] = [xs[i]!, i];
              }
            }
            if (at >= 0) acc[at]! += gs[((b * outHeight + oy) * outWidth + ox) * c + ch]!;
          }
    return output(args, input.shape, acc);
  },
};

/**
 * Puts these kernels in place of the CPU backend's, once. Call with the CPU backend active: it registers
 * its kernels when it loads, which would replace ones registered before.
 */
export function useFastCpuKernels(): void {
  for (const [kernelName, kernelFunc] of Object.entries(KERNELS)) {
    const current = tf.getKernel(kernelName, 'cpu');
    if (!current || current.kernelFunc === kernelFunc) continue;
    library.set(kernelName, current.kernelFunc);
    tf.unregisterKernel(kernelName, 'cpu');
    tf.registerKernel({ kernelName, backendName: 'cpu', kernelFunc });
  }
}
