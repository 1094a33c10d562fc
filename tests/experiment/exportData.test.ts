// JSON and CSV export contents, and that a JSON export imports back to the same records.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CSV_HEADER, parseImport, toCsv, toJson, type RunRecord } from '../../src/experiment/exportData';
import { experimentArb } from './arbitraries';
import { SHARED, sampleRecords } from './records';

const NOW = new Date('2025-01-02T03:04:05.000Z');

describe('toJson', () => {
  it('writes the header fields and keeps non-finite losses as strings', () => {
    const text = toJson(SHARED, sampleRecords(), NOW);
    const raw = JSON.parse(text) as {
      format: string;
      version: number;
      exportedAt: string;
      runs: { points: { loss: unknown }[] }[];
    };
    expect(raw.format).toBe('mnist-optimizer-playground');
    expect(raw.version).toBe(1);
    expect(raw.exportedAt).toBe('2025-01-02T03:04:05.000Z');
    expect(raw.runs[1]?.points.map((p) => p.loss)).toEqual([2.3, 'Infinity', 'NaN', '-Infinity']);
    // One line per point keeps long runs readable.
    expect(text).toContain('\n        {"step":2,"epoch":0,"loss":"Infinity","accuracy":0.1},\n');
  });

  it('imports back to exactly the exported records', () => {
    const result = parseImport(toJson(SHARED, sampleRecords(), NOW));
    expect(result).toEqual({
      ok: true,
      file: {
        format: 'mnist-optimizer-playground',
        version: 1,
        exportedAt: NOW.toISOString(),
        shared: SHARED,
        runs: sampleRecords(),
      },
    });
  });

  it('round-trips any valid runs and metrics', () => {
    // -0 is written as 0 (JSON has no negative zero); no loss or accuracy is ever -0.
    const metric = fc.oneof(
      fc.double().map((x) => (x === 0 ? 0 : x)),
      fc.constantFrom(NaN, Infinity, -Infinity, 1),
    );
    const series = fc
      .uniqueArray(fc.integer({ min: 0, max: 1e6 }), { maxLength: 20 })
      .chain((steps) =>
        fc.tuple(
          ...[...steps]
            .sort((a, b) => a - b)
            .map((step) => fc.record({ step: fc.constant(step), loss: metric, accuracy: metric })),
        ),
      );
    fc.assert(
      fc.property(experimentArb(), series, series, (e, points, validation) => {
        const records: RunRecord[] = e.runs.map((spec, i) => ({
          spec,
          points: points.map((p) => ({ ...p, epoch: Math.floor(p.step / 100) })),
          validation,
          test: i === 0 ? null : (validation[0] ?? null),
        }));
        const result = parseImport(toJson(e.shared, records, NOW));
        expect(result.ok && result.file.runs).toEqual(records);
        expect(result.ok && result.file.shared).toEqual(e.shared);
      }),
      { numRuns: 200 },
    );
  });
});

describe('toCsv', () => {
  it('writes the header and one row per run and step, validation where it exists', () => {
    const lines = toCsv(sampleRecords()).split('\r\n');
    expect(lines).toEqual([
      CSV_HEADER,
      'Adam,0,,,,,2.31,0.09',
      'Adam,1,0,2.3,0.1,,,',
      'Adam,2,0,1.5,0.4,,1.4,0.5',
      'Adam,3,1,0.9,0.7,,,',
      '"Big ""lr"", SGD",1,0,2.3,0.1,,,',
      '"Big ""lr"", SGD",2,0,Infinity,0.1,,,',
      '"Big ""lr"", SGD",3,1,NaN,NaN,,,',
      '"Big ""lr"", SGD",4,1,-Infinity,0,,,',
      '',
    ]);
    expect(CSV_HEADER).toBe('run,step,epoch,loss,accuracy,lr,val_loss,val_accuracy');
  });

  it('quotes names with line breaks and writes just the header for no runs', () => {
    const [first] = sampleRecords();
    const record = {
      ...first!,
      spec: { ...first!.spec, name: 'a\nb' },
      validation: [],
      points: first!.points.slice(0, 1),
    };
    expect(toCsv([record])).toBe(`${CSV_HEADER}\r\n"a\nb",1,0,2.3,0.1,,,\r\n`);
    expect(toCsv([])).toBe(`${CSV_HEADER}\r\n`);
  });
});

describe('the learning rate η_t in exports', () => {
  it('writes the lr of each point in the CSV column and the JSON, and imports it back', () => {
    const [first] = sampleRecords();
    const points = first!.points.map((p, i) => ({ ...p, lr: 0.001 * (i + 1) }));
    const record = { ...first!, points, validation: [] };
    expect(toCsv([record]).split('\r\n').slice(1, 3)).toEqual([
      'Adam,1,0,2.3,0.1,0.001,,',
      'Adam,2,0,1.5,0.4,0.002,,',
    ]);
    const back = parseImport(toJson(SHARED, [record]));
    expect(back.ok && back.file.runs[0]!.points.map((p) => p.lr)).toEqual([0.001, 0.002, 0.003]);
  });
});

