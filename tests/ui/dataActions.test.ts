// @vitest-environment happy-dom
// Kept runs come back once: under StrictMode React runs the restoring effect twice (mount, unmount,
// mount), and the first load must not add its runs when the second one adds them too.
import { verbatim } from '../../src/i18n/text';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Session } from '../../src/client/session';
import { makeExportFile } from '../../src/experiment/exportTypes';
import { saveRecords } from '../../src/experiment/storage';
import { defaultSettings, runFromSettings } from '../../src/experiment/runs';
import type { Experiment } from '../../src/experiment/types';
import { restoreKeptRuns } from '../../src/ui/keptRuns';
import { useDataActions } from '../../src/ui/useDataActions';
import { pytorchScript } from '../../src/experiment/pytorch/script';
import { FakeIndexedDb } from '../experiment/fakeIndexedDb';
import { SHARED, sampleRecords } from '../experiment/records';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const experiment: Experiment = { shared: SHARED, runs: [runFromSettings(defaultSettings(), 0, 'r1')] };

afterEach(() => {
  delete (globalThis as { indexedDB?: unknown }).indexedDB;
});

describe('useDataActions', () => {
  it('restores kept runs once under StrictMode', async () => {
    const db = new FakeIndexedDb().asFactory();
    expect((await saveRecords(SHARED, sampleRecords(), db)).ok).toBe(true);
    Object.defineProperty(globalThis, 'indexedDB', { configurable: true, value: db });

    let names: string[] = [];
    const snap = new Session().getSnapshot();
    function Probe() {
      names = useDataActions({ experiment, snap, addNotice: () => {} }).overlays.map((o) => o.name);
      return null;
    }
    const root = createRoot(document.body.appendChild(document.createElement('div')));
    await act(async () => root.render(createElement(StrictMode, null, createElement(Probe))));
    // The fake answers in later tasks; give both loads time to finish.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(names).toEqual(sampleRecords().map((r) => `${r.spec.name} (kept)`));
    await act(async () => root.unmount());
  });
});

describe('Export PyTorch script', () => {
  it('saves the experiment as trained (the last Reset’s shared settings) with the pools it drew from', async () => {
    const saved: { name: string; text: Promise<string> }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      saved.push({ name: this.download, text: blobs.get(this.href)!.text() });
    });
    const blobs = new Map<string, Blob>();
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      const url = `blob:${blobs.size}`;
      blobs.set(url, b as Blob);
      return url;
    });
    const notices: string[] = [];
    let exportPytorch = () => {};
    const snap = new Session().getSnapshot();
    const trained = { ...SHARED, trainImages: 1000, labelNoise: 0.25 };
    const pool = { changes: [{ step: 1, images: 4000 }], through: 0 };
    function Probe() {
      exportPytorch = useDataActions({
        experiment: { ...experiment, shared: { ...SHARED, trainImages: 2000 } },
        snap,
        addNotice: (n) => notices.push(String(n.kind)),
        model: { run: experiment.runs[0]!, shared: trained, checkpoint: () => null, pause: () => {} },
        pool: () => pool,
      }).exportPytorch;
      return null;
    }
    const root = createRoot(document.body.appendChild(document.createElement('div')));
    await act(async () => root.render(createElement(Probe)));
    act(() => exportPytorch());
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toMatch(/^mnist-playground-.*\.py$/);
    const text = await saved[0]!.text;
    expect(text).toBe(pytorchScript({ ...experiment, shared: trained }, { pool }));
    expect(notices.filter((k) => k === 'export')).toHaveLength(1); // (storage: no IndexedDB here)
    click.mockRestore();
    await act(async () => root.unmount());
  });
});

describe('restoreKeptRuns', () => {
  it('hands the kept runs over, or says why they could not be read', async () => {
    const to = { add: vi.fn(), fail: vi.fn() };
    const file = makeExportFile(SHARED, sampleRecords());
    await restoreKeptRuns(async () => ({ ok: true, file }), new AbortController().signal, to);
    // With the settings they trained with, the network (model, activation) included.
    expect(to.add).toHaveBeenCalledWith(sampleRecords(), SHARED);
    const gone = verbatim('disk gone');
    await restoreKeptRuns(async () => ({ ok: false, error: gone }), new AbortController().signal, to);
    expect(to.fail).toHaveBeenCalledWith(gone);
  });

  it('does nothing once cancelled while loading', async () => {
    const abort = new AbortController();
    const to = { add: vi.fn(), fail: vi.fn() };
    const done = restoreKeptRuns(
      () => new Promise((resolve) => setTimeout(() => resolve({ ok: false, error: verbatim('late') }), 5)),
      abort.signal,
      to,
    );
    abort.abort();
    await done;
    expect(to.add).not.toHaveBeenCalled();
    expect(to.fail).not.toHaveBeenCalled();
  });
});
