// The reference recipe's network and data (every training image, clean labels, no dropout), for
// test fixtures that spell out shared settings.
import { DEFAULT_MODEL } from '../../src/shared/model';
import { TRAIN_COUNT } from '../../src/shared/mnist';

export const REFERENCE_NET = {
  model: DEFAULT_MODEL,
  activation: 'relu',
  trainImages: TRAIN_COUNT,
  labelNoise: 0,
  dropout: 0,
} as const;