describe('CSV safety', () => {
  it('defuses run names a spreadsheet would evaluate', () => {
    const [first] = sampleRecords();
    const csv = toCsv([{ ...first!, spec: { ...first!.spec, name: '=HYPERLINK("x")' } }]);
    expect(csv.split('\r\n')[1]!.startsWith(`"'=HYPERLINK(""x"")",`)).toBe(true);
  });
});

describe('the optimizer instruments in exports', () => {
  const inside = (step: number, extra: Record<string, number> = {}) => ({
    step,
    layers: {
      'dense1.kernel': { gradNorm: 2, updateNorm: 0.01, weightNorm: 10, ...extra },
      'dense1.bias': { gradNorm: 0.5, updateNorm: 0.001, weightNorm: 1, ...extra },
    },
  });
  const withInternals = (): RunRecord[] => {
    const [sgd, adam] = sampleRecords();
    return [
      { ...sgd!, internals: [inside(1), inside(2)] },
      {
        ...adam!,
        internals: [{ ...inside(1, { epsShare: 0.25 }), biasCorrection1: 10, biasCorrection2: 1000 }],
      },
    ];
  };

  it('writes them per run in the JSON export, and import still reads the curves', () => {
    const text = toJson(SHARED, withInternals(), NOW);
    const raw = JSON.parse(text) as { runs: { internals: unknown }[] };
    expect(raw.runs[0]!.internals).toEqual([inside(1), inside(2)]);
    expect(raw.runs[1]!.internals).toEqual([
      { ...inside(1, { epsShare: 0.25 }), biasCorrection1: 10, biasCorrection2: 1000 },
    ]);
    const back = parseImport(text);
    expect(back.ok && back.file.runs.map((r) => r.points)).toEqual(sampleRecords().map((r) => r.points));
  });

  it('gives the CSV one column per layer and quantity that some run has, filled at their steps', () => {
    const [header, ...rows] = toCsv(withInternals()).trimEnd().split('\r\n');
    const cols = header!.split(',');
    expect(cols.slice(CSV_HEADER.split(',').length)).toEqual([
      'dense1.kernel.gradNorm',
      'dense1.kernel.updateNorm',
      'dense1.kernel.weightNorm',
      'dense1.kernel.epsShare',
      'dense1.bias.gradNorm',
      'dense1.bias.updateNorm',
      'dense1.bias.weightNorm',
      'dense1.bias.epsShare',
      'biasCorrection1',
      'biasCorrection2',
    ]);
    // The second run's name is quoted (it holds a comma and quotes); cells after it split cleanly.
    const cells = (row: string) => ['name', ...row.replace(/^("([^"]|"")*"|[^,]*),/, '').split(',')];
    const cell = (row: string, col: string) => cells(row)[cols.indexOf(col)];
    const quoted = rows.find((r) => r.startsWith('"Big') && cells(r)[1] === '1')!;
    expect(cell(quoted, 'dense1.kernel.epsShare')).toBe('0.25');
    expect(cell(quoted, 'biasCorrection2')).toBe('1000');
    const first = rows.find((r) => r.startsWith('Adam,2,'))!;
    expect(cell(first, 'dense1.bias.gradNorm')).toBe('0.5');
    expect(cell(first, 'biasCorrection1')).toBe('');
  });
});

describe('the whole training set in exports', () => {
  it('writes its results in the JSON and three CSV columns, and imports them back', () => {
    const [first] = sampleRecords();
    const training = [
      { step: 2, loss: 0.9, accuracy: 0.7, trueLoss: 1.2, trueAccuracy: 0.65 },
      { step: 3, loss: 0.5, accuracy: 0.8, trueLoss: 1.4, trueAccuracy: 0.6 },
    ];
    const record = { ...first!, training };
    const csv = toCsv([record]).split('\r\n');
    expect(csv[0]).toBe(`${CSV_HEADER},train_loss,train_accuracy,train_true_accuracy`);
    expect(csv).toContain('Adam,2,0,1.5,0.4,,1.4,0.5,0.9,0.7,0.65');
    expect(toCsv([first!]).split('\r\n')[0]).toBe(CSV_HEADER);
    const back = parseImport(toJson(SHARED, [record]));
    expect(back.ok && back.file.runs[0]!.training).toEqual(training);
    const bad = toJson(SHARED, [
      { ...record, training: [{ step: 2, loss: 0.9, accuracy: 0.7, trueLoss: 'x' }] as never },
    ]);
    const refused = parseImport(bad);
    expect(refused.ok).toBe(false);
  });
});
