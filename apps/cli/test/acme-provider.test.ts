// The test-only provider Acme through the CLI with no change to the CLI: registered in core, the emulator and the
// gate by its three registry lines, its rows become flags (--acme-suite), variables (EVALGATE_ACME_MODEL) and config
// keys, and `evalgate gate` runs it against the emulator over real HTTP on 127.0.0.1.
import { startEmulator, type Emulator } from '@evalgate/emulator';
import { registerAcmeInCore } from '@evalgate/test-provider/register-core';
import { registerAcmeInEmulator } from '@evalgate/test-provider/register-emulator';
import { registerAcmeInGate } from '@evalgate/test-provider/register-gate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/program.js';

const KEY = 'acme-cli-key-SECRET-0c44';
const SHA = 'feedface00000000000000000000000000000009';

async function cli(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCli(
    argv,
    {
      stdout: { write: (text: string) => stdout.push(text), isTTY: false, columns: 120 },
      stderr: { write: (text: string) => stderr.push(text), isTTY: false, columns: 120 },
      env: { EVALGATE_API_KEY: KEY, ...env },
      cwd: process.cwd(),
      hostname: 'test-host',
      interrupt: new AbortController().signal,
      now: Date.now,
    },
    { gitSha: () => SHA },
  );
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

describe('a test-only fourth provider walks through the CLI with no change to the CLI', () => {
  it('has no flag and is refused as a provider while unregistered', async () => {
    const withFlag = await cli(['gate', '--provider', 'acme', '--acme-suite', 'math']);
    expect(withFlag).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown option '--acme-suite'") });
    const withoutFlag = await cli(['gate', '--provider', 'acme']);
    expect(withoutFlag).toMatchObject({ code: 2, stderr: expect.stringMatching(/--provider must be one of prime \| openai \| nugen/) });
  });

  describe('once registered in core, the emulator and the gate', () => {
    let emulator: Emulator;
    let unregister: Array<() => void>;
    beforeAll(async () => {
      unregister = [registerAcmeInCore(), registerAcmeInEmulator(), registerAcmeInGate()];
      emulator = await startEmulator({ port: 0, apiKey: KEY, seed: 13, durationMs: 300, sampleCount: 5 });
    });
    afterAll(async () => {
      await emulator.close();
      unregister.reverse().forEach((undo) => undo());
    });

    it('lists its flags in --help', async () => {
      const { stdout } = await cli(['gate', '--help']);
      expect(stdout).toContain('--acme-suite <value>');
      expect(stdout).toContain('[EVALGATE_ACME_MODEL]');
    });

    it('gates on it from a flag and a variable, and reports its scores and verdict', async () => {
      const { code, stdout, stderr } = await cli(
        [
          'gate',
          '--provider',
          'acme',
          '--acme-suite',
          'math',
          '--base-url',
          emulator.baseUrls.acme,
          '--min-avg-score',
          '0',
          '--poll-interval-seconds',
          '0.1',
          '--format',
          'json',
        ],
        { EVALGATE_ACME_MODEL: 'm-1' },
      );
      expect(stderr).not.toContain(KEY);
      expect(code).toBe(0);
      const [job] = emulator.evaluations('acme');
      expect(job).toMatchObject({ phase: 'completed', status: 'DONE' });
      const average = job!.scores.reduce((sum, score) => sum + score, 0) / job!.scores.length;
      const result = JSON.parse(stdout);
      expect(result).toMatchObject({ provider: 'acme', status: 'completed', gate: 'pass', evaluation: { id: job!.id, model: 'm-1', name: 'math · m-1' } });
      expect(result.evaluation.scores.avg).toBeCloseTo(average, 12);
      expect(result.evaluation.metadata).toMatchObject({ evalgate: '1', evalgate_sha: SHA });
    });
  });
});
