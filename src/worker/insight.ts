// What the model learned: answers the page's questions about a lane's current weights (its predictions
// on the test set, its probabilities for a drawn digit). A pass over the test set holds the weights of
// the moment of the request and goes piece by piece, each piece sized to take about PIECE_MS on this
// device, so training goes on between pieces and waits no longer than that for one; a pass is reused
// while the lane's step has not moved (the page filtering the grid of a paused run).
import type { Batches } from '../engine/batches';
import type { MnistData } from '../engine/mnist';
import {
  classifyImage,
  confusionMatrix,
  pickDigits,
  PIECE_MS,
  pieceImages,
  predictSplit,
  type SplitPredictions,
} from '../engine/predict';
import type { Trainer } from '../engine/trainer';
import { assertNever, type Command, type Predictions, type WorkerEvent } from '../protocol';
import { IMAGE_PIXELS } from '../shared/mnist';
import { forwardMacs } from '../shared/model';

export type InsightCommand = Extract<Command, { type: 'predict' | 'classify' }>;

/** The grid never asks for more digits than this. */
export const MAX_DIGITS = 200;

interface Pass {
  runId: number;
  lane: string;
  step: number;
  predictions: Promise<SplitPredictions>;
  /** Told after each piece: the requests waiting on this pass. */
  progress: Set<(done: number, total: number) => void>;
}

export class Insight {
  /** The latest pass over the test set, kept for requests at the same step. */
  private last: Pass | null = null;

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
        void this.predict(cmd, trainer, batches);
        break;
      case 'classify':
        void this.classify(cmd, trainer);
        break;
      default:
        assertNever(cmd);
    }
  }

  private async predict(
    cmd: Extract<InsightCommand, { type: 'predict' }>,
    trainer: Trainer | undefined,
    batches: Batches | null,
  ): Promise<void> {
    const { runId, lane, requestId } = cmd;
    const answer = (result: Predictions) =>
      this.emit({ type: 'predictions', runId, lane, requestId, result });
    if (!trainer || !batches) return answer({ kind: 'noLane' });
    if (!batches.arrived('test')) return answer({ kind: 'waiting' });
    const pass = this.pass(runId, lane, trainer, batches);
    const progress = (done: number, total: number) => {
      if (runId === this.currentRun()) this.emit({ type: 'predicting', runId, lane, requestId, done, total });
    };
    pass.progress.add(progress);
    let predictions: SplitPredictions;
    try {
      predictions = await pass.predictions;
    } catch {
      // The device failed (a lost GPU is reported on its own); the next request tries again.
      if (this.last === pass) this.last = null;
      return;
    } finally {
      pass.progress.delete(progress);
    }
    if (runId !== this.currentRun()) return;
    const labels = this.data.test.labels.subarray(0, predictions.predicted.length);
    const limit = Math.max(0, Math.min(MAX_DIGITS, Math.floor(cmd.limit)));
    const { indices, matching } = pickDigits(labels, predictions, cmd.cell, limit);
    // One buffer of their own: a view on the test set would send all of its 7.8 MB along.
    const images = new Uint8Array(indices.length * IMAGE_PIXELS);
    indices.forEach((t, i) =>
      images.set(this.data.test.images.subarray(t * IMAGE_PIXELS, (t + 1) * IMAGE_PIXELS), i * IMAGE_PIXELS),
    );
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
      images,
      matching,
      cell: cmd.cell,
    });
  }

  /** The pass for the lane's weights now: the last one if they have not changed since, else a new one. */
  private pass(runId: number, lane: string, trainer: Trainer, batches: Batches): Pass {
    const l = this.last;
    if (l && l.runId === runId && l.lane === lane && l.step === trainer.step) return l;
    const held = trainer.model.hold();
    const progress = new Set<(done: number, total: number) => void>();
    const total = batches.maker.counts.test;
    const predictions = predictSplit(held, batches.maker, 'test', {
      onPiece: (done) => progress.forEach((tell) => tell(done, total)),
      piece: pieceImages(forwardMacs(trainer.model.spec)),
      pieceMs: PIECE_MS,
      cancelled: () => runId !== this.currentRun() || this.currentBatches() !== batches,
      between: this.yieldToEvents,
    });
    void predictions.finally(() => held.dispose()).catch(() => undefined);
    return (this.last = { runId, lane, step: trainer.step, predictions, progress });
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
