// Restoring the runs kept from an earlier visit, as a function of its loader so it can be cancelled:
// under StrictMode the effect that calls it runs twice, and only the live one may add curves.
import type { RunRecord } from '../experiment/exportData';
import type { loadRecords } from '../experiment/storage';
import type { Text } from '../i18n/text';
import type { SharedSettings } from '../shared/settings';

export interface RestoreTarget {
  /** `shared` is what the kept runs trained with: their network (model, activation), data and seed. */
  add(records: RunRecord[], shared: SharedSettings): void;
  fail(error: Text): void;
}

/** Loads the kept runs and hands them to `to`, unless `signal` aborted while loading. */
export async function restoreKeptRuns(
  load: () => ReturnType<typeof loadRecords>,
  signal: AbortSignal,
  to: RestoreTarget,
): Promise<void> {
  const r = await load();
  if (signal.aborted) return;
  if (!r.ok) to.fail(r.error);
  else if (r.file) to.add(r.file.runs, r.file.shared);
}
