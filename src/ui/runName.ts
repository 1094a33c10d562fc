// A run's name as typed in the page gets the same cleaning as a name from a link or a file, so the
// stored name always passes isRunName: an emptied field stores the optimizer's name instead.
import { cleanName, defaultRunName } from '../experiment/runs';
import type { RunSpec } from '../experiment/types';
import type { OptimizerName } from '../shared/settings';

/** `run` named after `text`; `optimizer` (the one the run list shows) names it when `text` is empty. */
export function renameRun(run: RunSpec, text: string, optimizer: OptimizerName): RunSpec {
  return { ...run, name: cleanName(text, defaultRunName(optimizer)).name };
}
