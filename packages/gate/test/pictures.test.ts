// The histogram and the trend from end to end: runGate against the emulator over real HTTP reads the samples' scores
// and the base branch's recent evaluations, and the summaries draw them.
import { createClient, type Evaluation } from '@evalgate/core';
import { startEmulator, type Emulator } from '@evalgate/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGate } from '../src/flow/run-gate.js';
import type { GateDeps, Logger, Reporter, RunContext } from '../src/ports.js';
import { makeRedactor } from '../src/redact.js';
import { finalSummary } from '../src/report/final-summary.js';
import type { FinalReport } from '../src/report/model.js';
import { parseSettings } from '../src/settings/parse.js';
import type { RawSettings } from '../src/settings/spec.js';
import { systemClock } from '../src/system/clock.js';

const KEY = 'gate-key-SECRET-7d21';
const logger: Logger = { info: () => {}, warning: () => {}, error: () => {}, debug: () => {} };

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, apiKey: KEY, seed: 5, durationMs: 300, sampleCount: 6 });
});
afterAll(async () => {
  await emulator.close();
});

const PROVIDERS: Record<'prime' | 'openai' | 'nugen', RawSettings> = {
  prime: { provider: 'prime', environments: 'gsm8k', 'inference-model': 'llama-3-8b' },
  openai: { provider: 'openai', 'eval-id': 'eval_demo', 'data-source': '{"type":"jsonl","source":{"type":"file_content","content":[]}}' },
  nugen: { provider: 'nugen', 'model-id': 'model-a', 'benchmark-id': 'bench-1' },
};

async function gate(raw: RawSettings, context: Partial<RunContext>): Promise<FinalReport> {
  const settings = parseSettings({ 'api-key': KEY, 'poll-interval-seconds': '0.1', 'timeout-minutes': '1', ...raw });
  let final: FinalReport | undefined;
  const reporter: Reporter = {
    started: async (_evaluation: Evaluation) => {},
    progress: () => {},
    finished: async (report) => {
      final = report;
    },
  };
  const deps: GateDeps = {
    settings,
    context: { repository: 'acme/widgets', eventName: 'push', sha: 'c0ffee0000000000000000000000000000000001', ref: 'main', isFork: false, ...context },
    client: createClient({ provider: settings.provider, apiKey: KEY, baseUrl: emulator.baseUrls[settings.provider as keyof typeof emulator.baseUrls] }),
    logger,
    clock: systemClock,
    files: { read: () => Promise.reject(new Error('no files')), write: () => Promise.reject(new Error('no files')) },
    state: { save: () => {} },
    reporter,
    signal: new AbortController().signal,
    redact: makeRedactor([KEY]),
  };
  await runGate(deps);
  return final!;
}

