// IDX file parsing (the original MNIST format) with checks that fail loudly on a wrong or short file.

export const IDX_IMAGES_MAGIC = 2051;
export const IDX_LABELS_MAGIC = 2049;

export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  /** count·rows·cols bytes, row-major, one image after another. */
  pixels: Uint8Array;
}

function header(bytes: Uint8Array, words: number, name: string): DataView {
  if (bytes.byteLength < words * 4)
    throw new Error(`${name}: file is ${bytes.byteLength} bytes, too short for an IDX header`);
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function checkMagic(view: DataView, expected: number, name: string): void {
  const magic = view.getUint32(0, false);
  if (magic !== expected) throw new Error(`${name}: IDX magic number is ${magic}, expected ${expected}`);
}

export function parseIdxImages(bytes: Uint8Array, name = 'images'): IdxImages {
  const view = header(bytes, 4, name);
  checkMagic(view, IDX_IMAGES_MAGIC, name);
  const count = view.getUint32(4, false);
  const rows = view.getUint32(8, false);
  const cols = view.getUint32(12, false);
  if (rows !== 28 || cols !== 28) throw new Error(`${name}: images are ${rows}×${cols}, expected 28×28`);
  const expected = 16 + count * rows * cols;
  if (bytes.byteLength !== expected)
    throw new Error(`${name}: file is ${bytes.byteLength} bytes, expected ${expected} for ${count} images`);
  return { count, rows, cols, pixels: bytes.subarray(16) };
}

export function parseIdxLabels(bytes: Uint8Array, name = 'labels'): Uint8Array {
  const view = header(bytes, 2, name);
  checkMagic(view, IDX_LABELS_MAGIC, name);
  const count = view.getUint32(4, false);
  if (bytes.byteLength !== 8 + count)
    throw new Error(`${name}: file is ${bytes.byteLength} bytes, expected ${8 + count} for ${count} labels`);
  const labels = bytes.subarray(8);
  for (let i = 0; i < labels.length; i++)
    if (labels[i]! > 9) throw new Error(`${name}: label ${labels[i]} at index ${i} is not a digit`);
  return labels;
}
