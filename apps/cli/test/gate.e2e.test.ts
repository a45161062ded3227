// `evalgate gate` end to end: the built CLI runs the shared gate (@evalgate/gate) against the emulator on 127.0.0.1.
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '@evalgate/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseEnv, runCli, startCli } from './support/cli-process.js';
import { API_KEY, startTestEmulator } from './support/emulator.js';
import { junitSchemaErrors } from './support/junit-schema.js';

let emulator: Emulator | undefined;
let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'evalgate-gate-'));
});
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  await rm(work, { recursive: true, force: true });
});

const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const prime = (): string[] => [
  '--provider',
  'prime',
  '--base-url',
  emulator!.baseUrls.prime,
  '--environments',
  'gsm8k',
  '--inference-model',
  'meta-llama/llama-3.1-8b-instruct',
  '--poll-interval-seconds',
  '0.2',
  '--sha',
  SHA,
];
const env = (extra: Record<string, string> = {}): Record<string, string> => baseEnv({ EVALGATE_API_KEY: API_KEY, ...extra });

async function everyFileIn(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(entries.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')));
  return texts.join('\n');
}

describe('evalgate gate --demo', () => {
  it('runs the whole gate against the embedded emulator, shows progress and ends with the verdict and exit code 0', async () => {
    // A project's settings around it do not change the demo.
    await writeFile(join(work, 'evalgate.config.yaml'), 'provider: openai\neval-id: eval_1\n');
    const run = await runCli(['gate', '--demo'], { env: baseEnv({ EVALGATE_MIN_AVG_SCORE: '0.99', EVALGATE_API_KEY: 'someone-elses-key' }), cwd: work });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/Created prime evaluation \S+/);
    expect(run.stderr).toMatch(/\d+% running/);
    expect(run.stdout).toContain('evalgate: PASS');
    expect(run.stdout).toMatch(/✓ avg \S+ ≥ 0.4 \(min-avg-score\)/);
  });
});

