// `npm test`: lint, types, a production build, unit tests (the startup tests load the built desktop
// bundles), then end-to-end tests in Chromium.
// Every stage runs even if an earlier one fails, so one run shows everything that is wrong; the
// last line is the total as "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
const stages = [];

function run(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  stages.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  return ok;
}

// A check stage with no test runner of its own counts as one test.
function check(name, command, args) {
  const ok = run(name, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
}

check('lint', 'npx', ['eslint', '--max-warnings=0', '.']);
check('types', 'npx', ['tsc', '-b']);

check('build', 'npm', ['run', '--silent', 'build']);

rmSync('test-results/unit.json', { force: true });
const unitOk = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']);
if (existsSync('test-results/unit.json')) {
  const unit = JSON.parse(readFileSync('test-results/unit.json', 'utf8'));
  totals.passed += unit.numPassedTests;
  totals.failed += unit.numFailedTests;
  totals.skipped += unit.numPendingTests + (unit.numTodoTests ?? 0);
  // A suite that failed to load has no failed tests but must still count as a failure.
  if (!unitOk && unit.numFailedTests === 0) totals.failed += 1;
} else if (!unitOk) totals.failed += 1;
// Read now: Playwright empties test-results/ (its output folder) when it starts.
const unitProblemList = unitProblems();

rmSync('test-results/e2e.json', { force: true });
const e2eOk = run('end-to-end tests', 'npx', ['playwright', 'test']);
if (existsSync('test-results/e2e.json')) {
  const { stats } = JSON.parse(readFileSync('test-results/e2e.json', 'utf8'));
  totals.passed += stats.expected + stats.flaky;
  totals.failed += stats.unexpected;
  totals.skipped += stats.skipped;
  if (!e2eOk && stats.unexpected === 0) totals.failed += 1;
} else if (!e2eOk) totals.failed += 1;

// CI shows only the end of this output: name every failed test there (and every test that passed
// only on its retry), so a red run says what failed without its full log.
const problems = [...unitProblemList, ...e2eProblems()];
if (problems.length > 0) {
  console.log('\nTests that failed or needed a retry:');
  for (const p of problems) console.log(`  ${p}`);
}

console.log('\nStages:');
for (const s of stages) console.log(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.name} (${s.seconds}s)`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);

function firstLine(text) {
  // eslint-disable-next-line no-control-regex -- terminal colour codes in captured messages
  return String(text ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 200) ?? '';
}

function unitProblems() {
  if (!existsSync('test-results/unit.json')) return [];
  const unit = JSON.parse(readFileSync('test-results/unit.json', 'utf8'));
  const out = [];
  for (const file of unit.testResults) {
    const name = file.name.replace(`${process.cwd()}/`, '');
    if (file.status === 'failed' && file.assertionResults.length === 0) out.push(`unit FAILED to load ${name}: ${firstLine(file.message)}`);
    for (const t of file.assertionResults) {
      // A retried test keeps the errors of its failed attempts.
      if (t.status === 'failed') out.push(`unit FAILED ${name} › ${t.fullName}: ${firstLine(t.failureMessages[0])}`);
      else if (t.status === 'passed' && t.failureMessages.length > 0) out.push(`unit flaky (passed on retry) ${name} › ${t.fullName}: ${firstLine(t.failureMessages[0])}`);
    }
  }
  return out;
}

function e2eProblems() {
  if (!existsSync('test-results/e2e.json')) return [];
  const report = JSON.parse(readFileSync('test-results/e2e.json', 'utf8'));
  const out = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) {
        if (t.status !== 'unexpected' && t.status !== 'flaky') continue;
        const error = t.results.flatMap((r) => r.errors ?? [])[0];
        out.push(`e2e ${t.status === 'flaky' ? 'flaky (passed on retry)' : 'FAILED'} ${spec.file}:${spec.line} › ${spec.title}: ${firstLine(error?.message)}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites) walk(suite);
  return out;
}
