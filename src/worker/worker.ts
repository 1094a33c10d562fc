// Worker entry: owns TensorFlow.js, picks the backend, loads MNIST, and routes commands to the Runner.
import { loadMnist } from '../engine/mnist';
import { fetchByteSource } from '../engine/mnistFetch';
import { webglKernels } from '../engine/webgl/kernels';
import { assertNever, type Command, type WorkerEvent } from '../protocol';
import { selectBackend } from './backend';
import { Runner } from './runner';

interface WorkerScope {
  postMessage(e: WorkerEvent): void;
  onmessage: ((ev: MessageEvent<Command>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const emit = (e: WorkerEvent) => scope.postMessage(e);

let runner: Runner | null = null;
/** Commands that arrive while data loads are replayed once the Runner exists. */
const queued: Exclude<Command, { type: 'init' }>[] = [];

async function init(baseUrl: string, softwareWebgl: boolean): Promise<void> {
  try {
    const info = await selectBackend(softwareWebgl);
    emit({ type: 'backend', info });
    let last = 0;
    const data = await loadMnist(fetchByteSource(baseUrl), ({ loadedBytes, totalBytes }) => {
      // Progress at most every 1% keeps the message rate low on fast connections.
      if (loadedBytes - last >= totalBytes / 100 || loadedBytes === totalBytes) {
        last = loadedBytes;
        emit({ type: 'loading', loadedBytes, totalBytes });
      }
    });
    emit({
      type: 'loaded',
      trainCount: data.train.count,
      validationCount: data.validation.count,
      testCount: data.test.count,
    });
    runner = new Runner(data, emit, info.backend === 'webgl' ? { kernels: webglKernels } : {});
    for (const cmd of queued.splice(0)) runner.handle(cmd);
  } catch (e) {
    emit({ type: 'fatal', message: (e as Error).message });
  }
}

scope.onmessage = (ev) => {
  const cmd = ev.data;
  switch (cmd.type) {
    case 'init':
      void init(cmd.baseUrl, cmd.softwareWebgl);
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
