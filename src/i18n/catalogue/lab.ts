// The 2-D optimizer lab: surface names and formulas, its controls, the plot's accessible text, the
// loss chart and the per-run summary. Numbers arrive formatted; formulas use the symbols.
const en = {
  title: '2-D optimizer lab',
  intro: 'Each run walks this surface with the same optimizer code that trains MNIST.',
  surface: 'Surface',
  /** Keyed by the link's surface names. */
  surfaces: {
    quadratic: 'Quadratic',
    rosenbrock: 'Rosenbrock',
    saddle: 'Saddle',
    'noisy-quadratic': 'Noisy quadratic',
  },
  formulas: {
    quadratic: 'f = ½(x² + κ·y²)',
    rosenbrock: 'f = (1 − x)² + 100·(y − x²)²',
    saddle: 'f = x² − y² + y⁴/4',
    'noisy-quadratic': 'f = ½(x² + κ·y²), ∇f + N(0, σ²)',
  },
  /** Which η the lab walks each run with; keyed by the link's `eta` values. */
  eta: 'η in the lab',
  etas: {
    surface: 'Suited to this surface',
    run: 'Each run’s own η (as on MNIST)',
  },
  etaNotes: {
    surface:
      'Each run’s η is multiplied by a factor for its optimizer on this surface, so MNIST’s default 0.001 takes a path that gets somewhere here. The table under the loss chart gives the η each run walks with.',
    run: 'Each run walks at the η it trains MNIST with: often far too small to get anywhere on these surfaces.',
  },
  kappa: 'Condition number',
  noise: 'Gradient noise',
  startX: 'Start x',
  startY: 'Start y',
  steps: 'Steps',
  play: 'Play',
  pause: 'Pause',
  playhead: (step: string, total: string) => `Step ${step} of ${total}`,
  logScale: 'Log scale',
  exportJson: 'Export path JSON',
  /** The plot's accessible name. */
  plot: (surface: string) => `Contour map of the ${surface} surface with each run's path`,
  plotHint: 'Drag the start point, or click the map to start there.',
  startPoint: 'start point',
  minimum: 'minimum',
  saddlePoint: 'saddle point',
  lossTitle: 'Loss above the minimum, f − f*',
  lossChart: 'Loss against step for each path',
  step: (step: string) => `step ${step}`,
  summaryTitle: 'After the last step',
  columns: {
    run: 'Run',
    eta: 'η in the lab',
    step: 'Step',
    point: 'Point',
    loss: 'Loss f',
    distance: 'Distance to the minimum',
  },
  /** A run's η in the lab: its own η times the surface's factor for its optimizer. */
  scaledEta: (eta: string, factor: string, own: string) => `${eta} = ${factor} × ${own}`,
  point: (x: string, y: string) => `(${x}, ${y})`,
  /** Why a path ended early: its next point was not finite, or ran off beyond ±10⁶. */
  stopped: (step: string) => `stopped at step ${step}: it diverged`,
  noRuns: 'No visible runs: show or add a run to see its path.',
  summary: (count: number, surface: string, steps: string) =>
    `${count} ${count === 1 ? 'path' : 'paths'} of ${steps} steps on the ${surface} surface.`,
};

// Surface names follow the Chinese textbooks; symbols (x, y, κ, σ, f*) stay as in the formulas.
const zh: typeof en = {
  title: '二维优化器实验室',
  intro: '每个运行都用训练 MNIST 的同一份优化器代码在这个曲面上行走。',
  surface: '曲面',
  surfaces: {
    quadratic: '二次函数',
    rosenbrock: '罗森布罗克函数',
    saddle: '鞍面',
    'noisy-quadratic': '带噪声的二次函数',
  },
  formulas: {
    quadratic: 'f = ½(x² + κ·y²)',
    rosenbrock: 'f = (1 − x)² + 100·(y − x²)²',
    saddle: 'f = x² − y² + y⁴/4',
    'noisy-quadratic': 'f = ½(x² + κ·y²)，∇f + N(0, σ²)',
  },
  eta: '实验室中的 η',
  etas: {
    surface: '适合此曲面的 η',
    run: '各运行自己的 η（与 MNIST 相同）',
  },
  etaNotes: {
    surface:
      '每个运行的 η 乘以其优化器在此曲面上的系数，这样 MNIST 的默认值 0.001 在这里也能走出有意义的路径。损失图下面的表格列出每个运行实际使用的 η。',
    run: '每个运行使用训练 MNIST 时的 η：在这些曲面上往往太小，几乎走不动。',
  },
  kappa: '条件数',
  noise: '梯度噪声',
  startX: '起点 x',
  startY: '起点 y',
  steps: '步数',
  play: '播放',
  pause: '暂停',
  playhead: (step: string, total: string) => `第 ${step} 步，共 ${total} 步`,
  logScale: '对数坐标',
  exportJson: '导出路径 JSON',
  plot: (surface: string) => `${surface}曲面的等高线图及各运行的路径`,
  plotHint: '拖动起点，或点击图中任意位置从那里出发。',
  startPoint: '起点',
  minimum: '最小值点',
  saddlePoint: '鞍点',
  lossTitle: '高出最小值的损失，f − f*',
  lossChart: '各路径的损失随步数变化图',
  step: (step: string) => `第 ${step} 步`,
  summaryTitle: '最后一步之后',
  columns: {
    run: '运行',
    eta: '实验室中的 η',
    step: '步数',
    point: '位置',
    loss: '损失 f',
    distance: '到最小值点的距离',
  },
  scaledEta: (eta: string, factor: string, own: string) => `${eta} = ${factor} × ${own}`,
  point: (x: string, y: string) => `(${x}, ${y})`,
  stopped: (step: string) => `在第 ${step} 步停止：已发散`,
  noRuns: '没有可见的运行：显示或添加一个运行即可看到它的路径。',
  summary: (count: number, surface: string, steps: string) =>
    `${surface}曲面上的 ${count} 条路径，每条 ${steps} 步。`,
};

export const lab = { en, zh };
