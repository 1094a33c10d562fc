// Worker entry: owns TensorFlow.js, picks the backend, streams MNIST in, starts the Runner as soon as
// the first training images are there, and routes commands to it.
import { arrivedCount } from '../engine/mnist';
import { DownloadError, fetchByteSource } from '../engine/mnistFetch';
import { MnistLoader } from '../engine/mnistLoader';
import { retryingByteSource } from '../engine/mnistRetry';
import { createWebglKernels, type WebglSetup } from '../engine/webgl/kernels';
import {
  ALIVE_MS,
  assertNever,
  type BackendInfo,
  type Command,
  type TestHookAction,
  type WorkerEvent,
} from '../protocol';
import { TRAIN_COUNT } from '../shared/mnist';
import { loseContext, selectBackend, watchContextLoss } from './backend';
import { CommandGate } from './dataGate';
import { Runner } from './runner';
import { Tuner } from './tune';
import type { TuneCommand } from '../protocol';
import { warmUp } from './warmUp';

interface WorkerScope {
  postMessage(e: WorkerEvent): void;
  onmessage: ((ev: MessageEvent<Command | TuneCommand>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const emit = (e: WorkerEvent) => scope.postMessage(e);
// Stops only when the thread is blocked (or gone): the page tells that from a long wait on the device.
setInterval(() => emit({ type: 'alive' }), ALIVE_MS);

let runner: Runner | null = null;
let testHooks = false;
let loader: MnistLoader | null = null;
let webgl: WebglSetup | null = null;
/** Run commands wait here until the Runner exists and the training images they need have arrived. */
const gate = new CommandGate(TRAIN_COUNT);
/** Tune panel jobs: on all of MNIST (null before), with the same fast paths as the run. */
const tuner = new Tuner(emit, () =>
  loader?.complete ? { data: loader.data, kernels: webgl?.kernels ?? {} } : null,
);

let baseUrl = '';
let backend: BackendInfo | null = null;

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

/**
 * Downloads what is still missing of MNIST, file by file (each retried with backoff); the Runner starts
 * once the labels and the first training images are in, and the rest joins as it arrives.
 */
async function loadData(info: BackendInfo): Promise<void> {
  loader ??= createLoader(info);
  if (loader.complete) return;
  try {
    await loader.load(); // shared with a load already under way, so a second Retry starts nothing new
  } catch (e) {
    if (e instanceof DownloadError) emit({ type: 'downloadFailed', file: e.file, message: e.message });
    else emit({ type: 'fatal', message: (e as Error).message });
  }
}

function createLoader(info: BackendInfo): MnistLoader {
  let last = 0;
  const source = retryingByteSource(fetchByteSource(baseUrl), {
    onRetry: (r) => emit({ type: 'downloadRetry', ...r }),
  });
  const l: MnistLoader = new MnistLoader(source, {
    onProgress: ({ loadedBytes, totalBytes }) => {
      // Progress at most every 1% keeps the message rate low on fast connections.
      if (Math.abs(loadedBytes - last) >= totalBytes / 100 || loadedBytes === totalBytes) {
        last = loadedBytes;
        emit({ type: 'loading', loadedBytes, totalBytes });
      }
    },
    onArrived: () => arrived(l, info),
    onDownload: (part) => {
      if (part.original === 'train-images-idx3-ubyte' && part.from === 0) prepare(info);
    },
  });
  return l;
}

/** A file was checked and is in the loader's buffers: start training on it, or add it to what trains. */
function arrived(l: MnistLoader, info: BackendInfo): void {
  const data = l.data;
  if (!runner && l.trainable) {
    // On WebGL the data goes to the GPU as it arrives; batches are then gathered there by index.
    webgl = info.backend === 'webgl' ? createWebglKernels(data) : null;
    emit({
      type: 'loaded',
      trainCount: data.train.count,
      validationCount: data.validation.count,
      testCount: data.test.count,
      gpuDataBytes: webgl?.dataBytes ?? 0,
    });
    const kernels = webgl ? { kernels: webgl.kernels } : {};
    runner = new Runner(data, emit, { ...kernels, waitForData: (split) => l.whenArrived(split) });
  } else webgl?.sync();
  emit({
    type: 'arrived',
    trainArrived: arrivedCount(data, 'train'),
    trainCount: data.train.count,
    validation: arrivedCount(data, 'validation') > 0,
    test: arrivedCount(data, 'test') > 0,
  });
  release();
}

/**
 * While the first training images download, compiles the first run's programs on WebGL (seconds on a
 * software rasteriser), so its first step does not wait for them once the images are in.
 */
function prepare(info: BackendInfo): void {
  const reset = gate.pendingReset;
  if (info.backend !== 'webgl' || runner || !reset) return;
  const runs = reset.lanes.map((l) => l.initial);
  // A task of its own, so the loader first gets on with the download it just started. Only ever a head
  // start: a failure here shows again, and is reported, when the run itself trains.
  setTimeout(() => void warmUp(reset.shared, runs).catch(() => {}));
}

/** Hands held run commands to the Runner as far as the data allows. */
function release(): void {
  const r = runner;
  if (r && loader) gate.flush(arrivedCount(loader.data, 'train'), (cmd) => r.handle(cmd));
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
      if (backend && loader) void loadData(backend);
      break;
    case 'testHook':
      testHook(cmd.action);
      break;
    case 'tune':
    case 'cancelTune':
      tuner.handle(cmd);
      break;
    case 'reset':
    case 'start':
    case 'pause':
    case 'step':
    case 'change':
    case 'follow':
    case 'predict':
    case 'classify':
      gate.push(cmd);
      release();
      break;
    default:
      assertNever(cmd);
  }
};
