// Starts the training worker and is the page's only way to talk to it. Events of stale runs
// (after a Reset) are dropped here, so the rest of the page never sees them.
import type { Command, TuneCommand, WorkerEvent } from '../protocol';

export interface TrainingClient {
  send(cmd: Command | TuneCommand): void;
  /** Makes `runId` current: from now on only its events (and run-less events) are delivered. */
  setCurrentRun(runId: number): void;
  terminate(): void;
}

export function createTrainingClient(
  onEvent: (e: WorkerEvent) => void,
  onCrash: (message: string) => void,
): TrainingClient {
  const worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' });
  let current = 0;
  worker.onmessage = (ev: MessageEvent<WorkerEvent>) => {
    const e = ev.data;
    if ('runId' in e && e.runId !== current) return;
    onEvent(e);
  };
  worker.onerror = (ev) => {
    ev.preventDefault();
    onCrash(`The training worker stopped: ${ev.message || 'it could not be loaded'}`);
  };
  return {
    send: (cmd) => worker.postMessage(cmd),
    setCurrentRun: (runId) => {
      current = runId;
    },
    terminate: () => worker.terminate(),
  };
}
