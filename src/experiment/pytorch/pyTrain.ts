// The script's training half, in Python: lanes stepped together on one batch per step with their
// timelines replayed (worker/runner.ts, engine/trainer.ts), the page's evaluation points, and the
// results written in the page's export format (experiment/exportData.ts).
import { EXPORT_FORMAT, EXPORT_VERSION } from '../exportTypes';
import { EXPLODED_LOSS, WHOLE_TRAINING_EVAL_MAX } from '../../shared/metrics';

export const PY_LANES = String.raw`
# ---------------------------------------------------------------------------------------------------
# Training: every run ("lane") trains each step on the same batch, after applying the changes recorded
# for that step, as the page's worker does (src/worker/runner.ts, src/engine/trainer.ts).
EXPLODED_LOSS = ${EXPLODED_LOSS.toExponential()}
EVAL_BATCH = 500


class Lane:
    def __init__(self, run, weights, device):
        self.spec = run["spec"]
        self.params = [torch.tensor(w, device=device, requires_grad=True) for w in weights]
        self.settings = dict(self.spec["initial"])
        self.changes = list(self.spec["timeline"])
        self.impl = {start: impl for start, impl in run["optimizers"]}
        self.rule = make_rule(self.settings["optimizer"], self.params, self.settings, self.impl[1])
        self.stopped = False
        self.points, self.validation, self.training, self.test = [], [], [], None

    def apply_changes(self, step):
        """The changes recorded for steps up to step, in order; a new optimizer starts with no state."""
        while self.changes and self.changes[0]["step"] <= step:
            change = self.changes.pop(0)
            self.settings[change["key"]] = change["value"]
            if change["key"] == "optimizer":
                impl = self.impl[change["step"]]
                self.rule = make_rule(change["value"], self.params, self.settings, impl)

    def train(self, step, x, y, onehot, masks):
        s = self.settings
        lr = s["learningRate"] * schedule_factor(s, step)
        z = logits(self.params, x, masks)
        # The mean cross-entropy of the forward pass (dropped units included) before the update.
        loss_sum = -(F.log_softmax(z, 1) * onehot).sum()
        grads = torch.autograd.grad(loss_sum / x.shape[0], self.params)
        correct = (z.argmax(1) == y).sum()
        self.rule.step(self.params, grads, s, lr)
        # Divided by the batch size even when a partial pool gave fewer images, as the page does.
        loss = loss_sum.item() / BATCH_SIZE
        epoch = (step - 1) // STEPS_PER_EPOCH
        accuracy = correct.item() / BATCH_SIZE
        self.points.append({"step": step, "epoch": epoch, "loss": loss, "accuracy": accuracy, "lr": lr})
        if not loss <= EXPLODED_LOSS:
            self.stopped = True
            print(f"  {self.spec['name']} diverged at step {step} (loss {loss:.3g}) and stops there")


@torch.no_grad()
def evaluate(params, split):
    """Loss and accuracy over a split in pieces of EVAL_BATCH, sums kept in float32 as the page does.
    split: (inputs, labels trained on, true labels or None)."""
    x_all, y_all, true_all = split
    count = x_all.shape[0]
    sums = torch.zeros(4, device=x_all.device)
    for start in range(0, count, EVAL_BATCH):
        piece = slice(start, start + EVAL_BATCH)
        logp = F.log_softmax(logits(params, x_all[piece]), 1)
        guess = logp.argmax(1)
        for k, labels in enumerate([y_all] + ([true_all] if true_all is not None else [])):
            onehot = F.one_hot(labels[piece], NUM_CLASSES).to(torch.float32)
            sums[2 * k] += -(logp * onehot).sum()
            sums[2 * k + 1] += (guess == labels[piece]).sum()
    loss, correct, true_loss, true_correct = sums.tolist()
    result = {"loss": loss / count, "accuracy": correct / count}
    if true_all is not None:
        result.update(trueLoss=true_loss / count, trueAccuracy=true_correct / count)
    return result


# Validation 5 times an epoch (where the running page stops its chunks of steps), or once an epoch
# with a small training set (up to ${WHOLE_TRAINING_EVAL_MAX.toLocaleString('en-US')} images), which is evaluated whole as well; and
# after the last step, followed by the test set (src/worker/runner.ts).
WHOLE_TRAINING_EVAL = SHARED["trainImages"] <= ${WHOLE_TRAINING_EVAL_MAX}
EVAL_EVERY = max(1, math.ceil(STEPS_PER_EPOCH / (1 if WHOLE_TRAINING_EVAL else 5)))
`;

export const PY_OUTPUT = String.raw`
# ---------------------------------------------------------------------------------------------------
# The results in the page's export format (src/experiment/exportData.ts): the page's Import reads
# them back as curves. Numbers as JavaScript writes them; NaN and Infinity as the strings JSON lacks.
def js_number(x):
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, float) and not math.isfinite(x):
        return '"NaN"' if math.isnan(x) else ('"Infinity"' if x > 0 else '"-Infinity"')
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e21:
        return str(int(x))  # 2.0 as 2, as JavaScript writes it
    return repr(x)


def js_json(v):
    if v is None or isinstance(v, (bool, int, float)):
        return "null" if v is None else js_number(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, (list, tuple)):
        return "[" + ",".join(js_json(x) for x in v) + "]"
    return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + js_json(x) for k, x in v.items()) + "}"


def js_list(items, indent):
    if not items:
        return "[]"
    return "[\n" + ",\n".join(indent + "  " + js_json(x) for x in items) + "\n" + indent + "]"


def write_results(path, lanes):
    now = datetime.datetime.now(datetime.timezone.utc)
    stamp = now.strftime("%Y-%m-%dT%H:%M:%S.") + f"{now.microsecond // 1000:03d}Z"
    i = "      "
    runs = []
    for lane in lanes:
        text = f'    {{\n{i}"spec": {js_json(lane.spec)},\n{i}"test": {js_json(lane.test)},\n'
        text += f'{i}"validation": {js_list(lane.validation, i)},\n'
        if WHOLE_TRAINING_EVAL:
            text += f'{i}"training": {js_list(lane.training, i)},\n'
        runs.append(text + f'{i}"points": {js_list(lane.points, i)}\n    }}')
    with open(path, "w", encoding="utf-8") as f:
        f.write(f'{{\n  "format": "${EXPORT_FORMAT}",\n  "version": ${EXPORT_VERSION},\n')
        f.write(f'  "exportedAt": "{stamp}",\n  "shared": {js_json(SHARED)},\n')
        f.write('  "runs": [\n' + ",\n".join(runs) + "\n  ]\n}\n")
`;
