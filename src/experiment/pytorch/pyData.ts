// The script's data half, in Python: the page's seeded random numbers (shared/random.ts), MNIST from
// its IDX files and the split (engine/mnist.ts), preprocessing (engine/preprocess.ts), the data lever
// (shared/dataLever.ts) and the batch order with its partial pools (engine/batches.ts, shared/pool.ts).
import { IMAGE_PIXELS, IMAGE_SIDE, NUM_CLASSES, TRAIN_COUNT, TRAIN_FILE_COUNT } from '../../shared/mnist';

export const PY_RANDOM = String.raw`
# ---------------------------------------------------------------------------------------------------
# Seeded random numbers, as the page draws them (src/shared/random.ts). mulberry32's state only ever
# grows by 0x6D2B79F5, so its k-th number is a function of seed + k * 0x6D2B79F5: numpy draws many at once.
MASK32 = 0xFFFFFFFF
# The page's streams of one seed (derive_seed): each purpose draws from its own.
WEIGHTS_STREAM, SHUFFLE_STREAM, POOL_STREAM, SUBSET_STREAM, NOISE_STREAM = 1, 2, 3, 4, 5


def imul(a, b):
    """JavaScript's Math.imul on unsigned 32-bit integers: the low 32 bits of the product."""
    return (a * b) & MASK32


def derive_seed(seed, stream):
    h = (seed ^ imul(stream + 1, 0x9E3779B1)) & MASK32
    h = imul(h ^ (h >> 16), 0x85EBCA6B)
    h = imul(h ^ (h >> 13), 0xC2B2AE35)
    return h ^ (h >> 16)


class Rng:
    """createRng(seed): mulberry32, uniform numbers in [0, 1) drawn in order."""

    def __init__(self, seed):
        self.seed = seed & MASK32
        self.drawn = 0

    def take(self, count):
        """The next count numbers, as float64 (exactly the page's values)."""
        k = np.arange(self.drawn + 1, self.drawn + count + 1, dtype=np.uint64)
        self.drawn += count
        t = ((k * np.uint64(0x6D2B79F5) + np.uint64(self.seed)) & np.uint64(MASK32)).astype(np.uint32)
        t = (t ^ (t >> np.uint32(15))) * (t | np.uint32(1))
        t = t ^ (t + (t ^ (t >> np.uint32(7))) * (t | np.uint32(61)))
        return (t ^ (t >> np.uint32(14))).astype(np.float64) / 4294967296.0


def shuffled_indices(n, rng):
    """Fisher-Yates shuffle of 0..n-1: for i = n-1 down to 1, swap i with floor(u * (i + 1))."""
    order = list(range(n))
    picks = np.floor(rng.take(max(n - 1, 0)) * np.arange(n, 1, -1, dtype=np.float64)).astype(np.int64)
    for i, j in zip(range(n - 1, 0, -1), picks.tolist()):
        order[i], order[j] = order[j], order[i]
    return np.array(order, dtype=np.int64)


def sample_distinct(n, k, rng):
    """k distinct integers of 0..n-1 (Floyd's algorithm), in the order the page draws them."""
    seen, out = set(), []
    for j, u in zip(range(n - k, n), rng.take(k).tolist()):
        t = math.floor(u * (j + 1))
        pick = j if t in seen else t
        seen.add(pick)
        out.append(pick)
    return np.array(out, dtype=np.int64)
`;

const count = (n: number) => n.toLocaleString('en-US');

