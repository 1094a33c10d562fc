// The ten class probabilities as bars, the most likely class marked; `data-top` names it for tests.
import { useI18n } from '../i18n/I18n';

export function ProbabilityBars({ probabilities }: { probabilities: number[] }) {
  const { m, f } = useI18n();
  const top = probabilities.indexOf(Math.max(...probabilities));
  return (
    <figure className="probability-bars" data-top={top}>
      <figcaption>{m.insight.guess(top, f.pct(probabilities[top] ?? 0, 0))}</figcaption>
      <ol aria-label={m.insight.probabilities}>
        {probabilities.map((p, digit) => (
          <li key={digit} className={digit === top ? 'probability-top' : undefined}>
            <span className="probability-digit">{digit}</span>
            <span className="probability-track" aria-hidden="true">
              <span className="probability-fill" style={{ width: `${(p * 100).toFixed(1)}%` }} />
            </span>
            <span className="probability-value">{f.pct(p, 0)}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
