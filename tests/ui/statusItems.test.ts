// The status line's items in reading order: the run's name before its numbers, test accuracy last.
import { describe, expect, it } from 'vitest';
import { Session, type LaneData } from '../../src/client/session';
import { EN, MESSAGES } from '../../src/i18n/messages';
import { DEFAULT_MODEL, type ModelName } from '../../src/shared/model';
import { briefRenderer, stateAnnouncement, statusItems } from '../../src/ui/statusItems';

const snap = {
  ...new Session().getSnapshot(),
  step: 600,
  totalSteps: 1000,
  stepsPerEpoch: 500,
  trainingMs: 65_000,
};
const lane: LaneData = {
  points: [{ step: 600, epoch: 1, loss: 0.25, accuracy: 0.9 }],
  internals: [],
  trace: null,
  validation: [{ step: 500, loss: 0.3, accuracy: 0.912 }],
  test: { step: 1000, loss: 0.2, accuracy: 0.95 },
  stopped: null,
};
const labels = (items: { label: string }[]) => items.map((i) => i.label);
const NUMBERS = ['Backend', 'State', 'Step', 'Epoch', 'Samples/s', 'Elapsed'];

describe('statusItems', () => {
  it('lists progress, then the latest numbers', () => {
    expect(labels(statusItems(snap, undefined, null, EN))).toEqual([...NUMBERS, 'Loss', 'Val. accuracy']);
  });

  it('names the run before its numbers and puts test accuracy last', () => {
    const items = statusItems(snap, lane, 'Adam', EN);
    expect(labels(items)).toEqual([...NUMBERS, 'Run', 'Loss', 'Val. accuracy', 'Test accuracy']);
    expect(Object.fromEntries(items.map((i) => [i.label, i.value]))).toMatchObject({
      Step: '600 / 1,000',
      Epoch: '2 / 2',
      Elapsed: '1:05',
      Run: 'Adam',
      Loss: '0.2500',
      'Val. accuracy': '91.2%',
      'Test accuracy': '95.0%',
    });
  });
});

describe('status details a class notices', () => {
  const value = (items: { label: string; value: string }[], label: string) =>
    items.find((i) => i.label === label)?.value;

  it('shows ηₜ after the loss once a schedule or an edit has moved it, and not for a constant η', () => {
    const points = [
      { step: 1, epoch: 0, loss: 2.3, accuracy: 0.1, lr: 0.0001 },
      { step: 600, epoch: 1, loss: 0.25, accuracy: 0.9, lr: 0.000734 },
    ];
    const items = statusItems(snap, { ...lane, points }, null, EN);
    expect(labels(items)).toEqual([...NUMBERS, 'Loss', 'ηₜ', 'Val. accuracy', 'Test accuracy']);
    expect(value(items, 'ηₜ')).toBe('0.000734');
    const constant = points.map((p) => ({ ...p, lr: 0.001 }));
    expect(labels(statusItems(snap, { ...lane, points: constant }, null, EN))).not.toContain('ηₜ');
  });

  it('shows samples/s only while training', () => {
    const fast = { ...snap, samplesPerSec: 6_401_076 };
    expect(value(statusItems({ ...fast, state: 'running' }, lane, null, EN), 'Samples/s')).toBe('6,401,076');
    for (const state of ['paused', 'finished', 'idle'] as const)
      expect(value(statusItems({ ...fast, state }, lane, null, EN), 'Samples/s')).toBe('–');
  });

  it('names the GPU briefly, never cut mid-word, with the whole name kept', () => {
    const swift =
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
    expect(briefRenderer(swift)).toBe('SwiftShader Device Subzero');
    expect(
      briefRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)'),
    ).toBe('NVIDIA GeForce RTX 3060');
    expect(briefRenderer('Apple M1')).toBe('Apple M1');
    const long = briefRenderer('Some Vendor Extraordinarily Long Graphics Adapter Name 9000');
    expect(long.endsWith('…')).toBe(true);
    expect('Some Vendor Extraordinarily Long Graphics Adapter Name 9000'.startsWith(long.slice(0, -1))).toBe(
      true,
    );
    expect(long.slice(0, -1).endsWith(' ')).toBe(false);
    const backend = { backend: 'webgl' as const, renderer: swift, float32: true };
    const item = statusItems({ ...snap, backend }, lane, null, EN)[0]!;
    expect(item.value).toBe('WebGL · SwiftShader Device Subzero');
    expect(item.full).toBe(`WebGL (float32 textures) · ${swift}`);
  });

  it('speaks Chinese with the same numbers, and keeps the item order', () => {
    const zh = MESSAGES.zh;
    const items = statusItems(snap, lane, 'Adam', zh);
    expect(items.map((i) => i.key)).toEqual(statusItems(snap, lane, 'Adam', EN).map((i) => i.key));
    expect(Object.fromEntries(items.map((i) => [i.key, [i.label, i.value]]))).toMatchObject({
      step: ['步数', '600 / 1,000'],
      loss: ['损失', '0.2500'],
      val: ['验证集准确率', '91.2%'],
      test: ['测试集准确率', '95.0%'],
    });
    expect(stateAnnouncement({ state: 'paused', step: 1234 }, lane, zh)).toBe('已在第 1,234 步暂停。');
  });

  it('says how many training images have arrived while the rest streams in, and nothing after', () => {
    const streaming = { ...snap, arrivedTrain: 5_000, trainCount: 55_000 };
    const last = (lang: 'en' | 'zh') => statusItems(streaming, lane, null, MESSAGES[lang]).at(-1);
    expect(last('en')).toMatchObject({ key: 'arriving', value: '5,000 / 55,000, the rest arriving' });
    expect(last('zh')).toMatchObject({ label: '训练图像', value: '5,000 / 55,000，其余正在下载' });
    const done = statusItems({ ...streaming, arrivedTrain: 55_000 }, lane, null, EN);
    expect(done.map((i) => i.key)).not.toContain('arriving');
  });

  it('announces states, not steps', () => {
    expect(stateAnnouncement({ state: 'running', step: 10 }, lane, EN)).toBe('Training.');
    expect(stateAnnouncement({ state: 'running', step: 11 }, lane, EN)).toBe('Training.');
    expect(stateAnnouncement({ state: 'paused', step: 1234 }, lane, EN)).toBe('Paused at step 1,234.');
    expect(stateAnnouncement({ state: 'finished', step: 1000 }, lane, EN)).toBe(
      'Finished: test accuracy 95.0%.',
    );
  });
});

