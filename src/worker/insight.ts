// What the model learned: answers the page's questions about a lane's current weights (its predictions
// on the test set or on the training images given a wrong label, its probabilities for a drawn digit).
// A pass holds the weights of the moment of the request and goes piece by piece, each piece sized to
// take about PIECE_MS on this device, so training goes on between pieces and waits no longer than that
// for one; a pass is reused while the lane's step has not moved (the page filtering the grid of a paused
// run).
import { leverSettings, type Batches, type SplitName } from '../engine/batches';
import type { MnistData } from '../engine/mnist';
import {
  classifyImage,
  confusionMatrix,
  mislabelledCounts,
  pickDigits,
  PIECE_MS,
  pieceImages,
  predictSplit,
  type SplitPredictions,
} from '../engine/predict';
import type { Trainer } from '../engine/trainer';
import { assertNever, type Command, type Predictions, type WorkerEvent } from '../protocol';
import { subsetSize, trainingSet, wrongLabelCount, type TrainingSet } from '../shared/dataLever';
import { IMAGE_PIXELS } from '../shared/mnist';
import { forwardMacs } from '../shared/model';

export type InsightCommand = Extract<Command, { type: 'predict' | 'classify' }>;

/** The grid never asks for more digits than this. */
export const MAX_DIGITS = 200;

/** The images a pass predicts: the test set, or the training images with a wrong label. */
type PassImages = Extract<InsightCommand, { type: 'predict' }>['images'];
type PredictCommand<I extends PassImages> = Extract<InsightCommand, { type: 'predict'; images: I }>;

/** The data lever of a trainer's run, as its batches were made (engine/trainer.ts makeBatches). */
/** The raw bytes of `split`'s images at `indices`, in one buffer of their own (a view would send the whole split). */
function copyImages(data: MnistData, split: SplitName, indices: readonly number[]): Uint8Array {
  const all = data[split].images;
  const images = new Uint8Array(indices.length * IMAGE_PIXELS);
  indices.forEach((t, i) =>
    images.set(all.subarray(t * IMAGE_PIXELS, (t + 1) * IMAGE_PIXELS), i * IMAGE_PIXELS),
  );
  return images;
}

interface Pass {
  images: PassImages;
  runId: number;
  lane: string;
  step: number;
  predictions: Promise<SplitPredictions>;
  /** Told after each piece: the requests waiting on this pass. */
  progress: Set<(done: number, total: number) => void>;
}

export class Insight {
  /** The latest pass over each kind of images, kept for requests at the same step. */
  private readonly last = new Map<PassImages, Pass>();
  /** The training set of the run whose batches these are (the same for all its lanes). */
  private lever: { batches: Batches; set: TrainingSet } | null = null;

  constructor(
    private readonly data: MnistData,
    private readonly emit: (e: WorkerEvent) => void,
    /** The run the worker trains now: answers for another one are not sent. */
    private readonly currentRun: () => number,
    /** The batches of the run now (null once disposed): a pass over others stops at its next piece. */
    private readonly currentBatches: () => Batches | null,
    /** Awaited between two pieces of a pass: training's turn. */
    private readonly yieldToEvents: () => Promise<void>,
  ) {}

  /** `trainer`: the lane's, if the run has it; `batches`: the run's (held-out images included). */
  handle(cmd: InsightCommand, trainer: Trainer | undefined, batches: Batches | null): void {
    switch (cmd.type) {
      case 'predict':
        if (cmd.images === 'test') void this.predict(cmd, trainer, batches);
        else void this.mislabelled(cmd, trainer, batches);
        break;
      case 'classify':
        void this.classify(cmd, trainer);
        break;
      default:
        assertNever(cmd);
    }
  }

  private async predict(
    cmd: PredictCommand<'test'>,
    trainer: Trainer | undefined,
    batches: Batches | null,
  ): Promise<void> {
    const { runId, lane, requestId } = cmd;
    const answer = (result: Predictions) =>
      this.emit({ type: 'predictions', runId, lane, requestId, result });
    if (!trainer || !batches) return answer({ kind: 'noLane' });
    if (!batches.arrived('test')) return answer({ kind: 'waiting' });
    const pass = this.pass('test', cmd, trainer, batches);
    const predictions = await this.outcome(pass, cmd);
    if (!predictions) return;
    const labels = this.data.test.labels.subarray(0, predictions.predicted.length);
    const { indices, matching } = pickDigits(labels, predictions, cmd.cell, this.limit(cmd));
    const lever = leverSettings(trainer.config);
    answer({
      kind: 'ready',
      step: pass.step,
      confusion: confusionMatrix(labels, predictions.predicted),
      digits: indices.map((index) => ({
        index,
        label: labels[index]!,
        predicted: predictions.predicted[index]!,
        confidence: predictions.confidence[index]!,
      })),
      images: copyImages(this.data, 'test', indices),
      matching,
      cell: cmd.cell,
      mislabelled: wrongLabelCount(subsetSize(this.data.train.count, lever.trainImages), lever.labelNoise),
    });
  }

