// Acme through the gate: runGate against an emulator serving Acme over real HTTP on 127.0.0.1, with Acme registered in
// core, the emulator and the gate by their three registry lines and nothing else.
import { createClient, type Evaluation } from '@evalgate/core';
import { startEmulator, type Emulator } from '@evalgate/emulator';
import {
  makeRedactor,
  parsePendingCreate,
  parseSettings,
  runGate,
  STATE,
  systemClock,
  type FinalReport,
  type GateDeps,
  type Logger,
  type RawSettings,
  type Reporter,
  type StateName,
} from '@evalgate/gate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAcmeInCore } from '../src/register-core.js';
import { registerAcmeInEmulator } from '../src/register-emulator.js';
import { registerAcmeInGate } from '../src/register-gate.js';
import { startLostAnswerProxy } from './support/lost-answer-proxy.js';

const KEY = 'acme-gate-key-SECRET-7d21';
const SHA = 'c0ffee0000000000000000000000000000000007';
const ACME: RawSettings = { provider: 'acme', 'acme-suite': 'math', 'acme-model': 'm-1' };

class RecordingReporter implements Reporter {
  readonly events: string[] = [];
  readonly finals: FinalReport[] = [];
  async started(evaluation: Evaluation): Promise<void> {
    this.events.push(`started ${evaluation.id}`);
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

/** Every state save in order (what a post step would read back at each moment), and the last value of each. */
class RecordingState {
  readonly saves: Array<[StateName, string]> = [];
  readonly last = new Map<StateName, string>();
  save(name: StateName, value: string): void {
    this.saves.push([name, value]);
    this.last.set(name, value);
  }
}

function gateDeps(raw: RawSettings, baseUrl: string, reporter: Reporter, state: RecordingState): GateDeps {
  const settings = parseSettings({ 'api-key': KEY, 'poll-interval-seconds': '0.1', 'timeout-minutes': '1', ...raw });
  return {
    settings,
    context: { repository: 'acme/widgets', eventName: 'push', sha: SHA, ref: 'main', isFork: false },
    client: createClient({ provider: settings.provider, apiKey: KEY, baseUrl }),
    logger,
    clock: systemClock,
    files: {
      read: () => Promise.reject(new Error('no files in this test')),
      write: () => Promise.reject(new Error('no files in this test')),
    },
    state: { save: (name, value) => state.save(name, value) },
    reporter,
    signal: new AbortController().signal,
    redact: makeRedactor([KEY]),
  };
}

const average = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

describe('a test-only fourth provider walks through the gate by one folder and one registry line', () => {
  it('is refused as a provider, and its rows are unknown, while unregistered', () => {
    expect(() => parseSettings({ 'api-key': KEY, ...ACME })).toThrow(/provider/);
  });

  describe('once registered in core, the emulator and the gate', () => {
    let emulator: Emulator;
    let unregister: Array<() => void>;
    beforeAll(async () => {
      unregister = [registerAcmeInCore(), registerAcmeInEmulator(), registerAcmeInGate()];
      emulator = await startEmulator({ port: 0, apiKey: KEY, seed: 7, durationMs: 300, sampleCount: 6 });
    });
    afterAll(async () => {
      await emulator.close();
      unregister.reverse().forEach((undo) => undo());
    });

    it('parses its rows into its settings, and names them when they are missing or given to another provider', () => {
      expect(parseSettings({ 'api-key': KEY, ...ACME }).provider).toBe('acme');
      expect(() => parseSettings({ 'api-key': KEY, provider: 'acme', 'acme-suite': 'math' })).toThrow(/acme-model/);
      expect(() => parseSettings({ 'api-key': KEY, provider: 'nugen', 'model-id': 'a', 'benchmark-id': 'b', 'acme-suite': 'math' })).toThrow(/acme-suite/);
    });

    it('creates with our tags as labels, waits, decides on its scores and reports', async () => {
      const reporter = new RecordingReporter();
      const state = new RecordingState();
      const outcome = await runGate(gateDeps({ ...ACME, 'min-avg-score': '-1' }, emulator.baseUrls.acme, reporter, state));

      expect(outcome).toMatchObject({ status: 'completed', gate: 'pass', failed: false });
      const [job] = emulator.evaluations('acme');
      expect(job).toMatchObject({ id: outcome.result.evaluationId, phase: 'completed', status: 'DONE' });
      const report = reporter.finals[0]!;
      expect(report).toMatchObject({ provider: 'acme', status: 'completed', settled: true, evaluation: { id: job!.id, status: 'completed' } });
      expect(report.evaluation?.scores?.avg).toBeCloseTo(average(job!.scores), 12);
      expect(report.evaluation?.metadata).toMatchObject({ evalgate: '1', evalgate_repo: 'acme/widgets', evalgate_sha: SHA });
      expect(outcome.result).toMatchObject({ version: 1, provider: 'acme', status: 'completed', gate: 'pass' });
      expect(state.last.get(STATE.evaluationId)).toBe(job!.id);
      expect(state.last.get(STATE.completed)).toBe('true');
      expect(state.last.get(STATE.pendingCreate)).toBe('');
      expect(JSON.stringify(reporter.finals)).not.toContain(KEY);
    });

    it('re-attaches a second run of the same revision and settings through its labels, and fails a missed threshold', async () => {
      const created = emulator.evaluations('acme').length;
      const outcome = await runGate(gateDeps({ ...ACME, 'min-avg-score': '2' }, emulator.baseUrls.acme, new RecordingReporter(), new RecordingState()));
      expect(emulator.evaluations('acme')).toHaveLength(created);
      expect(outcome).toMatchObject({ status: 'completed', gate: 'fail', failed: true });
      expect(outcome.result.reattached).toBe(true);
    });

    it('finds a create whose answer was lost by its labels, instead of creating a second job', async () => {
      let creates = 0;
      const proxy = await startLostAnswerProxy(emulator.url, (method, path) => method === 'POST' && path === '/acme/v1/jobs' && ++creates === 1);
      try {
        const state = new RecordingState();
        const before = emulator.evaluations('acme').length;
        // Another model: a new experiment, so nothing earlier is re-attached.
        const raw = { ...ACME, 'acme-model': 'm-2', 'min-avg-score': '-1' };
        const outcome = await runGate(gateDeps(raw, proxy.url, new RecordingReporter(), state));

        expect(proxy.lost).toEqual(['POST /acme/v1/jobs']);
        const created = emulator.evaluations('acme').slice(before);
        expect(created).toHaveLength(1);
        expect(outcome).toMatchObject({ status: 'completed', gate: 'pass' });
        expect(outcome.result.evaluationId).toBe(created[0]!.id);
        expect(lines).toContain(`The failed create did go through: using ${created[0]!.id}.`);
        // What a cleanup step would have read back had the run stopped mid-create: Acme's own lost-create target.
        const [, savedWhileCreating] = state.saves.find(([name, value]) => name === STATE.pendingCreate && value !== '')!;
        expect(parsePendingCreate(savedWhileCreating)?.target).toEqual({
          provider: 'acme',
          suite: 'math',
          model: 'm-2',
          tags: { evalgate_sha: SHA, evalgate_repo: 'acme/widgets', evalgate_config: expect.stringMatching(/^[0-9a-f]{16}$/) },
        });
        expect(state.last.get(STATE.pendingCreate)).toBe('');
      } finally {
        await proxy.close();
      }
    });
  });
});
