// The lessons on the adaptive rules and what a course adds to them: AdaGrad against RMSProp, RMSProp
// as Adam without momentum, L2 in Adam against AdamW's decoupled decay, and a learning-rate warmup.
// lessons.ts puts them in the course's order; tests/lessons/adaptivePhenomena.test.ts and
// decayWarmupPhenomena.test.ts measure every number their texts promise, on their own links.
import { link, run, shared } from './links';
import type { Lesson } from './types';

export const ADAGRAD_SHRINKS: Lesson = {
  id: 'adagrad-rmsprop',
  parts: [
    {
      link: link(
        shared('scale', 128),
        run(0, 'AdaGrad η=0.01', 'adagrad~0.01~0.9~0.999~1e-7~0.9~0'),
        run(1, 'RMSProp η=0.001', 'rmsprop~0.001~0.9~0.99~1e-7~0.9~0'),
      ),
      label: { en: 'AdaGrad and RMSProp', zh: 'AdaGrad 与 RMSProp' },
    },
  ],
  words: {
    en: {
      title: 'AdaGrad’s steps only shrink',
      explanation:
        'AdaGrad divides each weight’s step by √s, where s ← s + g² sums every squared gradient so far, so that divisor only grows and each weight’s step size η/(√s + ε) only shrinks, roughly like 1/√t. RMSProp divides by the root of a moving average instead, v ← β2·v + (1 − β2)·g² with β2 = 0.99 (about the last 100 steps), which forgets old gradients, so its steps level off rather than die away. With η = 0.01 for AdaGrad and η = 0.001 for RMSProp both first steps are exactly 0.01 per weight (|g|/√g² = 1, and 0.001/√(1 − 0.99) = 0.01); batches of 128 make the epoch 429 steps.',
      watch:
        'Inside the optimizer → Effective step, layer dense2.kernel: both runs start at exactly 0.01 and fall together for the first ten steps (while 0.99ᵗ ≈ 1, RMSProp’s average is AdaGrad’s sum times 1 − β2); from step 50 on AdaGrad’s lies below RMSProp’s at every recorded step, and over the last hundred steps of the epoch it is about half of it. Loss chart: the curves stay close, and RMSProp ends a little lower.',
      question:
        'Between step 200 and the end of the epoch RMSProp’s v fell again for almost two thirds of the output layer’s weights, so their steps grew; AdaGrad’s s can never fall. When is a step size that can grow again worth having?',
    },
    zh: {
      title: 'AdaGrad 的步长只会缩小',
      explanation:
        'AdaGrad 把每个权重的步长除以 √s，其中 s ← s + g² 累加了至今所有梯度的平方，所以这个除数只增不减，每个权重的步长 η/(√s + ε) 只会缩小，大约按 1/√t 下降。RMSProp 改为除以滑动平均的平方根，v ← β2·v + (1 − β2)·g²，β2 = 0.99（大约最近 100 步），它会忘掉旧的梯度，所以步长趋于平稳而不是一直衰减下去。AdaGrad 用 η = 0.01、RMSProp 用 η = 0.001 时，两者的第一步都恰好让每个权重移动 0.01（|g|/√g² = 1，而 0.001/√(1 − 0.99) = 0.01）；批大小 128 让一轮共 429 步。',
      watch:
        '在“优化器内部”选“有效步长”，层选“第 2 层权重”：两个运行都恰好从 0.01 开始，前十步一起下降（0.99ᵗ ≈ 1 时，RMSProp 的平均就是 AdaGrad 的累加和乘以 1 − β2）；从第 50 步起，AdaGrad 的有效步长在每个记录点都低于 RMSProp，在这一轮的最后一百步约为它的一半。损失曲线：两条曲线一直很接近，RMSProp 最后略低一些。',
      question:
        '从第 200 步到这一轮结束，RMSProp 中输出层近三分之二权重的 v 又变小了，它们的步长随之变大；而 AdaGrad 的 s 永远不会变小。什么时候步长能重新变大是有用的？',
    },
  },
};