  /** The training images given a wrong label: what the lane predicts for each, the count, the first few. */
  private async mislabelled(
    cmd: PredictCommand<'mislabelled'>,
    trainer: Trainer | undefined,
    batches: Batches | null,
  ): Promise<void> {
    const { runId, lane, requestId } = cmd;
    const answer = (result: Predictions) =>
      this.emit({ type: 'predictions', runId, lane, requestId, result });
    if (!trainer || !batches) return answer({ kind: 'noLane' });
    const set = this.trainingSet(trainer, batches);
    const { changed } = set;
    // Positions of the set are in image order, so those that have arrived are a prefix of it.
    if (changed.length > 0 && batches.maker.available('train') <= changed[changed.length - 1]!)
      return answer({ kind: 'waiting' });
    const pass = this.pass('mislabelled', cmd, trainer, batches, changed);
    const predictions = await this.outcome(pass, cmd);
    if (!predictions) return;
    const trainLabels = this.data.train.labels;
    const truth = Uint8Array.from(changed, (p) => trainLabels[set.indices[p]!]!);
    const given = Uint8Array.from(changed, (p) => set.labels[p]!);
    const shown = Array.from(changed.subarray(0, this.limit(cmd)), (p, k) => ({
      index: set.indices[p]!,
      label: truth[k]!,
      given: given[k]!,
      predicted: predictions.predicted[k]!,
      confidence: predictions.confidence[k]!,
    }));
    answer({
      kind: 'mislabelled',
      step: pass.step,
      total: changed.length,
      ...mislabelledCounts(truth, given, predictions.predicted),
      digits: shown,
      images: copyImages(
        this.data,
        'train',
        shown.map((d) => d.index),
      ),
    });
  }

  private limit(cmd: { limit: number }): number {
    return Math.max(0, Math.min(MAX_DIGITS, Math.floor(cmd.limit)));
  }

  /**
   * The run's training set, as its batches see it (recomputed from the seed once per run: the request
   * comes with the lane, whose trainer knows the run's shared settings).
   */
  private trainingSet(trainer: Trainer, batches: Batches): TrainingSet {
    if (this.lever?.batches !== batches)
      this.lever = { batches, set: trainingSet(this.data.train.labels, leverSettings(trainer.config)) };
    return this.lever.set;
  }

  /** A pass's predictions once done, telling the request its progress; null when there is nothing to send. */
  private async outcome(
    pass: Pass,
    { runId, lane, requestId }: InsightCommand,
  ): Promise<SplitPredictions | null> {
    const progress = (done: number, total: number) => {
      if (runId === this.currentRun()) this.emit({ type: 'predicting', runId, lane, requestId, done, total });
    };
    pass.progress.add(progress);
    try {
      const predictions = await pass.predictions;
      return runId === this.currentRun() ? predictions : null;
    } catch {
      // The device failed (a lost GPU is reported on its own); the next request tries again.
      if (this.last.get(pass.images) === pass) this.last.delete(pass.images);
      return null;
    } finally {
      pass.progress.delete(progress);
    }
  }

  /**
   * The pass over `images` for the lane's weights now: the last one if they have not changed since, else
   * a new one. `positions`: the training set's, for the mislabelled images.
   */
  private pass(
    images: PassImages,
    { runId, lane }: InsightCommand,
    trainer: Trainer,
    batches: Batches,
    positions?: Uint32Array,
  ): Pass {
    const l = this.last.get(images);
    if (l && l.runId === runId && l.lane === lane && l.step === trainer.step) return l;
    const held = trainer.model.hold();
    const progress = new Set<(done: number, total: number) => void>();
    const split = images === 'test' ? 'test' : 'train';
    const total = positions?.length ?? batches.maker.counts[split];
    const predictions = predictSplit(held, batches.maker, split, {
      positions,
      onPiece: (done) => progress.forEach((tell) => tell(done, total)),
      piece: pieceImages(forwardMacs(trainer.model.spec)),
      pieceMs: PIECE_MS,
      cancelled: () => runId !== this.currentRun() || this.currentBatches() !== batches,
      between: this.yieldToEvents,
    });
    void predictions.finally(() => held.dispose()).catch(() => undefined);
    const pass = { images, runId, lane, step: trainer.step, predictions, progress };
    this.last.set(images, pass);
    return pass;
  }

  private async classify(
    cmd: Extract<InsightCommand, { type: 'classify' }>,
    trainer: Trainer | undefined,
  ): Promise<void> {
    const { runId, lane, requestId } = cmd;
    const step = trainer?.step ?? 0;
    let probabilities: number[] | null = null;
    if (trainer) {
      const { preprocessing } = trainer.config;
      try {
        probabilities = await classifyImage(trainer.model, cmd.pixels, preprocessing, trainer.stats);
      } catch {
        return; // a malformed image or a failed device: nothing to show
      }
    }
    if (runId === this.currentRun())
      this.emit({ type: 'classified', runId, lane, requestId, step, probabilities });
  }
}
