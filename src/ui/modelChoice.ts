// The Model control's logic: which presets it offers, the readable name of each network, and how
// typed hidden widths (`256-128`) become a model name or a refusal that says why. Pure, tested in Node.
import type { Messages } from '../i18n/messages';
import type { Text } from '../i18n/text';
import { IMAGE_PIXELS, NUM_CLASSES } from '../shared/mnist';
import {
  MAX_HIDDEN_LAYERS,
  MAX_WIDTH,
  MIN_WIDTH,
  MODEL_PRESETS,
  modelName,
  modelSpec,
  parseModelName,
  type ModelName,
} from '../shared/model';

/** The select's entry that opens the widths field; no model is called this. */
export const CUSTOM = 'custom';
export type ModelChoice = ModelName | typeof CUSTOM;

export function isPreset(model: ModelName): boolean {
  return MODEL_PRESETS.includes(model);
}

/** What the select shows for `model`: the preset itself, or "Custom widths…" for any other MLP. */
export function choiceOf(model: ModelName): ModelChoice {
  return isPreset(model) ? model : CUSTOM;
}

/** The readable name: "MLP 784→128→10 (mlp-128)", "Softmax regression (mlp)", "CNN, … (cnn)". */
export function modelLabel(model: ModelName, m: Messages): string {
  const s = m.settings.model;
  const spec = modelSpec(model);
  const title =
    spec.kind === 'cnn'
      ? s.cnn
      : spec.hidden.length === 0
        ? s.softmax
        : s.mlp([IMAGE_PIXELS, ...spec.hidden, NUM_CLASSES].join('→'));
  return s.option(title, model);
}

/** The widths field's text for `model`: `256-128` for an MLP with hidden layers, empty otherwise. */
export function widthsText(model: ModelName): string {
  const spec = modelSpec(model);
  return spec.kind === 'mlp' ? spec.hidden.join('-') : '';
}

export type WidthsResult = { ok: true; model: ModelName } | { ok: false; reason: Text };

// Dashes as links write them, and the commas, spaces and dashes a keyboard or input method gives.
const SEPARATORS = /\s*[-–—,，、\s]\s*/;

/**
 * Typed hidden widths (`256-128`, `256, 128`, or a whole name such as `mlp-256-128` or `cnn`) as a
 * model, or why not, as a phrase to put after the typed text ("has more than 3 hidden layers").
 */
export function parseWidths(text: string): WidthsResult {
  // Full-width digits from a Chinese input method (２５６) become ASCII.
  const t = text.normalize('NFKC').trim();
  const named = parseModelName(t);
  if (named) return { ok: true, model: modelName(named) };
  // `mlp-8` is widths with their model's prefix: refused for the 8, not as no widths at all.
  const parts = t.replace(/^mlp-/, '').split(SEPARATORS);
  if (t === '' || parts.some((p) => !/^\d{1,9}$/.test(p)))
    return { ok: false, reason: (m) => m.settings.model.notWidths };
  if (parts.length > MAX_HIDDEN_LAYERS)
    return { ok: false, reason: (m) => m.settings.model.tooMany(MAX_HIDDEN_LAYERS) };
  const hidden = parts.map(Number);
  const bad = hidden.find((w) => w < MIN_WIDTH || w > MAX_WIDTH);
  if (bad !== undefined)
    return {
      ok: false,
      reason: (m) => m.settings.model.badWidth(m.format.int(bad), MIN_WIDTH, MAX_WIDTH),
    };
  return { ok: true, model: modelName({ kind: 'mlp', hidden }) };
}

/** Why the activation setting does nothing for `model` (the CNN, softmax regression), or null. */
export function activationNote(model: ModelName): Text | null {
  const spec = modelSpec(model);
  if (spec.kind === 'cnn') return (m) => m.settings.model.cnnActivation;
  return spec.hidden.length === 0 ? (m) => m.settings.model.softmaxActivation : null;
}
