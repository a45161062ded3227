import { AuthenticationError, NotFoundError, ServerError, WaitTimeoutError, type EvaluationStatus } from '@evalgate/core';
import { configFingerprint } from '@evalgate/gate';
import { describe, expect, it } from 'vitest';
import { PROGRESS_INTERVAL_MS } from '../../src/github/check-reporter.js';
import { listSections, upsertSection } from '../../src/publish/comment.js';
import { run } from '../../src/run.js';
import { API_KEY, PR_CONTEXT, harness } from '../support/fakes.js';

const TITLE = 'avg 0.82 · min 0.41 · max 0.97 (n=200)';

describe('run() happy path', () => {
  it.each(['prime', 'openai', 'nugen'] as const)('%s: creates, checks in progress, completes with the scores', async (provider) => {
    const h = harness(provider, { 'min-avg-score': '0.8' });
    const outcome = await run(h.deps);

    expect(h.client.count('create')).toBe(1);
    expect(h.github.checks).toHaveLength(1);
    const check = h.github.checks[0]!;
    expect(check.headSha).toBe(PR_CONTEXT.sha);
    expect(check.externalId).toBe('ev_1');
    expect(check.history[0]).toMatchObject({ output: { title: expect.stringMatching(/^(Queued|Running)/) } });
    expect(check.detailsUrl).toBe('https://report.example/ev_1');
    expect(check.status).toBe('completed');
    expect(check.conclusion).toBe('success');
    expect(check.output?.title).toBe(TITLE);
    expect(check.output?.summary).toContain('| avg | 0.82 |');
    expect(check.output?.summary).toContain('[report](https://report.example/ev_1)');

    expect(outcome).toMatchObject({ gate: 'pass', conclusion: 'success', failed: false });
    expect(h.client.count('finalize')).toBe(provider === 'prime' ? 1 : 0);
    expect(h.sink.outputs.get('avg-score')).toBe('0.82');
    expect(h.sink.outputs.get('min-score')).toBe('0.41');
    expect(h.sink.outputs.get('max-score')).toBe('0.97');
    expect(h.sink.outputs.get('total-samples')).toBe('200');
    expect(h.sink.outputs.get('gate')).toBe('pass');
    expect(h.sink.outputs.get('status')).toBe('completed');
    expect(h.sink.outputs.get('report-url')).toBe('https://report.example/ev_1');
    expect(JSON.parse(h.sink.outputs.get('result-json')!)).toMatchObject({ version: 1, evaluationId: 'ev_1', gate: 'pass' });
    expect(h.sink.state.get('evaluation-id')).toBe('ev_1');
    expect(h.sink.state.get('check-run-id')).toBe(String(check.id));
    expect(h.sink.state.get('completed')).toBe('true');
    expect(h.sink.summaries.join('')).toContain(TITLE);
  });

  it('tags prime and openai evaluations with repo, sha and config so they can be found again', async () => {
    const h = harness('openai');
    await run(h.deps);
    const request = h.client.calls.find((call) => call.method === 'create')!.args[0] as { metadata: Record<string, string>; name: string };
    expect(request.metadata).toMatchObject({
      evalgate: '1',
      evalgate_repo: 'acme/widgets',
      evalgate_sha: PR_CONTEXT.sha,
      evalgate_ref: 'feature',
      evalgate_pr: '12',
    });
    expect(request.name).toBe('evalgate #12 a1b2c3d');
  });

  it('updates progress at most once per 10 s of the clock', async () => {
    const h = harness('openai', { 'poll-interval-seconds': '1' });
    h.client.plan = {
      statuses: [...Array.from({ length: 60 }, (): EvaluationStatus => 'running'), 'completed'],
      scores: { avg: 0.5, min: 0, max: 1, count: 4 },
    };
    await run(h.deps);
    const progressUpdates = h.github.checks[0]!.history.slice(1, -1);
    // 60 s of polling every second at one update per 10 s.
    expect(progressUpdates.length).toBeGreaterThanOrEqual(4);
    expect(progressUpdates.length).toBeLessThanOrEqual(6);
    // A line per status change or new tenth of the work, with the provider's own status beside ours.
    const progressLines = h.logger.lines.filter((line) => line.startsWith('info: ev_1: running (provider: "RUNNING")'));
    expect(progressLines.length).toBeGreaterThanOrEqual(10);
    expect(progressLines.length).toBeLessThanOrEqual(12);
    expect(h.logger.text()).toContain('info: ev_1: completed (provider: "COMPLETED")');
    expect(PROGRESS_INTERVAL_MS).toBe(10_000);
  });
});

