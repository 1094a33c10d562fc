// Fixtures for the link tests: a default single run, and a 4-run, 20-change classroom demo.
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { defaultSettings, runFromSettings, sharedOf, sortTimeline } from '../../src/experiment/runs';
import type { Experiment, RunSpec } from '../../src/experiment/types';
import { REFERENCE_NET } from '../helpers/net';

export function single(): Experiment {
  return { shared: sharedOf(DEFAULT_CONFIG), runs: [runFromSettings(defaultSettings(), 0, 'a')] };
}

export function run(over: Partial<RunSpec>): RunSpec {
  return { ...runFromSettings(defaultSettings(), 0, 'x'), ...over };
}

/** Four runs with twenty changes between them: the size a classroom demo reaches. */
export function demoExperiment(): Experiment {
  const base = defaultSettings();
  const changes = (n: number, offset: number) =>
    Array.from({ length: n }, (_, i) => ({
      step: 100 * (i + 1) + offset,
      key: 'learningRate' as const,
      value: 0.001 * (i + 2),
    }));
  const runs: RunSpec[] = [
    {
      ...run({ name: 'Adam baseline', color: '#0072B2' }),
      timeline: [{ step: 120, key: 'beta2', value: 0.9 }, ...changes(4, 7)],
    },
    {
      ...run({
        name: 'SGD lr 0.1',
        color: '#D55E00',
        initial: { ...base, optimizer: 'sgd', learningRate: 0.1 },
      }),
      timeline: changes(5, 3),
    },
    {
      ...run({
        name: 'Nesterov',
        color: '#009E73',
        initial: { ...base, optimizer: 'momentum', nesterov: true },
      }),
      timeline: [{ step: 50, key: 'nesterov', value: false }, ...changes(4, 9)],
    },
    {
      ...run({ name: 'Switch→SGD', color: '#CC79A7', hidden: true }),
      timeline: [
        { step: 300, key: 'optimizer', value: 'sgd' },
        { step: 300, key: 'learningRate', value: 0.05 },
        ...changes(3, 500),
      ],
    },
  ];
  return {
    shared: { batchSize: 64, epochs: 5, preprocessing: 'standardize', seed: 12345, ...REFERENCE_NET },
    runs: runs.map((r, i) => ({ ...r, id: `d${i}`, timeline: sortTimeline(r.timeline) })),
  };
}
