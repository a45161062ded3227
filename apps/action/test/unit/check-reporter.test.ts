import type { Evaluation } from '@evalgate/core';
import { describe, expect, it } from 'vitest';
import { CheckReporter, PROGRESS_UPDATE_BUDGET } from '../../src/github/check-reporter.js';
import type { UpdateCheckRequest } from '../../src/github/port.js';
import { FakeClock } from '../support/fake-clock.js';
import { FakeGitHub } from '../support/fake-github.js';
import { MemoryLogger } from '../support/fakes.js';

const running: Evaluation = {
  provider: 'openai',
  id: 'e/r',
  name: 'n',
  status: 'running',
  rawStatus: 'in_progress',
  capabilities: { canCancel: true, canFinalize: false },
};

describe('CheckReporter', () => {
  it('never has two progress updates in flight and waits for the last before completing', async () => {
    const clock = new FakeClock();
    const github = new FakeGitHub();
    const pending: Array<() => void> = [];
    const order: string[] = [];
    const update = github.updateCheck.bind(github);
    github.updateCheck = async (id: number, request: UpdateCheckRequest) => {
      order.push(`start ${request.status}`);
      if (request.status === 'in_progress') await new Promise<void>((resolve) => pending.push(resolve));
      await update(id, request);
      order.push(`end ${request.status}`);
    };
    const reporter = new CheckReporter({ github, clock, logger: new MemoryLogger(), checkName: 'c', sha: 's', isFork: false });
    await reporter.start(running);
    clock.current += 60_000;
    reporter.progress(running);
    clock.current += 60_000;
    reporter.progress(running);
    reporter.progress(running);
    expect(pending).toHaveLength(1);
    const completing = reporter.complete('success', { title: 't', summary: 's' });
    await Promise.resolve();
    expect(order).toEqual(['start in_progress']);
    pending[0]!();
    await completing;
    expect(order).toEqual(['start in_progress', 'end in_progress', 'start completed', 'end completed']);
  });

  it('updates on a status change or a new tenth (10 s apart), else once a minute, within a budget whatever the duration', async () => {
    const clock = new FakeClock();
    const github = new FakeGitHub();
    const reporter = new CheckReporter({ github, clock, logger: new MemoryLogger(), checkName: 'c', sha: 's', isFork: false });
    const at = (fraction: number, status: Evaluation['status'] = 'running', rawStatus = 'in_progress'): Evaluation => ({
      ...running,
      status,
      rawStatus,
      progress: { fraction },
    });
    const updates = () => github.checks[0]!.history.length - 1;
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    await reporter.start(at(0, 'queued', 'queued'));
    clock.current += 10_000;
    reporter.progress(at(0.01, 'queued', 'queued'));
    await settle();
    expect(updates()).toBe(0);
    reporter.progress(at(0.01));
    await settle();
    expect(updates()).toBe(1);
    clock.current += 10_000;
    reporter.progress(at(0.05));
    await settle();
    expect(updates()).toBe(1);
    reporter.progress(at(0.12));
    await settle();
    expect(updates()).toBe(2);
    // Two hours of polls every 5 s with progress crawling: never more than the budget.
    for (let poll = 0; poll < 1440; poll++) {
      clock.current += 5_000;
      reporter.progress(at(0.12 + (0.88 * poll) / 1440));
      await settle();
    }
    expect(updates()).toBe(PROGRESS_UPDATE_BUDGET);
  });

  it('creates the check completed at the end when creating it at the start failed transiently', async () => {
    const clock = new FakeClock();
    const github = new FakeGitHub();
    github.refuse('createCheck', 500);
    const logger = new MemoryLogger();
    const reporter = new CheckReporter({ github, clock, logger, checkName: 'c', sha: 's', isFork: false });
    await reporter.start(running);
    expect(reporter.id).toBeUndefined();
    await reporter.complete('failure', { title: 't', summary: 's' }, 'e/r');
    expect(github.checks).toEqual([expect.objectContaining({ status: 'completed', conclusion: 'failure', externalId: 'e/r' })]);
    expect(reporter.warning).toBeUndefined();
  });

  it('truncates a summary over 65535 characters', async () => {
    const github = new FakeGitHub();
    const reporter = new CheckReporter({ github, clock: new FakeClock(), logger: new MemoryLogger(), checkName: 'c', sha: 's', isFork: false });
    await reporter.start(running);
    await reporter.complete('success', { title: 't', summary: 'x'.repeat(70_000) });
    expect(github.checks[0]!.output!.summary.length).toBeLessThanOrEqual(65_535);
    expect(github.checks[0]!.output!.summary).toContain('truncated');
  });
});
