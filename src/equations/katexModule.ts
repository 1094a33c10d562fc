// KaTeX and its stylesheet, in a chunk of their own: the page loads them the first time an equation is
// shown, so the first paint and the first training step do not wait for ~270 kB of typesetting.
import katex from 'katex';
import 'katex/dist/katex.min.css';

export { katex };
