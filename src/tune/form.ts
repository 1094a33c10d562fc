// What a random search is asked for: how many trials of how many steps over which space. Plain data: the
// Tune panel edits it, the link carries it (tune/link.ts), and the same form and seed draw the same trials.
import { DEFAULT_SPACE, TRIAL_COUNT, TRIAL_STEPS, type SearchSpace } from './sampler';

export interface SearchForm {
  space: SearchSpace;
  trials: number;
  steps: number;
}

export const DEFAULT_FORM: SearchForm = {
  space: DEFAULT_SPACE,
  trials: TRIAL_COUNT.default,
  steps: TRIAL_STEPS.default,
};
