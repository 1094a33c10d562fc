// Streams MNIST part by part (mnistFiles.ts) into full-size buffers: each part is checked (size,
// SHA-256, IDX header) and copied in, and only then counted as arrived, so training can start on the
// first part while the rest downloads. After a failed download, load() again fetches only what is missing.
import type { EvalSplit } from '../shared/metrics';
import { IMAGE_PIXELS, TRAIN_COUNT, TRAIN_FILE_COUNT } from '../shared/mnist';
import { parseIdxImages, parseIdxLabels } from './idx';
import { arrivedCount, verifyFile, type Arrival, type LoadProgress, type MnistData } from './mnist';
import {
  MNIST_PARTS,
  type MnistByteSource,
  type MnistFileInfo,
  type MnistOriginal,
  type MnistPart,
} from './mnistFiles';

const TEST_COUNT = 10_000;

export interface LoaderEvents {
  onProgress?(p: LoadProgress): void;
  /** `part` is checked and in `data` (its arrival already counts it); runs before waiters resume. */
  onArrived?(part: MnistPart): void;
  /** `part` has been requested (its download is under way). */
  onDownload?(part: MnistPart): void;
}

export class MnistLoader {
  /** Filled as parts arrive; `arrival` says how far. The training file's buffers back train and validation. */
  readonly data: MnistData;
  private readonly arrival: Arrival = { train: 0, validation: false, test: false };
  private readonly trainFile = {
    images: new Uint8Array(TRAIN_FILE_COUNT * IMAGE_PIXELS),
    labels: new Uint8Array(TRAIN_FILE_COUNT),
  };
  private readonly done = new Set<string>();
  private readonly loaded = new Map<string, number>();
  private waiters: { split: 'train' | EvalSplit; resolve: () => void }[] = [];
  private running: Promise<void> | null = null;

  constructor(
    private readonly source: MnistByteSource,
    private readonly events: LoaderEvents = {},
  ) {
    const { images, labels } = this.trainFile;
    const view = (from: number, to: number) => ({
      images: images.subarray(from * IMAGE_PIXELS, to * IMAGE_PIXELS),
      labels: labels.subarray(from, to),
      count: to - from,
    });
    this.data = {
      train: view(0, TRAIN_COUNT),
      validation: view(TRAIN_COUNT, TRAIN_FILE_COUNT),
      test: {
        images: new Uint8Array(TEST_COUNT * IMAGE_PIXELS),
        labels: new Uint8Array(TEST_COUNT),
        count: TEST_COUNT,
      },
      arrival: this.arrival,
    };
  }

  /** Training can start: the labels and the first part of the training images are in. */
  get trainable(): boolean {
    return this.arrival.train > 0;
  }

  get complete(): boolean {
    return this.done.size === MNIST_PARTS.length;
  }

  /**
   * Downloads every part still missing, in order; the next download runs while the current part is
   * checked. Resolves once everything has arrived; rejects with the first failure (a DownloadError
   * for the network, a plain Error naming the file for bad bytes). Concurrent calls share one load.
   */
  load(): Promise<void> {
    this.running ??= this.loadMissing().finally(() => (this.running = null));
    return this.running;
  }

  /** Resolves once `split` is there in full, after onArrived has seen it. */
  whenArrived(split: 'train' | EvalSplit): Promise<void> {
    if (arrivedCount(this.data, split) === this.data[split].count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ split, resolve }));
  }

  private async loadMissing(): Promise<void> {
    const manifest = await this.source.manifest();
    const infos = MNIST_PARTS.map((part) => {
      const info = manifest.files.find((f) => f.name === part.name);
      if (!info) throw new Error(`MNIST manifest has no entry for ${part.name}`);
      return { part, info };
    });
    const totalBytes = infos.reduce((s, f) => s + f.info.gzBytes, 0);
    const todo = infos.filter((f) => !this.done.has(f.part.name));
    const read = ({ part, info }: { part: MnistPart; info: MnistFileInfo }) => {
      const bytes = this.source.read(info, (n) => {
        this.loaded.set(info.name, n);
        let sum = 0;
        for (const v of this.loaded.values()) sum += v;
        this.events.onProgress?.({ loadedBytes: sum, totalBytes });
      });
      bytes.catch(() => {}); // awaited in turn below; a failure ahead of its turn must not go unhandled
      this.events.onDownload?.(part);
      return bytes;
    };
    let next = todo[0] && read(todo[0]);
    for (const [k, { part, info }] of todo.entries()) {
      const bytes = await next!;
      next = todo[k + 1] && read(todo[k + 1]!);
      await verifyFile(info, bytes);
      this.accept(part, bytes);
    }
  }

  /** Copies a checked part into place and counts it; parts are accepted in MNIST_PARTS order. */
  private accept(part: MnistPart, bytes: Uint8Array): void {
    const expected = part.to - part.from;
    if (part.kind === 'labels') {
      const labels = parseIdxLabels(bytes, part.name);
      if (labels.length !== expected)
        throw new Error(`${part.name}: has ${labels.length} labels, expected ${expected}`);
      (part.original === 'train-labels-idx1-ubyte' ? this.trainFile.labels : this.data.test.labels).set(
        labels,
      );
    } else {
      const images = parseIdxImages(bytes, part.name);
      if (images.count !== expected)
        throw new Error(`${part.name}: has ${images.count} images, expected ${expected}`);
      const into =
        part.original === 'train-images-idx3-ubyte' ? this.trainFile.images : this.data.test.images;
      into.set(images.pixels, part.from * IMAGE_PIXELS);
    }
    this.done.add(part.name);
    this.count();
    this.events.onArrived?.(part);
    const ready = this.waiters.filter((w) => arrivedCount(this.data, w.split) === this.data[w.split].count);
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }

  /** Recounts what may be used: the training prefix up to the first part still missing, and a held-out split once all its files are in. */
  private count(): void {
    const has = (p: MnistPart) => this.done.has(p.name);
    const of = (original: MnistOriginal) => MNIST_PARTS.filter((p) => p.original === original);
    const labels = of('train-labels-idx1-ubyte').every(has);
    const images = of('train-images-idx3-ubyte');
    const missing = images.find((p) => !has(p));
    // The labels come first, so every counted image has its label.
    this.arrival.train = labels ? Math.min(missing?.from ?? TRAIN_COUNT, TRAIN_COUNT) : 0;
    this.arrival.validation = labels && images.filter((p) => p.to > TRAIN_COUNT).every(has);
    this.arrival.test = [...of('t10k-images-idx3-ubyte'), ...of('t10k-labels-idx1-ubyte')].every(has);
  }
}

/** Every file downloaded and checked before it resolves: the whole dataset, as a run started later sees it. */
export async function loadMnist(
  source: MnistByteSource,
  onProgress?: (p: LoadProgress) => void,
): Promise<MnistData> {
  const loader = new MnistLoader(source, { onProgress });
  await loader.load();
  const { train, validation, test } = loader.data;
  return { train, validation, test };
}
