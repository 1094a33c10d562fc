// Long work in slices: a generator's pieces are collected for at most SLICE_MS at a time, then the
// page gets the thread back (a frame, an input) before the next slice. Exporting a 100-epoch race
// builds millions of characters; in one task it would freeze the page for seconds.

/** Work per slice: well under the 50 ms that makes a task "long". */
export const SLICE_MS = 20;
/** Pieces between two looks at the clock. */
const CHECK_EVERY = 64;

export interface SliceOptions {
  now?: () => number;
  /** Gives the thread back; a macrotask by default. */
  yieldToPage?: () => Promise<void>;
  /** Pieces done so far, after each slice. */
  onProgress?: (done: number) => void;
  sliceMs?: number;
}

/** All of `parts`, collected a slice at a time. */
export async function collectInSlices(
  parts: Iterable<string>,
  options: SliceOptions = {},
): Promise<string[]> {
  const now = options.now ?? (() => performance.now());
  const yieldToPage = options.yieldToPage ?? (() => new Promise<void>((r) => setTimeout(r, 0)));
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const out: string[] = [];
  let start = now();
  for (const part of parts) {
    out.push(part);
    if (out.length % CHECK_EVERY === 0 && now() - start >= sliceMs) {
      options.onProgress?.(out.length);
      await yieldToPage();
      start = now();
    }
  }
  options.onProgress?.(out.length);
  return out;
}
