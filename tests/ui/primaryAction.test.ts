// The toolbar's main button per run state: a run that could not be set up offers no Start and no Resume.
import { describe, expect, it } from 'vitest';
import { canStep, primaryAction } from '../../src/ui/primaryAction';

describe('primaryAction', () => {
  it('offers a disabled Start, and no Step, for a run that could not be set up', () => {
    expect(primaryAction('error', true)).toEqual({ label: 'Start', disabled: true });
    expect(canStep('error', true)).toBe(false);
  });

  it('keeps the other states as they were', () => {
    expect(primaryAction('idle', true)).toEqual({ label: 'Start', disabled: false });
    expect(primaryAction('idle', false)).toEqual({ label: 'Start', disabled: true });
    expect(primaryAction('running', true)).toEqual({ label: 'Pause', disabled: false });
    expect(primaryAction('paused', false)).toEqual({ label: 'Resume', disabled: false });
    expect(primaryAction('diverged', true)).toEqual({ label: 'Resume', disabled: true });
    expect(primaryAction('finished', true)).toEqual({ label: 'Start', disabled: true });
    expect(canStep('paused', true)).toBe(true);
    expect(canStep('running', true)).toBe(false);
  });
});
