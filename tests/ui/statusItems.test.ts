// The status line's items in reading order: the run's name before its numbers, test accuracy last.
import { describe, expect, it } from 'vitest';
import { Session, type LaneData } from '../../src/client/session';
import { statusItems } from '../../src/ui/statusItems';

const snap = {
  ...new Session().getSnapshot(),
  step: 600,
  totalSteps: 1000,
  stepsPerEpoch: 500,
  trainingMs: 65_000,
};
const lane: LaneData = {
  points: [{ step: 600, epoch: 1, loss: 0.25, accuracy: 0.9 }],
  validation: [{ step: 500, loss: 0.3, accuracy: 0.912 }],
  test: { step: 1000, loss: 0.2, accuracy: 0.95 },
  stopped: null,
};
const labels = (items: { label: string }[]) => items.map((i) => i.label);
const NUMBERS = ['Backend', 'State', 'Step', 'Epoch', 'Samples/s', 'Elapsed'];

describe('statusItems', () => {
  it('lists progress, then the latest numbers', () => {
    expect(labels(statusItems(snap, undefined, null))).toEqual([...NUMBERS, 'Loss', 'Val. accuracy']);
  });

  it('names the run before its numbers and puts test accuracy last', () => {
    const items = statusItems(snap, lane, 'Adam');
    expect(labels(items)).toEqual([...NUMBERS, 'Run', 'Loss', 'Val. accuracy', 'Test accuracy']);
    expect(Object.fromEntries(items.map((i) => [i.label, i.value]))).toMatchObject({
      Step: '600 / 1,000',
      Epoch: '2 / 2',
      Elapsed: '1:05',
      Run: 'Adam',
      Loss: '0.2500',
      'Val. accuracy': '91.2%',
      'Test accuracy': '95.0%',
    });
  });
});
