// The network a comparison trains travels with it: export → import, kept runs, links. Files, kept runs
// and links from before model choice have no model or activation and open as mlp-128 with ReLU.
import { describe, expect, it } from 'vitest';
import { parseImport, toJson } from '../../src/experiment/exportData';
import { experimentToHash, parseExperimentHash } from '../../src/experiment/link';
import { defaultSettings, runFromSettings } from '../../src/experiment/runs';
import { loadRecords, saveRecords } from '../../src/experiment/storage';
import { inEnglish } from '../../src/i18n/text';
import type { ModelName } from '../../src/shared/model';
import type { SharedSettings } from '../../src/shared/settings';
import { restoreKeptRuns } from '../../src/ui/keptRuns';
import { FakeIndexedDb } from './fakeIndexedDb';
import { SHARED, sampleRecords } from './records';

const CNN_TANH: SharedSettings = { ...SHARED, model: 'cnn' as ModelName, activation: 'tanh' };

/** `shared` as a page from before model choice wrote it. */
function withoutModel(shared: SharedSettings): Omit<SharedSettings, 'model' | 'activation'> {
  const old: Partial<SharedSettings> = { ...shared };
  delete old.model;
  delete old.activation;
  return old as Omit<SharedSettings, 'model' | 'activation'>;
}

describe('export and import carry the model', () => {
  it('round-trips a cnn/tanh experiment', () => {
    const r = parseImport(toJson(CNN_TANH, sampleRecords()));
    expect(r.ok && r.file.shared).toEqual(CNN_TANH);
    expect(r.ok && r.file.runs.map((x) => x.spec)).toEqual(sampleRecords().map((x) => x.spec));
  });

  it('round-trips a custom MLP', () => {
    const shared = { ...SHARED, model: 'mlp-300-100-50' as ModelName, activation: 'sigmoid' as const };
    const r = parseImport(toJson(shared, sampleRecords()));
    expect(r.ok && r.file.shared).toEqual(shared);
  });

  it('reads a file without model and activation as mlp-128 with ReLU', () => {
    const file = JSON.parse(toJson(CNN_TANH, sampleRecords())) as { shared: unknown };
    file.shared = withoutModel(CNN_TANH);
    const r = parseImport(JSON.stringify(file));
    expect(r.ok && r.file.shared).toEqual({ ...CNN_TANH, model: 'mlp-128', activation: 'relu' });
  });

  it('refuses a model this page cannot build, naming the setting', () => {
    const file = JSON.parse(toJson(CNN_TANH, sampleRecords())) as { shared: Record<string, unknown> };
    file.shared.model = 'mlp-8';
    const r = parseImport(JSON.stringify(file));
    expect(r.ok).toBe(false);
    expect(!r.ok && inEnglish(r.error)).toMatch(/^The shared setting "Model" is not a model/);
    file.shared.model = 'cnn';
    file.shared.activation = 'gelu';
    const a = parseImport(JSON.stringify(file));
    expect(!a.ok && inEnglish(a.error)).toBe(
      'The shared setting "Activation" is not one of relu, tanh, sigmoid.',
    );
  });
});

describe('kept runs carry the model', () => {
  it('restores a cnn/tanh run with the network it trained', async () => {
    const fake = new FakeIndexedDb();
    expect((await saveRecords(CNN_TANH, sampleRecords(), fake.asFactory())).ok).toBe(true);
    const got: { runs: number; shared: SharedSettings }[] = [];
    await restoreKeptRuns(() => loadRecords(fake.asFactory()), new AbortController().signal, {
      add: (records, shared) => got.push({ runs: records.length, shared }),
      fail: (e) => {
        throw new Error(inEnglish(e));
      },
    });
    expect(got).toEqual([{ runs: 2, shared: CNN_TANH }]);
  });

  it('reads runs kept by a page from before model choice as mlp-128 with ReLU', async () => {
    const fake = new FakeIndexedDb();
    await saveRecords(withoutModel(CNN_TANH) as SharedSettings, sampleRecords(), fake.asFactory());
    const loaded = await loadRecords(fake.asFactory());
    expect(loaded.ok && loaded.file?.shared).toEqual({ ...CNN_TANH, model: 'mlp-128', activation: 'relu' });
  });
});

describe('links carry the model', () => {
  const run = (i: number) =>
    runFromSettings({ ...defaultSettings(), learningRate: 0.01 * (i + 1) }, i, `r${i}`);

  it('round-trips cnn/tanh in one-run and several-run links', () => {
    for (const runs of [[run(0)], [run(0), run(1)]]) {
      const hash = experimentToHash({ shared: CNN_TANH, runs });
      expect(hash).toMatch(/[#&]model=cnn&act=tanh(&|$)/);
      const back = parseExperimentHash(hash);
      expect(back.notices).toEqual([]);
      expect(back.experiment.shared).toEqual(CNN_TANH);
    }
  });

  it('opens old links, with no model, as mlp-128 with ReLU and writes them as before', () => {
    const old =
      '#opt=adam&lr=0.001&b1=0.9&b2=0.999&eps=1e-7&mom=0.9&nesterov=0&bs=32&epochs=10&prep=scale&seed=1';
    const parsed = parseExperimentHash(old);
    expect(parsed.notices).toEqual([]);
    expect(parsed.experiment.shared).toMatchObject({ model: 'mlp-128', activation: 'relu' });
    expect(experimentToHash(parsed.experiment)).toBe(old);
  });
});
