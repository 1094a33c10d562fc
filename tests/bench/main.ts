// Bench page: runs each job in a fresh module worker (clean WebGL context and tensor count) and hands
// the result to the Node driver, which calls window.runBenchJob through Playwright.
import type { Job, RunResult, WorkerReply, WorkerRequest } from './jobs';

declare global {
  interface Window {
    runBenchJob(job: Job): Promise<RunResult>;
  }
}

window.runBenchJob = (job) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./benchWorker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (ev: MessageEvent<WorkerReply>) => {
      const m = ev.data;
      if (m.type === 'log') {
        console.log(`[bench ${job.id}] ${m.text}`);
        return;
      }
      worker.terminate();
      if (m.type === 'result') resolve(m.result);
      else reject(new Error(`worker (${job.id}): ${m.message}`));
    };
    worker.onerror = (ev) => {
      ev.preventDefault();
      worker.terminate();
      reject(new Error(`worker (${job.id}) crashed: ${ev.message || 'it could not be loaded'}`));
    };
    const req: WorkerRequest = { job, baseUrl: new URL('./', location.href).href };
    worker.postMessage(req);
  });

document.body.dataset.ready = '1';
