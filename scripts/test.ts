/**
 * `npm test`: typecheck, lint, then every vitest project (unit, integration, e2e), stopping
 * at the first failure. Extra arguments go to vitest, e.g. `npm test -- tests/unit`.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { childEnv } from './lib/child-env';

const ROOT = process.cwd();
const bin = (...parts: string[]) => path.join(ROOT, 'node_modules', ...parts);

interface Step {
  title: string;
  script: string;
  args: string[];
  failure: string;
}

const steps: Step[] = [
  {
    title: 'Typecheck (tsc --noEmit)',
    script: bin('typescript', 'bin', 'tsc'),
    args: ['--noEmit'],
    failure: 'Typecheck failed: fix the type errors above.',
  },
  {
    title: 'Lint (eslint --max-warnings=0 .)',
    script: bin('eslint', 'bin', 'eslint.js'),
    args: ['--max-warnings=0', '.'],
    failure: 'Lint failed: fix the problems above (import direction, process.env, any...).',
  },
  {
    title: 'Tests (vitest run)',
    script: bin('vitest', 'vitest.mjs'),
    args: ['run', ...process.argv.slice(2)],
    failure: 'Tests failed: see the failures above.',
  },
];

function run(step: Step): Promise<number> {
  return new Promise((resolve) => {
    // Same Node as ours (>= 22.12), whatever `node` on PATH is.
    const child = spawn(process.execPath, [step.script, ...step.args], {
      cwd: ROOT,
      env: childEnv(),
      stdio: 'inherit',
    });
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

// Ctrl-C reaches the child directly (same process group); we only need to not exit first.
process.on('SIGINT', () => undefined);

const total = Date.now();
for (const step of steps) {
  console.log(`\n==> ${step.title}`);
  const started = Date.now();
  const code = await run(step);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code !== 0) {
    console.error(`\n${step.failure} (${step.title} exited with ${code} after ${seconds} s)`);
    process.exit(code);
  }
  console.log(`==> ${step.title} passed in ${seconds} s`);
}
console.log(`\nAll checks passed in ${((Date.now() - total) / 1000).toFixed(1)} s.`);
