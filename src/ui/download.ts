// Saving files from the page: exported data, chart images and a run's network, without any server.
import { inputMap, layersModelFiles, type LaneWeights } from '../experiment/tfjsModel';
import type { Text } from '../i18n/text';
import type { SharedSettings } from '../shared/settings';
import type { Notice } from './notice';

/** The time for file names, e.g. 2024-05-01-14-03-22 (UTC). */
export function fileStamp(): string {
  return new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Refusal = Extract<LaneWeights, { ok: false }>['why'];
const MODEL_REFUSED: Record<Refusal, (run: string) => Text> = {
  untrained: () => (m) => m.data.modelUntrained,
  noLane: (run) => (m) => m.data.modelNoLane(run),
  notFinite: (run) => (m) => m.data.modelNotFinite(run),
};

/** Six significant digits: the notice's numbers (model.json holds them exactly). */
const short = (x: number) => String(Number(x.toPrecision(6)));

/**
 * Saves run `run`'s network as a TensorFlow.js layers model (experiment/tfjsModel.ts): model.json and
 * the weights file its manifest names. The notice says which step, and how to feed it; `stale`: the
 * weights are of an earlier checkpoint than the step training stopped at.
 */
export function saveModel(run: string, shared: SharedSettings, weights: LaneWeights, stale: boolean): Notice {
  const notice = { kind: 'export', key: 'model' } as const;
  if (!weights.ok) return { ...notice, tone: 'warning', title: MODEL_REFUSED[weights.why](run) };
  const { step } = weights;
  try {
    const meta = { run, step, preprocessing: shared.preprocessing };
    const { modelJson, weightsBin, names } = layersModelFiles(
      shared.model,
      shared.activation,
      weights.weights,
      meta,
    );
    downloadBlob(new Blob([JSON.stringify(modelJson)], { type: 'application/json' }), names.json);
    downloadBlob(new Blob([weightsBin], { type: 'application/octet-stream' }), names.weights);
    const { center, spread } = inputMap(shared.preprocessing);
    const usage: Text = (m) => m.data.modelUsage(short(center), short(spread));
    return {
      ...notice,
      tone: stale ? 'warning' : 'info',
      title: (m) => m.data.modelSaved(run, m.format.int(step), names.json, names.weights),
      lines: stale ? [(m) => m.data.modelStale(m.format.int(step)), usage] : [usage],
    };
  } catch (e) {
    return { ...notice, tone: 'error', title: (m) => m.data.modelFailed((e as Error).message) };
  }
}

/** The SVG inside a chart's figure as a standalone document: namespace, size and a white background added. */
export function chartSvg(figure: Element | null): string | null {
  const svg = figure?.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!svg) return null;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const { width, height } = svg.getBoundingClientRect();
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(Math.round(width)));
  copy.setAttribute('height', String(Math.round(height)));
  copy.setAttribute('font-family', getComputedStyle(document.body).fontFamily);
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  copy.insertBefore(bg, copy.firstChild);
  return new XMLSerializer().serializeToString(copy);
}

/** Rasterises an SVG document at `scale`× (2 keeps text sharp on slides). */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * scale;
    canvas.height = img.naturalHeight * scale;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Downloads `blob` under the name `name` gives for this moment's timestamp. */
export function downloadStamped(blob: Blob, name: (stamp: string) => string): void {
  downloadBlob(blob, name(fileStamp()));
}