describe('run() gate', () => {
  it('fails the check when a threshold is missed, or marks it neutral with fail-on: neutral', async () => {
    const failing = harness('nugen', { 'min-avg-score': '0.9', 'min-min-score': '0.3' });
    const outcome = await run(failing.deps);
    expect(outcome).toMatchObject({ gate: 'fail', conclusion: 'failure', failed: true });
    expect(failing.github.checks[0]!.conclusion).toBe('failure');
    expect(failing.github.checks[0]!.output?.summary).toContain('avg 0.82 < 0.9 (min-avg-score)');
    expect(failing.github.checks[0]!.output?.summary).toContain('min 0.41 ≥ 0.3 (min-min-score)');

    const neutral = harness('nugen', { 'min-min-score': '0.5', 'fail-on': 'neutral' });
    expect(await run(neutral.deps)).toMatchObject({ gate: 'fail', conclusion: 'neutral', failed: false });
    expect(neutral.github.checks[0]!.conclusion).toBe('neutral');
  });

  it('compares with the latest completed evaluation tagged for the base branch', async () => {
    const h = harness('prime', { baseline: 'base-branch', 'max-regression': '0.05' });
    h.client.seed({
      id: 'old_main',
      status: 'completed',
      scores: { avg: 0.95, min: 0.5, max: 1, count: 200 },
      metadata: { evalgate: '1', evalgate_repo: 'acme/widgets', evalgate_ref: 'main', evalgate_check: 'evalgate', evalgate_event: 'push' },
    });
    h.client.seed({
      id: 'other_repo',
      status: 'completed',
      scores: { avg: 0.1, min: 0, max: 1, count: 2 },
      metadata: { evalgate: '1', evalgate_repo: 'acme/other', evalgate_ref: 'main', evalgate_check: 'evalgate', evalgate_event: 'push' },
    });
    const outcome = await run(h.deps);
    expect(outcome).toMatchObject({ gate: 'fail', conclusion: 'failure' });
    expect(outcome.result.baseline).toMatchObject({ evaluationId: 'old_main', avg: 0.95 });
    expect(outcome.result.baseline?.delta).toBeCloseTo(-0.13);
    const summary = h.github.checks[0]!.output!.summary;
    expect(summary).toContain('| avg | 0.82 | 0.95 | −0.13 |');
    expect(summary).toContain('latest completed evaluation on main (old_main)');
    expect(h.logger.text()).toContain('Baseline used: latest completed evaluation on main (old_main)');
  });

  it('passes a regression within max-regression', async () => {
    const h = harness('openai', { baseline: 'base-branch', 'max-regression': '0.05' });
    h.client.seed({
      id: 'eval_demo/base',
      status: 'completed',
      scores: { avg: 0.85, min: 0.5, max: 1, count: 200 },
      metadata: { evalgate: '1', evalgate_repo: 'acme/widgets', evalgate_ref: 'main', evalgate_check: 'evalgate', evalgate_event: 'push' },
    });
    expect(await run(h.deps)).toMatchObject({ gate: 'pass', conclusion: 'success' });
  });

  it('finds a nugen baseline through the base branch check run', async () => {
    const h = harness('nugen', { baseline: 'base-branch', 'max-regression': '0.01' });
    h.client.seed({ id: 'eval-base', status: 'completed', scores: { avg: 0.9, min: 0.5, max: 1, count: 10 } });
    h.github.branches.set('main', 'main-sha');
    await h.github.createCheck({
      name: 'evalgate',
      headSha: 'main-sha',
      externalId: 'eval-base',
      startedAt: '',
      output: { title: '', summary: '' },
      status: 'completed',
      conclusion: 'success',
    });
    const outcome = await run(h.deps);
    expect(outcome.result.baseline).toMatchObject({ evaluationId: 'eval-base', source: 'base-branch' });
    expect(outcome.gate).toBe('fail');
  });

  it('uses nugen comparison mode as the baseline', async () => {
    const h = harness('nugen', { 'baseline-model-id': 'model-old', 'max-regression': '0.1' });
    h.client.plan = {
      statuses: ['running', 'completed'],
      scores: { avg: 0.82, min: 0.41, max: 0.97, count: 200 },
      comparison: { model: 'model-old', scores: { avg: 0.8, min: 0.2, max: 1, count: 200 } },
    };
    const outcome = await run(h.deps);
    expect(outcome).toMatchObject({ gate: 'pass' });
    expect(outcome.result.baseline).toMatchObject({ source: 'comparison', avg: 0.8 });
    const request = h.client.calls[0]!.args[0];
    expect(request).toMatchObject({ modelId2: 'model-old' });
  });

  it('says so when no baseline exists and does not fail on it', async () => {
    const h = harness('prime', { baseline: 'base-branch', 'max-regression': '0.01' });
    const outcome = await run(h.deps);
    expect(outcome.gate).toBe('pass');
    expect(h.github.checks[0]!.output!.summary).toContain('regression not checked: no completed evaluation from this action was found for main');
  });

  it('reports a provider failure as inconclusive with a failing check', async () => {
    const h = harness('openai');
    h.client.plan = { statuses: ['running', 'failed'] };
    const outcome = await run(h.deps);
    expect(outcome).toMatchObject({ gate: 'inconclusive', conclusion: 'failure', failed: true });
    expect(h.github.checks[0]!.output!.title).toBe('Evaluation failed');
  });
});

