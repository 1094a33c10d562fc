// Malformed export files, each with the one-sentence error the importer must give for it.
import { parseImport, toJson } from '../../src/experiment/exportData';
import { inEnglish } from '../../src/i18n/text';
import { SHARED, sampleRecords } from './records';

export type Json = Record<string, unknown> & { runs: Record<string, unknown>[] };
export type Run = Record<string, unknown> & {
  spec: Record<string, unknown>;
  points: Record<string, unknown>[];
};

export function valid(): Json {
  return JSON.parse(toJson(SHARED, sampleRecords())) as Json;
}
export function run0(f: Json): Run {
  return f.runs[0] as Run;
}
/** A valid export changed by `edit`, as text. */
export function edited(edit: (f: Json) => void): string {
  const f = valid();
  edit(f);
  return JSON.stringify(f);
}
/** The refusal of `text`, in English. */
export function errorOf(text: string): string {
  const r = parseImport(text);
  if (r.ok) throw new Error('expected the import to fail');
  return inEnglish(r.error);
}

export const CASES: [string, string, string][] = [
  ['not JSON', '{"format": ', 'This file is not valid JSON.'],
  ['a JSON array', '[1,2]', 'This file is not a playground export (it is not a JSON object).'],
  ['no format', edited((f) => delete f.format), 'This file is not a playground export (it has no "format").'],
  [
    'another format',
    edited((f) => (f.format = 'foo')),
    'This file is not a playground export (format is "foo").',
  ],
  [
    'a newer version',
    edited((f) => (f.version = 2)),
    "This export's version 2 is not supported; this page reads version 1.",
  ],
  [
    'a text version',
    edited((f) => (f.version = '1')),
    'This export\'s version "1" is not supported; this page reads version 1.',
  ],
  ['no export date', edited((f) => (f.exportedAt = 5)), 'The file has no export date ("exportedAt").'],
  ['no shared settings', edited((f) => delete f.shared), 'The file has no shared settings ("shared").'],
  [
    'a shared value out of range',
    edited((f) => ((f.shared as Record<string, unknown>).batchSize = 5000)),
    'The shared setting "Batch size" is above the maximum 1024.',
  ],
  [
    'a shared value of the wrong type',
    edited((f) => ((f.shared as Record<string, unknown>).seed = '7')),
    'The shared setting "Seed" is not a number.',
  ],
  ['runs not a list', edited((f) => (f.runs = {} as never)), 'The file\'s "runs" is missing or not a list.'],
  ['no runs', edited((f) => (f.runs = [])), 'The file holds no runs.'],
  [
    'too many runs',
    edited((f) => (f.runs = [...f.runs, ...f.runs, ...f.runs])),
    'The file holds 6 runs, but at most 4 can be compared.',
  ],
  ['a run that is not an object', edited((f) => (f.runs[1] = 3 as never)), 'Run 2 is not an object.'],
  [
    'a run without spec',
    edited((f) => delete (run0(f) as Partial<Run>).spec),
    'Run 1 has no run settings ("spec").',
  ],
  [
    'a name of the wrong type',
    edited((f) => (run0(f).spec.name = 42)),
    "Run 1's name is missing or not text.",
  ],
  [
    'an empty name',
    edited((f) => (run0(f).spec.name = '')),
    "Run 1's name is empty, too long or has unusable characters.",
  ],
  [
    'a bad colour',
    edited((f) => (run0(f).spec.color = 'red')),
    'Run 1\'s colour "red" is not a hex colour like "#0072B2".',
  ],
  [
    'hidden not boolean',
    edited((f) => (run0(f).spec.hidden = 'no')),
    'Run 1\'s "hidden" is not true or false.',
  ],
  [
    'an unknown optimizer',
    edited((f) => ((run0(f).spec.initial as Record<string, unknown>).optimizer = 'lion')),
    'Run 1\'s initial setting "Optimizer" is not one of sgd, momentum, adagrad, rmsprop, adam, adamw.',
  ],
  [
    'a missing initial setting',
    edited((f) => delete (run0(f).spec.initial as Record<string, unknown>).beta1),
    'Run 1\'s initial setting "β1" is missing.',
  ],
  [
    'a change of an unknown setting',
    edited((f) => (run0(f).spec.timeline = [{ step: 1, key: 'batchSize', value: 2 }])),
    'Run 1\'s change 1 changes an unknown setting "batchSize".',
  ],
  [
    'a change with a bad step',
    edited((f) => (run0(f).spec.timeline = [{ step: 0.5, key: 'beta2', value: 0.9 }])),
    "Run 1's change 1 has an invalid step (0.5).",
  ],
  [
    'a change out of range',
    edited((f) => (run0(f).spec.timeline = [{ step: 3, key: 'beta2', value: 1 }])),
    "Run 1's change 1 (β2) is above the maximum 0.99999.",
  ],
  [
    'unsorted changes',
    edited(
      (f) =>
        (run0(f).spec.timeline = [
          { step: 3, key: 'beta2', value: 0.9 },
          { step: 2, key: 'beta2', value: 0.9 },
        ]),
    ),
    "Run 1's changes are not sorted by step.",
  ],
  [
    'points not a list',
    edited((f) => (run0(f).points = 'x' as never)),
    "Run 1's points are missing or not a list.",
  ],
  [
    'a non-numeric loss',
    edited((f) => (run0(f).points[1]!.loss = 'abc')),
    'Run 1\'s point 2 has a loss that is not a number ("abc").',
  ],
  [
    'a null accuracy',
    edited((f) => (run0(f).points[0]!.accuracy = null)),
    "Run 1's point 1 has an accuracy that is not a number (null).",
  ],
  [
    'a missing epoch',
    edited((f) => delete run0(f).points[2]!.epoch),
    "Run 1's point 3 has an invalid epoch (missing).",
  ],
  [
    'unsorted points',
    edited((f) => run0(f).points.reverse()),
    "Run 1's points are not sorted by step (step 2 comes after step 3).",
  ],
  [
    'a repeated step',
    edited((f) => (run0(f).points[1]!.step = 1)),
    "Run 1's points are not sorted by step (step 1 comes after step 1).",
  ],
  [
    'a bad validation result',
    edited((f) => (run0(f).validation = [{ step: -1, loss: 1, accuracy: 1 }])),
    "Run 1's validation result 1 has an invalid step (-1).",
  ],
  [
    'a bad test result',
    edited((f) => (run0(f).test = { step: 1, loss: 1 })),
    "Run 1's test result has an accuracy that is not a number (missing).",
  ],
  [
    'two runs with one id',
    edited((f) => ((f.runs[1] as Run).spec.id = 'r1')),
    'Runs 1 and 2 have the same id "r1".',
  ],
  [
    'a __proto__ key',
    edited(
      (f) =>
        (run0(f).spec = JSON.parse(
          `{"__proto__": {"polluted": 1}, ${JSON.stringify(run0(f).spec).slice(1)}`,
        ) as Run['spec']),
    ),
    'The file contains the key "__proto__", which is not allowed.',
  ],
  [
    'a constructor key',
    edited((f) => (f.constructor = { prototype: {} } as never)),
    'The file contains the key "constructor", which is not allowed.',
  ],
];
