import { describe, expect, it } from 'vitest';
import { decideOutcome } from '../src/outcome/decide.js';
import { renderDotenv } from '../src/output/dotenv.js';
import { renderJUnit } from '../src/output/junit.js';
import { renderOutcomeMarkdown } from '../src/output/markdown.js';
import { badgePaths } from '../src/output/reports.js';
import { envName, gateSettingNames } from '@evalgate/gate';
import { evaluation } from './support/evaluation.js';
import { junitSchemaErrors } from './support/junit-schema.js';

const timing = { startedAt: Date.UTC(2026, 0, 2, 3, 4, 5), durationMs: 61_500 };
const hostile = 'x" onload="1 <b>&amp;</b>\u0000\u0007\nline2 ]]> \uD800 ![a](javascript:alert(1)) `code` | pipe';

describe('JUnit report', () => {
  it('validates against the JUnit XSD with one test case per threshold and the samples summarized', async () => {
    const xml = renderJUnit(decideOutcome(evaluation(), { minAvgScore: 0.9, minMinScore: 0.4 }, timing), 'ci-runner-7');
    expect(await junitSchemaErrors(xml)).toEqual([]);
    expect(xml).toContain(
      '<testsuite name="evalgate nightly" timestamp="2026-01-02T03:04:05" hostname="ci-runner-7" tests="2" failures="1" errors="0" skipped="0" time="61.500">',
    );
    expect(xml).toContain('<testcase name="min-avg-score 0.9" classname="evalgate.prime" time="61.500">');
    expect(xml).toContain('<failure message="avg 0.80 &lt; 0.9 (min-avg-score)" type="threshold">');
    expect(xml).toContain('<testcase name="min-min-score 0.4" classname="evalgate.prime" time="61.500"/>');
    expect(xml).toContain('<system-out>evaluation ev_1 (prime) completed\nsamples: 10\navg: 0.80\nmin: 0.50\nmax: 1.00');
  });

  it('escapes provider text and drops characters XML cannot hold, and still validates', async () => {
    const outcome = decideOutcome(
      evaluation({ name: hostile, id: hostile, status: 'failed', rawStatus: 'FAILED', errorMessage: hostile, reportUrl: `https://x.test/?a=1&b=${hostile}` }),
      { minAvgScore: 0.5 },
      timing,
    );
    const xml = renderJUnit(outcome, 'host');
    expect(await junitSchemaErrors(xml)).toEqual([]);
    expect(xml).not.toContain('<b>');
    expect(xml).not.toContain('\u0000');
    expect(xml).toContain('x&quot; onload=&quot;1 &lt;b&gt;&amp;amp;&lt;/b&gt;');
    expect(xml).toContain('errors="1"');
  });

  it('is checked by a validator that does reject a report the CI systems could not read', async () => {
    const valid = renderJUnit(decideOutcome(evaluation(), {}, timing), 'h');
    expect(await junitSchemaErrors(valid.replace('  <system-err></system-err>\n', ''))).not.toEqual([]);
    expect(await junitSchemaErrors(valid.replace(' tests="1"', ''))).not.toEqual([]);
  });

  it('reports a completed evaluation without thresholds as one passing test case', async () => {
    const xml = renderJUnit(decideOutcome(evaluation(), {}, timing), 'h');
    expect(await junitSchemaErrors(xml)).toEqual([]);
    expect(xml).toContain('tests="1" failures="0" errors="0"');
  });
});

describe('dotenv report', () => {
  it('holds KEY=value lines GitLab accepts, whatever the provider sent', () => {
    const text = renderDotenv(decideOutcome(evaluation({ id: hostile, reportUrl: `https://x.test/r?a=1&b="2"\nEVIL=1` }), { minAvgScore: 0.5 }, timing));
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.length).toBeLessThanOrEqual(20);
    expect(Buffer.byteLength(text)).toBeLessThan(5 * 1024);
    for (const line of lines) expect(line).toMatch(/^EVALGATE_[A-Z_]+=[A-Za-z0-9 ._:/?&=%+@,~-]*$/);
    expect(lines).toContain('EVALGATE_GATE=pass');
    expect(lines).toContain('EVALGATE_AVG_SCORE=0.80');
    expect(lines.filter((line) => line.startsWith('EVIL'))).toEqual([]);
  });

  it('never sets a variable that configures evalgate in a later job', () => {
    const names = renderDotenv(decideOutcome(evaluation(), {}, timing))
      .trim()
      .split('\n')
      .map((line) => line.split('=')[0]);
    for (const name of gateSettingNames()) expect(names).not.toContain(envName(name));
  });
});

describe('Markdown summary', () => {
  it('escapes provider text so it cannot add links or markup', () => {
    const markdown = renderOutcomeMarkdown(decideOutcome(evaluation({ name: hostile, reportUrl: 'javascript:alert(1)' }), {}, timing));
    expect(markdown).not.toContain('![a](');
    expect(markdown).toContain('!\\[a\\](javascript:alert(1))');
    expect(markdown).not.toContain('Open the report');
    expect(markdown).not.toContain('<b>');
  });
});

describe('--badge', () => {
  it('writes x.svg and x.json from either name, and refuses other names', () => {
    expect(badgePaths('out/evalgate.svg')).toEqual({ svg: 'out/evalgate.svg', json: 'out/evalgate.json' });
    expect(badgePaths('out/evalgate.json')).toEqual({ svg: 'out/evalgate.svg', json: 'out/evalgate.json' });
    expect(() => badgePaths('out/evalgate.png')).toThrow(/Invalid --badge.*Fix: e.g. --badge public\/evalgate.svg/);
  });
});
