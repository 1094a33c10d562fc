// The exported PyTorch script, run by PyTorch, against the same experiments trained by the engine
// (the worker's Runner on tfjs' CPU backend): the loss of every step, η_t of every step, the live
// changes at their steps, the evaluations, and a results file the page's import accepts.
// Needs python3 with torch and numpy: it fails, not skips, without them (CI installs both).
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import type { MnistData } from '../../src/engine/mnist';
import { loadMnist } from '../../src/engine/mnistLoader';
import { parseImport } from '../../src/experiment/exportData';
import { pytorchScript } from '../../src/experiment/pytorch/script';
import { settingsOf, sharedOf } from '../../src/experiment/runs';
import type { Experiment, RunSpec } from '../../src/experiment/types';
import type { ModelName } from '../../src/shared/model';
import type { RunSettings, TimelineEntry } from '../../src/shared/settings';
import { nodeByteSource } from '../helpers/nodeMnist';
import { useCpu } from '../helpers/tf';
import { engineRun, type EngineRun } from './engineRuns';
import { agreement, requireTorch, runScript } from './python';

const BASE = settingsOf(DEFAULT_CONFIG);

function run(id: string, settings: Partial<RunSettings>, timeline: TimelineEntry[] = []): RunSpec {
  return { id, name: id, color: '#0072B2', hidden: false, initial: { ...BASE, ...settings }, timeline };
}

let data: MnistData;

beforeAll(async () => {
  requireTorch();
  await useCpu();
  data = await loadMnist(nodeByteSource());
});

/** Parses the script's results as the page's import does, and returns each run's points. */
function imported(results: string, e: Experiment) {
  const parsed = parseImport(results);
  if (!parsed.ok) throw new Error('the page refuses the results file');
  expect(parsed.file.shared).toEqual(e.shared);
  expect(parsed.file.runs.map((r) => r.spec.id)).toEqual(e.runs.map((r) => r.id));
  return parsed.file.runs;
}

/** Each run's agreement over `steps`, logged for the record, and held to the tolerances. */
function expectAgreement(py: ReturnType<typeof imported>, page: EngineRun, steps: number, label: string) {
  py.forEach((r, i) => {
    const a = agreement(r.points, page.points[i]!, steps);
    console.log(
      `${label} ${r.spec.name}: step 1 ${a.first.toExponential(2)}, steps 1–${steps} ${a.worst.toExponential(2)} (step ${a.worstStep})`,
    );
    expect(a.first).toBeLessThan(1e-5);
    expect(a.worst).toBeLessThan(1e-3);
  });
}

