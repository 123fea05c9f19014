// Runs every suite — typecheck, lint (ESLint), format (Prettier --check), shared + server (vitest),
// end-to-end in Chromium (vitest + playwright-core) — and ends with one line totalled over the test
// suites: "N passed, N failed". A failed check makes the run fail without changing that count.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const here = import.meta.dirname;
const root = path.resolve(here, '..');
const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'soplan-results-'));
const vitest = path.join(here, 'node_modules', '.bin', 'vitest');

interface Suite {
  name: string;
  config: string;
}
const SUITES: Suite[] = [
  { name: 'shared + server', config: 'vitest.config.ts' },
  { name: 'web managers', config: 'vitest.web.config.ts' },
  { name: 'end-to-end (Chromium)', config: 'vitest.e2e.config.ts' },
];

let passed = 0;
let failed = 0;
let broken = false;

// Checks that pass or fail as a whole (no test count): types, lint rules, formatting.
const CHECKS: { name: string; script: string }[] = [
  { name: 'typecheck', script: 'typecheck' },
  { name: 'lint', script: 'lint' },
  { name: 'format', script: 'format:check' },
];
const failedChecks: typeof CHECKS = [];
for (const check of CHECKS) {
  console.log(`\n── ${check.name}`);
  const run = spawnSync('pnpm', [check.script], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`${check.name} failed`);
    failedChecks.push(check);
    broken = true;
  }
}

for (const suite of SUITES) {
  console.log(`\n── ${suite.name}`);
  const out = path.join(resultsDir, `${suite.config}.json`);
  const run = spawnSync(vitest, ['run', '-c', suite.config, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], {
    cwd: here,
    stdio: 'inherit',
  });
  if (!fs.existsSync(out)) {
    console.error(`${suite.name}: the runner produced no results (exit ${run.status})`);
    broken = true;
    continue;
  }
  const report = JSON.parse(fs.readFileSync(out, 'utf8')) as { numPassedTests: number; numFailedTests: number; numTotalTests: number };
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (run.status !== 0 && report.numFailedTests === 0) {
    console.error(`${suite.name}: vitest exited ${run.status} without a failed test (an error outside tests)`);
    broken = true;
  }
}

if (failedChecks.length) console.error(`\nfailed checks: ${failedChecks.map((c) => `${c.name} (pnpm ${c.script})`).join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken || passed === 0 ? 1 : 0);
