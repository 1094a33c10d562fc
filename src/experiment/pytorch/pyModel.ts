// The script's network, in Python: the page's initial weights (engine/models/parameters.ts), the
// forward passes of its MLPs and CNN (engine/models/mlp.ts, cnn.ts) on tensors kept in the page's
// layouts, and dropout's integer-hash masks (shared/dropout.ts).
import { CNN } from '../../shared/model';
import { IMAGE_SIDE } from '../../shared/mnist';

export const PY_MODEL = String.raw`
# ---------------------------------------------------------------------------------------------------
# The network. Its tensors keep the page's shapes and order (SHAPES): dense kernels [in, out], the CNN's
# kernels HWIO [height, width, in, out], each followed by its bias.
def initial_weights(seed):
    """Glorot-uniform kernels U(-l, l), l = sqrt(6 / (fan_in + fan_out)), drawn in float64 from one stream
    in tensor order and stored as float32; zero biases (src/engine/models/parameters.ts)."""
    rng = Rng(derive_seed(seed, WEIGHTS_STREAM))
    weights = []
    for shape in SHAPES:
        if len(shape) == 1:
            weights.append(np.zeros(shape, dtype=np.float32))
            continue
        receptive = math.prod(shape[:-2])
        limit = math.sqrt(6 / (receptive * shape[-2] + receptive * shape[-1]))
        values = (rng.take(math.prod(shape)) * 2 - 1) * limit
        weights.append(values.astype(np.float32).reshape(shape))
    return weights


ACTIVATIONS = {"relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid}


def mlp_logits(params, x, masks=None):
    """h_l = f(h_{l-1} W_l + b_l) for each hidden layer (times its dropout mask while training), then
    the logits z = h W + b."""
    f = ACTIVATIONS[SHARED["activation"]]
    depth = len(params) // 2 - 1
    h = x
    for layer in range(depth):
        h = f(h @ params[2 * layer] + params[2 * layer + 1])
        if masks is not None:
            h = h * masks[layer]
    return h @ params[2 * depth] + params[2 * depth + 1]


def conv_block(x, kernel, bias):
    """TensorFlow.js conv2d 'same' (${CNN.kernel}x${CNN.kernel}, stride 1: padding ${(CNN.kernel - 1) / 2} on every side), + bias, ReLU,
    max-pool ${CNN.pool} 'valid'. The HWIO kernel becomes PyTorch's OIHW by a permutation."""
    conv = F.conv2d(x, kernel.permute(3, 2, 0, 1), bias, padding=${(CNN.kernel - 1) / 2})
    return F.max_pool2d(torch.relu(conv), ${CNN.pool})


def cnn_logits(params, x, masks=None):
    """The page's images are NHWC; with one channel a row of pixels is already N1HW. The features are
    flattened in the page's NHWC order (channels last) before the dense layer. No dropout in the CNN."""
    k1, b1, k2, b2, w, b = params
    images = x.reshape(x.shape[0], 1, ${IMAGE_SIDE}, ${IMAGE_SIDE})
    features = conv_block(conv_block(images, k1, b1), k2, b2)
    flat = features.permute(0, 2, 3, 1).reshape(x.shape[0], -1)
    return flat @ w + b


logits = cnn_logits if MODEL["kind"] == "cnn" else mlp_logits


# ---------------------------------------------------------------------------------------------------
# Dropout masks (src/shared/dropout.ts): unit (row, col) of hidden layer l at step t is kept when
# mix(mix(key ^ row) ^ col) < floor((1 - p) 2^32), key = mix(mix(mix(seed ^ 0x9E3779B9) ^ t) ^ l),
# with mix the lowbias32 hash on unsigned 32-bit integers. Kept units are scaled by 1 / (1 - p).
def mix32(x):
    x = x ^ (x >> np.uint32(16))
    x = x * np.uint32(0x7FEB352D)
    x = x ^ (x >> np.uint32(15))
    x = x * np.uint32(0x846CA68B)
    return x ^ (x >> np.uint32(16))


def dropout_masks(step, rows):
    """The masks of every hidden layer at step (1-based) for a batch of rows, or None without dropout."""
    rate, hidden = SHARED["dropout"], MODEL.get("hidden", [])
    if rate == 0 or not hidden:
        return None
    threshold = min(math.floor((1 - rate) * 2**32), 2**32 - 1)
    scale = np.float32(1 / (1 - rate))
    r = np.arange(rows, dtype=np.uint32)[:, None]
    masks = []
    for layer, width in enumerate(hidden):
        seed = np.array([SHARED["seed"] ^ 0x9E3779B9], dtype=np.uint32)
        key = mix32(mix32(mix32(seed) ^ np.uint32(step)) ^ np.uint32(layer))
        c = np.arange(width, dtype=np.uint32)[None, :]
        keep = mix32(mix32(key ^ r) ^ c).astype(np.uint64) < threshold
        masks.append(np.where(keep, scale, np.float32(0)).astype(np.float32))
    return masks
`;
