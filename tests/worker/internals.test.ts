// The runner posts each lane's instruments with its metric points, and none when they are turned off.
import { beforeAll, describe, expect, it } from 'vitest';
import type { MnistData } from '../../src/engine/mnist';
import type { WorkerEvent } from '../../src/protocol';
import { Runner } from '../../src/worker/runner';
import { DEFAULT_CONFIG } from '../../src/config/schema';
import { settingsOf } from '../../src/experiment/runs';
import { syntheticData } from '../helpers/syntheticMnist';
import { useCpu } from '../helpers/tf';
import { REFERENCE_NET } from '../helpers/net';

let data: MnistData;

beforeAll(async () => {
  await useCpu();
  data = syntheticData(600);
});

describe('Runner', () => {
  async function drive(internals?: boolean) {
    const events: WorkerEvent[] = [];
    const runner = new Runner(data, (e) => events.push(e), internals === undefined ? {} : { internals });
    const initial = { ...settingsOf(DEFAULT_CONFIG), optimizer: 'momentum' as const };
    runner.handle({
      type: 'reset',
      runId: 1,
      shared: { batchSize: 10, epochs: 1, preprocessing: 'scale', seed: 1, ...REFERENCE_NET },
      lanes: [{ lane: 'a', initial, timeline: [] }],
    });
    runner.handle({ type: 'start', runId: 1 });
    while (!events.some((e) => e.type === 'state' && e.state === 'finished'))
      await new Promise((r) => setTimeout(r, 5));
    runner.dispose();
    return events.flatMap((e) => (e.type === 'metrics' ? e.lanes : []));
  }

  it('posts each lane’s instruments with its metric points; none when turned off', async () => {
    const lanes = await drive();
    const steps = lanes.flatMap((l) => l.internals.map((p) => p.step));
    expect(steps).toEqual([...Array.from({ length: 50 }, (_, i) => i + 1), 60]);
    // Each chunk's instruments belong to the steps of its own points.
    for (const l of lanes)
      for (const p of l.internals) expect(l.points.some((m) => m.step === p.step)).toBe(true);
    expect(lanes.flatMap((l) => l.internals)[0]!.layers['dense1.kernel']!.velocityCosine).toBeCloseTo(1, 5);
    const off = await drive(false);
    expect(off.flatMap((l) => l.internals)).toEqual([]);
    expect(off.flatMap((l) => l.points).length).toBe(60);
  });
});
