// The worker's pacing: chunk sizes follow measured speed, grow slowly, and shrink at once while the
// page is being used.
import { describe, expect, it } from 'vitest';
import { IDLE_PACE, INTERACTIVE_PACE, MAX_STEPS_PER_CHUNK, Pacer } from '../../src/worker/pacing';

describe('Pacer', () => {
  it('aims chunks at the idle chunk time, growing at most twofold per report', () => {
    const p = new Pacer();
    expect(p.stepsPerChunk).toBe(1);
    p.observe(1, 1); // 1 ms a step: 30 steps would fit, but growth is capped
    expect(p.stepsPerChunk).toBe(2);
    p.observe(10, 10);
    expect(p.stepsPerChunk).toBe(20);
    p.observe(20, 20);
    expect(p.stepsPerChunk).toBe(IDLE_PACE.chunkMs);
    p.observe(30, 60); // slower than thought: halve
    expect(p.stepsPerChunk).toBe(15);
    for (let i = 0; i < 20; i++) p.observe(p.stepsPerChunk, 0.001);
    expect(p.stepsPerChunk).toBe(MAX_STEPS_PER_CHUNK);
  });

  it('queues short chunks one at a time while the page is in use', () => {
    const p = new Pacer();
    p.observe(15, 15); // 1 ms a step
    p.observe(30, 30);
    expect(p.pace.depth).toBe(2);
    p.setInteracting(true);
    expect(p.pace).toEqual(INTERACTIVE_PACE);
    expect(p.pace.depth).toBe(1);
    expect(p.stepsPerChunk).toBe(INTERACTIVE_PACE.chunkMs); // 1 ms a step
    p.observe(8, 8);
    expect(p.stepsPerChunk).toBe(INTERACTIVE_PACE.chunkMs);
    p.setInteracting(false);
    expect(p.pace).toEqual(IDLE_PACE);
  });
});