describe('the PyTorch script', () => {
  it('trains Adam and momentum (η changed at step 30) as the page does, 60 steps of batch 64', async () => {
    const e: Experiment = {
      shared: { ...sharedOf(DEFAULT_CONFIG), batchSize: 64, seed: 3 },
      runs: [
        run('Adam', { optimizer: 'adam' }),
        run('Momentum', { optimizer: 'momentum', learningRate: 0.05 }, [
          { step: 30, key: 'learningRate', value: 0.01 },
        ]),
      ],
    };
    const script = runScript(pytorchScript(e), ['--steps', '60']);
    const page = await engineRun(data, e, { steps: 60 });
    const { results, stdout } = await script;
    const py = imported(results, e);
    expectAgreement(py, page, 60, 'adam/momentum');
    expect(py.map((r) => r.points.length)).toEqual([60, 60]);
    expect(py[1]!.spec.name).toBe('Momentum (PyTorch)');
    // The change took effect at step 30 in both: η_t 0.05 up to step 29, 0.01 from 30.
    const applied = page.events.find((x) => x.type === 'applied');
    expect(applied).toMatchObject({ lane: 'Momentum', step: 30 });
    expect(py[1]!.points.filter((p) => p.lr === 0.05).map((p) => p.step)).toEqual(range(1, 29));
    expect(stdout).toContain('step 60/8590');
    expect(py.every((r) => r.test === null && r.validation.length === 0)).toBe(true);
  });

  it('trains the data lever, schedules, weight decay and the written-out rules as the page does', async () => {
    // 1,000 images (30% wrong labels), batch 64: 15 steps an epoch, 2 epochs, each evaluated.
    const e: Experiment = {
      shared: {
        batchSize: 64,
        epochs: 2,
        preprocessing: 'standardize',
        seed: 7,
        model: 'mlp-64-32' as ModelName,
        activation: 'tanh',
        trainImages: 1000,
        labelNoise: 0.3,
        dropout: 0.2,
      },
      runs: [
        run('RMSProp', {
          optimizer: 'rmsprop',
          beta2: 0.9,
          schedule: 'cosine',
          warmup: 5,
          weightDecay: 0.001,
        }),
        run('AdamW', { optimizer: 'adamw', learningRate: 0.003, weightDecay: 0.01, schedule: 'step' }),
        // Without bias correction, and with a live β1 change: torch.optim.Adam cannot, so it is written out.
        run('Adam', { optimizer: 'adam', learningRate: 0.002, biasCorrection: false, schedule: 'cyclic' }, [
          { step: 8, key: 'beta1', value: 0.8 },
        ]),
        // Two switches (fresh state each time), the second to momentum with μ 0 for five steps.
        run('Switches', { optimizer: 'momentum', nesterov: true, learningRate: 0.02 }, [
          { step: 10, key: 'optimizer', value: 'adagrad' },
          { step: 10, key: 'learningRate', value: 0.01 },
          { step: 20, key: 'optimizer', value: 'momentum' },
          { step: 20, key: 'momentum', value: 0 },
          { step: 25, key: 'momentum', value: 0.5 },
        ]),
      ],
    };
    const source = pytorchScript(e);
    expect(source).toMatch(/trained by the Adam update written out below:\n#\s+bias correction is off/);
    expect(source).toMatch(/from step 20 by the Momentum update written out below:\n#\s+μ is 0/);
    const script = runScript(source);
    const page = await engineRun(data, e);
    const py = imported((await script).results, e);
    expectAgreement(py, page, 30, 'lever');
    // Validation and the whole (noisy) training set at steps 15 and 30, and the test set at the end.
    for (const [i, r] of py.entries()) {
      const evals = page.events.filter((x) => x.type === 'eval' && x.lane === e.runs[i]!.id);
      const pageOf = (split: string) => evals.filter((x) => x.type === 'eval' && x.split === split);
      expect(r.validation.map((v) => v.step)).toEqual([15, 30]);
      expect(r.training?.map((v) => v.step)).toEqual([15, 30]);
      const pairs = [
        ...r.validation.map((v, k) => [v, pageOf('validation')[k]] as const),
        ...(r.training ?? []).map((v, k) => [v, pageOf('train')[k]] as const),
        [r.test, pageOf('test')[0]] as const,
      ];
      for (const [mine, theirs] of pairs) {
        if (!mine || !theirs || theirs.type !== 'eval') throw new Error('an evaluation is missing');
        expect(Math.abs(mine.loss - theirs.loss) / theirs.loss).toBeLessThan(1e-3);
        expect(Math.abs(mine.accuracy - theirs.accuracy)).toBeLessThanOrEqual(0.0025);
      }
      const noisy = r.training![1]!;
      const theirs = pageOf('train')[1]!;
      if (theirs.type !== 'eval') throw new Error('no whole training-set evaluation');
      expect(Math.abs(noisy.trueAccuracy! - theirs.trueAccuracy!)).toBeLessThanOrEqual(0.0025);
    }
  });

  it('trains the CNN on the pools a run drew from while MNIST arrived, as the page does', async () => {
    // Steps 1–3 drew from 10 images (fewer than a batch), 4–6 from 200, then the whole 500.
    const pool = {
      changes: [
        { step: 1, images: 10 },
        { step: 4, images: 200 },
      ],
      through: 6,
    };
    const e: Experiment = {
      shared: { ...sharedOf(DEFAULT_CONFIG), batchSize: 16, model: 'cnn' as ModelName, trainImages: 500 },
      runs: [run('Adam', {}), run('SGD', { optimizer: 'sgd', learningRate: 0.05 })],
    };
    const page = await engineRun(data, e, { steps: 12, pool });
    expect(page.pool).toEqual([...pool.changes, { step: 7, images: 500 }]);
    const script = await runScript(pytorchScript(e, { pool: { changes: page.pool, through: 12 } }), [
      '--steps',
      '12',
    ]);
    expectAgreement(imported(script.results, e), page, 12, 'cnn');
  });

  it('stops a run at the step it diverges, as the page does, and trains the others on', async () => {
    const e: Experiment = {
      shared: { ...sharedOf(DEFAULT_CONFIG), batchSize: 32, preprocessing: 'none' },
      runs: [run('SGD', { optimizer: 'sgd', learningRate: 10 }), run('Adam', {})],
    };
    const script = runScript(pytorchScript(e), ['--steps', '6']);
    const page = await engineRun(data, e, { steps: 6 });
    const { results, stdout } = await script;
    const [sgd, adam] = imported(results, e);
    // The page stops the run once it reads the chunk back, so it may hold a step or two more.
    const diverged = page.points[0]!.find((p) => p.loss > 1e6)!;
    expect(sgd!.points.map((p) => p.step)).toEqual(range(1, diverged.step));
    expect(Math.abs(sgd!.points.at(-1)!.loss / diverged.loss - 1)).toBeLessThan(1e-3);
    expect(stdout).toContain(`SGD (PyTorch) diverged at step ${diverged.step}`);
    expect(adam!.points).toHaveLength(6);
    expectAgreement([adam!], { ...page, points: [page.points[1]!] }, 6, 'divergence');
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
