// Worker entry: owns TensorFlow.js, picks the backend, loads MNIST, and routes commands to the Runner.
import { loadMnist } from '../engine/mnist';
import { DownloadError, fetchByteSource } from '../engine/mnistFetch';
import { retryingByteSource } from '../engine/mnistRetry';
import { createWebglKernels } from '../engine/webgl/kernels';
import {
  assertNever,
  type BackendInfo,
  type Command,
  type TestHookAction,
  type WorkerEvent,
} from '../protocol';
import { loseContext, selectBackend, watchContextLoss } from './backend';
import { Runner, type RunCommand } from './runner';

interface WorkerScope {
  postMessage(e: WorkerEvent): void;
  onmessage: ((ev: MessageEvent<Command>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const emit = (e: WorkerEvent) => scope.postMessage(e);

let runner: Runner | null = null;
let testHooks = false;
/** Commands that arrive while data loads are replayed once the Runner exists. */
const queued: RunCommand[] = [];

let baseUrl = '';
let backend: BackendInfo | null = null;
/** True while MNIST downloads, so a second Retry does not start a parallel load. */
let loading = false;

async function init(base: string, softwareWebgl: boolean): Promise<void> {
  baseUrl = base;
  try {
    backend = await selectBackend(softwareWebgl);
    emit({ type: 'backend', info: backend });
    watchContextLoss(() => {
      runner?.halt();
      emit({ type: 'gpuLost', step: runner?.step ?? 0 });
    });
  } catch (e) {
    emit({ type: 'fatal', message: (e as Error).message });
    return;
  }
  await loadData(backend);
}

/** Downloads and checks MNIST (each file retried with backoff), then starts the Runner. */
async function loadData(info: BackendInfo): Promise<void> {
  if (loading || runner) return;
  loading = true;
  try {
    let last = 0;
    const source = retryingByteSource(fetchByteSource(baseUrl), {
      onRetry: (r) => emit({ type: 'downloadRetry', ...r }),
    });
    const data = await loadMnist(source, ({ loadedBytes, totalBytes }) => {
      // Progress at most every 1% keeps the message rate low on fast connections.
      if (Math.abs(loadedBytes - last) >= totalBytes / 100 || loadedBytes === totalBytes) {
        last = loadedBytes;
        emit({ type: 'loading', loadedBytes, totalBytes });
      }
    });
    // On WebGL the data goes to the GPU once; batches are then gathered there by index.
    const webgl = info.backend === 'webgl' ? createWebglKernels(data) : null;
    emit({
      type: 'loaded',
      trainCount: data.train.count,
      validationCount: data.validation.count,
      testCount: data.test.count,
      gpuDataBytes: webgl?.dataBytes ?? 0,
    });
    runner = new Runner(data, emit, webgl ? { kernels: webgl.kernels } : {});
    for (const cmd of queued.splice(0)) runner.handle(cmd);
  } catch (e) {
    if (e instanceof DownloadError) emit({ type: 'downloadFailed', file: e.file, message: e.message });
    else emit({ type: 'fatal', message: (e as Error).message });
  } finally {
    loading = false;
  }
}

function testHook(action: TestHookAction): void {
  if (!testHooks) return;
  if (action === 'loseContext') loseContext();
  // Thrown from a timer so it escapes every handler, as a real bug would.
  else
    setTimeout(() => {
      throw new Error('test hook: the worker crashed');
    });
}

scope.onmessage = (ev) => {
  const cmd = ev.data;
  switch (cmd.type) {
    case 'init':
      testHooks = cmd.testHooks;
      void init(cmd.baseUrl, cmd.softwareWebgl);
      break;
    case 'interaction':
      runner?.setInteracting(cmd.active);
      break;
    case 'retryLoad':
      if (backend) void loadData(backend);
      break;
    case 'testHook':
      testHook(cmd.action);
      break;
    case 'reset':
    case 'start':
    case 'pause':
    case 'step':
    case 'change':
      if (runner) runner.handle(cmd);
      else queued.push(cmd);
      break;
    default:
      assertNever(cmd);
  }
};
