// "Export PyTorch script": one self-contained Python file that trains the current experiment again
// with torch and numpy, step for step as the page did, and writes its losses in the page's export
// format. Assembled from the plan (plan.ts), the header (header.ts) and the Python of the py*.ts files.
import type { PoolHistory } from '../../shared/pool';
import type { Experiment } from '../types';
import { headerLines } from './header';
import { pythonJson } from './literal';
import { planOf, type Plan } from './plan';
import { PY_DATA, PY_RANDOM } from './pyData';
import { PY_MAIN } from './pyMain';
import { PY_MODEL } from './pyModel';
import { PY_OPTIM } from './pyOptim';
import { PY_LANES, PY_OUTPUT } from './pyTrain';

const IMPORTS = String.raw`
import argparse
import datetime
import gzip
import json
import math
import os
import sys
import time

try:
    import numpy as np
    import torch
    import torch.nn.functional as F
except ImportError as missing:
    sys.exit(f"This script needs numpy and torch ({missing}): pip install numpy torch")
`;

/** The experiment as the script reads it: settings, sizes, pools, and each run with its optimizers. */
function data(plan: Plan): unknown {
  return {
    shared: plan.shared,
    model: plan.model,
    shapes: plan.shapes,
    trainSize: plan.trainSize,
    wrongLabels: plan.wrongLabels,
    stepsPerEpoch: plan.stepsPerEpoch,
    totalSteps: plan.totalSteps,
    pool: plan.pool,
    runs: plan.runs.map((r) => ({
      spec: r.spec,
      // The step each optimizer starts at, and whether torch.optim or the written-out rule trains it.
      optimizers: r.segments.map((s) => [s.from, s.impl]),
    })),
  };
}

const NAMES = String.raw`
SHARED = EXPERIMENT["shared"]
MODEL = EXPERIMENT["model"]
SHAPES = EXPERIMENT["shapes"]
BATCH_SIZE = SHARED["batchSize"]
TRAIN_SIZE, WRONG_LABELS = EXPERIMENT["trainSize"], EXPERIMENT["wrongLabels"]
STEPS_PER_EPOCH, TOTAL_STEPS = EXPERIMENT["stepsPerEpoch"], EXPERIMENT["totalSteps"]
POOL = EXPERIMENT["pool"]
RUNS = EXPERIMENT["runs"]
`;

/**
 * The Python file for `e`, every run of it. `pool`: the pools the run's first steps drew from while
 * MNIST was still arriving (worker `pool` events), replayed by the script.
 */
export function pytorchScript(e: Experiment, options: { pool?: PoolHistory } = {}): string {
  const plan = planOf(e, options.pool);
  return [
    `#!/usr/bin/env python3\n${headerLines(plan)}`,
    IMPORTS,
    `# The experiment, as the page exported it.\nEXPERIMENT = ${pythonJson(data(plan))}\n${NAMES}`,
    PY_RANDOM,
    PY_DATA,
    PY_MODEL,
    PY_OPTIM,
    PY_LANES,
    PY_OUTPUT,
    PY_MAIN,
  ]
    .map((part) => part.trim())
    .join('\n\n\n')
    .concat('\n');
}
