// Worker entry: owns TensorFlow.js, picks the backend, loads MNIST, and routes commands to the Runner.
import { loadMnist } from '../engine/mnist';
import { fetchByteSource } from '../engine/mnistFetch';
import { createWebglKernels } from '../engine/webgl/kernels';
import { assertNever, type Command, type TestHookAction, type WorkerEvent } from '../protocol';
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

async function init(baseUrl: string, softwareWebgl: boolean): Promise<void> {
  try {
    const info = await selectBackend(softwareWebgl);
    emit({ type: 'backend', info });
    watchContextLoss(() => {
      runner?.halt();
      emit({ type: 'gpuLost', step: runner?.step ?? 0 });
    });
    let last = 0;
    const data = await loadMnist(fetchByteSource(baseUrl), ({ loadedBytes, totalBytes }) => {
      // Progress at most every 1% keeps the message rate low on fast connections.
      if (loadedBytes - last >= totalBytes / 100 || loadedBytes === totalBytes) {
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
    emit({ type: 'fatal', message: (e as Error).message });
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
