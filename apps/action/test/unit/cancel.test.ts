import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { cleanUpAfterMain } from '../../src/cancel/cleanup.js';
import { abortOnTermination, type SignalSource } from '@evalgate/gate';
import { FakeClient } from '../support/fake-client.js';
import { FakeClock } from '../support/fake-clock.js';
import { FakeGitHub } from '../support/fake-github.js';
import { MemoryLogger } from '../support/fakes.js';

describe('abortOnTermination', () => {
  it('aborts once on SIGINT or SIGTERM and uninstalls cleanly', () => {
    const emitter = new EventEmitter();
    const source = emitter as unknown as SignalSource;
    const controller = new AbortController();
    const logs: string[] = [];
    const uninstall = abortOnTermination(source, controller, (message) => logs.push(message));
    emitter.emit('SIGTERM');
    emitter.emit('SIGINT');
    expect(controller.signal.aborted).toBe(true);
    expect(logs).toEqual(['Received SIGTERM: cancelling the evaluation and completing the check as cancelled.']);
    uninstall();
    expect(emitter.listenerCount('SIGTERM') + emitter.listenerCount('SIGINT')).toBe(0);
  });
});

describe('cleanUpAfterMain', () => {
  async function setup(status: 'running' | 'completed') {
    const clock = new FakeClock();
    const client = new FakeClient('prime', clock);
    const github = new FakeGitHub();
    const evaluation = client.seed({ id: 'ev_left', status });
    const check = await github.createCheck({
      name: 'evalgate',
      headSha: 'sha',
      externalId: evaluation.id,
      startedAt: '',
      output: { title: 'Running', summary: '' },
    });
    return { clock, client, github, check, logger: new MemoryLogger() };
  }

  it('cancels a running evaluation and completes the saved check as cancelled', async () => {
    const { clock, client, github, check, logger } = await setup('running');
    await cleanUpAfterMain({ client, github, logger, clock, state: { evaluationId: 'ev_left', checkRunId: check.id } });
    expect(client.evaluations.get('ev_left')!.status).toBe('cancelled');
    expect(github.checks[0]).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(github.checks[0]!.output!.summary).toContain('evaluation ev_left was cancelled at prime');
  });

  it('finds the check by external_id when its id was never saved', async () => {
    const { clock, client, github, logger } = await setup('running');
    await cleanUpAfterMain({ client, github, logger, clock, state: { evaluationId: 'ev_left', sha: 'sha', checkName: 'evalgate' } });
    expect(github.checks[0]).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
  });

  it('does not cancel an evaluation that already ended', async () => {
    const { clock, client, github, check, logger } = await setup('completed');
    await cleanUpAfterMain({ client, github, logger, clock, state: { evaluationId: 'ev_left', checkRunId: check.id } });
    expect(client.count('cancel')).toBe(0);
    expect(github.checks[0]!.output!.summary).toContain('had already ended as completed');
  });
});