export const RMSPROP_IS_ADAM: Lesson = {
  id: 'rmsprop-adam',
  parts: [
    {
      link: link(
        shared('scale'),
        run(0, 'RMSProp', 'rmsprop~0.001~0.9~0.999~1e-7~0.9~0'),
        run(1, 'Adam β1=0, m/√v', 'adam~0.001~0~0.999~1e-7~0.9~0', 'u'),
        run(2, 'Adam β1=0.9, m/√v', 'adam~0.001~0.9~0.999~1e-7~0.9~0', 'u'),
      ),
      label: { en: 'RMSProp and Adam', zh: 'RMSProp 与 Adam' },
    },
  ],
  words: {
    en: {
      title: 'Adam without momentum is RMSProp',
      explanation:
        'RMSProp keeps v ← β2·v + (1 − β2)·g² and steps θ ← θ − η·g/(√v + ε). Adam with β1 = 0 has m = g, and with bias correction off (m̂ = m, v̂ = v) its step η·m̂/(√v̂ + ε) is the same formula term for term: with the same η = 0.001, β2 = 0.999 and ε = 1e-7 the two runs compute the same numbers, and on the CPU engine their losses agree to the last bit over the 200 steps measured. With β1 = 0.9, m averages about the last ten gradients instead, and the runs part at step 2.',
      watch:
        'Set Smoothing to 0. Loss chart: "RMSProp" and "Adam β1=0, m/√v" draw one curve (the later run covers the earlier); at steps 2–3 both jump to about 5 before they fall, while "Adam β1=0.9, m/√v" goes down to about 2.1. Inside the optimizer → Effective step, layer dense2.kernel: at step 1 the pair moves the median weight by 31.6·η, and β1 = 0.9 by a tenth of that, 3.16·η.',
      question:
        'RMSProp’s first step moves every weight that has a gradient by 31.6·η = η/√(1 − β2). Where does that factor come from, and which part of Adam removes it?',
    },
    zh: {
      title: '去掉动量的 Adam 就是 RMSProp',
      explanation:
        'RMSProp 维护 v ← β2·v + (1 − β2)·g²，并按 θ ← θ − η·g/(√v + ε) 更新。β1 = 0 时 Adam 的 m 就是 g，再关闭偏差修正（m̂ = m，v̂ = v），它的步长 η·m̂/(√v̂ + ε) 与 RMSProp 的公式逐项相同：在相同的 η = 0.001、β2 = 0.999、ε = 1e-7 下两个运行算出完全相同的数，在 CPU 引擎上测量的 200 步里，两者的损失连最后一位都相同。β1 = 0.9 时 m 改为最近约十个梯度的平均，两个运行从第 2 步起分开。',
      watch:
        '把“平滑”设为 0。损失曲线：“RMSProp”和“Adam β1=0, m/√v”画成同一条曲线（后一个运行盖住了前一个）；第 2–3 步两者都跳到 5 左右再下降，而“Adam β1=0.9, m/√v”降到 2.1 左右。在“优化器内部”选“有效步长”，层选“第 2 层权重”：第 1 步这一对运行让中位数权重移动 31.6·η，β1 = 0.9 的只有它的十分之一，即 3.16·η。',
      question:
        'RMSProp 的第一步让每个梯度不为零的权重移动 31.6·η = η/√(1 − β2)。这个因子从哪里来？Adam 的哪一部分消除了它？',
    },
  },
};

export const L2_IS_NOT_ADAMW: Lesson = {
  id: 'adamw',
  parts: [
    {
      link: link(
        shared('scale'),
        run(0, 'Adam', 'adam~0.001~0.9~0.999~1e-7~0.9~0'),
        run(1, 'Adam+L₂ λ=0.1', 'adam~0.001~0.9~0.999~1e-7~0.9~0', '', 'wd.0.1'),
        run(2, 'AdamW λ=0.1', 'adamw~0.001~0.9~0.999~1e-7~0.9~0', '', 'wd.0.1'),
      ),
      label: { en: 'Adam, L₂ and AdamW', zh: 'Adam、L₂ 与 AdamW' },
    },
  ],
  words: {
    en: {
      title: 'Weight decay: L₂ in Adam is not AdamW',
      explanation:
        'Weight decay λ pulls every weight towards zero. Adam + L₂ adds it to the gradient, g + λ·θ, so the pull goes through Adam’s division by √v̂ like the rest of the gradient: the larger a weight’s gradients (the larger √v̂), the less it is decayed, while one whose gradients are tiny is pulled towards zero by up to η per step; AdamW decouples the decay, θ ← θ − η·λ·θ before Adam’s step, so every weight shrinks by the same factor 1 − η·λ per step. At λ = 0.1 and η = 0.001 the two part completely: after 300 steps AdamW’s weight norms are 2–3% below plain Adam’s in both layers, while Adam + L₂ has cut its first layer, where most weights get small gradients (blank pixels none), to a sixth of plain Adam’s, its output layer, with larger gradients per weight, only to a half, and its loss stalls near 0.85.',
      watch:
        'Loss chart: Adam and AdamW lie on top of each other, while Adam+L₂ levels off near 0.85. Inside the optimizer → Update / weight, layer dense1.kernel: Adam+L₂’s ratio climbs far above the other two as its ‖θ‖ shrinks. After 300 steps, Export CSV and compare the columns dense1.kernel.weightNorm and dense2.kernel.weightNorm: both layers started at 14.9 and 4.32; Adam has 16.7 and 5.16, AdamW 16.3 and 5.04, Adam+L₂ 2.65 and 2.63.',
      question:
        'A weight whose gradient is always zero is pulled towards zero by η = 0.001 per step in Adam+L₂, whatever λ is. Why η, and what does AdamW do to the same weight?',
    },
    zh: {
      title: '权重衰减：Adam 里的 L₂ 不是 AdamW',
      explanation:
        '权重衰减 λ 把每个权重拉向 0。Adam + L₂ 把它加到梯度上，即 g + λ·θ，于是这股拉力和梯度的其余部分一样要除以 √v̂：权重的梯度越大（√v̂ 越大），衰减就越少，而梯度很小的权重每步被拉向 0 最多 η；AdamW 把衰减解耦出来，在 Adam 的一步之前做 θ ← θ − η·λ·θ，所以每个权重每步都按同一个因子 1 − η·λ 缩小。在 λ = 0.1、η = 0.001 下两者截然不同：300 步后 AdamW 两层的权重范数都只比普通 Adam 低 2–3%，而 Adam + L₂ 把第一层（大多数权重的梯度很小，空白像素的梯度为零）削到普通 Adam 的六分之一，把输出层（每个权重的梯度更大）只削到一半，它的损失停在 0.85 附近。',
      watch:
        '损失曲线：Adam 和 AdamW 重合在一起，而 Adam+L₂ 停在 0.85 附近。在“优化器内部”选“更新量 / 权重”，层选“第 1 层权重”：随着 ‖θ‖ 变小，Adam+L₂ 的比值远远高出另外两个。300 步后导出 CSV，比较 "dense1.kernel.weightNorm" 和 "dense2.kernel.weightNorm" 两列：两层的起点都是 14.9 和 4.32；Adam 为 16.7 和 5.16，AdamW 为 16.3 和 5.04，Adam+L₂ 为 2.65 和 2.63。',
      question:
        '在 Adam+L₂ 中，一个梯度始终为零的权重每步被拉向 0 的距离是 η = 0.001，与 λ 无关。为什么是 η？AdamW 又会怎样对待这个权重？',
    },
  },
};

