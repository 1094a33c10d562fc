// The lessons on the data: overfitting a small training set, dropout and weight decay against it, and
// wrong labels. Each trains on 1,000 images for 15 or 20 epochs, so the page scores validation and the
// whole training set once an epoch; tests/lessons/dataLessons.test.ts measures every number they promise.
import { link, run } from './links';
import type { Lesson } from './types';

/** Adam at η = 0.003: fast enough to overfit 1,000 images within 15 epochs (465 steps). */
const ADAM = 'adam~0.003~0.9~0.999~1e-7~0.9~0';
const ADAMW = 'adamw~0.003~0.9~0.999~1e-7~0.9~0';

/** The data lessons' shared keys: batch 32, seed 1, 1,000 training images (31 steps an epoch). */
const small = (epochs: number) => `bs=32&epochs=${epochs}&prep=scale&seed=1&train=1000`;
/** One Adam run on the small set, as a plain single-run link. */
const smallAdam = (epochs: number) =>
  `opt=adam&lr=0.003&b1=0.9&b2=0.999&eps=1e-7&mom=0.9&nesterov=0&${small(epochs)}`;

export const OVERFITTING: Lesson = {
  id: 'overfitting',
  parts: [{ link: smallAdam(20), label: { en: '1,000 images', zh: '1,000 张图像' } }],
  words: {
    en: {
      title: 'Overfitting: 1,000 training images',
      explanation:
        'With Training images at 1,000 (a seeded subset of the 55,000; batch 32 makes an epoch 31 steps), the network’s hundred thousand weights can fit every training image, its useful patterns and its accidents alike. Once an epoch the page scores the 5,000 validation images and the whole training set: the training loss keeps falling towards zero, while the validation loss, which says how the network does on digits it has never seen, stops falling after a few epochs and climbs again. The growing distance between the two lines is overfitting.',
      watch:
        'Loss chart, one dot and one ring per epoch: validation (dots on the dashed line) is lowest, about 0.30, at epoch 8 (step 248) and is back up to about 0.34 by epoch 20, some 14% higher, while the whole training set (rings on the dotted line) keeps falling, from 0.017 to 0.003. Accuracy chart: validation stays near 91.5% from epoch 8 to the end, the training set at 100%.',
      question:
        'Validation accuracy hardly moves after epoch 8, yet the validation loss rises by 14%. How can the loss get worse without more mistakes, and which epoch’s weights would you keep?',
    },
    zh: {
      title: '过拟合：1,000 张训练图像',
      explanation:
        '把“训练图像数”设为 1,000（从 55,000 张中按随机种子抽取；批大小 32 时一轮只有 31 步），网络的十万个权重足以拟合每一张训练图像，有用的规律和偶然的细节一并记住。页面每轮在 5,000 张验证图像和整个训练集上各评估一次：训练损失一直降向零，而验证损失（它衡量网络在从未见过的数字上的表现）几轮之后就不再下降，转而回升。两条线之间越拉越大的距离就是过拟合。',
      watch:
        '损失曲线图，每轮一个点和一个圆圈：验证（虚线上的点）在第 8 轮（第 248 步）最低，约 0.30，到第 20 轮又回升到约 0.34，高出约 14%；而整个训练集（点线上的圆圈）一直下降，从 0.017 降到 0.003。准确率曲线图：从第 8 轮到结束，验证准确率一直在 91.5% 左右，训练集则是 100%。',
      question:
        '第 8 轮之后验证准确率几乎不变，验证损失却上升了 14%。错误并没有增多，损失为什么会变差？你会保留哪一轮的权重？',
    },
  },
};

/** Adam and AdamW with λ = 1 (decoupled: θ ← θ − η·λ·θ), the same in both parts. */
const REGULARIZED_RUNS = [run(0, 'Adam', ADAM), run(1, 'AdamW λ=1', ADAMW, '', 'wd.1')] as const;

