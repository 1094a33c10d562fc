// OURS: the page's own training loop (Runner from src/worker/runner.ts, driven through its emit callback),
// timed from its metrics events; kernels per step come from a separate Trainer profiled for one step.
import type { MnistData } from '../../src/engine/mnist';
import { hyperParamsOf, type HyperParams } from '../../src/shared/settings';
import { Trainer, type TrainerConfig, type TrainerKernels } from '../../src/engine/trainer';
import type { Command, WorkerEvent } from '../../src/protocol';
import { programLaunches } from '../../src/engine/webgl/run';
import { Runner } from '../../src/worker/runner';
import type { Job, RunResult } from './jobs';
import { kernelsOf, numTensors, type Probe } from './probes';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import { REFERENCE_NET } from '../helpers/net';

/** The recipe's hyperparameters (Adam η 0.001). */
const HYPER: HyperParams = hyperParamsOf(settingsOf(DEFAULT_CONFIG));

const LANE = 'a';

/** A one-lane run, as the page sends it for a single optimizer. */
function resetOf(job: Job, runId: number): Extract<Command, { type: 'reset' }> {
  return {
    type: 'reset',
    runId,
    shared: {
      batchSize: job.batchSize,
      epochs: job.epochs,
      preprocessing: 'scale',
      seed: 1,
      ...REFERENCE_NET,
      model: job.model ?? REFERENCE_NET.model,
    },
    lanes: Array.from({ length: job.lanes ?? 1 }, (_, i) => ({
      lane: `${LANE}${i}`,
      initial: { ...HYPER, optimizer: job.laneOptimizers?.[i] ?? job.optimizer },
      timeline: [],
    })),
  };
}

type Measured = Pick<
  RunResult,
  | 'steps'
  | 'ms'
  | 'readSyncs'
  | 'tensorsBefore'
  | 'tensorsAfter'
  | 'tensorSteps'
  | 'testAccuracy'
  | 'epochsTrained'
