// Backend choice for the worker: WebGL first, CPU as an announced fallback, and what we found out.
import * as tf from '@tensorflow/tfjs-core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
// A backend registers itself on import. The worker loads tfjs-core and WebGL up front, and the CPU
// backend only when it falls back to it (a chunk of its own); the umbrella @tensorflow/tfjs would also
// bundle layers, converter and data, which the worker never uses.
import '@tensorflow/tfjs-backend-webgl';
// Tensor methods that run an op (t.reshape(…)) exist only once registered, which tfjs-core leaves to the
// umbrella package: the worker registers the ones the engine calls (all of them would add 190 kB).
// tests/architecture/tensorMethods.test.ts fails when the engine calls one not listed here.
import '@tensorflow/tfjs-core/dist/public/chained_ops/reshape';
import type { BackendInfo } from '../protocol';

function webglDetails(): { renderer: string; float32: boolean } {
  const gl = (tf.backend() as MathBackendWebGL).gpgpu.gl;
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  return { renderer, float32: tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED') };
}

/**
 * `softwareWebgl` lets tfjs accept a software rasterizer (SwiftShader in headless test browsers);
 * the product default keeps tfjs's own judgement, which refuses GL marked as a major performance caveat.
 */
export async function selectBackend(softwareWebgl: boolean): Promise<BackendInfo> {
  if (softwareWebgl) tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  let reason = 'this browser could not start WebGL';
  try {
    if (await tf.setBackend('webgl')) {
      await tf.ready();
      const info = webglDetails();
      if (info.float32) return { backend: 'webgl', ...info };
      reason = 'WebGL has no float32 render targets, which training needs';
    }
  } catch (e) {
    reason = `WebGL failed to start: ${(e as Error).message}`;
  }
  await import('@tensorflow/tfjs-backend-cpu');
  await tf.setBackend('cpu');
  await tf.ready();
  return { backend: 'cpu', renderer: 'CPU (JavaScript)', float32: true, fallbackReason: reason };
}

function webglContext(): WebGLRenderingContext | WebGL2RenderingContext | null {
  if (tf.getBackend() !== 'webgl') return null;
  return (tf.backend() as MathBackendWebGL).gpgpu.gl;
}

/**
 * Calls `onLost` once if the WebGL context goes (driver reset, GPU switch, a phone reclaiming memory).
 * The backend cannot carry on after that; the page restarts training in a new worker.
 */
export function watchContextLoss(onLost: () => void): void {
  const canvas = webglContext()?.canvas;
  if (!canvas) return;
  let fired = false;
  canvas.addEventListener('webglcontextlost', (ev) => {
    ev.preventDefault();
    if (fired) return;
    fired = true;
    onLost();
  });
}

/** Test hook: loses the WebGL context as a driver reset would. */
export function loseContext(): void {
  webglContext()?.getExtension('WEBGL_lose_context')?.loseContext();
}
