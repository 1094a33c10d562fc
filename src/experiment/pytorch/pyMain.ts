// The script's entry, in Python: the command line, the data on the chosen device, the step loop over
// every lane with the page's evaluation points, a progress line per epoch, and the results file.
export const PY_MAIN = String.raw`
# ---------------------------------------------------------------------------------------------------
# The data on the device: the training set by position (images[p] is training image indices[p], and
# labels[p] the label it trains on, wrong where label noise made it so), and the evaluation splits as
# (inputs, labels, true labels or None).
def prepare(folder, device):
    mnist = load_mnist(folder)
    train_images, train_labels = mnist["train"]
    lut = torch.from_numpy(pixel_table(SHARED["preprocessing"], train_images)).to(device)
    indices, set_labels = training_set(train_labels, SHARED["seed"])
    images = torch.from_numpy(train_images[indices]).to(device)
    labels = torch.from_numpy(set_labels).to(device)

    def as_split(raw, trained_on, truth=None):
        return lut[torch.from_numpy(raw).to(device).long()], torch.from_numpy(trained_on).to(device), truth

    data = {
        "lut": lut,
        "images": images,
        "labels": labels,
        "validation": as_split(mnist["validation"][0], mnist["validation"][1].astype(np.int64)),
        "test": as_split(mnist["test"][0], mnist["test"][1].astype(np.int64)),
        "whole": None,
    }
    if WHOLE_TRAINING_EVAL:
        truth = train_labels[indices].astype(np.int64)
        truth = torch.from_numpy(truth).to(device) if WRONG_LABELS > 0 else None
        data["whole"] = as_split(train_images[indices], set_labels, truth)
    return data


def progress(step, lanes, since, started):
    """The mean batch loss and accuracy of each run since the last line, and its latest validation."""
    epoch = math.ceil(step / STEPS_PER_EPOCH)
    print(f"epoch {epoch}/{SHARED['epochs']}, step {step}/{TOTAL_STEPS} ({time.time() - started:.1f} s)")
    for lane in lanes:
        recent = [p for p in lane.points if p["step"] > since]
        if not recent:
            print(f"  {lane.spec['name']}: stopped")
            continue
        loss = sum(p["loss"] for p in recent) / len(recent)
        accuracy = sum(p["accuracy"] for p in recent) / len(recent)
        text = f"  {lane.spec['name']}: loss {loss:.4f}, accuracy {accuracy:.1%}"
        if lane.validation and lane.validation[-1]["step"] == step:
            v = lane.validation[-1]
            text += f"; validation loss {v['loss']:.4f}, accuracy {v['accuracy']:.1%}"
        print(text, flush=True)


def train(lanes, data, steps, started):
    batches = Batches(TRAIN_SIZE, SHARED["seed"])
    since = 0
    for step in range(1, steps + 1):
        positions = torch.from_numpy(batches.positions(step)).to(data["images"].device)
        x, y = data["lut"][data["images"][positions].long()], data["labels"][positions]
        onehot = F.one_hot(y, NUM_CLASSES).to(torch.float32)
        masks = dropout_masks(step, len(positions))
        masks = None if masks is None else [torch.from_numpy(m).to(x.device) for m in masks]
        for lane in lanes:
            lane.apply_changes(step)
            if not lane.stopped:
                lane.train(step, x, y, onehot, masks)
        live = [lane for lane in lanes if not lane.stopped]
        if step % EVAL_EVERY == 0 or step == TOTAL_STEPS:
            for lane in live:
                lane.validation.append({"step": step, **evaluate(lane.params, data["validation"])})
            for lane in live if data["whole"] else []:
                lane.training.append({"step": step, **evaluate(lane.params, data["whole"])})
        if step == TOTAL_STEPS:
            for lane in live:
                lane.test = {"step": step, **evaluate(lane.params, data["test"])}
        if step % STEPS_PER_EPOCH == 0 or step == steps:
            progress(step, lanes, since, started)
            since = step


def main():
    parser = argparse.ArgumentParser(description="Trains this experiment's runs as the page trained them.")
    parser.add_argument("--mnist", required=True, metavar="DIR", help="the folder of MNIST's four files")
    parser.add_argument("--steps", type=int, default=TOTAL_STEPS, metavar="N", help="steps (default: all)")
    parser.add_argument("--device", default="cpu", help="cpu (default) or cuda")
    parser.add_argument("--out", default="mnist-runs-pytorch.json", metavar="FILE", help="the results")
    args = parser.parse_args()
    if TOTAL_STEPS == 0:
        sys.exit(f"A batch of {BATCH_SIZE} exceeds the {TRAIN_SIZE} training images: the page cannot train it either")
    if not 1 <= args.steps <= TOTAL_STEPS:
        parser.error(f"--steps must be from 1 to {TOTAL_STEPS}")
    if args.device.startswith("cuda") and not torch.cuda.is_available():
        parser.error("--device cuda: PyTorch finds no CUDA device here")
    device = torch.device(args.device)
    # float32 throughout, as on the page: no TensorFloat-32 in matrix products or convolutions.
    torch.backends.cuda.matmul.allow_tf32 = False
    torch.backends.cudnn.allow_tf32 = False
    started = time.time()

    data = prepare(args.mnist, device)
    print(f"MNIST from {args.mnist}: {TRAIN_SIZE} training images ({WRONG_LABELS} wrong labels), on {device}")
    if POOL:
        pools = ", ".join(f"from step {c['step']} {c['images']} images" for c in POOL)
        print(f"Batches replay the pools the page drew from while MNIST arrived: {pools}")
    weights = initial_weights(SHARED["seed"])
    lanes = [Lane(run, weights, device) for run in RUNS]
    train(lanes, data, args.steps, started)
    write_results(args.out, lanes)
    runs = f"{len(lanes)} run{'s' if len(lanes) > 1 else ''}"
    print(f"Wrote {args.out} ({runs}, {args.steps} steps): import it on the page to see its curves.")


if __name__ == "__main__":
    main()
`;
