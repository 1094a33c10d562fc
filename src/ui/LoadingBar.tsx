// Download progress of the MNIST files (compressed bytes).
import { useI18n } from '../i18n/I18n';

export function LoadingBar({ loaded, total }: { loaded: number; total: number }) {
  const { m, f } = useI18n();
  return (
    // A labelled section (a landmark): it stays while training starts on the images already in.
    <section className="loading" aria-label={m.page.downloadRegion}>
      <label htmlFor="mnist-progress">{m.page.downloading(f.mb(loaded), f.mb(total))}</label>
      <progress id="mnist-progress" max={total} value={loaded} />
    </section>
  );
}
