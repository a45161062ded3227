// list, show and cancel end to end against the emulator.
import type { Emulator } from '@evalgate/emulator';
import { afterEach, describe, expect, it } from 'vitest';
import { baseEnv, runCli } from './support/cli-process.js';
import { API_KEY, createPrimeEvaluation, startTestEmulator } from './support/emulator.js';

let emulator: Emulator;
afterEach(async () => {
  await emulator?.close();
});

const env = (): Record<string, string> => baseEnv({ EVALGATE_API_KEY: API_KEY, EVALGATE_PROVIDER: 'prime', EVALGATE_BASE_URL: emulator.baseUrls.prime });

describe('evalgate list, show, cancel', () => {
  it('lists evaluations as text and JSON, bounded by --limit', async () => {
    emulator = await startTestEmulator();
    const first = await createPrimeEvaluation(emulator, 'first run');
    const second = await createPrimeEvaluation(emulator, 'second run');
    const text = await runCli(['list'], { env: env() });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`${first.id}\t`);
    expect(text.stdout).toContain('second run');
    const json = await runCli(['list', '--format', 'json', '--limit', '1'], { env: env() });
    expect(json.code).toBe(0);
    const items = JSON.parse(json.stdout) as Array<{ id: string }>;
    expect(items).toHaveLength(1);
    expect([first.id, second.id]).toContain(items[0]?.id);
    const badLimit = await runCli(['list', '--limit', '0'], { env: env() });
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toContain('Invalid --limit');
  });

  it('shows one evaluation', async () => {
    emulator = await startTestEmulator();
    const evaluation = await createPrimeEvaluation(emulator, 'shown');
    const run = await runCli(['show', evaluation.id], { env: env() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`${evaluation.id}  shown`);
    expect(run.stdout).toMatch(/status\s+(queued|running|completed)/);
  });

  it('cancels an evaluation at the provider', async () => {
    emulator = await startTestEmulator({ durationMs: 600_000 });
    const evaluation = await createPrimeEvaluation(emulator);
    const run = await runCli(['cancel', evaluation.id], { env: env() });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Cancel requested for ${evaluation.id}`);
    expect(emulator.requests.filter((request) => request.path === `/api/v1/hosted-evaluations/${evaluation.id}/cancel`)).toHaveLength(1);
  });

  it('says Nugen cannot cancel (exit 2) without sending anything', async () => {
    emulator = await startTestEmulator();
    const run = await runCli(['cancel', 'job-1', '--provider', 'nugen', '--base-url', emulator.baseUrls.nugen], {
      env: baseEnv({ EVALGATE_API_KEY: API_KEY }),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nugen has no cancel endpoint');
    expect(emulator.requests).toEqual([]);
  });

  it('prints help and the version with exit 0', async () => {
    emulator = await startTestEmulator();
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('wait [options] <id>');
    const version = await runCli(['--version']);
    expect(version.stdout.trim()).toBe('0.1.0');
  });
});