export const WARMUP: Lesson = {
  id: 'warmup',
  parts: [
    {
      link: link(
        shared('scale', 128),
        run(0, 'η=0.05', 'adam~0.05~0.9~0.999~1e-7~0.9~0'),
        run(1, 'η=0.05, W=100', 'adam~0.05~0.9~0.999~1e-7~0.9~0', '', 'warmup.100'),
      ),
      label: { en: 'Without and with warmup', zh: '不预热与预热' },
    },
  ],
  words: {
    en: {
      title: 'Warmup: a gentle start for a large learning rate',
      explanation:
        'At step 1 Adam’s m̂/√v̂ is exactly ±1 (m̂ = g, √v̂ = |g|), so every weight with a gradient moves by the full η at once, however small that gradient; later v̂ averages many batches and weights with noisy gradients move much less. At η = 0.05 that first joint jump throws the loss from 2.4 up to 6.8 by step 3, while a linear warmup over W = 100 steps, η_t = η·t/W, makes the first step a hundredth as large, and the loss never rises above its start. Warmup only changes the start: afterwards both runs train at the same η, and with batches of 128 (429 steps) they end the epoch at about the same validation loss, 0.22, so here the spike did no lasting harm.',
      watch:
        'Set Smoothing to 0. Loss chart, first 10 steps: without warmup the loss jumps to about 6.8 at step 3 and is back below its start by step 6; with warmup it only falls. Inside the optimizer → Learning rate ηₜ: the warmup run’s climbs in a straight line from 0.0005 at step 1 to 0.05 at step 100, then stays. Over steps 41–80 the warmup run’s loss is lower (about 0.38 against 0.43); after that the run without warmup is slightly ahead.',
      question:
        'Warmup removed the spike, yet both runs end the epoch at about the same validation loss. What would have to happen in those first steps for a spike to do lasting harm?',
    },
    zh: {
      title: '预热：让较大的学习率平稳起步',
      explanation:
        '第 1 步时 Adam 的 m̂/√v̂ 恰好是 ±1（m̂ = g，√v̂ = |g|），所以每个梯度不为零的权重都同时移动整整一个 η，不管它的梯度多小；之后 v̂ 平均了许多批次，梯度嘈杂的权重移动得少得多。η = 0.05 时，这第一次整体跳跃让损失在第 3 步前从 2.4 升到 6.8；而在 W = 100 步内线性预热，即 η_t = η·t/W，让第一步只有原来的百分之一，损失从未超过起点。预热只改变开头：之后两个运行用相同的 η 训练，批大小为 128（一轮 429 步）时，它们在一轮结束时的验证集损失差不多，约 0.22，所以这里的尖峰没有造成持久的损害。',
      watch:
        '把“平滑”设为 0。看损失曲线的前 10 步：不预热时损失在第 3 步跳到约 6.8，到第 6 步已回到起点以下；预热时损失只降不升。在“优化器内部”选“学习率 ηₜ”：预热运行的学习率从第 1 步的 0.0005 沿直线升到第 100 步的 0.05，然后保持不变。第 41–80 步预热运行的损失更低（约 0.38 对 0.43）；之后不预热的运行略微领先。',
      question:
        '预热消除了尖峰，但两个运行在一轮结束时的验证集损失差不多。要让尖峰造成持久的损害，最初几步里必须发生什么？',
    },
  },
};
