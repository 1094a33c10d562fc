// Retries a byte source's failed downloads with exponential backoff, so a network blip or a dropped
// connection costs a few seconds instead of a reload. Only DownloadError is retried: bad bytes stay bad.
import { DownloadError } from './mnistFetch';
import type { MnistByteSource } from './mnistFiles';

/** Waits before the 1st, 2nd and 3rd retry: doubling, so a short outage is bridged without hammering. */
export const RETRY_DELAYS_MS: readonly number[] = [1000, 2000, 4000];

export interface RetryNotice {
  file: string;
  /** The retry about to happen, from 1. */
  attempt: number;
  /** Its delay. */
  inMs: number;
  /** Why the last try failed. */
  message: string;
}

export interface RetryOptions {
  delaysMs?: readonly number[];
  onRetry?: (r: RetryNotice) => void;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it succeeds, fails with something other than DownloadError, or retries run out. */
export async function withBackoff<T>(attempt: () => Promise<T>, o: RetryOptions = {}): Promise<T> {
  const delays = o.delaysMs ?? RETRY_DELAYS_MS;
  const sleep = o.sleep ?? wait;
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      const inMs = delays[i];
      if (!(err instanceof DownloadError) || inMs === undefined) throw err;
      o.onRetry?.({ file: err.file, attempt: i + 1, inMs, message: err.message });
      await sleep(inMs);
    }
  }
}

/** The same source, each request retried on its own (a failed file does not refetch the others). */
export function retryingByteSource(source: MnistByteSource, o: RetryOptions = {}): MnistByteSource {
  return {
    manifest: () => withBackoff(() => source.manifest(), o),
    read: (info, onBytes) => withBackoff(() => source.read(info, onBytes), o),
  };
}