describe('the size of the network the run trains', () => {
  const params = (model: string, lang: 'en' | 'zh' = 'en') =>
    statusItems(snap, lane, 'Adam', MESSAGES[lang], model as ModelName).find((i) => i.key === 'params');

  it('counts 101,770 parameters for mlp-128 and 11,274 for the CNN, named in the tooltip', () => {
    expect(params('mlp-128')).toEqual({
      key: 'params',
      label: 'Parameters',
      value: '101,770',
      full: 'mlp-128: 101,770 trainable parameters',
    });
    expect(params('cnn')?.value).toBe('11,274');
    expect(params('mlp')?.value).toBe('7,850');
    expect(params('cnn', 'zh')).toMatchObject({
      label: '参数量',
      value: '11,274',
      full: 'cnn：11,274 个可训练参数',
    });
  });

  it('comes after the time and before the run whose numbers follow', () => {
    const keys = statusItems(snap, lane, 'Adam', EN, 'mlp-128' as ModelName).map((i) => i.key);
    expect(keys.slice(keys.indexOf('elapsed'), keys.indexOf('run') + 1)).toEqual([
      'elapsed',
      'params',
      'run',
    ]);
  });
});

describe('the training set in the status', () => {
  it('says how many images and wrong labels a run trains on, and nothing for all of MNIST', () => {
    const items = (data: { trainImages: number; labelNoise: number }, m = EN) =>
      statusItems(snap, lane, null, m, DEFAULT_MODEL, data).find((i) => i.key === 'data');
    expect(items({ trainImages: 1000, labelNoise: 0.4 })?.value).toBe('1,000 images · 400 wrong labels');
    expect(items({ trainImages: 1000, labelNoise: 0.4 }, MESSAGES.zh)?.value).toBe(
      '1,000 张图像 · 400 个错误标签',
    );
    expect(items({ trainImages: 2000, labelNoise: 0 })?.value).toBe('2,000 images');
    expect(items({ trainImages: 55_000, labelNoise: 0.1 })?.value).toBe('55,000 images · 5,500 wrong labels');
    expect(items({ trainImages: 55_000, labelNoise: 0 })).toBeUndefined();
  });
});
