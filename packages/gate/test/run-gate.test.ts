// runGate with no host lookups (as a CLI runs it): against the emulator over real HTTP on 127.0.0.1, with an
// in-memory state store and a recording reporter. Proves the gate needs nothing from GitHub.
import { createClient, type Evaluation } from '@evalgate/core';
import { startEmulator, type Emulator } from '@evalgate/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runGate } from '../src/flow/run-gate.js';
import { STATE, type EarlierRun, type GateDeps, type Logger, type Reporter, type StateName } from '../src/ports.js';
import { makeRedactor } from '../src/redact.js';
import type { FinalReport } from '../src/report/model.js';
import { parseSettings } from '../src/settings/parse.js';
import type { RawSettings } from '../src/settings/spec.js';
import { systemClock } from '../src/system/clock.js';

const KEY = 'gate-key-SECRET-51c0';

class RecordingReporter implements Reporter {
  readonly events: string[] = [];
  readonly finals: FinalReport[] = [];
  async started(evaluation: Evaluation, info: { earlier?: EarlierRun; superseded: EarlierRun[] }): Promise<void> {
    this.events.push(`started ${evaluation.id}${info.earlier ? ` from ${info.earlier.id}` : ''}`);
  }
  progress(evaluation: Evaluation): void {
    this.events.push(`progress ${evaluation.status}`);
  }
  async finished(report: FinalReport): Promise<void> {
    this.events.push(`finished ${report.status}`);
    this.finals.push(report);
  }
}

const lines: string[] = [];
const logger: Logger = {
  info: (message) => lines.push(message),
  warning: (message) => lines.push(message),
  error: (message) => lines.push(message),
  debug: () => {},
};

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, apiKey: KEY, seed: 3, durationMs: 300, sampleCount: 6 });
});
afterAll(async () => {
  await emulator.close();
});

function deps(raw: RawSettings, reporter: Reporter, state: Map<StateName, string>, signal = new AbortController().signal): GateDeps {
  const settings = parseSettings({ 'api-key': KEY, 'poll-interval-seconds': '0.1', 'timeout-minutes': '1', ...raw });
  return {
    settings,
    context: { repository: 'acme/widgets', eventName: 'push', sha: 'c0ffee0000000000000000000000000000000001', ref: 'main', isFork: false },
    client: createClient({ provider: settings.provider, apiKey: KEY, baseUrl: emulator.baseUrls[settings.provider as keyof typeof emulator.baseUrls] }),
    logger,
    clock: systemClock,
    files: {
      read: () => Promise.reject(new Error('no files in this test')),
      write: () => Promise.reject(new Error('no files in this test')),
    },
    state: { save: (name, value) => state.set(name, value) },
    reporter,
    signal,
    redact: makeRedactor([KEY]),
  };
}

describe('runGate without a host', () => {
  it('creates, waits, decides and reports; the state store ends settled', async () => {
    const reporter = new RecordingReporter();
    const state = new Map<StateName, string>();
    const outcome = await runGate(
      deps(
        { provider: 'openai', 'eval-id': 'eval_demo', 'data-source': '{"type":"jsonl","source":{"type":"file_content","content":[]}}', 'min-avg-score': '-1' },
        reporter,
        state,
      ),
    );

    expect(outcome.status).toBe('completed');
    expect(outcome.gate).toBe('pass');
    expect(outcome.failed).toBe(false);
    expect(reporter.events[0]).toMatch(/^started /);
    expect(reporter.events.at(-1)).toBe('finished completed');
    expect(reporter.finals[0]).toMatchObject({ checkName: 'evalgate', provider: 'openai', settled: true });
    expect(outcome.result).toMatchObject({ version: 1, provider: 'openai', status: 'completed', gate: 'pass', checkRunId: null });
    expect(state.get(STATE.evaluationId)).toBe(outcome.result.evaluationId);
    expect(state.get(STATE.completed)).toBe('true');
    expect(state.get(STATE.pendingCreate)).toBe('');
  });

  it('a second run of the same revision and config re-attaches through the provider tags', async () => {
    const state = new Map<StateName, string>();
    const raw: RawSettings = { provider: 'prime', environments: 'gsm8k', 'inference-model': 'llama-3-8b' };
    const first = await runGate(deps(raw, new RecordingReporter(), state));
    const created = emulator.evaluations('prime').length;
    const reporter = new RecordingReporter();
    const second = await runGate(deps(raw, reporter, state));
    expect(second.result.evaluationId).toBe(first.result.evaluationId);
    expect(second.result.reattached).toBe(true);
    expect(emulator.evaluations('prime')).toHaveLength(created);
  });

  it('an error before any evaluation is reported as status error with the redacted reason', async () => {
    const reporter = new RecordingReporter();
    const state = new Map<StateName, string>();
    const gateDeps = deps({ provider: 'nugen', 'model-id': 'model-a', 'benchmark-id': 'bench-1' }, reporter, state);
    gateDeps.client = createClient({ provider: 'nugen', apiKey: `${KEY}-wrong`, baseUrl: emulator.baseUrls.nugen, maxRetries: 0 });
    const outcome = await runGate(gateDeps);
    expect(outcome).toMatchObject({ status: 'error', gate: 'inconclusive', failed: true });
    expect(reporter.finals[0]?.errorMessage).toBeDefined();
    expect(JSON.stringify(reporter.finals)).not.toContain(KEY);
  });
});
