// `evalgate wait` end to end: the built CLI as a child process against the emulator on 127.0.0.1.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '@evalgate/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseEnv, runCli, startCli } from './support/cli-process.js';
import { API_KEY, createPrimeEvaluation, startTestEmulator } from './support/emulator.js';
import { junitSchemaErrors } from './support/junit-schema.js';

let emulator: Emulator;
let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'evalgate-cli-'));
});
afterEach(async () => {
  await emulator?.close();
  await rm(work, { recursive: true, force: true });
});

const connection = (): string[] => ['--provider', 'prime', '--base-url', emulator.baseUrls.prime, '--poll-interval-seconds', '0.2'];
const keyEnv = (): Record<string, string> => baseEnv({ EVALGATE_API_KEY: API_KEY });

async function everyFileIn(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(names.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')));
  return texts.join('\n');
}

describe('evalgate wait', () => {
  it('passes (exit 0) and writes every report; the key is in no output and no file', async () => {
    emulator = await startTestEmulator({ scores: [0.7, 0.8, 0.9, 1] });
    const evaluation = await createPrimeEvaluation(emulator);
    const run = await runCli(
      [
        'wait',
        evaluation.id,
        ...connection(),
        '--min-avg-score',
        '0.8',
        '--min-min-score',
        '0.5',
        '--format',
        'json',
        '--junit',
        join(work, 'reports/junit.xml'),
        '--dotenv',
        join(work, 'gate.env'),
        '--summary',
        join(work, 'summary.md'),
        '--badge',
        join(work, 'badge/evalgate.svg'),
      ],
      { env: keyEnv(), cwd: work },
    );
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      gate: string;
      exitCode: number;
      criteria: Array<{ input: string; outcome: string }>;
      evaluation: { id: string; scores: { avg: number } };
    };
    expect(result).toMatchObject({ gate: 'pass', exitCode: 0, evaluation: { id: evaluation.id } });
    expect(result.evaluation.scores.avg).toBeCloseTo(0.85, 10);
    expect(result.criteria.map((criterion) => [criterion.input, criterion.outcome])).toEqual([
      ['min-avg-score', 'pass'],
      ['min-min-score', 'pass'],
    ]);

    const junit = await readFile(join(work, 'reports/junit.xml'), 'utf8');
    expect(await junitSchemaErrors(junit)).toEqual([]);
    expect(junit).toContain('tests="2" failures="0" errors="0"');
    expect(await readFile(join(work, 'gate.env'), 'utf8')).toContain('EVALGATE_GATE=pass\nEVALGATE_STATUS=completed\n');
    expect(await readFile(join(work, 'summary.md'), 'utf8')).toContain('evalgate passed');
    expect(await readFile(join(work, 'badge/evalgate.svg'), 'utf8')).toContain('<svg');
    expect(JSON.parse(await readFile(join(work, 'badge/evalgate.json'), 'utf8'))).toEqual({
      schemaVersion: 1,
      label: 'evalgate',
      message: 'pass · avg 0.85',
      color: 'brightgreen',
    });

    expect(emulator.requests.length).toBeGreaterThan(0);
    expect(`${run.stdout}${run.stderr}${await everyFileIn(work)}`).not.toContain(API_KEY);
  });

  it('fails the gate (exit 1) with one failing JUnit test case per missed threshold', async () => {
    emulator = await startTestEmulator({ scores: [0.2, 0.4, 0.6] });
    const evaluation = await createPrimeEvaluation(emulator);
    const run = await runCli(['wait', evaluation.id, ...connection(), '--min-avg-score', '0.9', '--min-min-score', '0.1', '--format', 'junit'], {
      env: keyEnv(),
      cwd: work,
    });
    expect(run.code).toBe(1);
    expect(await junitSchemaErrors(run.stdout)).toEqual([]);
    expect(run.stdout).toContain('tests="2" failures="1" errors="0"');
    expect(run.stdout).toMatch(/<testcase name="min-avg-score 0.9"[^>]*>\s*<failure message="avg 0.40 &lt; 0.9 \(min-avg-score\)" type="threshold">/);
    expect(run.stdout).toMatch(/<testcase name="min-min-score 0.1"[^>]*\/>/);
  });

  it('prints Markdown with --format markdown and plain text by default', async () => {
    emulator = await startTestEmulator({ scores: [0.5] });
    const evaluation = await createPrimeEvaluation(emulator);
    const markdown = await runCli(['wait', evaluation.id, ...connection(), '--min-avg-score', '0.9', '--format', 'markdown'], { env: keyEnv(), cwd: work });
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toContain('## ❌ evalgate failed');
    expect(markdown.stdout).toContain('| min-avg-score 0.9 | ❌ avg 0.50 \\< 0.9 (min-avg-score) |');
    const text = await runCli(['wait', evaluation.id, ...connection(), '--min-avg-score', '0.4'], { env: keyEnv(), cwd: work });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`evalgate: PASS — evaluation ${evaluation.id} (prime) completed`);
    expect(text.stdout).toContain('✓ avg 0.50 ≥ 0.4 (min-avg-score)');
  });

  it('exits 1 when the evaluation failed at the provider, and says so in every report', async () => {
    emulator = await startTestEmulator();
    emulator.configure({ outcome: 'failed' });
    const evaluation = await createPrimeEvaluation(emulator);
    const run = await runCli(['wait', evaluation.id, ...connection(), '--min-avg-score', '0.5', '--junit', join(work, 'junit.xml')], {
      env: keyEnv(),
      cwd: work,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('INCONCLUSIVE');
    const junit = await readFile(join(work, 'junit.xml'), 'utf8');
    expect(await junitSchemaErrors(junit)).toEqual([]);
    expect(junit).toContain('errors="1"');
  });

  it('exits 2 on bad configuration, naming the input and the fix, before any request', async () => {
    emulator = await startTestEmulator();
    const badThreshold = await runCli(['wait', 'ev_1', ...connection(), '--min-avg-score', 'high'], { env: keyEnv(), cwd: work });
    expect(badThreshold.code).toBe(2);
    expect(badThreshold.stderr).toContain('evalgate: --min-avg-score must be a number');
    const noKey = await runCli(['wait', 'ev_1', ...connection()], { env: baseEnv(), cwd: work });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('No API key given. Fix: set EVALGATE_API_KEY');
    const noProvider = await runCli(['wait', 'ev_1'], { env: keyEnv(), cwd: work });
    expect(noProvider.code).toBe(2);
    expect(noProvider.stderr).toContain('--provider (or EVALGATE_PROVIDER, or "provider" in evalgate.config.yaml) is required: one of prime | openai | nugen');
    const unknownFlag = await runCli(['wait', 'ev_1', '--min-avg', '0.5'], { env: keyEnv(), cwd: work });
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toContain("unknown option '--min-avg'");
    expect(emulator.requests).toEqual([]);
  });

  it('exits 2 on a provider error (unknown evaluation, wrong key) without printing the key', async () => {
    emulator = await startTestEmulator();
    const missing = await runCli(['wait', 'no-such-evaluation', ...connection()], { env: keyEnv(), cwd: work });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/NotFoundError \(HTTP 404/);
    const wrongKey = 'wrong-key-5b1e0f';
    const denied = await runCli(['show', 'no-such-evaluation', ...connection().slice(0, 4), '--api-key', wrongKey], { env: baseEnv(), cwd: work });
    expect(denied.code).toBe(2);
    expect(denied.stderr).toMatch(/AuthenticationError \(HTTP 401/);
    expect(`${denied.stdout}${denied.stderr}`).not.toContain(wrongKey);
  });

  it('exits 3 when timeout-minutes passes first, and says the evaluation may still run', async () => {
    emulator = await startTestEmulator({ durationMs: 600_000 });
    const evaluation = await createPrimeEvaluation(emulator);
    const run = await runCli(['wait', evaluation.id, ...connection(), '--timeout-minutes', '0.01', '--junit', 'junit.xml', '--format', 'json'], {
      env: keyEnv(),
      cwd: work,
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`Gave up waiting for ${evaluation.id} after 0.01 minutes (timeout-minutes)`);
    // The CI job still gets its reports, saying how the wait ended.
    expect(JSON.parse(run.stdout)).toMatchObject({ gate: 'inconclusive', status: 'timed_out', exitCode: 3 });
    const junit = await readFile(join(work, 'junit.xml'), 'utf8');
    expect(await junitSchemaErrors(junit)).toEqual([]);
    expect(junit).toContain('<testcase name="evaluation timed_out"');
  });

  it('exits 3 when the evaluation ends as timed out at the provider', async () => {
    emulator = await startTestEmulator();
    emulator.configure({ outcome: 'timeout' });
    const evaluation = await createPrimeEvaluation(emulator);
    const run = await runCli(['wait', evaluation.id, ...connection(), '--dotenv', join(work, 'gate.env')], { env: keyEnv(), cwd: work });
    expect(run.code).toBe(3);
    expect(await readFile(join(work, 'gate.env'), 'utf8')).toContain('EVALGATE_STATUS=timed_out\n');
  });

  it('Ctrl-C stops waiting (exit 3) and leaves the remote evaluation running', async () => {
    emulator = await startTestEmulator({ durationMs: 600_000 });
    const evaluation = await createPrimeEvaluation(emulator);
    const cli = startCli(['wait', evaluation.id, ...connection()], { env: keyEnv(), cwd: work });
    await cli.stderrIncludes(evaluation.id);
    cli.child.kill('SIGINT');
    const run = await cli.done;
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`${evaluation.id} was not cancelled and may still be running`);
    expect(run.stdout).toContain('INCONCLUSIVE');
    expect(emulator.requests.filter((request) => request.path.includes('/cancel'))).toEqual([]);
  });

  it('Ctrl-C with --cancel-on-interrupt cancels the remote evaluation (exit 3)', async () => {
    emulator = await startTestEmulator({ durationMs: 600_000 });
    const evaluation = await createPrimeEvaluation(emulator);
    const cli = startCli(['wait', evaluation.id, ...connection(), '--cancel-on-interrupt'], { env: keyEnv(), cwd: work });
    await cli.stderrIncludes(evaluation.id);
    cli.child.kill('SIGINT');
    const run = await cli.done;
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`cancel requested for ${evaluation.id}`);
    expect(
      emulator.requests.filter((request) => request.method === 'PATCH' && request.path === `/api/v1/hosted-evaluations/${evaluation.id}/cancel`),
    ).toHaveLength(1);
    expect(emulator.evaluations('prime').find((snapshot) => snapshot.id === evaluation.id)).toBeDefined();
  });
});

describe('settings from the environment and the config file', () => {
  it('reads provider and base-url from EVALGATE_* and thresholds from evalgate.config.yaml; a flag beats both', async () => {
    emulator = await startTestEmulator({ scores: [0.6] });
    const evaluation = await createPrimeEvaluation(emulator);
    await writeFile(join(work, 'evalgate.config.yaml'), 'min-avg-score: 0.9\npoll-interval-seconds: 0.2\n');
    const env = baseEnv({ EVALGATE_API_KEY: API_KEY, EVALGATE_PROVIDER: 'prime', EVALGATE_BASE_URL: emulator.baseUrls.prime });
    const fromConfig = await runCli(['wait', evaluation.id], { env, cwd: work });
    expect(fromConfig.code).toBe(1);
    expect(fromConfig.stdout).toContain('avg 0.60 < 0.9 (min-avg-score)');
    const fromEnv = await runCli(['wait', evaluation.id], { env: { ...env, EVALGATE_MIN_AVG_SCORE: '0.5' }, cwd: work });
    expect(fromEnv.code).toBe(0);
    const fromFlag = await runCli(['wait', evaluation.id, '--min-avg-score', '0.7'], { env: { ...env, EVALGATE_MIN_AVG_SCORE: '0.5' }, cwd: work });
    expect(fromFlag.code).toBe(1);
  });

  it('reads --config FILE in JSON and rejects a bad key naming it and the fix (exit 2)', async () => {
    emulator = await startTestEmulator({ scores: [0.6] });
    const evaluation = await createPrimeEvaluation(emulator);
    await writeFile(
      join(work, 'gate.json'),
      JSON.stringify({ provider: 'prime', 'base-url': emulator.baseUrls.prime, 'min-avg-score': 0.5, 'poll-interval-seconds': 0.2 }),
    );
    const ok = await runCli(['wait', evaluation.id, '--config', join(work, 'gate.json')], { env: keyEnv(), cwd: work });
    expect(ok.code).toBe(0);
    await writeFile(join(work, 'bad.json'), JSON.stringify({ provider: 'prime', 'min-avg': 0.5 }));
    const bad = await runCli(['wait', evaluation.id, '--config', join(work, 'bad.json')], { env: keyEnv(), cwd: work });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown key "min-avg" in');
    expect(bad.stderr).toContain('Fix: remove it or use one of: provider, base-url');
  });
});
