// The Tune panel's jobs train in chunks: each chunk's readback overlaps the next chunk's steps (as in
// the Runner, the device never waits for the numbers), chunks grow or shrink with the wall time they
// take, and the job's cancel is checked between two of them.

/** Wall time a chunk of steps (and its readback) should take: a cancel waits at most about this long. */
export const CHUNK_MS = 150;

/** Steps for the next chunk: doubled while a chunk takes under half of CHUNK_MS, halved above twice it. */
export function nextChunk(steps: number, ms: number, max: number): number {
  if (ms < CHUNK_MS / 2) return Math.min(max, steps * 2);
  if (ms > CHUNK_MS * 2) return Math.max(1, Math.floor(steps / 2));
  return steps;
}

export interface ChunkClock {
  now(): number;
  /** Lets other messages (a cancel) through between chunks. */
  yieldToEvents(): Promise<void>;
  /** Throws once the job is cancelled. */
  check(): void;
}

export interface ChunkLoop<R> {
  /** Steps still to queue (0: done). */
  left(): number;
  /** Queues `steps` steps and starts reading their records back. */
  queue(steps: number): Promise<R>;
  /** A chunk's records, in order. */
  read(records: R): void;
}

/**
 * Runs `loop` until it has nothing left, at most `maxChunk` steps a chunk. A readback still under way
 * when it ends (cancelled, or failed) is awaited, so its tensors are freed before the job counts them.
 */
export async function trainInChunks<R>(
  clock: ChunkClock,
  maxChunk: number,
  loop: ChunkLoop<R>,
): Promise<void> {
  let chunk = 1;
  let inflight: { records: Promise<R>; steps: number } | null = null;
  let last = clock.now();
  const settle = async ({ records, steps }: { records: Promise<R>; steps: number }) => {
    const r = await records;
    clock.check();
    loop.read(r);
    const now = clock.now();
    chunk = nextChunk(steps, now - last, maxChunk);
    last = now;
  };
  try {
    while (loop.left() > 0) {
      const steps = Math.min(chunk, loop.left());
      const next = { records: loop.queue(steps), steps };
      const done = inflight;
      inflight = next;
      if (done) await settle(done);
      await clock.yieldToEvents();
      clock.check();
    }
    const done = inflight;
    inflight = null;
    if (done) await settle(done);
  } finally {
    await inflight?.records.catch(() => {});
  }
}
