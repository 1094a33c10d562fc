// One formula typeset by KaTeX. katex.render builds DOM nodes and sets their styles through CSSOM, which
// the page's Content-Security-Policy (no inline style attributes) allows; renderToString's markup would not.
import { useEffect, useRef, useState } from 'react';

type Katex = (typeof import('./katexModule'))['katex'];

let loading: Promise<Katex> | null = null;
function loadKatex(): Promise<Katex> {
  loading ??= import('./katexModule').then((m) => m.katex);
  return loading;
}

export function Tex({ tex }: { tex: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [katex, setKatex] = useState<Katex | null>(null);
  useEffect(() => {
    let live = true;
    void loadKatex().then((k) => live && setKatex(() => k));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    // MathML beside the HTML: screen readers read the formula, not the glyph boxes.
    const el = ref.current;
    if (!katex || !el) return;
    try {
      katex.render(tex, el, { throwOnError: true, output: 'htmlAndMathml' });
    } catch {
      // KaTeX's own error markup carries an inline style the CSP refuses: show the source instead.
      el.textContent = tex;
    }
  }, [katex, tex]);
  // Mathematics reads the same in every language: translate="no" keeps translators (and the zh check) off it.
  return <span ref={ref} className="tex" data-tex={tex} translate="no" />;
}
