// Where a form edit goes: live settings to the coalescer or the run's start, shared ones to the experiment.
import { describe, expect, it } from 'vitest';
import { liveChange, settingChange } from '../../src/shared/settings';
import { laneTrains, routeSetting, withSharedChange } from '../../src/ui/settingRoute';
import { REFERENCE_NET } from '../helpers/net';

describe('routeSetting', () => {
  it('sends a live edit of a training run to its lane', () => {
    expect(routeSetting(settingChange('learningRate', 0.01), true)).toEqual({
      to: 'lane',
      change: liveChange('learningRate', 0.01),
    });
  });

  it('makes a live edit of a run that joins on Reset its starting setting', () => {
    expect(routeSetting(settingChange('optimizer', 'sgd'), false)).toEqual({
      to: 'initial',
      change: liveChange('optimizer', 'sgd'),
    });
  });

  it('sends a shared setting to the experiment, whether or not the run trains', () => {
    for (const hasLane of [true, false])
      expect(routeSetting(settingChange('batchSize', 128), hasLane)).toEqual({
        to: 'shared',
        change: { key: 'batchSize', value: 128 },
      });
  });

  it('ignores the WebGL mode, which only a link sets', () => {
    expect(routeSetting(settingChange('webgl', 'software'), true)).toEqual({ to: 'nowhere' });
  });

  it('applies a shared change to a copy', () => {
    const shared = { batchSize: 64, epochs: 1, preprocessing: 'scale' as const, seed: 1, ...REFERENCE_NET };
    expect(withSharedChange(shared, { key: 'seed', value: 9 })).toEqual({ ...shared, seed: 9 });
    expect(shared.seed).toBe(1);
  });
});

describe('laneTrains', () => {
  const lanes = new Set(['a', 'b']);
  const lane = (stopped: string | null) => ({ stopped });
  it('is true only for a lane that will train more steps', () => {
    const snap = { state: 'running' as const, lanes: { a: lane(null), b: lane('diverged') } };
    expect(laneTrains(snap, 'a', lanes)).toBe(true);
    expect(laneTrains(snap, 'b', lanes)).toBe(false); // stopped while the others go on
    expect(laneTrains(snap, 'c', lanes)).toBe(false); // joins on Reset
    for (const state of ['diverged', 'finished', 'error'] as const)
      expect(laneTrains({ ...snap, state }, 'a', lanes)).toBe(false);
    for (const state of ['idle', 'paused'] as const)
      expect(laneTrains({ ...snap, state }, 'a', lanes)).toBe(true);
  });
});
