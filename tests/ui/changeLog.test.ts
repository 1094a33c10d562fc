// @vitest-environment happy-dom
// The change log marks as "replays at this step" only the changes a replay will apply: those the run
// had when it was last reset, still ahead of the current step; a change made just now is not one.
import { afterEach, describe, expect, it } from 'vitest';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { defaultSettings, runFromSettings } from '../../src/experiment/runs';
import { recordChange } from '../../src/experiment/timeline';
import { ChangeLog } from '../../src/ui/ChangeLog';
import { replaySteps } from '../../src/ui/runViews';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = '';
});

describe('ChangeLog', () => {
  it('labels only replayed changes ahead of the step as upcoming', () => {
    const fresh = runFromSettings(defaultSettings(), 0, 'r1');
    const trained = recordChange(fresh, 50, { key: 'beta2', value: 0.9 }); // from a link, at Reset
    const now = recordChange(trained, 41, { key: 'learningRate', value: 0.01 }); // made just now
    expect(replaySteps([trained]).get('r1')).toEqual(new Set([50]));
    const host = document.body.appendChild(document.createElement('div'));
    root = createRoot(host);
    act(() =>
      root!.render(
        createElement(ChangeLog, {
          runs: [now],
          upTo: 40,
          replaying: replaySteps([trained]),
          recoveries: [],
          onForget: () => {},
        }),
      ),
    );
    const items = [...host.querySelectorAll('li')].map((li) => [
      li.getAttribute('data-step'),
      li.textContent,
    ]);
    expect(items).toEqual([
      ['41', 'step 41Learning rate η 0.001 → 0.01'],
      ['50', 'step 50β2 0.999 → 0.9 (replays at this step)'],
    ]);
  });
});
