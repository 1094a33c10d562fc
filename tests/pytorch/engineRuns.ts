// The page's side of the comparison: an experiment trained by the worker's Runner on the tfjs CPU
// backend (same lanes, shared batches and timeline replay as in the browser), its events collected.
import type { MnistData } from '../../src/engine/mnist';
import type { Experiment } from '../../src/experiment/types';
import type { WorkerEvent } from '../../src/protocol';
import type { MetricPoint } from '../../src/shared/metrics';
import type { PoolChange, PoolHistory } from '../../src/shared/pool';
import { Runner } from '../../src/worker/runner';

export interface EngineRun {
  /** Per run, in the experiment's order: every step's point. */
  points: MetricPoint[][];
  events: WorkerEvent[];
  /** The pools the run drew from: those it was given, then the growths it posted. */
  pool: PoolChange[];
}

/**
 * Trains `e` to the end, or (with `steps`) until the runs still training have reported that step and
 * the runner has paused (it may have trained a few steps more: its chunks run on).
 */
export async function engineRun(
  data: MnistData,
  e: Experiment,
  { steps, pool }: { steps?: number; pool?: PoolHistory } = {},
): Promise<EngineRun> {
  const events: WorkerEvent[] = [];
  const runner = new Runner(data, (x) => events.push(x), { internals: false, checkpointMs: Infinity });
  const lanes = e.runs.map((r) => ({ lane: r.id, initial: r.initial, timeline: r.timeline }));
  const points = () =>
    e.runs.map((r) =>
      events.flatMap((x) =>
        x.type === 'metrics' ? x.lanes.filter((l) => l.lane === r.id).flatMap((l) => l.points) : [],
      ),
    );
  const until = async (done: () => boolean) => {
    while (!done()) {
      const error = events.find((x) => x.type === 'state' && x.state === 'error');
      if (error) throw new Error(`the runner failed: ${JSON.stringify(error)}`);
      await new Promise((r) => setTimeout(r, 2));
    }
  };
  const state = (s: string) => () => events.some((x) => x.type === 'state' && x.state === s);
  try {
    runner.handle({ type: 'reset', runId: 1, shared: e.shared, lanes, ...(pool ? { pool } : {}) });
    runner.handle({ type: 'start', runId: 1 });
    if (steps === undefined) await until(state('finished'));
    else {
      // Lanes step together; one that diverged stops reporting (all of them: the run is 'diverged').
      const reached = () => Math.max(...points().map((p) => p.at(-1)?.step ?? 0)) >= steps;
      await until(() => reached() || state('diverged')());
      runner.handle({ type: 'pause', runId: 1 });
      await until(() => state('paused')() || state('diverged')());
    }
    // A pause lets the chunk in flight finish reporting.
    await new Promise((r) => setTimeout(r, 20));
  } finally {
    runner.dispose();
  }
  const posted = events.flatMap((x) => (x.type === 'pool' ? [{ step: x.step, images: x.images }] : []));
  return { points: points(), events, pool: [...(pool?.changes ?? []), ...posted] };
}