export const REGULARIZATION: Lesson = {
  id: 'dropout-weight-decay',
  parts: [
    {
      link: link(small(15), ...REGULARIZED_RUNS),
      label: { en: 'Without dropout', zh: '不用随机失活' },
    },
    {
      link: link(`${small(15)}&drop=0.5`, ...REGULARIZED_RUNS),
      label: { en: 'Dropout 0.5', zh: '随机失活 0.5' },
    },
  ],
  words: {
    en: {
      title: 'Dropout and weight decay narrow the gap',
      explanation:
        'Both make the training set harder to learn by heart. Weight decay (AdamW, λ = 1) shrinks every weight by η·λ = 0.3% a step, so only the weights the data keeps pushing stay large; dropout 0.5 switches off a random half of the hidden units at every step, so no unit can count on a particular partner and the network has to spread what it knows. The runs train for 15 epochs on the same 1,000 images, from the same weights and on the same batches as the overfitting lesson’s run.',
      watch:
        'Open the two parts one after another and read the last five epochs (11–15), since single dots jump by a few hundredths. Loss chart, validation against the whole training set: without dropout, Adam averages about 0.33 against 0.007 (a gap of 0.32) and AdamW 0.29 against 0.06 (0.23); with dropout 0.5, Adam 0.30 against 0.027 (0.27) and AdamW 0.32 against 0.13 (0.19). Each narrows the gap, and weight decay or dropout alone lowers the validation loss too; both together fit the training set least and leave the narrowest gap, yet end barely below neither.',
      question:
        'Dropout with weight decay leaves the smallest gap, yet either one alone does better on validation. What is the gap a sign of, and why is closing it not the goal in itself?',
    },
    zh: {
      title: '随机失活与权重衰减缩小差距',
      explanation:
        '两者都让网络更难把训练集死记下来。权重衰减（AdamW，λ = 1）每一步把每个权重缩小 η·λ = 0.3%，只有数据不断推动的权重才能保持较大；随机失活 0.5 在每一步随机关掉一半隐藏单元，任何单元都不能依赖某个固定的搭档，网络只好把学到的东西分散开。这些运行训练 15 轮，与过拟合那一课的运行用同样的 1,000 张图像、同样的初始权重和同样的批次。',
      watch:
        '依次打开两个部分，读最后五轮（第 11–15 轮），因为单个点会上下跳动零点零几。看损失曲线图中验证与整个训练集的对比：不用随机失活时，Adam 平均约 0.33 对 0.007（差距 0.32），AdamW 0.29 对 0.06（0.23）；随机失活 0.5 时，Adam 0.30 对 0.027（0.27），AdamW 0.32 对 0.13（0.19）。每一种都缩小了差距，单用权重衰减或单用随机失活也降低了验证损失；两者并用对训练集拟合得最少、差距最小，验证损失却只比都不用略低一点。',
      question:
        '随机失活加权重衰减的差距最小，但单用其中任何一种在验证集上都更好。差距说明的是什么？为什么缩小差距本身并不是目的？',
    },
  },
};

export const LABEL_NOISE: Lesson = {
  id: 'label-noise',
  parts: [
    {
      link: `${smallAdam(15)}&labelnoise=0.4`,
      label: { en: '40% wrong labels', zh: '40% 标签错误' },
    },
    { link: smallAdam(15), label: { en: 'Clean labels', zh: '标签全部正确' } },
  ],
  words: {
    en: {
      title: 'Wrong labels: the digits first, the mistakes later',
      explanation:
        'With Label noise at 0.4, 400 of the 1,000 training images carry a wrong label (chosen with the seed; validation stays clean). The true digits are what the images have in common, so the network learns them first; the wrong labels follow no pattern and can only be learnt by heart, image by image, which takes longer, and each one it memorises makes it worse on new digits. Even stopped at its best epoch the run stays far below the same images with clean labels: cleaning the data is worth more than tuning.',
      watch:
        'Accuracy chart: validation peaks at about 82% at epoch 3 (step 93), while the whole training set, scored against its own labels, is at about 61%, close to the 60% of its labels that are right. Then the lines cross, around epoch 7: by epoch 15 the training set is at 97.5% and validation has fallen to about 67%. What the model learned → Mislabelled training images (400): at epoch 3 the network gives the true digit for about 290 of them and the wrong label it was taught for about 50; by epoch 15 it gives the wrong label for 375. The clean part ends at about 92% on validation.',
      question:
        'At the end the network agrees with 97.5% of its training labels, though 400 of them are wrong digits. What does a training accuracy tell you when labels may be wrong, and how would you look for the bad ones in a real data set?',
    },
    zh: {
      title: '错误的标签：先学数字，后记错误',
      explanation:
        '把“标签噪声”设为 0.4，1,000 张训练图像中就有 400 张带着错误的标签（按随机种子选出；验证集保持正确）。真正的数字是这些图像的共同之处，所以网络先学会它们；错误的标签没有规律，只能一张一张死记，这要花更久，而且每记住一个，网络在新数字上就变差一点。即使停在最好的那一轮，这个运行也远不如标签正确的同一批图像：清洗数据比调参更值得。',
      watch:
        '准确率曲线图：验证在第 3 轮（第 93 步）达到最高，约 82%，这时整个训练集（按它自己的标签评分）约为 61%，接近其中 60% 的正确标签。之后两条线在第 7 轮左右交叉：到第 15 轮训练集达到 97.5%，验证则跌到约 67%。在“模型学到了什么”中打开“标签错误的训练图像（400）”：第 3 轮时网络对其中约 290 张给出真正的数字，约 50 张给出被教的错误标签；到第 15 轮，给出错误标签的已有 375 张。标签正确的部分最后验证准确率约为 92%。',
      question:
        '最后网络与 97.5% 的训练标签一致，尽管其中 400 个是错误的数字。标签可能有错时，训练准确率能说明什么？在真实的数据集中，你会怎样找出错误的标签？',
    },
  },
};
