// issue 9 items 3, 6, 11: provider text is untrusted. A provider that echoes the API key, sends markdown/HTML in its
// error message and a javascript: report URL must not get any of it published as is.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeWorkDir, runAction } from '../support/action-process.js';
import { PROVIDER_KEY, startE2E, type E2E } from '../support/e2e-env.js';
import { startProviderProxy, type ProviderProxy } from '../support/provider-proxy.js';

const HOSTILE_ERROR = `key ${PROVIDER_KEY} rejected <img src=x onerror=alert(1)> ![pwn](https://evil.example/p.png) [click](javascript:alert(1)) @octocat \`rm -rf\` | a | b ) https://evil.example/x <!-- hide`;
const HOSTILE_URL = `javascript:alert('${PROVIDER_KEY}')`;

/** Adds the hostile fields to every Prime evaluation in an answer. */
function poison(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(poison);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, poison(item)]));
  return 'evaluation_id' in entries ? { ...entries, error_message: HOSTILE_ERROR, viewer_url: HOSTILE_URL } : entries;
}

let env: E2E;
let proxy: ProviderProxy;
beforeEach(async () => {
  env = await startE2E();
  env.emulator.configure({ durationMs: 600, outcome: 'failed', scores: [0.4, 0.5] });
  proxy = await startProviderProxy({ target: env.emulator.url, rewrite: (_request, body) => poison(body) });
});
afterEach(async () => {
  await proxy.close();
  await env.close();
});

describe('provider text that reaches GitHub', () => {
  it('is redacted, escaped and never linked unless https; outputs stay safe to interpolate', async () => {
    const run = await runAction({
      inputs: env.inputs('prime', { 'base-url': proxy.url, 'badge-path': 'badges/eval.svg' }),
      githubApiUrl: env.github.url,
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(1);
    const check = env.github.checkRuns[0]!;
    const comment = env.github.comments.find((candidate) => candidate.issue_number === 7)!;
    const published = [check.output.summary, check.output.title, comment.body, run.summary];

    // [3] the echoed key is nowhere: check, comment, summary, outputs, badge, log.
    const badge = await readFile(join(run.workDir, 'badges/eval.json'), 'utf8');
    const everything = [
      ...env.github.requests.map((request) => JSON.stringify(request)),
      ...Object.values(run.files),
      badge,
      run.stdout.replace(/^::add-mask::.*$/gm, ''),
      run.stderr,
    ];
    for (const text of everything) expect(text).not.toContain(PROVIDER_KEY);
    expect(check.output.summary).toContain('key *** rejected');

    // [6] no HTML, image, link, mention or comment survives; the text is still there to read.
    for (const text of published) {
      expect(text).not.toMatch(/<img|<!-- hide/);
      expect(text).not.toContain('![pwn](');
      // An escaped bracket (\]) cannot close a link text.
      expect(text).not.toMatch(/(?<!\\)\]\(javascript:/);
      expect(text).not.toMatch(/@octocat/);
      expect(text).not.toContain('https://evil.example');
    }
    expect(check.output.summary).toContain('&lt;img src=x onerror=alert(1)>');
    expect(check.output.summary).toContain('@\u200Boctocat');
    expect(check.output.summary).toContain('\\| a \\| b');
    expect(check.output.summary).toContain('not linked: not an https URL');
    expect(check.details_url ?? null).toBeNull();

    // [11] outputs: the URL is not https, so it is dropped with a warning; the id is a safe one and kept.
    expect(run.outputs['report-url']).toBe('');
    expect(run.stdout).toMatch(/::warning::The provider returned a report URL that is not https/);
    expect(run.outputs['evaluation-id']).toMatch(/^[A-Za-z0-9._:/-]+$/);
    expect(JSON.parse(run.outputs['result-json']!)).toMatchObject({ reportUrl: null, status: 'failed', gate: 'inconclusive' });
    await removeWorkDir(run);
  });

  it('a loopback http report URL from the provider is linked and passed on', async () => {
    const run = await runAction({ inputs: env.inputs('prime'), githubApiUrl: env.github.url });
    expect(run.outputs['report-url']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(env.github.checkRuns[0]!.details_url).toBe(run.outputs['report-url']);
    await removeWorkDir(run);
  });
});
