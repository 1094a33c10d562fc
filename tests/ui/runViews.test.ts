// What the panels show of each run: chart curves (shown runs with a lane, then overlays), the settings
// shown for the selected run, each run's optimizer, and the runs that join on Reset.
import { EN, MESSAGES } from '../../src/i18n/messages';
import { describe, expect, it } from 'vitest';
import type { ChartRun } from '../../src/charts/types';
import type { LaneData } from '../../src/client/session';
import { defaultSettings, runFromSettings } from '../../src/experiment/runs';
import type { RunSpec } from '../../src/experiment/types';
import type { ModelName } from '../../src/shared/model';
import {
  chartRunsOf,
  optimizersAt,
  overlayRunsOf,
  pendingIdsOf,
  settingsShown,
  type Overlay,
} from '../../src/ui/runViews';

const base = defaultSettings();
const adam: RunSpec = {
  ...runFromSettings(base, 0, 'r1'),
  timeline: [
    { step: 5, key: 'learningRate', value: 0.01 },
    { step: 8, key: 'optimizer', value: 'sgd' },
  ],
};
const hidden: RunSpec = { ...runFromSettings({ ...base, optimizer: 'sgd' }, 1, 'r2'), hidden: true };
const pending = runFromSettings({ ...base, optimizer: 'momentum' }, 2, 'r3');
const lane: LaneData = {
  points: [{ step: 1, epoch: 0, loss: 2.3, accuracy: 0.1 }],
  internals: [],
  trace: null,
  validation: [{ step: 0, loss: 2.31, accuracy: 0.1 }],
  test: null,
  stopped: null,
};
const overlay: ChartRun = {
  id: 'overlay-0',
  name: 'Adam (kept)',
  color: '#000000',
  points: [],
  validation: [],
  markers: [],
};

describe('chartRunsOf', () => {
  it('draws shown runs that have a lane, in list order, then the overlays', () => {
    const runs = chartRunsOf([adam, hidden, pending], { r1: lane, r2: lane }, [overlay], EN);
    expect(runs.map((r) => r.id)).toEqual(['r1', 'overlay-0']);
    const [first] = runs;
    expect(first).toMatchObject({
      name: 'Adam',
      color: adam.color,
      points: lane.points,
      validation: lane.validation,
    });
    expect(first!.markers.map((m) => m.step)).toEqual([5, 8]);
  });

  it('draws only overlays before any run has a lane', () => {
    expect(chartRunsOf([adam], {}, [overlay], EN)).toEqual([overlay]);
  });
});

describe('overlayRunsOf', () => {
  const record = { spec: adam, points: [...lane.points], validation: lane.validation, test: null };
  const mlp = 'mlp-128' as ModelName;
  const cnn = 'cnn' as ModelName;
  const overlays: Overlay[] = [
    { source: 'kept', record, model: mlp },
    { source: 'imported', record, model: cnn },
  ];

  it('labels each overlay with its source, and with its network where the experiment trains another', () => {
    expect(overlayRunsOf(overlays, mlp, EN).map((r) => r.name)).toEqual([
      'Adam (kept)',
      'Adam (imported, cnn)',
    ]);
    expect(overlayRunsOf(overlays, cnn, EN).map((r) => r.name)).toEqual([
      'Adam (kept, mlp-128)',
      'Adam (imported)',
    ]);
    expect(overlayRunsOf(overlays, mlp, MESSAGES.zh).map((r) => r.name)).toEqual([
      'Adam（已保存）',
      'Adam（已导入，cnn）',
    ]);
  });

  it('keeps the curves and the timeline’s markers, with an id per overlay', () => {
    const [run] = overlayRunsOf(overlays, mlp, EN);
    expect(run).toMatchObject({ id: 'overlay-0', color: adam.color, points: lane.points });
    expect(run!.markers.map((m) => m.step)).toEqual([5, 8]);
  });
});

describe('settingsShown', () => {
  it("is the run's settings at the next step, with drafts on top", () => {
    expect(settingsShown(adam, true, 4, undefined).learningRate).toBe(0.01);
    expect(settingsShown(adam, true, 3, undefined).learningRate).toBe(base.learningRate);
    expect(settingsShown(adam, true, 4, { beta2: 0.9 })).toMatchObject({ learningRate: 0.01, beta2: 0.9 });
  });

  it('shows the starting settings of a run that joins on Reset', () => {
    expect(settingsShown(adam, false, 100, undefined)).toEqual(base);
  });
});

describe('optimizersAt and pendingIdsOf', () => {
  it("gives each run's optimizer at the next step, a draft first", () => {
    expect(optimizersAt([adam, hidden], {}, 7)).toEqual({ r1: 'sgd', r2: 'sgd' });
    expect(optimizersAt([adam, hidden], {}, 2)).toEqual({ r1: 'adam', r2: 'sgd' });
    expect(optimizersAt([adam], { r1: { optimizer: 'momentum' } }, 2)).toEqual({ r1: 'momentum' });
  });

  it('lists the runs without a lane', () => {
    expect([...pendingIdsOf([adam, hidden, pending], new Set(['r1', 'r2']))]).toEqual(['r3']);
  });
});
