// Which part of src/ may import which: the one table the layers test enforces and the README shows.
// A folder (or top-level file) of src/ missing here fails the test, so a new feature registers its place.

export const LAYERS: Readonly<Record<string, readonly string[]>> = {
  /** The vocabulary every layer speaks: settings, live changes, metric points, named numbers. */
  shared: [],
  /** The settings table, validation, sliders and the single-run URL codec. */
  config: ['i18n', 'shared'],
  /** The message catalogues (English, Chinese), number formats and the language context. */
  i18n: ['shared'],
  /** Data, model, optimizers and trainer on TensorFlow.js; no DOM. */
  engine: ['shared'],
  /** The Vite plugin that publishes MNIST. */
  build: ['engine', 'shared'],
  /** The messages between page and worker. */
  'protocol.ts': ['shared'],
  /** The worker: backend choice, message loop, step scheduling. */
  worker: ['engine', 'protocol.ts', 'shared', 'tune'],
  /** Runs, timelines, links, export, import and storage. */
  experiment: ['config', 'i18n', 'shared'],
  /** The page's side of the worker: session store, live-change coalescing, React bindings, the link. */
  client: ['config', 'experiment', 'i18n', 'lab', 'lessons', 'protocol.ts', 'shared', 'tune'],
  /** Lessons as data, and the list and card that open them through their links. */
  lessons: ['config', 'experiment', 'i18n', 'shared'],
  /** The optimizer's update of one traced weight, written out with its numbers (KaTeX). */
  equations: ['i18n', 'shared'],
  /** The 2-D lab: surfaces, paths from the shared update rules, its link keys and its view. */
  lab: ['charts', 'config', 'experiment', 'i18n', 'shared'],
  /** What the model learned: predictions, confusion matrix, a digit to draw (components and pure helpers). */
  insight: ['i18n', 'protocol.ts', 'shared'],
  /**
   * The Tune panel: the range test's schedule, stop rule and suggestion, the search's sampler and results
   * (pure, the worker runs the first two), the page's job store and the panel's components.
   */
  tune: ['config', 'experiment', 'i18n', 'protocol.ts', 'shared'],
  /** Chart components and their pure helpers. */
  charts: ['i18n', 'shared'],
  /** React components and the hooks that compose them. */
  ui: [
    'charts',
    'client',
    'config',
    'equations',
    'experiment',
    'i18n',
    'insight',
    'lab',
    'lessons',
    'protocol.ts',
    'shared',
    'tune',
  ],
  /** The page entry. */
  'main.tsx': ['client', 'i18n', 'ui'],
};

/**
 * Packages only some layers may load: TensorFlow.js stays in the worker's thread, and there only its
 * core and the two backends: the umbrella `@tensorflow/tfjs` (an exact name) would bundle layers,
 * converter and data into the worker, which uses none of them.
 */
export const PACKAGE_LAYERS: Readonly<Record<string, readonly string[]>> = {
  '@tensorflow/': ['engine', 'worker'],
  '@tensorflow/tfjs': [],
  react: ['ui', 'charts', 'client', 'i18n', 'main.tsx', 'lab', 'lessons', 'equations', 'insight', 'tune'],
  recharts: ['charts', 'lab', 'tune'],
  katex: ['equations'],
  'd3-contour': ['lab'],
};
