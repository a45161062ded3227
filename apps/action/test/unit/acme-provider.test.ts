// The test-only provider Acme through the Action with no change to the Action: Acme is registered in core, the
// emulator and the gate by its three registry lines; its inputs are read by the Action's own input reader from the
// runner's INPUT_* variables; run(deps) gates a pull request against the emulator (serving Acme) and the GitHub
// stand-in, over real HTTP on 127.0.0.1.
import { getOctokit } from '@actions/github';
import { createClient } from '@evalgate/core';
import { startEmulator, type Emulator } from '@evalgate/emulator';
import { makeRedactor, systemClock } from '@evalgate/gate';
import { startGitHubStandIn, type GitHubStandIn } from '@evalgate/github-stand-in';
import { registerAcmeInCore } from '@evalgate/test-provider/register-core';
import { registerAcmeInEmulator } from '@evalgate/test-provider/register-emulator';
import { registerAcmeInGate } from '@evalgate/test-provider/register-gate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunDeps } from '../../src/deps.js';
import { contextFromEvent } from '../../src/github/event.js';
import { OctokitPort } from '../../src/github/octokit-port.js';
import { InputError, parseInputs } from '../../src/inputs/parse.js';
import { readRawInputs } from '../../src/inputs/read.js';
import { run } from '../../src/run.js';
import { MemoryFiles, MemoryLogger, MemorySink } from '../support/fakes.js';

const API_KEY = 'acme-action-key-SECRET-93b1';
const TOKEN = 'ghs_acmeToken_0001';
const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

/** How @actions/core's getInput reads the runner's environment: INPUT_<NAME> (upper case, hyphens kept), trimmed. */
const inputReader =
  (env: Record<string, string>) =>
  (name: string): string =>
    (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();

const pullRequestEvent = contextFromEvent({
  eventName: 'pull_request',
  repository: 'acme/widgets',
  runId: '42',
  serverUrl: 'https://github.com',
  payload: {
    pull_request: {
      number: 12,
      head: { sha: SHA, ref: 'feature', repo: { full_name: 'acme/widgets' } },
      base: { ref: 'main', repo: { full_name: 'acme/widgets' } },
    },
  },
});

describe('a test-only fourth provider walks through the Action with no change to the Action', () => {
  it('is refused by name while unregistered', () => {
    const raw = readRawInputs(inputReader({ INPUT_PROVIDER: 'acme', 'INPUT_API-KEY': API_KEY, 'INPUT_ACME-SUITE': 'math' }));
    expect(raw).not.toHaveProperty('acme-suite');
    expect(() => parseInputs(raw)).toThrow(InputError);
  });

  describe('once registered in core, the emulator and the gate', () => {
    let emulator: Emulator;
    let github: GitHubStandIn;
    let unregister: Array<() => void>;
    beforeAll(async () => {
      unregister = [registerAcmeInCore(), registerAcmeInEmulator(), registerAcmeInGate()];
      emulator = await startEmulator({ port: 0, apiKey: API_KEY, seed: 11, durationMs: 300, sampleCount: 8 });
      github = await startGitHubStandIn({ token: TOKEN });
    });
    afterAll(async () => {
      await Promise.all([emulator.close(), github.close()]);
      unregister.reverse().forEach((undo) => undo());
    });

    function depsFor(env: Record<string, string>): { deps: RunDeps; sink: MemorySink; logger: MemoryLogger } {
      const raw = readRawInputs(inputReader(env));
      const inputs = parseInputs(raw);
      const sink = new MemorySink();
      const logger = new MemoryLogger();
      const deps: RunDeps = {
        inputs,
        context: pullRequestEvent,
        client: createClient({ provider: inputs.provider, apiKey: raw['api-key'] ?? '', ...(inputs.baseUrl ? { baseUrl: inputs.baseUrl } : {}) }),
        github: new OctokitPort(getOctokit(TOKEN, { baseUrl: github.url }), pullRequestEvent.owner, pullRequestEvent.repo),
        logger,
        clock: systemClock,
        sink,
        files: new MemoryFiles(),
        signal: new AbortController().signal,
        redact: makeRedactor([API_KEY, TOKEN]),
      };
      return { deps, sink, logger };
    }

    it("reads Acme's inputs, creates its job, and completes the check run with its scores and verdict", async () => {
      const { deps, sink } = depsFor({
        INPUT_PROVIDER: 'acme',
        'INPUT_ACME-SUITE': 'math',
        'INPUT_ACME-MODEL': 'm-1',
        'INPUT_API-KEY': API_KEY,
        'INPUT_BASE-URL': emulator.baseUrls.acme,
        'INPUT_GITHUB-TOKEN': TOKEN,
        'INPUT_POLL-INTERVAL-SECONDS': '0.1',
        'INPUT_MIN-AVG-SCORE': '0',
      });
      expect(deps.inputs).toMatchObject({ provider: 'acme', settings: { provider: 'acme', suite: 'math', model: 'm-1' } });

      const outcome = await run(deps);

      const [job] = emulator.evaluations('acme');
      expect(job).toMatchObject({ phase: 'completed', status: 'DONE' });
      const average = job!.scores.reduce((sum, score) => sum + score, 0) / job!.scores.length;
      expect(outcome).toMatchObject({ status: 'completed', gate: 'pass', conclusion: 'success', failed: false });

      const [check] = github.checkRuns;
      expect(check).toMatchObject({ name: 'evalgate', head_sha: SHA, external_id: job!.id, status: 'completed', conclusion: 'success' });
      expect(check!.history[0]).toMatchObject({ status: 'in_progress' });
      expect(check!.output.title).toMatch(new RegExp(`^avg ${average.toFixed(2)} `));
      expect(check!.output.summary).toContain('acme');
      expect(sink.outputs.get('status')).toBe('completed');
      expect(sink.outputs.get('gate')).toBe('pass');
      expect(Number(sink.outputs.get('avg-score'))).toBeCloseTo(average, 2);
      expect(JSON.parse(sink.outputs.get('result-json')!)).toMatchObject({ provider: 'acme', evaluationId: job!.id, gate: 'pass' });
      expect(github.comments.map((comment) => comment.issue_number)).toEqual([12]);
      expect(JSON.stringify(github.requests)).not.toContain(API_KEY);
    });

    it('fails the check run when its score misses the threshold', async () => {
      const { deps } = depsFor({
        INPUT_PROVIDER: 'acme',
        'INPUT_ACME-SUITE': 'code',
        'INPUT_ACME-MODEL': 'm-2',
        'INPUT_API-KEY': API_KEY,
        'INPUT_BASE-URL': emulator.baseUrls.acme,
        'INPUT_GITHUB-TOKEN': TOKEN,
        'INPUT_POLL-INTERVAL-SECONDS': '0.1',
        'INPUT_MIN-AVG-SCORE': '1.5',
      });
      const outcome = await run(deps);
      expect(outcome).toMatchObject({ status: 'completed', gate: 'fail', conclusion: 'failure', failed: true });
      expect(github.checkRuns.at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure', external_id: emulator.evaluations('acme').at(-1)!.id });
    });
  });
});
