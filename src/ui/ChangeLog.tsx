// The run's live changes in order, with the step each took effect at: the same events the charts mark.
import type { Marker } from '../client/session';

export function ChangeLog({ markers }: { markers: Marker[] }) {
  if (markers.length === 0) return null;
  return (
    <section className="changelog" aria-label="Live changes">
      <h2>Live changes</h2>
      <ol>
        {markers.map((m, i) => (
          <li key={i} data-step={m.step}>
            <span className="changelog-step">step {m.step.toLocaleString('en')}</span> {m.label}
          </li>
        ))}
      </ol>
    </section>
  );
}
