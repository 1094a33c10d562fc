// Batches while MNIST arrives: only arrived images are drawn, each growth of the pool is recorded and
// replays to the same batches, a run with all data draws exactly the batches it always did, and the
// GPU copy grows part by part without growing the tensor count.
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Batches, hostBatchMaker } from '../../src/engine/batches';
import type { MnistData, Split } from '../../src/engine/mnist';
import { createRng, deriveSeed, shuffledIndices } from '../../src/shared/random';
import { DeviceMnist, packImages, WORDS_PER_IMAGE } from '../../src/engine/webgl/deviceData';
import { IMAGE_PIXELS } from '../../src/shared/mnist';
import type { PoolChange } from '../../src/shared/pool';
import { useCpu } from '../helpers/tf';

const TRAIN = 1000;
const BATCH = 20;
const SEED = 7;

function split(count: number, salt: number): Split {
  return {
    images: Uint8Array.from({ length: count * IMAGE_PIXELS }, (_, i) => (i * salt + (i >> 9)) % 256),
    labels: Uint8Array.from({ length: count }, (_, i) => (i * salt) % 10),
    count,
  };
}

/** Small synthetic data of which `arrived` training images are in; the test moves `arrival` on. */
function arriving(arrived: number): MnistData {
  return {
    train: split(TRAIN, 7),
    validation: split(60, 11),
    test: split(80, 13),
    arrival: { train: arrived, validation: false, test: false },
  };
}

beforeAll(async () => {
  await useCpu();
});

describe('Batches while MNIST arrives', () => {
  it('draws exactly the old batch order when everything is there, and records no pool', () => {
    const changes: PoolChange[] = [];
    const data = arriving(TRAIN);
    delete data.arrival;
    const batches = new Batches(hostBatchMaker(data)('scale', undefined), BATCH, SEED, {
      onPoolChange: (c) => changes.push(c),
    });
    // The batch order before streaming: a fresh seeded shuffle of the whole set per epoch.
    const rng = createRng(deriveSeed(SEED, 2));
    const epochs = [shuffledIndices(TRAIN, rng), shuffledIndices(TRAIN, rng)];
    const perEpoch = TRAIN / BATCH;
    for (let step = 0; step < 2 * perEpoch; step += 7) {
      const pos = (step % perEpoch) * BATCH;
      expect([...batches.indices(step)]).toEqual([
        ...epochs[Math.floor(step / perEpoch)]!.subarray(pos, pos + BATCH),
      ]);
      batches.batch(step);
    }
    expect(changes).toEqual([]);
    batches.dispose();
  });

  it('indexes only arrived images, records each growth, and keeps the tensor count flat', () => {
    const data = arriving(200);
    const changes: PoolChange[] = [];
    const seen: number[][] = [];
    const batches = new Batches(hostBatchMaker(data)('scale', undefined), BATCH, SEED, {
      onPoolChange: (c) => changes.push(c),
    });
    let tensors = 0;
    for (let step = 0; step < 80; step++) {
      if (step === 10) data.arrival!.train = 600;
      if (step === 30) data.arrival!.train = TRAIN;
      const { x } = batches.batch(step);
      const indices = [...batches.indices(step)];
      seen.push(indices);
      expect(new Set(indices).size).toBe(BATCH);
      expect(Math.max(...indices)).toBeLessThan(data.arrival!.train);
      expect(x.shape).toEqual([BATCH, IMAGE_PIXELS]);
      if (step === 1) tensors = tf.memory().numTensors;
      if (step > 1) expect(tf.memory().numTensors).toBe(tensors);
    }
    expect(changes).toEqual([
      { step: 1, images: 200 },
      { step: 11, images: 600 },
      { step: 31, images: TRAIN },
    ]);
    // With the whole set in, the steps take their places in the epochs' shuffle, as in a run that had it all.
    const full = arriving(TRAIN);
    delete full.arrival;
    const reference = new Batches(hostBatchMaker(full)('scale', undefined), BATCH, SEED);
    for (let step = 30; step < 80; step++) expect(seen[step]).toEqual([...reference.indices(step)]);
    expect(seen.slice(0, 30)).not.toEqual(Array.from({ length: 30 }, (_, s) => [...reference.indices(s)]));

    // Replayed from the record (a new worker, whatever has arrived there): the same batches.
    const replay = new Batches(hostBatchMaker(full)('scale', undefined), BATCH, SEED, {
      pool: { changes, through: 79 },
      onPoolChange: () => expect.unreachable('a replayed run records nothing new'),
    });
    for (let step = 0; step < 80; step++) {
      replay.batch(step);
      expect([...replay.indices(step)]).toEqual(seen[step]);
    }
    batches.dispose();
    reference.dispose();
    replay.dispose();
  });

  it('replays a recorded pool only where recorded, and refuses a step whose images have not arrived', () => {
    const data = arriving(300);
    const changes: PoolChange[] = [];
    const pool = { changes: [{ step: 1, images: 200 }], through: 5 };
    const batches = new Batches(hostBatchMaker(data)('scale', undefined), BATCH, SEED, {
      pool,
      onPoolChange: (c) => changes.push(c),
    });
    for (let step = 0; step < 5; step++) {
      batches.batch(step);
      expect(Math.max(...batches.indices(step))).toBeLessThan(200);
    }
    batches.batch(5); // step 6: past the record, so it draws from everything that has arrived
    expect(changes).toEqual([{ step: 6, images: 300 }]);

    const ahead = new Batches(hostBatchMaker(arriving(100))('scale', undefined), BATCH, SEED, { pool });
    expect(() => ahead.batch(0)).toThrow('step 1 draws from 200 training images, but 100 have arrived');
    batches.dispose();
    ahead.dispose();
  });
});

describe('DeviceMnist while MNIST arrives', () => {
  it('appends each part to one tensor and uploads a held-out split once it is whole', async () => {
    const data = arriving(250);
    const before = tf.memory().numTensors;
    const device = new DeviceMnist(data);
    const maker = device.batchMaker('scale', undefined);
    expect(tf.memory().numTensors - before).toBe(2); // training images and labels
    expect([maker.available('train'), maker.available('validation')]).toEqual([250, 0]);
    for (const arrived of [500, 750, TRAIN]) {
      data.arrival!.train = arrived;
      device.sync();
      expect(tf.memory().numTensors - before).toBe(2);
      expect(maker.available('train')).toBe(arrived);
    }
    data.arrival!.validation = true;
    device.sync();
    expect(tf.memory().numTensors - before).toBe(4);
    expect(maker.available('validation')).toBe(60);
    expect(device.bytes).toBe(4 * ((TRAIN + 60) * (WORDS_PER_IMAGE + 1)));
    // The appended copy is the whole set packed in one go.
    const images = (device as unknown as { splits: { train: { images: tf.Tensor } } }).splits.train.images;
    const same = (a: Float32Array, b: Float32Array) => Buffer.from(a.buffer).equals(Buffer.from(b.buffer));
    expect(same((await images.data()) as Float32Array, packImages(data.train.images, TRAIN))).toBe(true);
    device.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
