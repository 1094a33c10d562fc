// fast-check generators for the config tests, built from the FIELDS table so a new setting is
// covered without touching the tests.
import fc from 'fast-check';
import { FIELD_LIST, type AnyFieldSpec } from '../../src/config/schema';
import type { RunConfig } from '../../src/shared/settings';
import { MAX_HIDDEN_LAYERS, MAX_WIDTH, MIN_WIDTH, MODEL_PRESETS, modelName } from '../../src/shared/model';

/** Any in-range value for one field, with the range ends and default over-represented. */
export function validValueArb(spec: AnyFieldSpec): fc.Arbitrary<RunConfig[keyof RunConfig]> {
  switch (spec.kind) {
    case 'int':
      return fc.oneof(
        fc.integer({ min: spec.min, max: spec.max }),
        fc.constantFrom(spec.min, spec.max, spec.default),
      );
    case 'number':
      return fc.oneof(
        // -0 is not a valid stored value: it would come back from a link as 0.
        fc.double({ min: spec.min, max: spec.max, noNaN: true }).map((v) => (v === 0 ? 0 : v)),
        fc
          .constantFrom(spec.min, spec.max, spec.default, 1e-10, 0.99999, 0.1, 1e-7)
          .filter((v) => v >= spec.min && v <= spec.max),
      );
    case 'bool':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...spec.options);
    case 'model':
      return fc.oneof(
        fc.constantFrom(...MODEL_PRESETS),
        fc
          .array(fc.integer({ min: MIN_WIDTH, max: MAX_WIDTH }), { maxLength: MAX_HIDDEN_LAYERS })
          .map((hidden) => modelName({ kind: 'mlp', hidden })),
      );
  }
}

export const validConfigArb: fc.Arbitrary<RunConfig> = fc.record(
  Object.fromEntries(FIELD_LIST.map((spec) => [spec.key, validValueArb(spec)])),
) as fc.Arbitrary<RunConfig>;