> & {
  programs: number;
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Resolves once the Runner's chunk loop has exited after a pause or the end, so nothing else runs on the
 * GPU while we profile or start the next run. The Runner has no public signal for it, so this peeks at
 * its private `loopActive` flag, and waits a quiet second if that ever goes away.
 */
async function loopExited(runner: Runner): Promise<void> {
  const r = runner as unknown as { loopActive?: unknown };
  if (typeof r.loopActive !== 'boolean') return sleep(1_000);
  for (let waited = 0; r.loopActive && waited < 60_000; waited += 10) await sleep(10);
}

/** Trains with the Runner until the job's window or epochs are done; resolves once its loop has let go. */
function measure(
  job: Job,
  data: MnistData,
  kernels: TrainerKernels,
  probe: Probe,
  log: (s: string) => void,
): Promise<Measured> {
  return new Promise((resolve, reject) => {
    // Constructed as src/worker/worker.ts does it (data, emit, backend fast paths).
    const runner = new Runner(data, (e) => onEvent(e), {
      kernels,
      ...(job.ablation === 'no-checkpoints' ? { checkpointMs: Infinity } : {}),
      ...(job.ablation === 'no-internals' ? { internals: false } : {}),
    });
    const afterLoopTurn = () => loopExited(runner);
    let runId = 1;
    let phase: 'warmup' | 'measure' | 'test' | 'leak' | 'done' = 'warmup';
    let t0 = 0;
    let s0 = 0;
    let lastLog = 0;
    const m: Measured = {
      steps: 0,
      ms: 0,
      readSyncs: 0,
      programs: 0,
      tensorsBefore: 0,
      tensorsAfter: 0,
      tensorSteps: 0,
      testAccuracy: null,
      epochsTrained: null,
    };
    let leakTarget = 0;
    const finish = (): void => {
      phase = 'done';
      runner.handle({ type: 'pause', runId });
      void afterLoopTurn().then(() => {
        runner.dispose();
        resolve(m);
      });
    };
    // The worker is terminated after a failed job, so the paused runner is simply left behind.
    const fail = (err: unknown): void => {
      if (phase === 'done') return;
      phase = 'done';
      runner.handle({ type: 'pause', runId });
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    const endWindow = (step: number): void => {
      m.ms = performance.now() - t0;
      probe.stop();
      m.steps = step - s0;
      m.readSyncs = probe.readSyncs;
      m.programs = probe.programs;
    };

    function onEvent(e: WorkerEvent): void {
      try {
        if ('runId' in e && e.runId !== runId) return;
        if (e.type === 'state' && e.state === 'diverged')
          throw new Error(`ours diverged: ${e.message ?? ''}`);
        if (e.type === 'laneStopped') throw new Error(`ours diverged: ${e.message}`);
        if (e.type === 'eval' && e.split === 'test' && phase === 'test') m.testAccuracy = e.accuracy;
        if (e.type === 'state' && e.state === 'finished' && phase === 'test') {
          m.epochsTrained = job.epochs;
          if (m.tensorSteps >= job.minLeakSteps) return finish();
          // Leak check: a fresh run (Reset, as the page does) continues until the span reaches minLeakSteps.
          phase = 'leak';
          leakTarget = job.minLeakSteps - m.tensorSteps;
          log(
            `finished (test accuracy ${m.testAccuracy}); leak check: ${leakTarget} more steps after a reset`,
          );
          void afterLoopTurn().then(() => {
            runId = 2;
            runner.handle(resetOf(job, runId));
            runner.handle({ type: 'start', runId });
          });
          return;
        }
        if (e.type !== 'metrics') return;
        const step = e.lanes[0]?.points.at(-1)?.step ?? 0;
        const now = performance.now();
        if (phase === 'warmup' && step >= job.warmupSteps) {
          log(`warm-up done at step ${step}`);
          phase = 'measure';
          t0 = now;
          s0 = step;
          m.tensorsBefore = numTensors();
          probe.start();
        } else if (phase === 'measure') {
          if (now - lastLog > 15_000) {
            lastLog = now;
            log(
              `step ${step}/${e.totalSteps}, ${(((step - s0) * job.batchSize * 1000) / (now - t0)).toFixed(0)} samples/s`,
            );
          }
          const windowDone = job.mode === 'window' && now - t0 >= job.windowMs;
          if (windowDone || step >= e.totalSteps) {
            endWindow(step);
            m.tensorsAfter = numTensors();
            m.tensorSteps = m.steps;
            if (windowDone) return finish();
            phase = 'test';
          }
        } else if (phase === 'leak' && step >= leakTarget) {
          m.tensorsAfter = numTensors();
          m.tensorSteps += step;
          finish();
        }
      } catch (err) {
        fail(err);
      }
    }

    runner.handle(resetOf(job, runId));
    runner.handle({ type: 'start', runId });
    log('runner started');
  });
}

/** `kernels`: the backend fast paths the app's worker hands its Runner (webglKernels on WebGL). */
export async function runOurs(
  job: Job,
  data: MnistData,
  kernels: TrainerKernels,
  probe: Probe,
  log: (s: string) => void,
): Promise<Omit<RunResult, 'renderer' | 'loadMs' | 'totalMs' | 'gpuDataBytes'>> {
  const m = await measure(job, data, kernels, probe, log);
  // Kernels of one step, on a Trainer of its own (tf.profile reads every kernel's output back). Our own
  // WebGL programs bypass the engine, so tf.profile misses them: their launch counter is added.
  // Without instruments: the profiled step (the 4th) would record them, which 9 steps in 10 do not.
  const config: TrainerConfig = {
    settings: { optimizer: job.optimizer, ...HYPER },
    batchSize: job.batchSize,
    epochs: 1,
    preprocessing: 'scale',
    seed: 1,
    model: job.model ?? REFERENCE_NET.model,
    internals: false,
  };
  const t = new Trainer(data, config, undefined, kernels);
  let kernelCount: number;
  let ownPrograms: number;
  try {
    for (let i = 0; i < 3; i++) t.trainStep();
    await t.flushMetrics();
    const launches = programLaunches.count;
    kernelCount = await kernelsOf(() => t.trainStep());
    ownPrograms = programLaunches.count - launches;
    kernelCount += ownPrograms;
    await t.flushMetrics();
  } finally {
    t.dispose();
  }
  return {
    id: job.id,
    impl: 'ours',
    optimizer: job.optimizer,
    model: job.model ?? REFERENCE_NET.model,
    batchSize: job.batchSize,
    mode: job.mode,
    lanes: job.lanes ?? 1,
    ablation: job.ablation ?? null,
    steps: m.steps,
    ms: m.ms,
    samplesPerSec: (m.steps * job.batchSize * 1000) / m.ms,
    msPerStep: m.ms / m.steps,
    kernelsPerStep: kernelCount,
    ownProgramsPerStep: ownPrograms,
    glProgramsPerStep: probe.countsPrograms ? m.programs / m.steps : null,
    readSyncs: m.readSyncs,
    readSyncsPerStep: m.readSyncs / m.steps,
    tensorsBefore: m.tensorsBefore,
    tensorsAfter: m.tensorsAfter,
    tensorGrowth: m.tensorsAfter - m.tensorsBefore,
    tensorSteps: m.tensorSteps,
    testAccuracy: m.testAccuracy,
    epochsTrained: m.epochsTrained,
  };
}
