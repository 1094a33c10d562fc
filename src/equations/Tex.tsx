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
    if (katex && ref.current)
      katex.render(tex, ref.current, { throwOnError: false, output: 'htmlAndMathml' });
  }, [katex, tex]);
  // Mathematics reads the same in every language: translate="no" keeps translators (and the zh check) off it.
  return <span ref={ref} className="tex" data-tex={tex} translate="no" />;
}
