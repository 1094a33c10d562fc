// The reference recipe's network, for test fixtures that spell out shared settings.
import { DEFAULT_MODEL } from '../../src/shared/model';

export const REFERENCE_NET = { model: DEFAULT_MODEL, activation: 'relu' } as const;
