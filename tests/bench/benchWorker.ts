// Bench module worker: same backend choice and MNIST loading as the app's worker, then one job (ours or
// peer) measured with the probes; replies with log lines, one result, or an error.
import { loadMnist } from '../../src/engine/mnistLoader';
import { fetchByteSource } from '../../src/engine/mnistFetch';
import { createWebglKernels } from '../../src/engine/webgl/kernels';
import { selectBackend } from '../../src/worker/backend';
import type { MnistData } from '../../src/engine/mnist';
import type { TrainerKernels } from '../../src/engine/trainer';
import type { Job, WorkerReply, WorkerRequest } from './jobs';
import { runOurs } from './ours';
import { runPeer } from './peer';
import { runProfile } from './profile';
import { runInsight } from './insightPause';
import { runOptimizerSteps } from './optimizerSteps';
import { runDropoutSteps } from './dropoutSteps';
import { Probe, renderer } from './probes';

interface Scope {
  postMessage(m: WorkerReply): void;
  onmessage: ((ev: MessageEvent<WorkerRequest>) => void) | null;
  addEventListener(type: 'unhandledrejection', fn: (ev: PromiseRejectionEvent) => void): void;
}
const scope = self as unknown as Scope;
const reply = (m: WorkerReply) => scope.postMessage(m);
const log = (text: string) => reply({ type: 'log', text });
const describe = (e: unknown) =>
  e instanceof Error ? `${e.message}${e.stack ? `\n${e.stack}` : ''}` : String(e);

scope.addEventListener('unhandledrejection', (ev) =>
  reply({ type: 'error', message: `unhandled rejection: ${describe(ev.reason)}` }),
);

/** The job's own measurement, by kind. */
function measureJob(job: Job, data: MnistData, kernels: TrainerKernels, probe: Probe) {
  switch (job.impl) {
    case 'profile':
      return runProfile(job, data, kernels, log);
    case 'insight':
      return runInsight(job, data, kernels, log);
    case 'optimizers':
      return runOptimizerSteps(job, data, kernels, probe, log);
    case 'dropout':
      return runDropoutSteps(job, data, kernels, probe, log);
    case 'ours':
      return runOurs(job, data, kernels, probe, log);
    case 'peer':
      return runPeer(job, data, probe, log);
    default: {
      const never: never = job.impl;
      throw new Error(`unknown job kind ${String(never)}`);
    }
  }
}

async function run({ job, baseUrl }: WorkerRequest): Promise<void> {
  const t0 = performance.now();
  const info = await selectBackend(job.softwareWebgl);
  if (info.backend !== 'webgl') log(`WARNING: not on WebGL (${info.fallbackReason ?? 'unknown reason'})`);
  const data = await loadMnist(fetchByteSource(baseUrl));
  const loadMs = performance.now() - t0;
  log(`${info.backend} backend, MNIST loaded in ${loadMs.toFixed(0)} ms`);
  const probe = new Probe();
  // Ours gets the same fast paths as the app's worker (src/worker/worker.ts) on the same backend.
  const webgl = info.backend === 'webgl' ? createWebglKernels(data) : null;
  if (webgl) log(`MNIST on the GPU: ${(webgl.dataBytes / 1e6).toFixed(1)} MB`);
  const all = webgl?.kernels ?? {};
  // Without batchMaker the trainer uploads host batches, as before batches were gathered on the GPU.
  const kernels = job.ablation === 'host-batches' ? { ...all, batchMaker: undefined } : all;
  const r = await measureJob(job, data, kernels, probe);
  reply({
    type: 'result',
    result: {
      ...r,
      renderer: renderer(),
      loadMs,
      totalMs: performance.now() - t0 - loadMs,
      gpuDataBytes: webgl?.dataBytes ?? 0,
    },
  });
}

scope.onmessage = (ev) => {
  run(ev.data).catch((e: unknown) => reply({ type: 'error', message: describe(e) }));
};
