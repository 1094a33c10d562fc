// How much training the worker queues on the GPU ahead of the page. The page's own frames wait behind
// whatever training work is queued on the same GPU, so while someone drags a control the worker queues
// short chunks one at a time; otherwise longer chunks, each queued before the previous one's numbers
// come back, so the GPU never idles waiting for a readback.

export interface Pace {
  /** Wall time a chunk of steps plus its readback should take. */
  chunkMs: number;
  /** Chunks queued on the device at once (1: wait for each chunk's metrics before queuing the next). */
  depth: 1 | 2;
}

export const IDLE_PACE: Pace = { chunkMs: 30, depth: 2 };
export const INTERACTIVE_PACE: Pace = { chunkMs: 16, depth: 1 };
/** Upper bound on steps per chunk, whatever the timing says (a fast GPU at batch 1). */
export const MAX_STEPS_PER_CHUNK = 256;
/** A chunk grows at most this much per report, so one fast outlier cannot queue a long stall. */
const MAX_GROWTH = 2;
/** Below this, a measured chunk time is timer noise, not a speed. */
const MIN_MEASURABLE_MS = 1;

export class Pacer {
  private steps = 1;
  private interacting = false;

  get pace(): Pace {
    return this.interacting ? INTERACTIVE_PACE : IDLE_PACE;
  }

  /** Someone is using the page: other work on the device (validation) goes a piece at a time too. */
  get inUse(): boolean {
    return this.interacting;
  }

  /** Steps for the next chunk. */
  get stepsPerChunk(): number {
    return this.steps;
  }

  setInteracting(active: boolean): void {
    if (active && !this.interacting) {
      // Shrink at once: the next chunk, not the one after a slow report, should already be short.
      this.steps = Math.max(1, Math.round((this.steps * INTERACTIVE_PACE.chunkMs) / IDLE_PACE.chunkMs));
    }
    this.interacting = active;
  }

  /** A chunk of `steps` took `elapsedMs` (queue to metrics): aim the next one at the pace's chunk time. */
  observe(steps: number, elapsedMs: number): void {
    const scale = this.pace.chunkMs / Math.max(elapsedMs, MIN_MEASURABLE_MS);
    const next = Math.round(Math.max(steps, 1) * Math.min(scale, MAX_GROWTH));
    this.steps = Math.max(1, Math.min(MAX_STEPS_PER_CHUNK, next));
  }

  reset(): void {
    this.steps = 1;
  }
}