describe('the score histogram', () => {
  it.each(['prime', 'openai', 'nugen'] as const)('%s: reads the per-sample scores of the completed evaluation and draws them', async (provider) => {
    emulator.configure({ scores: [0.05, 0.15, 0.15, 0.95, 0.95, 0.95, 0.95] });
    const report = await gate(PROVIDERS[provider], { sha: `${provider.padEnd(8, '0')}00000000000000000000000000000001` });
    expect(report.status).toBe('completed');
    expect([...(report.sampleScores?.scores ?? [])].sort()).toEqual([0.05, 0.15, 0.15, 0.95, 0.95, 0.95, 0.95]);
    const compact = finalSummary(report);
    expect(compact).toContain('Scores per sample: `0.00 ▂▄       █ 1.00` (7 samples)');
    const full = finalSummary(report, [], 'full');
    expect(full).toContain('**Scores per sample** (7 samples)');
    expect(full).toMatch(/```text\n0\.00–0\.05 │ {32}│ 0\n/);
    expect(full).toContain(`0.95–1.00 │${'█'.repeat(32)}│ 4`);
  });

  // Issue 10: the picture must not cost provider requests the gate already made. OpenAI's output items and Nugen's
  // download are read once, by core while mapping the completed evaluation; Prime hosted reads its samples once, for
  // the histogram only.
  it.each([
    ['openai', 'output_items'],
    ['nugen', '/download'],
    ['prime', '/samples'],
  ] as const)('%s: reads the samples behind the histogram once (%s)', async (provider, samplesPath) => {
    emulator.configure({ scores: [0.2, 0.4, 0.6] });
    const before = emulator.requests.length;
    const report = await gate(PROVIDERS[provider], { sha: `0ce${provider.padEnd(8, '0')}0000000000000000000000000001` });
    expect(report.status).toBe('completed');
    expect(report.sampleScores).toEqual({ scores: [0.2, 0.4, 0.6] });
    const ownId = report.evaluation!.id.split('/').pop()!;
    const sampleReads = emulator.requests
      .slice(before)
      .filter((request) => request.method === 'GET' && request.path.includes(ownId) && request.path.includes(samplesPath));
    expect(sampleReads).toHaveLength(1);
  });

  it('uses the scores of the samples a samples-mode run pushed, without reading them back', async () => {
    const files = { read: async () => '{"reward": 0.25}\n{"reward": 0.75}\n{"score": 0.75}\n', write: async () => {} };
    const settings = parseSettings({
      'api-key': KEY,
      provider: 'prime',
      environments: 'gsm8k',
      'samples-file': 'samples.jsonl',
      'poll-interval-seconds': '0.1',
    });
    let final: FinalReport | undefined;
    await runGate({
      settings,
      context: { repository: 'acme/widgets', eventName: 'push', sha: '5a3e000000000000000000000000000000000001', ref: 'main', isFork: false },
      client: createClient({ provider: 'prime', apiKey: KEY, baseUrl: emulator.baseUrls.prime }),
      logger,
      clock: systemClock,
      files,
      state: { save: () => {} },
      reporter: { started: async () => {}, progress: () => {}, finished: async (report) => void (final = report) },
      signal: new AbortController().signal,
      redact: makeRedactor([KEY]),
    });
    expect(final?.status).toBe('completed');
    expect(final?.sampleScores).toEqual({ scores: [0.25, 0.75, 0.75] });
    expect(
      emulator.requests.some((request) => request.method === 'GET' && /\/samples/.test(request.path) && request.path.includes(final!.evaluation!.id)),
    ).toBe(false);
  });
});

describe('the trend on the base branch', () => {
  it('collects the base branch’s recent evaluations oldest first and draws this run against them', async () => {
    const raw: RawSettings = { ...PROVIDERS.prime, 'check-name': 'trend-check', baseline: 'base-branch' };
    const pushes = [0.5, 0.6, 0.7];
    for (const [index, score] of pushes.entries()) {
      emulator.configure({ scores: [score] });
      await gate(raw, { eventName: 'push', ref: 'main', sha: `7e9d00000000000000000000000000000000000${index}` });
    }
    emulator.configure({ scores: [0.9] });
    const report = await gate(raw, {
      eventName: 'pull_request',
      ref: 'feature',
      baseRef: 'main',
      prNumber: 4,
      sha: 'f00d000000000000000000000000000000000001',
    });

    expect(report.baseline.baseline?.scores.avg).toBe(0.7);
    expect(report.baseline.trend?.branch).toBe('main');
    expect(report.baseline.trend?.points.map((point) => point.avg)).toEqual([0.5, 0.6, 0.7]);
    expect(finalSummary(report)).toContain('Trend on main (the last 3 evaluations, oldest first, then this run): `▁▃▄│█` avg 0.50 → 0.70, this run 0.90');
    const full = finalSummary(report, [], 'full');
    expect(full).toContain('| | **this run** | | **0.90** | +0.20 |');
    expect(full.match(/^\| \d \| `/gm)).toHaveLength(3);
  });

  it('shows no trend without a baseline', async () => {
    emulator.configure({ scores: [0.4] });
    const report = await gate(
      { ...PROVIDERS.prime, 'check-name': 'lonely' },
      { eventName: 'pull_request', ref: 'f', baseRef: 'main', prNumber: 5, sha: 'f00d000000000000000000000000000000000002' },
    );
    expect(report.baseline.trend).toBeUndefined();
    expect(finalSummary(report)).not.toContain('Trend on');
  });
});
