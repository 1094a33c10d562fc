// Counters wrapped around the active tfjs backend: blocking reads (readSync) and WebGL programs run,
// plus kernels per step via tf.profile. Installed once per bench worker, after the backend is chosen.
import * as tf from '@tensorflow/tfjs';

interface Countable {
  readSync?: (...args: unknown[]) => unknown;
  runWebGLProgram?: (...args: unknown[]) => unknown;
}

export class Probe {
  readSyncs = 0;
  programs = 0;
  readonly countsPrograms: boolean;
  private active = false;

  constructor() {
    const b = tf.backend() as unknown as Countable;
    const wrap = (key: keyof Countable, bump: () => void): boolean => {
      const orig = b[key];
      if (typeof orig !== 'function') return false;
      b[key] = (...args: unknown[]) => {
        if (this.active) bump();
        return orig.apply(b, args);
      };
      return true;
    };
    wrap('readSync', () => this.readSyncs++);
    this.countsPrograms = wrap('runWebGLProgram', () => this.programs++);
  }

  start(): void {
    this.readSyncs = 0;
    this.programs = 0;
    this.active = true;
  }

  stop(): void {
    this.active = false;
  }
}

/** Number of kernels tf.profile records while `f` runs (one training step). */
export async function kernelsOf(f: () => void | Promise<unknown>): Promise<number> {
  const info = await tf.profile(async () => {
    await f();
  });
  return info.kernels.length;
}

export const numTensors = (): number => tf.memory().numTensors;

export const renderer = (): string => {
  const b = tf.getBackend();
  if (b !== 'webgl') return b;
  const gl = (tf.backend() as unknown as { gpgpu: { gl: WebGLRenderingContext } }).gpgpu.gl;
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  return `webgl: ${String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER))}`;
};
