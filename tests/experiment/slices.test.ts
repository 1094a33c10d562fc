// Long exports in slices: the same text as built at once, with the thread given back whenever a
// slice has used its time, and the progress reported.
import { describe, expect, it } from 'vitest';
import { csvParts, exportSize, jsonParts, toCsv, toJson } from '../../src/experiment/exportData';
import type { RunRecord } from '../../src/experiment/exportData';
import { collectInSlices } from '../../src/experiment/slices';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';

const STEPS = 20_000;

function record(name: string): RunRecord {
  return {
    spec: {
      id: name,
      name,
      color: '#0072B2',
      initial: settingsOf(DEFAULT_CONFIG),
      timeline: [],
    } as unknown as RunRecord['spec'],
    points: Array.from({ length: STEPS }, (_, i) => ({
      step: i + 1,
      epoch: Math.floor(i / 1718),
      loss: 1 / (i + 1),
      accuracy: 0.5,
    })),
    validation: [{ step: 100, loss: 0.5, accuracy: 0.8 }],
    test: null,
  };
}

describe('collectInSlices', () => {
  it('writes the same CSV and JSON, yielding between slices of at most the slice time', async () => {
    const records = [record('SGD'), record('Adam')];
    let clock = 0;
    let yields = 0;
    const progress: number[] = [];
    // Each piece "costs" 0.01 ms of the fake clock: 40,000 rows are 400 ms, twenty 20 ms slices.
    function* costly(parts: Iterable<string>) {
      for (const p of parts) {
        clock += 0.01;
        yield p;
      }
    }
    const options = {
      now: () => clock,
      yieldToPage: async () => {
        yields++;
      },
      onProgress: (done: number) => progress.push(done),
    };
    const csv = await collectInSlices(costly(csvParts(records)), options);
    expect(csv.join('')).toBe(toCsv(records));
    expect(yields).toBeGreaterThanOrEqual(10);
    expect(progress.at(-1)).toBe(csv.length);
    expect(progress.every((p, i) => i === 0 || p > progress[i - 1]!)).toBe(true);
    expect(csv.length).toBeLessThanOrEqual(exportSize(records) + 1);

    const shared = { ...DEFAULT_CONFIG } as unknown as Parameters<typeof toJson>[0];
    const now = new Date(0);
    const json = await collectInSlices(costly(jsonParts(shared, records, now)), options);
    expect(json.join('')).toBe(toJson(shared, records, now));
    expect(JSON.parse(json.join('')).runs[1].points).toHaveLength(STEPS);
  });
});
