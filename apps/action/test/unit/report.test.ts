import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDelta, formatScore, progressTitle, resultTitle, statusLine } from '@evalgate/gate';
import { renderBadge } from '../../src/publish/badge.js';
import { contextFromEvent } from '../../src/github/event.js';
import { listSections, upsertSection } from '../../src/publish/comment.js';
import { GITHUB_TEXT_LIMIT, truncateForGitHub } from '../../src/publish/truncate.js';

describe('truncateForGitHub', () => {
  it('leaves short text alone and cuts long text under the limit with a notice', () => {
    expect(truncateForGitHub('short')).toBe('short');
    const long = Array.from({ length: 20_000 }, (_, index) => `| row ${index} | é 😀 |`).join('\n');
    const cut = truncateForGitHub(long);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(GITHUB_TEXT_LIMIT);
    expect(cut).toMatch(/… truncated: \d+ more characters did not fit GitHub's limit\.$/);
  });

  it('never exceeds the limit (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 3000 }), fc.integer({ min: 200, max: 2000 }), (text, limit) => {
        const cut = truncateForGitHub(text, limit);
        expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(limit);
        if (Buffer.byteLength(text) <= limit) expect(cut).toBe(text);
      }),
    );
  });
});

describe('comment sections', () => {
  it('keeps other sections when one is updated', () => {
    const first = upsertSection(undefined, 'a', 'A1');
    const both = upsertSection(first, 'b', 'B1');
    const updated = upsertSection(both, 'a', 'A2');
    expect(listSections(updated)).toEqual(['a', 'b']);
    expect(updated).toContain('A2');
    expect(updated).not.toContain('A1');
    expect(updated).toContain('B1');
  });
});

describe('titles and formats', () => {
  it('formats the title and deltas', () => {
    const base = { provider: 'prime' as const, id: 'x', name: 'x', rawStatus: 'COMPLETED', capabilities: { canCancel: false, canFinalize: true } };
    expect(resultTitle('completed', { ...base, status: 'completed', scores: { avg: 0.8234, min: 0.41, max: 0.97, count: 200 } })).toBe(
      'avg 0.82 · min 0.41 · max 0.97 (n=200)',
    );
    expect(progressTitle({ ...base, status: 'running', progress: { fraction: 0.45, completed: 9, total: 20 } })).toBe('Running · 45% (9/20)');
    expect(progressTitle({ ...base, status: 'unknown', rawStatus: 'ARCHIVING' })).toBe('Status "ARCHIVING"');
    expect(progressTitle({ ...base, status: 'completed', rawStatus: 'READY' })).toBe('Completed');
    expect(statusLine({ ...base, status: 'running', rawStatus: 'IN_PROGRESS', progress: { fraction: 0.45, completed: 9, total: 20 } })).toBe(
      'running (provider: "IN_PROGRESS") · 45% (9/20)',
    );
    expect(resultTitle('failed', { ...base, status: 'failed', progress: { total: 40 }, scores: { avg: 0.4612, min: 0.04, max: 0.83, count: 20 } })).toBe(
      'failed after 20/40 · avg 0.46 over completed items',
    );
    expect(resultTitle('timed_out', { ...base, status: 'running' })).toBe('Evaluation timed out');
    expect(formatDelta(-0.03)).toBe('−0.03');
    expect(formatDelta(0.001)).toBe('+0.001');
    expect(formatDelta(0)).toBe('±0.00');
    expect(formatScore(0.004)).toBe('0.004');
  });

  it('renders a badge coloured by the gate', () => {
    const badge = renderBadge('evals', 'pass', { avg: 0.9, min: 0.5, max: 1, count: 3 }, 'completed');
    expect(JSON.parse(badge.json)).toEqual({ schemaVersion: 1, label: 'evals', message: 'pass · avg 0.90', color: 'brightgreen' });
    expect(badge.svg).toContain('pass · avg 0.90');
    expect(JSON.parse(renderBadge('evals', 'inconclusive', undefined, 'timed_out').json)).toMatchObject({ message: 'timed out', color: 'lightgrey' });
  });
});

describe('contextFromEvent', () => {
  const pr = {
    pull_request: {
      number: 7,
      head: { sha: 'headsha1234', ref: 'feat', repo: { full_name: 'fork/widgets' } },
      base: { ref: 'main', repo: { full_name: 'acme/widgets' } },
    },
  };
  it('uses the PR head SHA, never the merge SHA', () => {
    const context = contextFromEvent({ eventName: 'pull_request', payload: pr, repository: 'acme/widgets', sha: 'mergesha', runId: '9' });
    expect(context).toMatchObject({
      sha: 'headsha1234',
      prNumber: 7,
      ref: 'feat',
      baseRef: 'main',
      isFork: true,
      runUrl: 'https://github.com/acme/widgets/actions/runs/9',
    });
  });
  it('uses the pushed SHA for push and workflow_dispatch', () => {
    expect(contextFromEvent({ eventName: 'push', payload: { after: 'pushed123' }, repository: 'a/b', sha: 'x', ref: 'refs/heads/main' })).toMatchObject({
      sha: 'pushed123',
      ref: 'main',
    });
    expect(
      contextFromEvent({
        eventName: 'push',
        payload: { after: 'p1', repository: { default_branch: 'trunk' } },
        repository: 'a/b',
        ref: 'refs/heads/trunk',
        serverUrl: 'https://ghe.example.com/',
      }),
    ).toMatchObject({ ref: 'trunk', defaultBranch: 'trunk', serverUrl: 'https://ghe.example.com' });
    expect(contextFromEvent({ eventName: 'workflow_dispatch', payload: {}, repository: 'a/b', sha: 'dispatch1', ref: 'refs/heads/dev' })).toMatchObject({
      sha: 'dispatch1',
      ref: 'dev',
    });
  });
  it('names what is missing', () => {
    expect(() => contextFromEvent({ eventName: 'push', payload: {}, repository: 'nope' })).toThrow('GITHUB_REPOSITORY must be "owner/repo"');
    expect(() => contextFromEvent({ eventName: 'pull_request', payload: {}, repository: 'a/b' })).toThrow('has no pull_request');
  });
});
