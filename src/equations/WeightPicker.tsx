// Which output weight the equations follow: the largest |g| (picked by the worker, then kept) or the
// weight from a hidden unit (a pixel, a CNN feature) to a digit that the class chooses.
import { useId, useState } from 'react';
import type { UnitKind } from '../i18n/catalogue/equations';
import { useI18n } from '../i18n/I18n';
import { NUM_CLASSES } from '../shared/mnist';
import { DEFAULT_MODEL, modelSpec, tensorShapes, type ModelName } from '../shared/model';
import type { TracePoint, TraceTarget } from '../shared/trace';

/**
 * Rows of the output layer's kernel, the units feeding the digits: the last hidden width of an MLP,
 * the 784 pixels of softmax regression, the CNN's 7·7·16 = 784 flattened features.
 */
export function outputInputs(model: ModelName): number {
  const shapes = tensorShapes(modelSpec(model));
  return shapes[shapes.length - 2]![0]!;
}

/** What those rows are, to name them. */
export function outputInputKind(model: ModelName): UnitKind {
  const spec = modelSpec(model);
  if (spec.kind === 'cnn') return 'feature';
  return spec.hidden.length === 0 ? 'pixel' : 'hidden';
}

interface Props {
  trace: TracePoint | null;
  target: TraceTarget;
  onFollow(target: TraceTarget): void;
  /** The network the selected run trains (the last Reset's); the reference MLP when not given. */
  model?: ModelName;
}

const clampInt = (text: string, max: number) => Math.min(max, Math.max(0, Math.trunc(Number(text) || 0)));

export function WeightPicker({ trace, target, onFollow, model = DEFAULT_MODEL }: Props) {
  const { m } = useI18n();
  const units = outputInputs(model);
  const unitId = useId();
  const digitId = useId();
  const [unit, setUnit] = useState(String(trace?.row ?? 0));
  const [digit, setDigit] = useState(String(trace?.col ?? 0));
  const follow = () => onFollow(clampInt(unit, units - 1) * NUM_CLASSES + clampInt(digit, NUM_CLASSES - 1));
  return (
    <div className="weight-picker">
      <p className="weight-picker-mode">{target === 'largest' ? m.equations.largest : m.equations.picked}</p>
      <button type="button" onClick={() => onFollow('largest')}>
        {m.equations.followLargest}
      </button>
      <label htmlFor={unitId}>{m.equations.unit[outputInputKind(model)]}</label>
      <input
        id={unitId}
        type="number"
        min={0}
        max={units - 1}
        value={unit}
        onChange={(e) => setUnit(e.target.value)}
      />
      <label htmlFor={digitId}>{m.equations.digit}</label>
      <input
        id={digitId}
        type="number"
        min={0}
        max={NUM_CLASSES - 1}
        value={digit}
        onChange={(e) => setDigit(e.target.value)}
      />
      <button type="button" onClick={follow}>
        {m.equations.follow}
      </button>
    </div>
  );
}
