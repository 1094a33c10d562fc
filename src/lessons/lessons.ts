// The lessons, in the course's order: ready-made experiments with the words a teacher reads in class.
// Every number a text promises is measured on the lesson's own settings in tests/lessons/phenomena.test.ts
// (the lessons from adaptiveLessons.ts: in adaptivePhenomena.test.ts and decayWarmupPhenomena.test.ts;
// those from dataLessons.ts: in dataLessons.test.ts).
import { ADAGRAD_SHRINKS, L2_IS_NOT_ADAMW, RMSPROP_IS_ADAM, WARMUP } from './adaptiveLessons';
import { LABEL_NOISE, OVERFITTING, REGULARIZATION } from './dataLessons';
import { link, run, shared } from './links';
import type { Lesson } from './types';

export const LESSONS: readonly Lesson[] = [
  {
    id: 'lr-too-large',
    parts: [
      {
        link: link(
          shared('none'),
          run(0, 'η=0.0001', 'sgd~0.0001~0.9~0.999~1e-7~0.9~0'),
          run(1, 'η=0.001', 'sgd~0.001~0.9~0.999~1e-7~0.9~0'),
          run(2, 'η=0.1', 'sgd~0.1~0.9~0.999~1e-7~0.9~0'),
        ),
        label: { en: 'Three learning rates', zh: '三种学习率' },
      },
    ],
    words: {
      en: {
        title: 'A learning rate that is too large',
        explanation:
          'SGD moves every weight by η·g, so η alone sets how far each step jumps. The inputs here are raw 0–255 pixels (preprocessing "None"), and the gradient of a first-layer weight is its pixel value times an error signal, so gradients are up to 255 times larger than on scaled inputs: η = 0.0001 crawls, η = 0.001 learns, and η = 0.1 overshoots so far that the loss passes 10⁶ by step 3 and the run is stopped as diverged.',
        watch:
          'Set Smoothing to 0 to read single steps. Loss chart, first 30 steps: all three runs start far above 100 (raw pixels make the first outputs huge). η = 0.1 passes a million by step 3 and stops with a "diverged" notice; η = 0.001 is below 10 by step 30, while η = 0.0001 is still several times higher.',
        question:
          'After one step that overshoots, why is the next gradient larger rather than smaller? What feeds the explosion?',
      },
      zh: {
        title: '学习率过大',
        explanation:
          'SGD 每一步把每个权重移动 η·g，所以每一步跳多远只由 η 决定。这里输入的是 0–255 的原始像素（预处理选“不处理”），而第一层权重的梯度等于它对应的像素值乘以一个误差信号，所以梯度最多比缩放后的输入大 255 倍：η = 0.0001 进展缓慢，η = 0.001 正常学习，η = 0.1 则冲得太远，到第 3 步损失已超过 10⁶，这个运行被判定为发散并停止。',
        watch:
          '把“平滑”设为 0 可以读出每一步的值。看损失曲线的前 30 步：三个运行都从远高于 100 的值开始（原始像素让网络最初的输出非常大）。η = 0.1 到第 3 步已超过一百万，随即出现“已发散”提示并停止；η = 0.001 到第 30 步已降到 10 以下，而 η = 0.0001 仍高出好几倍。',
        question: '一步冲过头之后，为什么下一步的梯度反而更大而不是更小？是什么让爆炸越滚越大？',
      },
    },
  },
  {
    id: 'momentum',
    parts: [
      {
        link: link(
          shared('scale'),
          run(0, 'SGD', 'sgd~0.01~0.9~0.999~1e-7~0.9~0'),
          run(1, 'μ=0.9', 'momentum~0.01~0.9~0.999~1e-7~0.9~0'),
        ),
        label: { en: 'SGD and momentum', zh: 'SGD 与动量' },
      },
    ],
    words: {
      en: {
        title: 'Momentum',
        explanation:
          'Momentum keeps a velocity v ← μ·v + g and steps θ ← θ − η·v, so earlier gradients keep pushing. If every gradient pointed the same way, v would grow to g/(1 − μ) = 10·g and each step would be ten times SGD’s at the same η = 0.01; components that flip sign from batch to batch cancel out in v instead. Both runs start from the same weights and see the same batches, so the gap between the curves is momentum’s doing alone.',
        watch:
          'Loss chart, steps 1–50: by step 50 SGD is still near 2 while momentum is below 1. Inside the optimizer → Update / weight: the two runs are identical at step 1 (v₁ = g₁); from then on momentum’s updates grow to several times SGD’s, less than 10× because successive batch gradients partly cancel. Velocity vs. gradient cos(v, g) shows how far the velocity has turned away from the current gradient.',
        question:
          'If the gradient stayed constant, what would μ = 0.99 do to the step size at the same η, and how would you change η to keep the step size?',
      },
      zh: {
        title: '动量',
        explanation:
          '动量法维护一个速度 v ← μ·v + g，并按 θ ← θ − η·v 更新，所以之前的梯度还在继续推动权重。如果每一步的梯度方向都相同，v 会增长到 g/(1 − μ) = 10·g，在相同的 η = 0.01 下每一步是 SGD 的十倍；而在批次之间正负交替的分量会在 v 中相互抵消。两个运行从相同的权重出发、看到相同的批次，所以两条曲线的差距完全来自动量。',
        watch:
          '看损失曲线的第 1–50 步：到第 50 步 SGD 仍在 2 附近，动量已低于 1。在“优化器内部”选“更新量 / 权重”：第 1 步两个运行完全相同（v₁ = g₁），之后动量的更新增长到 SGD 的好几倍，但不到 10 倍，因为相邻批次的梯度会部分抵消。“速度与梯度的夹角余弦”显示速度偏离当前梯度有多远。',
        question:
          '如果梯度保持不变，在相同的 η 下，μ = 0.99 会让步长变成多少？要保持步长不变，η 应该怎样调整？',
      },
    },
  },
  {
    id: 'nesterov',
    parts: [
      {
        link: link(
          shared('scale'),
          run(0, 'μ=0.99', 'momentum~0.01~0.9~0.999~1e-7~0.99~0'),
          run(1, 'Nesterov μ=0.99', 'momentum~0.01~0.9~0.999~1e-7~0.99~1'),
        ),
        label: { en: 'Classical and Nesterov', zh: '经典动量与 Nesterov' },
      },
    ],
    words: {
      en: {
        title: 'Nesterov momentum',
        explanation:
          'Classical momentum steps by η·v with v ← μ·v + g; Nesterov steps by η·(g + μ·v) with the new v, taking the velocity’s next move into account now. Written with the previous velocity that is η·((1 + μ)·g + μ²·vₜ₋₁) against η·(g + μ·vₜ₋₁): more weight on today’s gradient and less on the past, so a gradient that has turned around brakes the run a step earlier. With μ = 0.99 (η = 0.01) the velocity remembers about 100 gradients and easily overshoots, so braking early pays off.',
        watch:
          'Loss chart, first 75 steps: Nesterov’s curve runs below the classical one throughout, and the gap widens after step 50. Inside the optimizer → Velocity vs. gradient cos(v, g): 1 at step 1 (v₁ = g₁), then within about 30 steps it sinks to small values, mostly between −0.1 and 0.5: the velocity, a sum over about 100 gradients, points mostly elsewhere than the current gradient; below 0 it points uphill, against it.',
        question:
          'Once a constant gradient has built up the velocity, both methods move η·g/(1 − μ) per step. So where does the difference come from: when does Nesterov’s extra weight on g matter?',
      },
      zh: {
        title: 'Nesterov 动量',
        explanation:
          '经典动量按 η·v 更新，v ← μ·v + g；Nesterov 按 η·(g + μ·v) 更新（用新的 v），相当于现在就把速度下一步的移动算了进去。用上一步的速度写出来，就是 η·((1 + μ)·g + μ²·vₜ₋₁) 对比 η·(g + μ·vₜ₋₁)：当前梯度的权重更大、过去的权重更小，所以梯度一旦掉头，它会早一步刹车。μ = 0.99（η = 0.01）时速度记住大约 100 个梯度，很容易冲过头，所以早一步刹车是值得的。',
        watch:
          '看损失曲线的前 75 步：Nesterov 的曲线始终在经典动量下方，第 50 步以后差距拉大。在“优化器内部”选“速度与梯度的夹角余弦”：第 1 步为 1（v₁ = g₁），大约 30 步之内降到很小的值，多在 −0.1 到 0.5 之间：速度是大约 100 个梯度之和，大多指向与当前梯度不同的方向；低于 0 表示它指向上坡，与当前梯度相反。',
        question:
          '梯度恒定、速度积累起来之后，两种方法每步都移动 η·g/(1 − μ)。那么差别从何而来：Nesterov 给 g 的额外权重在什么时候起作用？',
      },
    },
  },
  ADAGRAD_SHRINKS,
  RMSPROP_IS_ADAM,
  {
    id: 'bias-correction',
    parts: [
      {
        link: link(
          shared('scale'),
          run(0, 'm̂/√v̂', 'adam~0.01~0.9~0.999~1e-7~0.9~0'),
          run(1, 'm/√v', 'adam~0.01~0.9~0.999~1e-7~0.9~0', 'u'),
        ),
        label: { en: 'With and without correction', zh: '修正与不修正' },
      },
    ],
    words: {
      en: {
        title: 'Adam’s bias correction',
        explanation:
          'Adam’s averages start at m₀ = v₀ = 0, so early on m (of g, β1 = 0.9) and v (of g², β2 = 0.999) are too small by the factors 1 − β1ᵗ and 1 − β2ᵗ, which bias correction divides out: m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ). Without it the step η·m/(√v + ε) is (1 − β1ᵗ)/√(1 − β2ᵗ) times the corrected one (ε aside): 0.1/√0.001 ≈ 3.16 at step 1, about 6.6 near step 12 and still 3.2 at step 100. The step is too large, not too small, because v is far more biased than m, and at η = 0.01 those oversized steps throw the loss up before it recovers.',
        watch:
          'Set Smoothing to 0 to read single steps. Loss chart, first 20 steps: within five steps the uncorrected run (m/√v) roughly triples its loss, from about 2.5 to about 7.5, while the corrected one (m̂/√v̂) never gets far above its start. Inside the optimizer → Effective step, layer dense2.kernel: at step 1 it is exactly η = 0.01 for m̂/√v̂ (m̂ = g, √v̂ = |g|) and 3.16·η for m/√v. → Bias correction: the factor 1/(1 − β1ᵗ) goes from 10 at step 1 to almost 1 by step 50, while 1/(1 − β2ᵗ) goes from 1000 at step 1 to 10.5 at step 100.',
        question:
          'Without correction both m and v are too small. Comparing 1 − β1ᵗ with √(1 − β2ᵗ) at t = 1, why does the step come out too large rather than too small?',
      },
      zh: {
        title: 'Adam 的偏差修正',
        explanation:
          'Adam 的两个平均值从 m₀ = v₀ = 0 开始，所以最初 m（g 的平均，β1 = 0.9）和 v（g² 的平均，β2 = 0.999）分别只有应有值的 1 − β1ᵗ 和 1 − β2ᵗ 倍，偏差修正把这两个因子除掉：m̂ = m/(1 − β1ᵗ)，v̂ = v/(1 − β2ᵗ)。不修正时，步长 η·m/(√v + ε) 是修正后的 (1 − β1ᵗ)/√(1 − β2ᵗ) 倍（忽略 ε）：第 1 步为 0.1/√0.001 ≈ 3.16，第 12 步前后约 6.6，到第 100 步仍有 3.2。步长偏大而不是偏小，因为 v 的偏差远大于 m 的偏差；在 η = 0.01 时，这些过大的步子先把损失推高，之后才恢复。',
        watch:
          '把“平滑”设为 0 可以读出每一步的值。看损失曲线的前 20 步：不修正的运行（m/√v）在五步之内损失涨到约三倍，从 2.5 左右升到 7.5 左右，而修正的运行（m̂/√v̂）始终没有比起点高出多少。在“优化器内部”选“有效步长”，层选“第 2 层权重”：第 1 步时 m̂/√v̂ 恰好是 η = 0.01（m̂ = g，√v̂ = |g|），m/√v 是 3.16·η。再选“偏差修正”：因子 1/(1 − β1ᵗ) 从第 1 步的 10 到第 50 步已接近 1，而 1/(1 − β2ᵗ) 从第 1 步的 1000 到第 100 步仍有 10.5。',
        question:
          '不修正时 m 和 v 都偏小。比较 t = 1 时的 1 − β1ᵗ 和 √(1 − β2ᵗ)，为什么步长反而偏大而不是偏小？',
      },
    },
  },
  {
    id: 'beta2-small',
    parts: [
      {
        link: link(
          shared('scale'),
          run(0, 'β2=0.999', 'adam~0.01~0.9~0.999~1e-7~0.9~0'),
          run(1, 'β2=0.9', 'adam~0.01~0.9~0.9~1e-7~0.9~0'),
        ),
        label: { en: 'β2 = 0.999 and 0.9', zh: 'β2 = 0.999 与 0.9' },
      },
    ],
    words: {
      en: {
        title: 'A small β2',
        explanation:
          'v̂ averages g² over roughly the last 1/(1 − β2) steps: about 1000 for β2 = 0.999, about 10 for β2 = 0.9. Most weights’ gradients soon shrink; with β2 = 0.9, √v̂ shrinks with them and the effective step η·|m̂|/(√v̂ + ε) stays large, while with 0.999, v̂ still remembers the larger gradients of the first steps and the steps keep shrinking, a learning-rate decay that comes for free and that a small β2 gives up. Both runs use η = 0.01.',
        watch:
          'Inside the optimizer → Effective step, layer dense2.kernel: both runs start at exactly η at step 1 (m̂ = g, √v̂ = |g|); by step 20 the β2 = 0.9 run has pulled ahead and keeps taking the larger steps, about 1.7 times the other run’s at step 40. The Gradient norm hardly changes meanwhile: a few large gradients dominate it, while the typical weight’s gradient shrinks. The loss curves stay close over the first 50 steps: so far the difference is in how the steps are sized, not in the loss.',
        question:
          'With β1 = β2 = 0.9, m̂ and √v̂ average the same gradients with the same weights. Can any weight then move by more than η in one step? Why not?',
      },
      zh: {
        title: '较小的 β2',
        explanation:
          'v̂ 大致是最近 1/(1 − β2) 步 g² 的平均：β2 = 0.999 时约 1000 步，β2 = 0.9 时约 10 步。大多数权重的梯度很快变小；β2 = 0.9 时 √v̂ 跟着变小，有效步长 η·|m̂|/(√v̂ + ε) 保持较大，而 β2 = 0.999 时 v̂ 还记得最初几步较大的梯度，步长不断缩小，这相当于白送的学习率衰减，较小的 β2 放弃了它。两个运行都用 η = 0.01。',
        watch:
          '在“优化器内部”选“有效步长”，层选“第 2 层权重”：第 1 步两个运行都恰好等于 η（m̂ = g，√v̂ = |g|）；到第 20 步时 β2 = 0.9 的步长已经更大，并一直保持领先，第 40 步约为另一个的 1.7 倍。这期间“梯度范数”几乎不变：它由少数几个大梯度主导，而典型权重的梯度在变小。前 50 步两条损失曲线很接近：到目前为止，差别在于步长的大小，而不在损失上。',
        question:
          '当 β1 = β2 = 0.9 时，m̂ 和 √v̂ 用相同的权重平均相同的梯度。这时有没有哪个权重能在一步中移动超过 η？为什么？',
      },
    },
  },
  {
    id: 'large-epsilon',
    parts: [
      {
        link: link(
          shared('scale'),
          run(0, 'ε=1e-7, η=0.001', 'adam~0.001~0.9~0.999~1e-7~0.9~0'),
          run(1, 'ε=1, η=0.1', 'adam~0.1~0.9~0.999~1~0.9~0', 'u'),
          run(2, 'μ=0.9, η=0.01', 'momentum~0.01~0.9~0.999~1e-7~0.9~0'),
        ),
        label: { en: 'ε = 1 and momentum', zh: 'ε = 1 与动量' },
      },
    ],
    words: {
      en: {
        title: 'A large ε',
        explanation:
          'Adam divides by √v̂ + ε, and √v̂ is about the size of a gradient, far below 1; with ε = 1 the denominator is ≈ 1 for every weight (ε share 100%) and the step becomes η·m/ε, with no per-weight scaling left. Since m ← β1·m + (1 − β1)·g is (1 − β1) times momentum’s velocity v ← β1·v + g, that is momentum-SGD with μ = β1 = 0.9 and η′ = η·(1 − β1)/ε = 0.1 × 0.1 / 1 = 0.01. The ε = 1 run has bias correction off, which would otherwise make its first steps 1/(1 − β1ᵗ) times larger (10× at step 1), so it matches the momentum run up to the tiny √v left in the denominator.',
        watch:
          'Loss chart: "ε=1, η=0.1" and "μ=0.9, η=0.01" lie on top of each other step by step; Adam with the usual ε = 1e-7 and η = 0.001 draws its own curve. Inside the optimizer → ε share: 100% in every layer for ε = 1; for ε = 1e-7 it counts only weights whose gradient has been (almost) zero so far, mostly first-layer weights of pixels that were blank in every image seen (about half of them at step 1).',
        question:
          'Adam’s usual step moves each weight by about η whatever the scale of its gradient. What does ε = 1 take away, and which weights would you expect to suffer most?',
      },
      zh: {
        title: '较大的 ε',
        explanation:
          'Adam 除以 √v̂ + ε，而 √v̂ 与梯度同一量级，远小于 1；ε = 1 时每个权重的分母都约等于 1（ε 占比 100%），步长变成 η·m/ε，不再对每个权重单独缩放。由于 m ← β1·m + (1 − β1)·g 正好是动量速度 v ← β1·v + g 的 (1 − β1) 倍，这就是 μ = β1 = 0.9、η′ = η·(1 − β1)/ε = 0.1 × 0.1 / 1 = 0.01 的动量 SGD。ε = 1 的运行关闭了偏差修正（否则它最初的步长会大 1/(1 − β1ᵗ) 倍，第 1 步大 10 倍），所以它与动量运行一致，只差分母里很小的 √v。',
        watch:
          '损失曲线：“ε=1, η=0.1”和“μ=0.9, η=0.01”逐步重合；使用常规 ε = 1e-7、η = 0.001 的 Adam 是另一条曲线。在“优化器内部”选“ε 占比”：ε = 1 时每一层都是 100%；ε = 1e-7 时只计入至今梯度（几乎）为零的权重，主要是第一层中那些在已见过的所有图像里都空白的像素对应的权重（第 1 步约占一半）。',
        question:
          'Adam 通常的步长让每个权重移动约 η，与梯度的大小无关。ε = 1 去掉了什么？你认为哪些权重受影响最大？',
      },
    },
  },
  L2_IS_NOT_ADAMW,
  WARMUP,
  {
    id: 'preprocessing',
    parts: [
      {
        link: link(shared('none'), run(0, 'x (0–255)', 'sgd~0.1~0.9~0.999~1e-7~0.9~0')),
        label: { en: 'Raw 0–255', zh: '原始 0–255' },
      },
      {
        link: link(shared('scale'), run(1, 'x/255', 'sgd~0.1~0.9~0.999~1e-7~0.9~0')),
        label: { en: 'Scaled to [0, 1]', zh: '缩放到 [0, 1]' },
      },
      {
        link: link(shared('standardize'), run(2, '(x−μ)/σ', 'sgd~0.1~0.9~0.999~1e-7~0.9~0')),
        label: { en: 'Standardized', zh: '标准化' },
      },
    ],
    words: {
      en: {
        title: 'Input preprocessing',
        explanation:
          'The gradient of a first-layer weight is its pixel value times an error signal, so the scale of the inputs sets the size of the steps SGD takes with the same η = 0.1. On raw pixels (0–255) that η is far too large and the run diverges within three steps; scaled to [0, 1] it learns; standardized with the training set’s mean and standard deviation, (x − 33.3)/78.6, the inputs are centred on zero with unit spread and the same η learns faster still.',
        watch:
          'Open the three parts one after another; each starts from the same weights and batches. Loss chart: raw pixels start far above 100 and stop as diverged by step 3; scaled inputs start near 2.5; standardized ones start higher, above 3, yet over steps 41–50 their loss is clearly lower (about 0.45 against 0.75).',
        question:
          'The first-layer gradient of hidden unit j is δⱼ·x. With x ≥ 0 (raw or scaled pixels), what can you say about the signs of that unit’s weight updates in one step, and why does centring x on zero help?',
      },
      zh: {
        title: '输入预处理',
        explanation:
          '第一层某个权重的梯度等于它对应的像素值乘以一个误差信号，所以输入的尺度决定了 SGD 在同一个 η = 0.1 下迈出的步子有多大。对原始像素（0–255）来说这个 η 太大了，三步之内就发散；缩放到 [0, 1] 后能正常学习；用训练集的均值和标准差标准化，即 (x − 33.3)/78.6，输入以 0 为中心、尺度为 1，同样的 η 学得更快。',
        watch:
          '依次打开三个部分；它们都从相同的权重和批次开始。损失曲线：原始像素从远高于 100 的值开始，到第 3 步已发散并停止；缩放后的输入从 2.5 左右开始；标准化的输入起点更高，超过 3，但在第 41–50 步它的损失明显更低（约 0.45 对 0.75）。',
        question:
          '第一层中隐藏单元 j 的权重梯度是 δⱼ·x。当 x ≥ 0（原始或缩放后的像素）时，这个单元的各个权重在一步里的更新符号有什么特点？为什么让 x 以 0 为中心会有帮助？',
      },
    },
  },
  {
    id: 'batch-size',
    parts: [
      {
        link: link(shared('scale', 8), run(0, 'B=8', 'sgd~0.1~0.9~0.999~1e-7~0.9~0')),
        label: { en: 'Batch 8', zh: '批大小 8' },
      },
      {
        link: link(shared('scale', 128), run(1, 'B=128', 'sgd~0.1~0.9~0.999~1e-7~0.9~0')),
        label: { en: 'Batch 128', zh: '批大小 128' },
      },
    ],
    words: {
      en: {
        title: 'Batch size',
        explanation:
          'Each step’s gradient is an average over the batch, so its noise shrinks like 1/√B: batch 128 gives an estimate about four times steadier than batch 8. But an epoch is a fixed number of images: through the 55,000 training images batch 8 takes 6,875 steps and batch 128 only 429, so at the same η = 0.1 the small batch gets further in one epoch, even though each of its steps is rougher.',
        watch:
          'Open the two parts one after another, with Smoothing at 0. Loss chart: the training loss of B=8 jumps from step to step (each point is the loss of only 8 images) while B=128’s is smooth; the validation points, measured on the same 5,000 held-out images, are the fair comparison. At the end of the epoch compare the step counts (6,875 against 429) and the validation loss. Inside the optimizer → Gradient norm: larger for B=8, because the noise adds to the gradient’s length.',
        question:
          'Batch 8 gives noisier gradients but 16 times more steps per epoch. If your GPU processed 128 images as fast as 8, which would you choose, and how might you change η?',
      },
      zh: {
        title: '批大小',
        explanation:
          '每一步的梯度是对一个批次的平均，所以它的噪声按 1/√B 减小：批大小 128 的估计比批大小 8 稳定约四倍。但一轮的图像数是固定的：走完 55,000 张训练图像，批大小 8 要 6,875 步，批大小 128 只要 429 步，所以在相同的 η = 0.1 下，小批次在一轮中走得更远，尽管它的每一步更粗糙。',
        watch:
          '依次打开两个部分，并把“平滑”设为 0。损失曲线：B=8 的训练损失每一步都在跳动（每个点只是 8 张图像的损失），B=128 的则很平滑；验证点是在同样 5,000 张留出图像上测得的，才是公平的比较。一轮结束时比较步数（6,875 对 429）和验证损失。在“优化器内部”选“梯度范数”：B=8 的更大，因为噪声增加了梯度的长度。',
        question:
          '批大小 8 的梯度更嘈杂，但每轮的步数是 16 倍。如果你的 GPU 处理 128 张图像和处理 8 张一样快，你会选哪个？η 又该怎样调整？',
      },
    },
  },
  OVERFITTING,
  REGULARIZATION,
  LABEL_NOISE,
  {
    id: 'lab-ill-conditioned',
    parts: [
      {
        link: link(
          shared('scale'),
          run(0, 'SGD', 'sgd~0.019~0.9~0.999~1e-7~0.9~0'),
          run(1, 'μ=0.9', 'momentum~0.019~0.9~0.999~1e-7~0.9~0'),
          'kappa=100',
        ),
        label: { en: '2-D lab', zh: '二维实验室' },
        view: 'lab',
      },
    ],
    words: {
      en: {
        title: 'Momentum in a narrow valley (2-D lab)',
        explanation:
          'On f = ½(x² + κy²) with κ = 100 the valley is 100 times steeper across (y) than along (x). Gradient descent is stable only while η < 2/κ = 0.02, so η = 0.019 makes y settle quickly but lets x shrink by just 1.9% a step. Momentum with μ = 0.9 at the same η piles up the small, consistent pull along x and moves about ten times faster there, while the steep direction stays stable.',
        watch:
          'The two paths from (−8, 1.5): SGD drops into the valley floor and then crawls towards the minimum; momentum overshoots a little, swings, and reaches the minimum. The table under the loss chart: after 300 steps SGD is still about 0.03 from the minimum, momentum under 0.000001. Then raise SGD’s η just above 0.02 and watch its path zig-zag out of the valley.',
        question: 'Why can’t we simply give SGD a ten times larger η to speed up the x direction?',
      },
      zh: {
        title: '狭长山谷里的动量（二维实验室）',
        explanation:
          '在 f = ½(x² + κy²)、κ = 100 的曲面上，横向（y）比纵向（x）陡 100 倍。梯度下降只有在 η < 2/κ = 0.02 时才稳定，所以 η = 0.019 让 y 很快稳定下来，而 x 每步只缩小 1.9%。同样的 η 下，μ = 0.9 的动量法把沿 x 方向微小而一致的梯度累积起来，在这个方向上快约十倍，而陡峭的方向仍然稳定。',
        watch:
          '两条路径都从 (−8, 1.5) 出发：SGD 先落到谷底，然后慢慢爬向最小值；动量法稍微冲过头、来回摆动，然后到达最小值。看损失图下面的表：300 步后 SGD 离最小值还有约 0.03，动量法已小于 0.000001。然后把 SGD 的 η 调到略高于 0.02，看它的路径锯齿般地冲出山谷。',
        question: '为什么不能干脆把 SGD 的 η 放大十倍来加快 x 方向的速度？',
      },
    },
  },
  {
    id: 'lab-saddle',
    parts: [
      {
        link: link(
          shared('scale'),
          run(0, 'SGD', 'sgd~0.02~0.9~0.999~1e-7~0.9~0'),
          run(1, 'Adam', 'adam~0.02~0.9~0.999~1e-7~0.9~0'),
          'surface=saddle',
        ),
        label: { en: '2-D lab', zh: '二维实验室' },
        view: 'lab',
      },
    ],
    words: {
      en: {
        title: 'Adam and SGD at a saddle point (2-D lab)',
        explanation:
          'On f = x² − y² + y⁴/4 the point (0, 0) is a saddle: a minimum along x, a maximum along y. Starting at y = 0.001, the gradient along y is only about 0.002, so SGD’s steps there are tiny and grow only as y grows: it lingers near the saddle. Adam divides each coordinate’s step by the root of its own squared-gradient average, so even a tiny but steady gradient moves y by about η a step.',
        watch:
          'From (−2, 0.001), both runs at η = 0.02: both slide to x ≈ 0 and reach the saddle. Adam turns off it within about 25 steps; SGD stays for about 160 steps before it escapes. Both end in the same minimum (0, √2), f = −1. The loss chart shows SGD’s long plateau at f ≈ 0.',
        question:
          'The gradient at the saddle is almost zero, yet Adam’s steps there are not small. What in its update makes that possible, and when could the same property hurt?',
      },
      zh: {
        title: '鞍点上的 Adam 与 SGD（二维实验室）',
        explanation:
          '在 f = x² − y² + y⁴/4 上，点 (0, 0) 是鞍点：沿 x 是最小值，沿 y 是最大值。从 y = 0.001 出发时，y 方向的梯度只有约 0.002，所以 SGD 在这个方向上的步子很小，只能随着 y 变大而慢慢变大：它会在鞍点附近徘徊。Adam 把每个坐标的步长除以它自己梯度平方平均的平方根，所以即使梯度很小，只要方向稳定，y 每步也能移动约 η。',
        watch:
          '从 (−2, 0.001) 出发，两者的 η 都是 0.02：都先滑到 x ≈ 0，到达鞍点。Adam 大约 25 步就离开了鞍点；SGD 要停留约 160 步才逃出来。两者最终到达同一个最小值 (0, √2)，f = −1。损失图上能看到 SGD 在 f ≈ 0 处长长的平台。',
        question:
          '鞍点处的梯度几乎为零，Adam 在那里的步子却不小。它的更新里是什么让这成为可能？同样的性质什么时候可能有害？',
      },
    },
  },
];

const BY_ID = new Map(LESSONS.map((l) => [l.id, l]));

export function lessonById(id: string): Lesson | undefined {
  return BY_ID.get(id);
}