describe('run() re-attaches instead of paying twice', () => {
  it('through the check run external_id (any provider)', async () => {
    const h = harness('nugen');
    // An earlier attempt died after creating the evaluation and its check.
    const earlier = h.client.seed({ id: 'eval-earlier', status: 'running' });
    const check = await h.github.createCheck({
      name: 'evalgate',
      headSha: PR_CONTEXT.sha,
      externalId: earlier.id,
      startedAt: '',
      output: { title: 'Running', summary: '' },
    });
    h.client.evaluations.set(earlier.id, { ...earlier, status: 'completed', rawStatus: 'completed', scores: { avg: 0.82, min: 0.41, max: 0.97, count: 200 } });
    const outcome = await run(h.deps);
    expect(h.client.count('create')).toBe(0);
    expect(h.github.checks).toHaveLength(1);
    expect(h.github.checks[0]).toMatchObject({ id: check.id, status: 'completed', conclusion: 'success' });
    expect(outcome.result).toMatchObject({ evaluationId: 'eval-earlier', reattached: true });
    expect(h.logger.text()).toContain('Re-attaching to nugen evaluation eval-earlier');
  });

  it('through provider metadata when the earlier attempt posted no check', async () => {
    const h = harness('prime');
    const inputs = h.deps.inputs;
    const fingerprint = configFingerprint({ provider: 'prime', baseUrl: inputs.baseUrl, settings: inputs.settings, dataSource: undefined, samples: undefined });
    h.client.seed({
      id: 'ev_earlier',
      status: 'running',
      metadata: { evalgate: '1', evalgate_repo: 'acme/widgets', evalgate_sha: PR_CONTEXT.sha, evalgate_config: fingerprint },
    });
    await run(h.deps);
    expect(h.client.count('create')).toBe(0);
    expect(h.github.checks[0]!.externalId).toBe('ev_earlier');
  });

  it('completes an in-progress check a lost attempt left, pointing at a dead evaluation', async () => {
    const h = harness('openai');
    const dead = h.client.seed({ id: 'eval_demo/dead', status: 'failed' });
    const stale = await h.github.createCheck({
      name: 'evalgate',
      headSha: PR_CONTEXT.sha,
      externalId: dead.id,
      startedAt: '',
      output: { title: 'Running', summary: '' },
    });
    await run(h.deps);
    expect(h.client.count('create')).toBe(1);
    expect(h.github.checks).toHaveLength(2);
    expect(h.github.checks.find((check) => check.id === stale.id)).toMatchObject({
      status: 'completed',
      conclusion: 'cancelled',
      output: { title: 'Superseded by a later attempt' },
    });
    expect(h.github.checks.find((check) => check.id !== stale.id)).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  it('not when the config changed or the earlier one failed', async () => {
    const h = harness('prime');
    h.client.seed({
      id: 'ev_other_config',
      status: 'running',
      metadata: { evalgate: '1', evalgate_repo: 'acme/widgets', evalgate_sha: PR_CONTEXT.sha, evalgate_config: 'different' },
    });
    const failed = h.client.seed({ id: 'ev_failed', status: 'failed' });
    await h.github.createCheck({
      name: 'evalgate',
      headSha: PR_CONTEXT.sha,
      externalId: failed.id,
      startedAt: '',
      output: { title: '', summary: '' },
      status: 'completed',
      conclusion: 'failure',
    });
    await run(h.deps);
    expect(h.client.count('create')).toBe(1);
  });
});

describe('run() stops cleanly', () => {
  it('cancels the remote evaluation and completes the check as cancelled when the workflow is cancelled', async () => {
    const h = harness('prime');
    h.client.plan = { statuses: ['running'] };
    h.client.onWait = () => h.controller.abort();
    const outcome = await run(h.deps);
    expect(outcome).toMatchObject({ gate: 'inconclusive', conclusion: 'cancelled' });
    expect(h.client.count('cancel')).toBe(1);
    expect(h.client.evaluations.get('ev_1')!.status).toBe('cancelled');
    expect(h.github.checks[0]).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(h.github.checks[0]!.output!.summary).toContain('evaluation ev_1 was cancelled at prime');
    expect(h.sink.state.get('completed')).toBe('true');
    expect(h.sink.outputs.get('status')).toBe('cancelled');
  });

  it('explains that nugen cannot cancel', async () => {
    const h = harness('nugen');
    h.client.plan = { statuses: ['running'] };
    h.client.onWait = () => h.controller.abort();
    await run(h.deps);
    expect(h.client.count('cancel')).toBe(0);
    expect(h.github.checks[0]).toMatchObject({ conclusion: 'cancelled' });
    expect(h.github.checks[0]!.output!.summary).toContain('nugen has no cancel operation');
  });

  it('nugen: an evaluation that finished meanwhile is not said to keep running', async () => {
    const h = harness('nugen');
    h.client.plan = { statuses: ['running'] };
    h.client.onWait = () => {
      const current = h.client.evaluations.get('ev_1')!;
      h.client.evaluations.set('ev_1', { ...current, status: 'completed', rawStatus: 'COMPLETED' });
      h.controller.abort();
    };
    const outcome = await run(h.deps);
    expect(outcome.message).toContain('evaluation ev_1 had already finished (completed)');
    expect(h.logger.text()).not.toContain('keeps running');
    expect(h.github.checks[0]!.output!.summary).not.toContain('keeps running');
  });

  it('times out after timeout-minutes with a timed_out check and a cancelled remote evaluation', async () => {
    const h = harness('openai', { 'timeout-minutes': '2', 'poll-interval-seconds': '10' });
    h.client.plan = { statuses: ['running'] };
    const outcome = await run(h.deps);
    expect(outcome).toMatchObject({ conclusion: 'timed_out', failed: true });
    expect(h.github.checks[0]).toMatchObject({ status: 'completed', conclusion: 'timed_out' });
    expect(h.client.count('cancel')).toBe(1);
    expect(h.github.checks[0]!.output!.summary).toContain('No result within timeout-minutes (2 min)');
  });
});

describe('run() on read-only tokens and errors', () => {
  it('a 403 on creating the check does not crash: summary and outputs carry the result with a warning', async () => {
    const h = harness('openai', {}, { context: { isFork: true } });
    h.github.refuse('createCheck', 403);
    h.github.refuse('listComments', 403);
    const outcome = await run(h.deps);
    expect(outcome).toMatchObject({ gate: 'pass', conclusion: 'success', failed: false });
    expect(h.github.checks).toHaveLength(0);
    expect(h.sink.outputs.get('avg-score')).toBe('0.82');
    const summary = h.sink.summaries.join('');
    expect(summary).toContain(TITLE);
    expect(summary).toContain('No check run was posted: GitHub refused to create the check run (HTTP 403) because this pull request comes from a fork');
    expect(h.logger.text()).toContain('No PR comment was posted');
  });

  it('works without a token at all', async () => {
    const h = harness('nugen', {}, { github: false });
    const outcome = await run(h.deps);
    expect(outcome.gate).toBe('pass');
    expect(h.sink.summaries.join('')).toContain('no github-token was given');
  });

  it('posts a failed check naming the error, with the API key redacted', async () => {
    const h = harness('prime');
    h.client.failures.set('create', [new AuthenticationError(`bad key ${API_KEY}`, { provider: 'prime', status: 401 })]);
    const outcome = await run(h.deps);
    expect(outcome).toMatchObject({ gate: 'inconclusive', conclusion: 'failure', failed: true });
    expect(outcome.message).toContain('AuthenticationError');
    expect(outcome.message).not.toContain(API_KEY);
    expect(h.github.checks[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const everything = JSON.stringify([h.github.checks, h.sink.summaries, [...h.sink.outputs], h.logger.lines]);
    expect(everything).not.toContain(API_KEY);
    expect(h.sink.outputs.get('status')).toBe('error');
  });

  it('names the HTTP status and the request id once, whether or not the message already carries them', async () => {
    const h = harness('prime');
    h.client.failures.set('create', [new AuthenticationError('Invalid API key (request req_x)', { provider: 'prime', status: 401, requestId: 'req_x' })]);
    const outcome = await run(h.deps);
    expect(outcome.message).toBe('AuthenticationError: Invalid API key (request req_x) (HTTP 401)');
    expect(outcome.message.match(/req_x/g)).toHaveLength(1);
  });

  it('a deadline reached through unreadable answers says so once in the timed-out reason', async () => {
    const h = harness('prime');
    const last = 'prime evaluation ev_1 did not finish before the deadline: last status running (RUNNING); last error: the answer is not JSON (request req_9)';
    h.client.failures.set('waitForCompletion', [new WaitTimeoutError(last, { provider: 'prime' })]);
    const outcome = await run(h.deps);
    expect(outcome).toMatchObject({ status: 'timed_out', conclusion: 'timed_out' });
    expect(outcome.message).toContain('last error: the answer is not JSON (request req_9)');
    expect(outcome.message.match(/req_9/g)).toHaveLength(1);
  });

  // Core's waitForCompletion keeps polling through 429/5xx until the deadline (tested in core and in the fault
  // matrix against the emulator); what reaches run() is permanent, and is reported once, not retried.
  it('ends on a permanent error while waiting with a failed check naming it', async () => {
    const h = harness('openai');
    h.client.failures.set('waitForCompletion', [new NotFoundError('run not found', { provider: 'openai', status: 404 })]);
    const outcome = await run(h.deps);
    expect(outcome).toMatchObject({ gate: 'inconclusive', conclusion: 'failure', failed: true });
    expect(outcome.message).toContain('NotFoundError');
    expect(h.client.count('waitForCompletion')).toBe(1);
    expect(h.github.checks[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('retries a create that failed transiently, looking for a lost one first', async () => {
    const h = harness('openai');
    h.client.failures.set('create', [new ServerError('bad gateway', { provider: 'openai', status: 502 })]);
    const outcome = await run(h.deps);
    expect(outcome.gate).toBe('pass');
    expect(h.client.count('create')).toBe(2);
    expect(h.client.count('list')).toBeGreaterThanOrEqual(2);
  });
});

describe('run() lost creates', () => {
  it('nugen: a create that failed with a 5xx but went through is found by model and benchmark, not paid twice', async () => {
    const h = harness('nugen');
    h.client.failures.set('create', [new ServerError('gateway timeout', { provider: 'nugen', status: 504 })]);
    // What the failed create left at the provider.
    const lost = h.client.seed({ id: 'eval-lost', status: 'running', model: 'model-a', benchmark: 'bench-1', name: 'model-a on bench-1' });
    h.client.evaluations.set(lost.id, { ...lost, status: 'completed', rawStatus: 'completed', scores: { avg: 0.82, min: 0.41, max: 0.97, count: 200 } });
    const outcome = await run(h.deps);
    expect(h.client.count('create')).toBe(1);
    expect(outcome.result.evaluationId).toBe('eval-lost');
    expect(h.logger.text()).toContain('The failed create did go through: using eval-lost');
  });

  it('nugen: an older evaluation of the same model is not mistaken for the lost one', async () => {
    const h = harness('nugen');
    h.client.failures.set('create', [new ServerError('bad gateway', { provider: 'nugen', status: 502 })]);
    h.client.seed({
      id: 'eval-old',
      status: 'completed',
      model: 'model-a',
      benchmark: 'bench-1',
      name: 'model-a on bench-1',
      createdAt: new Date(h.clock.now() - 3_600_000),
    });
    const outcome = await run(h.deps);
    expect(h.client.count('create')).toBe(2);
    expect(outcome.result.evaluationId).toBe('ev_1');
  });

  it('gives up after five failed creates with the provider error', async () => {
    const h = harness('openai');
    h.client.failures.set(
      'create',
      Array.from({ length: 5 }, () => new ServerError('down', { provider: 'openai', status: 503 })),
    );
    const outcome = await run(h.deps);
    expect(h.client.count('create')).toBe(5);
    expect(outcome).toMatchObject({ failed: true, conclusion: 'failure' });
    expect(outcome.message).toContain('ServerError: down (HTTP 503)');
  });
});

describe('run() provider specifics', () => {
  it('prime samples-file: pushes the samples, finalizes, and gates on their scores', async () => {
    const h = harness('prime', { environments: '', 'inference-model': '', 'samples-file': 'out/samples.jsonl', 'min-avg-score': '0.5' });
    h.files.files.set('out/samples.jsonl', '{"score":1}\n{"score":0.5}\n\n{"score":0,"answer":"x"}\n');
    const outcome = await run(h.deps);
    expect(h.client.count('pushSamples')).toBe(1);
    expect(h.client.count('finalize')).toBe(1);
    expect(outcome).toMatchObject({ gate: 'pass' });
    expect(outcome.result.scores).toMatchObject({ avg: 0.5, min: 0, max: 1, count: 3 });
    const request = h.client.calls[h.client.calls.findIndex((call) => call.method === 'create')]!.args[0];
    expect(request).toMatchObject({ isHosted: false });
  });

  it('prime samples-file: a bad line is an input error naming samples-file and the line', async () => {
    const h = harness('prime', { environments: '', 'inference-model': '', 'samples-file': 's.jsonl' });
    h.files.files.set('s.jsonl', '{"score":1}\nnot json\n');
    const outcome = await run(h.deps);
    expect(outcome.message).toContain('Input "samples-file" line 2 of s.jsonl is not JSON');
    expect(h.client.count('create')).toBe(0);
  });

  it('openai data-source from a file', async () => {
    const h = harness('openai', { 'data-source': 'ds.json' });
    h.files.files.set('ds.json', '{"type":"completions","source":{"type":"file_id","id":"f"}}');
    await run(h.deps);
    expect(h.client.calls.find((call) => call.method === 'create')!.args[0]).toMatchObject({ dataSource: { type: 'completions' } });
  });
});

describe('run() comment and badge', () => {
  it('upserts one sticky comment where each check name keeps its own section', async () => {
    const first = harness('nugen', { 'check-name': 'eval (a)' });
    await run(first.deps);
    const second = harness('nugen', { 'check-name': 'eval (b)' });
    second.deps.github = first.github;
    await run(second.deps);
    await run(first.deps);
    const comments = first.github.comments.get(12)!;
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    expect(body.match(/<!-- evalgate:eval \(a\) -->/g)).toHaveLength(1);
    expect(body.match(/<!-- evalgate:eval \(b\) -->/g)).toHaveLength(1);
    expect(body.indexOf('eval (a)')).toBeLessThan(body.indexOf('eval (b)'));
  });

  it('merges the duplicate a concurrent matrix job created at the same moment into the oldest comment', async () => {
    const h = harness('nugen', { 'check-name': 'eval (b)' });
    await h.github.createComment(12, upsertSection(undefined, 'eval (a)', 'A result'));
    // Job b listed the comments just before job a created its own.
    const list = h.github.listComments.bind(h.github);
    let first = true;
    h.github.listComments = async (issue: number) => {
      if (first) {
        first = false;
        return [];
      }
      return list(issue);
    };
    await run(h.deps);
    const comments = h.github.comments.get(12)!;
    expect(comments).toHaveLength(1);
    expect(listSections(comments[0]!.body)).toEqual(['eval (a)', 'eval (b)']);
  });

  it('posts no comment with comment: off or outside a PR', async () => {
    const off = harness('nugen', { comment: 'off' });
    await run(off.deps);
    expect(off.github.comments.size).toBe(0);
    const push = harness('nugen', {}, { context: { eventName: 'push', prNumber: undefined, baseRef: undefined } });
    delete push.deps.context.prNumber;
    await run(push.deps);
    expect(push.github.comments.size).toBe(0);
  });

  it('writes an SVG badge and a shields endpoint JSON coloured by the gate', async () => {
    const h = harness('openai', { 'badge-path': 'badges/eval.svg', 'min-avg-score': '0.99' });
    await run(h.deps);
    expect(h.files.files.get('badges/eval.svg')).toMatch(/^<svg/);
    expect(JSON.parse(h.files.files.get('badges/eval.json')!)).toEqual({ schemaVersion: 1, label: 'evalgate', message: 'fail · avg 0.82', color: 'red' });
  });
});
