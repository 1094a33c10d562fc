// Sanity check of the Node test byte source that engine tests use instead of HTTP.
import { describe, expect, it } from 'vitest';
import { MNIST_FILES } from '../../src/engine/mnistFiles';
import { nodeByteSource } from '../helpers/nodeMnist';

describe('nodeByteSource', () => {
  it('lists every served part and reads one with a single progress call', async () => {
    const src = nodeByteSource();
    const manifest = await src.manifest();
    expect(manifest.files.map((f) => f.name)).toEqual([...MNIST_FILES]);
    const info = manifest.files.find((f) => f.name === 't10k-labels-idx1-ubyte')!;
    const calls: number[] = [];
    const bytes = await src.read(info, (n) => calls.push(n));
    expect(bytes.byteLength).toBe(10008);
    expect(calls).toEqual([10008]);
    // IDX1 magic: two zero bytes, type 0x08 (unsigned byte), one dimension.
    expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 8, 1]);
    expect(await src.manifest()).toBe(manifest);
  });
});
