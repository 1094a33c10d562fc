// Timeline helpers: settings in force at a step, marker labels, replay lookups and recording.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { defaultSettings, runFromSettings } from '../../src/experiment/runs';
import { markersOf, recordChange, settingsAt, withStartingSetting } from '../../src/experiment/timeline';
import type { RunSpec } from '../../src/experiment/types';
import type { TimelineEntry } from '../../src/shared/settings';
import { MESSAGES } from '../../src/i18n/messages';
import { inEnglish } from '../../src/i18n/text';
import { entryArb, settingsArb } from './arbitraries';

function runWith(timeline: TimelineEntry[]): RunSpec {
  return { ...runFromSettings(defaultSettings(), 0, 'r1'), timeline };
}

const TIMELINE: TimelineEntry[] = [
  { step: 120, key: 'beta2', value: 0.9 },
  { step: 200, key: 'learningRate', value: 0.001 },
  { step: 300, key: 'optimizer', value: 'sgd' },
  { step: 300, key: 'learningRate', value: 0.1 },
  { step: 400, key: 'nesterov', value: true },
  { step: 500, key: 'beta2', value: 0.99999 },
];

describe('settingsAt', () => {
  const run = runWith(TIMELINE);
  it('gives the initial settings before the first change', () => {
    expect(settingsAt(run, 1)).toEqual(defaultSettings());
    expect(settingsAt(run, 119)).toEqual(defaultSettings());
  });
  it('applies every change from a step at or before the asked one', () => {
    expect(settingsAt(run, 120).beta2).toBe(0.9);
    expect(settingsAt(run, 300)).toEqual({
      ...defaultSettings(),
      beta2: 0.9,
      optimizer: 'sgd',
      learningRate: 0.1,
    });
    expect(settingsAt(run, 10_000)).toEqual({
      ...defaultSettings(),
      beta2: 0.99999,
      optimizer: 'sgd',
      learningRate: 0.1,
      nesterov: true,
    });
  });
  it('does not change the run', () => {
    settingsAt(run, 10_000);
    expect(run.initial).toEqual(defaultSettings());
  });
});

/** The markers with their labels rendered in English. */
const englishMarkers = (run: RunSpec) => markersOf(run).map((m) => ({ ...m, label: inEnglish(m.label) }));

describe('markersOf', () => {
  it('labels each change with the field label and both values, skipping no-ops', () => {
    // The settings panel's labels, which carry the symbol (η) the equations use.
    expect(englishMarkers(runWith(TIMELINE))).toEqual([
      { step: 120, label: 'β2 0.999 → 0.9' },
      { step: 300, label: 'Optimizer Adam → SGD' },
      { step: 300, label: 'Learning rate η 0.001 → 0.1' },
      { step: 400, label: 'Nesterov off → on' },
      { step: 500, label: 'β2 0.9 → 0.99999' },
    ]);
  });
  it('formats small values as the controls do', () => {
    expect(englishMarkers(runWith([{ step: 2, key: 'epsilon', value: 1e-8 }]))[0]?.label).toBe(
      'ε 1e-7 → 1e-8',
    );
    expect(englishMarkers(runWith([{ step: 2, key: 'optimizer', value: 'momentum' }]))[0]?.label).toBe(
      'Optimizer Adam → Momentum',
    );
  });
  it('labels the changes in Chinese with the textbook terms', () => {
    expect(markersOf(runWith(TIMELINE)).map((m) => m.label(MESSAGES.zh))).toEqual([
      'β2 0.999 → 0.9',
      '优化器 Adam → SGD',
      '学习率 η 0.001 → 0.1',
      'Nesterov 动量 关 → 开',
      'β2 0.9 → 0.99999',
    ]);
  });
  it('gives no markers for an empty timeline', () => {
    expect(markersOf(runWith([]))).toEqual([]);
  });
});

describe('recordChange', () => {
  it('appends and keeps the timeline sorted', () => {
    let run = runWith([]);
    run = recordChange(run, 300, { key: 'learningRate', value: 0.1 });
    run = recordChange(run, 100, { key: 'beta1', value: 0.5 });
    run = recordChange(run, 300, { key: 'optimizer', value: 'sgd' });
    run = recordChange(run, 200, { key: 'nesterov', value: true });
    expect(run.timeline).toEqual([
      { step: 100, key: 'beta1', value: 0.5 },
      { step: 200, key: 'nesterov', value: true },
      { step: 300, key: 'learningRate', value: 0.1 },
      { step: 300, key: 'optimizer', value: 'sgd' },
    ]);
  });
  it('replaces a change of the same setting at the same step', () => {
    const run = recordChange(recordChange(runWith([]), 50, { key: 'learningRate', value: 0.1 }), 50, {
      key: 'learningRate',
      value: 0.2,
    });
    expect(run.timeline).toEqual([{ step: 50, key: 'learningRate', value: 0.2 }]);
  });
  it('returns a new run and leaves the old one alone', () => {
    const before = runWith([]);
    const after = recordChange(before, 5, { key: 'momentum', value: 0.5 });
    expect(before.timeline).toEqual([]);
    expect(after).not.toBe(before);
  });
  it('makes the recorded value the one in force from that step on', () => {
    fc.assert(
      fc.property(
        settingsArb,
        fc.array(entryArb, { maxLength: 10 }),
        entryArb,
        (initial, entries, change) => {
          let run: RunSpec = { ...runWith([]), initial };
          for (const e of entries) run = recordChange(run, e.step, e);
          const steps = run.timeline.map((e) => e.step);
          expect(steps).toEqual([...steps].sort((a, b) => a - b));
          const later = run.timeline.some((e) => e.key === change.key && e.step > change.step);
          const next = recordChange(run, change.step, change);
          expect(settingsAt(next, change.step)[change.key]).toBe(change.value);
          if (!later) expect(settingsAt(next, 1e9)[change.key]).toBe(change.value);
          expect(settingsAt(next, change.step - 1)).toEqual(settingsAt(run, change.step - 1));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('withStartingSetting', () => {
  it('starts with the value and keeps it: later changes of that setting go, others stay', () => {
    const run = runWith([
      { step: 100, key: 'learningRate', value: 5 },
      { step: 150, key: 'beta2', value: 0.9 },
      { step: 200, key: 'learningRate', value: 8 },
    ]);
    const next = withStartingSetting(run, { key: 'learningRate', value: 0.001 });
    expect(next.initial.learningRate).toBe(0.001);
    expect(next.timeline).toEqual([{ step: 150, key: 'beta2', value: 0.9 }]);
    for (const step of [1, 120, 500]) expect(settingsAt(next, step).learningRate).toBe(0.001);
    expect(run.timeline).toHaveLength(3);
  });
});
