// "Draw a digit": the pad, what the network sees of the drawing (the 28×28 input), and the selected
// run's ten class probabilities for it, live while drawing.
import { useState } from 'react';
import { useI18n } from '../i18n/I18n';
import { DigitImage } from './DigitImage';
import { DrawPad } from './DrawPad';
import { ProbabilityBars } from './ProbabilityBars';
import type { useDrawnDigit } from './useDrawnDigit';

interface Props {
  digit: ReturnType<typeof useDrawnDigit>;
  /** The run has a lane to ask (its weights exist). */
  ready: boolean;
}

export function DrawDigit({ digit, ready }: Props) {
  const { m } = useI18n();
  /** Bumped by Clear: a new pad is a blank one. */
  const [pads, setPads] = useState(0);
  const clear = () => {
    setPads((n) => n + 1);
    digit.clear();
  };
  return (
    <div className="insight-draw">
      <h3>{m.insight.draw}</h3>
      <p className="insight-note">{m.insight.drawHint}</p>
      <div className="draw-row">
        <DrawPad key={pads} label={m.insight.pad} onDraw={digit.draw} />
        <div className="draw-side">
          {digit.input && <DigitImage pixels={digit.input} label={m.insight.sees} className="draw-input" />}
          <button type="button" onClick={clear}>
            {m.insight.clear}
          </button>
        </div>
      </div>
      {digit.probabilities && digit.input && ready ? (
        <ProbabilityBars probabilities={digit.probabilities} />
      ) : (
        <p className="insight-note">{m.insight.drawFirst}</p>
      )}
    </div>
  );
}