describe('evalgate gate', () => {
  it('creates, waits, decides: exit 0, every report written, the key in no output or file', async () => {
    emulator = await startTestEmulator({ scores: [0.8, 0.9] });
    const run = await runCli(
      [
        'gate',
        ...prime(),
        '--min-avg-score',
        '0.8',
        '--format',
        'json',
        '--junit',
        'out/junit.xml',
        '--dotenv',
        'out/gate.env',
        '--summary',
        'out/summary.md',
        '--badge',
        'out/badge.svg',
      ],
      { env: env(), cwd: work },
    );
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { gate: string; status: string; exitCode: number; evaluation: { id: string; metadata: Record<string, string> } };
    expect(result).toMatchObject({ gate: 'pass', status: 'completed', exitCode: 0 });
    expect(result.evaluation.metadata.evalgate_sha).toBe(SHA);
    expect(await junitSchemaErrors(await readFile(join(work, 'out/junit.xml'), 'utf8'))).toEqual([]);
    expect(await readFile(join(work, 'out/gate.env'), 'utf8')).toContain('EVALGATE_GATE=pass\n');
    // The Action's own job summary renderer.
    const summary = await readFile(join(work, 'out/summary.md'), 'utf8');
    expect(summary).toContain('### evalgate: ✅ pass');
    expect(summary).toContain('| min-avg-score | ✅ avg 0.85 ≥ 0.8 (min-avg-score) |');
    // The full-size histogram, as in the Action's job summary (a check run gets the one-line form).
    expect(summary).toMatch(/\*\*Scores per sample\*\* \(\d+ samples\)/);
    expect(summary).toMatch(/^0\.80–0\.85 │/m);
    expect(summary).not.toContain('Scores per sample: `');
    expect(JSON.parse(await readFile(join(work, 'out/badge.json'), 'utf8'))).toMatchObject({
      label: 'evalgate',
      color: 'brightgreen',
      message: 'pass · avg 0.85',
    });
    expect(await readFile(join(work, 'out/badge.svg'), 'utf8')).toMatch(/^<svg[^>]*>[\s\S]*pass · avg 0\.85[\s\S]*<\/svg>$/);
    expect(`${run.stdout}${run.stderr}${await everyFileIn(work)}`).not.toContain(API_KEY);
  });

  it('fails the gate with exit 1 and a failing JUnit test case; fail-on neutral exits 0', async () => {
    emulator = await startTestEmulator({ scores: [0.3, 0.5] });
    const failed = await runCli(['gate', ...prime(), '--min-avg-score', '0.9', '--format', 'junit'], { env: env(), cwd: work });
    expect(failed.code).toBe(1);
    expect(await junitSchemaErrors(failed.stdout)).toEqual([]);
    expect(failed.stdout).toContain('failures="1"');
    const neutral = await runCli(['gate', ...prime(), '--min-avg-score', '0.9', '--fail-on', 'neutral', '--name', 'neutral run'], { env: env(), cwd: work });
    expect(neutral.code).toBe(0);
    expect(neutral.stdout).toContain('FAIL');
  });

  it('takes settings from EVALGATE_* and the config file; flags win', async () => {
    emulator = await startTestEmulator({ scores: [0.6] });
    await writeFile(
      join(work, 'evalgate.config.yaml'),
      `provider: prime\nenvironments: gsm8k\ninference-model: meta-llama/llama-3.1-8b-instruct\nmin-avg-score: 0.9\npoll-interval-seconds: 0.2\n`,
    );
    const base = env({ EVALGATE_BASE_URL: emulator.baseUrls.prime, EVALGATE_SHA: SHA });
    expect((await runCli(['gate', '--sha', SHA], { env: base, cwd: work })).code).toBe(1);
    expect((await runCli(['gate', '--sha', SHA], { env: { ...base, EVALGATE_MIN_AVG_SCORE: '0.5' }, cwd: work })).code).toBe(0);
    expect((await runCli(['gate', '--sha', SHA, '--min-avg-score', '0.7'], { env: { ...base, EVALGATE_MIN_AVG_SCORE: '0.5' }, cwd: work })).code).toBe(1);
  });

  it('exits 2 on bad settings, naming each one where it was given, before any request', async () => {
    emulator = await startTestEmulator();
    const run = await runCli(['gate', '--provider', 'prime', '--base-url', emulator.baseUrls.prime, '--min-avg-score', 'high', '--sha', SHA], {
      env: env({ EVALGATE_TIMEOUT_MINUTES: '-3' }),
      cwd: work,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--min-avg-score must be a number');
    expect(run.stderr).toContain('EVALGATE_TIMEOUT_MINUTES must be a number');
    const missing = await runCli(['gate', '--provider', 'prime', '--base-url', emulator.baseUrls.prime, '--sha', SHA], { env: env(), cwd: work });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--environments (or EVALGATE_ENVIRONMENTS, or "environments" in evalgate.config.yaml) is required');
    const noKey = await runCli(['gate', ...prime()], { env: baseEnv(), cwd: work });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('No API key given. Fix: set EVALGATE_API_KEY');
    expect(emulator.requests).toEqual([]);
  });

  it('exits 2 on a provider error, with the key redacted', async () => {
    emulator = await startTestEmulator();
    const wrongKey = 'wrong-provider-key-77aa';
    const run = await runCli(['gate', ...prime(), '--junit', 'junit.xml'], { env: baseEnv({ EVALGATE_API_KEY: wrongKey }), cwd: work });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/AuthenticationError/);
    expect(`${run.stdout}${run.stderr}${await everyFileIn(work)}`).not.toContain(wrongKey);
    expect(await junitSchemaErrors(await readFile(join(work, 'junit.xml'), 'utf8'))).toEqual([]);
  });

  it('exits 3 when timeout-minutes passes, cancelling the remote evaluation', async () => {
    emulator = await startTestEmulator({ durationMs: 600_000 });
    const run = await runCli(['gate', ...prime(), '--timeout-minutes', '0.05', '--dotenv', 'gate.env'], { env: env(), cwd: work });
    expect(run.code).toBe(3);
    expect(await readFile(join(work, 'gate.env'), 'utf8')).toContain('EVALGATE_STATUS=timed_out\n');
    const id = emulator.evaluations('prime')[0]?.id;
    expect(emulator.requests.filter((request) => request.method === 'PATCH' && request.path === `/api/v1/hosted-evaluations/${id}/cancel`)).toHaveLength(1);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('%s (Ctrl-C, a cancelled CI job) cancels the remote evaluation through the gate and exits 3', async (signal) => {
    emulator = await startTestEmulator({ durationMs: 600_000 });
    const cli = startCli(['gate', ...prime()], { env: env(), cwd: work });
    await cli.stderrIncludes('Created prime evaluation');
    cli.child.kill(signal);
    const run = await cli.done;
    expect(run.code).toBe(3);
    const id = emulator.evaluations('prime')[0]?.id;
    expect(id).toBeDefined();
    expect(emulator.requests.filter((request) => request.method === 'PATCH' && request.path === `/api/v1/hosted-evaluations/${id}/cancel`)).toHaveLength(1);
    expect(run.stdout).toContain('INCONCLUSIVE');
    // The CLI's own words for a cancel, not the Action's "The workflow was cancelled".
    expect(run.stderr).toContain('Interrupted (Ctrl-C or a termination signal); stopping.');
    expect(run.stderr).not.toContain('workflow');
  });
});
