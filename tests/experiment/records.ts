// Sample recorded runs for the export, import and storage tests.
import { defaultSettings, runFromSettings } from '../../src/experiment/runs';
import type { RunRecord } from '../../src/experiment/exportData';
import type { SharedSettings } from '../../src/shared/settings';
import { REFERENCE_NET } from '../helpers/net';

export const SHARED: SharedSettings = {
  batchSize: 32,
  epochs: 2,
  preprocessing: 'scale',
  seed: 7,
  ...REFERENCE_NET,
};

export function sampleRecords(): RunRecord[] {
  const base = defaultSettings();
  return [
    {
      spec: { ...runFromSettings(base, 0, 'r1'), timeline: [{ step: 2, key: 'beta2', value: 0.9 }] },
      points: [
        { step: 1, epoch: 0, loss: 2.3, accuracy: 0.1 },
        { step: 2, epoch: 0, loss: 1.5, accuracy: 0.4 },
        { step: 3, epoch: 1, loss: 0.9, accuracy: 0.7 },
      ],
      validation: [
        { step: 0, loss: 2.31, accuracy: 0.09 },
        { step: 2, loss: 1.4, accuracy: 0.5 },
      ],
      test: { step: 3, loss: 0.95, accuracy: 0.69 },
    },
    {
      spec: {
        ...runFromSettings({ ...base, optimizer: 'sgd', learningRate: 10 }, 1, 'r2'),
        name: 'Big "lr", SGD',
        hidden: true,
      },
      points: [
        { step: 1, epoch: 0, loss: 2.3, accuracy: 0.1 },
        { step: 2, epoch: 0, loss: Infinity, accuracy: 0.1 },
        { step: 3, epoch: 1, loss: NaN, accuracy: NaN },
        { step: 4, epoch: 1, loss: -Infinity, accuracy: 0 },
      ],
      validation: [],
      test: null,
    },
  ];
}
