// The script's optimizers, in Python: the learning-rate schedule (shared/schedule.ts), torch.optim
// where it computes the page's update exactly (fed each step's settings), and the update written out
// where it does not (shared/updateRules.ts, engine/optimizers.ts): Adam with bias correction by the
// product of the βs used or without it, and momentum whose μ is 0 at times.
export const PY_OPTIM = String.raw`
# ---------------------------------------------------------------------------------------------------
# The learning-rate schedule (src/shared/schedule.ts): step t (1-based) uses eta_t = eta * w_t * d_t.
def schedule_factor(s, t):
    w = min(1.0, t / s["warmup"]) if s["warmup"] > 0 else 1.0
    k, e, total = t - 1, STEPS_PER_EPOCH, TOTAL_STEPS
    if s["schedule"] == "step":
        d = s["gamma"] ** (k // e)
    elif s["schedule"] == "cosine":
        d = 0.5 * (1 + math.cos(math.pi * min(k, total) / total))
    elif s["schedule"] == "cyclic":
        d = 0.1 + 0.9 * (1 - abs((k % (2 * e)) / e - 1))
    else:
        d = 1.0
    return w * d


# ---------------------------------------------------------------------------------------------------
# Optimizers. Every rule but AdamW adds weight decay to the gradient (g + lambda theta); AdamW shrinks
# theta by eta_t lambda first. Each step gets the run's settings of that step and eta_t.
TORCH_CLASSES = {
    "sgd": torch.optim.SGD,
    "momentum": torch.optim.SGD,
    "adagrad": torch.optim.Adagrad,
    "rmsprop": torch.optim.RMSprop,
    "adam": torch.optim.Adam,
    "adamw": torch.optim.AdamW,
}


def torch_group(name, s, lr):
    """The page's settings as torch.optim's: RMSProp's alpha is the page's beta2."""
    group = {"lr": lr, "weight_decay": s["weightDecay"]}
    if name == "momentum":
        group.update(momentum=s["momentum"], nesterov=s["nesterov"])
    elif name == "adagrad":
        group.update(eps=s["epsilon"])
    elif name == "rmsprop":
        group.update(alpha=s["beta2"], eps=s["epsilon"])
    elif name in ("adam", "adamw"):
        group.update(betas=(s["beta1"], s["beta2"]), eps=s["epsilon"])
    return group


class TorchRule:
    """A torch.optim optimizer, its one parameter group set to the step's settings before each step."""

    def __init__(self, name, params, s):
        self.name = name
        self.optim = TORCH_CLASSES[name](params, **torch_group(name, s, s["learningRate"]))

    def step(self, params, grads, s, lr):
        for p, g in zip(params, grads):
            p.grad = g
        self.optim.param_groups[0].update(torch_group(self.name, s, lr))
        self.optim.step()


class WrittenMomentum:
    """v <- mu v + g; theta <- theta - eta_t v, or with Nesterov theta <- theta - eta_t (g + mu v), v
    starting at 0 and kept while mu is 0 (torch.optim.SGD keeps none then)."""

    def __init__(self, name, params, s):
        self.velocity = [torch.zeros_like(p) for p in params]

    @torch.no_grad()
    def step(self, params, grads, s, lr):
        mu, wd = s["momentum"], s["weightDecay"]
        for p, g, v in zip(params, grads, self.velocity):
            if wd != 0:
                g = g + p * wd
            v.mul_(mu).add_(g)
            p.sub_((g + v * mu if s["nesterov"] else v) * lr)


class WrittenAdam:
    """
    Adam (AdamW: decoupled decay) as the page computes it: P1 <- P1 beta1 and P2 <- P2 beta2 each step
    (the products of the betas actually used, so a live beta change stays debiased), then
    m <- beta1 m + (1 - beta1) g;  v <- beta2 v + (1 - beta2) g^2;
    theta <- theta - eta_t m_hat / (sqrt(v_hat) + eps),  m_hat = m / (1 - P1), v_hat = v / (1 - P2),
    or m_hat = m and v_hat = v with bias correction off.
    """

    def __init__(self, name, params, s):
        self.decoupled = name == "adamw"
        self.m = [torch.zeros_like(p) for p in params]
        self.v = [torch.zeros_like(p) for p in params]
        self.p1 = self.p2 = 1.0

    @torch.no_grad()
    def step(self, params, grads, s, lr):
        b1, b2, eps, wd = s["beta1"], s["beta2"], s["epsilon"], s["weightDecay"]
        self.p1 *= b1
        self.p2 *= b2
        if s["biasCorrection"]:
            step_scale, inv_root_bias2 = lr / (1 - self.p1), 1 / math.sqrt(1 - self.p2)
        else:
            step_scale, inv_root_bias2 = lr, 1.0
        keep = 1 - lr * wd if self.decoupled else 1.0
        for p, g, m, v in zip(params, grads, self.m, self.v):
            if wd != 0 and not self.decoupled:
                g = g + p * wd
            m.mul_(b1).add_(g * (1 - b1))
            v.mul_(b2).add_(g.square() * (1 - b2))
            denom = v.sqrt() * inv_root_bias2 + eps
            p.mul_(keep).sub_(m * step_scale / denom)


def make_rule(name, params, s, impl):
    """A fresh optimizer (no moments yet), as a run starts or switches optimizer. impl: "torch", or
    "written" where torch.optim would not compute the page's update (see the header)."""
    if impl == "written" and name in ("adam", "adamw"):
        return WrittenAdam(name, params, s)
    if impl == "written" and name == "momentum":
        return WrittenMomentum(name, params, s)
    return TorchRule(name, params, s)
`;
