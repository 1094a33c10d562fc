// The page title, which hardware trains (WebGL, or the CPU after an announced fallback), and the theme switch.
import type { BackendInfo } from '../protocol';
import { ThemeSwitch } from './ThemeSwitch';

export function Header({ backend }: { backend: BackendInfo | null }) {
  return (
    <header>
      <h1>MNIST optimizer playground</h1>
      <p className="subtitle">
        784 → 128 ReLU → 10 · hand-written SGD, momentum and Adam on{' '}
        {backend?.backend === 'cpu' ? 'the CPU' : 'WebGL'}
      </p>
      <ThemeSwitch />
    </header>
  );
}