export const PY_DATA = String.raw`
# ---------------------------------------------------------------------------------------------------
# MNIST from its original IDX files: the first ${count(TRAIN_COUNT)} training images train, the last
# ${count(TRAIN_FILE_COUNT - TRAIN_COUNT)} validate, and the 10,000 of t10k test (src/engine/mnist.ts).
TRAIN_COUNT = ${TRAIN_COUNT}
IMAGE_PIXELS = ${IMAGE_PIXELS}
NUM_CLASSES = ${NUM_CLASSES}


def read_idx(folder, name, magic, shape):
    for candidate in (name, name + ".gz"):
        path = os.path.join(folder, candidate)
        if os.path.isfile(path):
            with (gzip.open if candidate.endswith(".gz") else open)(path, "rb") as f:
                data = f.read()
            break
    else:
        sys.exit(f"{name} (or {name}.gz) is not in {folder}: --mnist names the folder of MNIST's files")
    dims = len(shape)
    header = [int.from_bytes(data[i:i + 4], "big") for i in range(0, 4 + 4 * dims, 4)]
    if header != [magic, *shape] or len(data) != 4 + 4 * dims + math.prod(shape):
        sys.exit(f"{path} is not the MNIST file it is named after (header {header})")
    return np.frombuffer(bytearray(data), dtype=np.uint8, offset=4 + 4 * dims).reshape(shape[0], -1)


def load_mnist(folder):
    side = ${IMAGE_SIDE}
    images = read_idx(folder, "train-images-idx3-ubyte", 2051, (${TRAIN_FILE_COUNT}, side, side))
    labels = read_idx(folder, "train-labels-idx1-ubyte", 2049, (${TRAIN_FILE_COUNT},))[:, 0]
    test_images = read_idx(folder, "t10k-images-idx3-ubyte", 2051, (10000, side, side))
    test_labels = read_idx(folder, "t10k-labels-idx1-ubyte", 2049, (10000,))[:, 0]
    return {
        "train": (images[:TRAIN_COUNT], labels[:TRAIN_COUNT]),
        "validation": (images[TRAIN_COUNT:], labels[TRAIN_COUNT:]),
        "test": (test_images, test_labels),
    }


def pixel_table(mode, train_images):
    """Byte -> model input, (v - center) / spread in float64 stored as float32 (src/engine/preprocess.ts)."""
    if mode == "scale":
        center, spread = 0.0, 255.0
    elif mode == "none":
        center, spread = 0.0, 1.0
    else:  # standardize, with the statistics of all ${count(TRAIN_COUNT)} training images
        hist = np.bincount(train_images.ravel(), minlength=256).astype(np.float64)
        v = np.arange(256, dtype=np.float64)
        n = train_images.size
        mean = float((hist * v).sum()) / n
        std = math.sqrt(max(float((hist * v * v).sum()) / n - mean * mean, 0.0))
        center, spread = mean, (std or 1.0)
    return ((np.arange(256, dtype=np.float64) - center) / spread).astype(np.float32)


def training_set(true_labels, seed):
    """
    The data lever (src/shared/dataLever.ts): a seeded subset of the training images (ascending), and
    WRONG_LABELS of its positions, also seeded, relabelled (true + 1 + floor(9u)) mod 10.
    """
    count = len(true_labels)
    if TRAIN_SIZE == count:
        indices = np.arange(count, dtype=np.int64)
    else:
        indices = np.sort(sample_distinct(count, TRAIN_SIZE, Rng(derive_seed(seed, SUBSET_STREAM))))
    labels = true_labels[indices].astype(np.int64)
    noise = Rng(derive_seed(seed, NOISE_STREAM))
    changed = np.sort(sample_distinct(TRAIN_SIZE, WRONG_LABELS, noise))
    shifts = np.floor(noise.take(len(changed)) * (NUM_CLASSES - 1)).astype(np.int64)
    labels[changed] = (labels[changed] + 1 + shifts) % NUM_CLASSES
    return indices, labels


class Batches:
    """
    Which positions of the training set each step trains on (src/engine/batches.ts): a fresh seeded
    shuffle every epoch, batches of BATCH_SIZE in order, the last partial batch dropped. While the page's
    MNIST was still arriving, a step drew a seeded sample from the images that had (its pool) instead.
    """

    def __init__(self, count, seed):
        self.count, self.seed = count, seed
        self.rng = Rng(derive_seed(seed, SHUFFLE_STREAM))
        self.epoch, self.order = -1, None

    def pool_at(self, step):
        size = self.count
        for change in POOL:
            if change["step"] > step:
                break
            size = change["images"]
        return size

    def positions(self, step):
        """Positions of step step (1-based) in the training set."""
        pool = self.pool_at(step)
        if pool < self.count:
            draw = Rng(derive_seed(derive_seed(self.seed, POOL_STREAM), step - 1))
            return sample_distinct(pool, min(BATCH_SIZE, pool), draw)
        epoch = (step - 1) // STEPS_PER_EPOCH
        while self.epoch < epoch:
            self.order = shuffled_indices(self.count, self.rng)
            self.epoch += 1
        start = ((step - 1) % STEPS_PER_EPOCH) * BATCH_SIZE
        return self.order[start:start + BATCH_SIZE]
`;
