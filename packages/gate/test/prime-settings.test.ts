// The Prime hosted-run settings: validation naming the setting, and the complete eval_config the request builder sends.
import { describe, expect, it } from 'vitest';
import { createRequest } from '../src/evaluation/request.js';
import { PRIME_HOSTED_INPUTS } from '../src/providers/prime/hosted.js';
import { parseSamples } from '../src/providers/prime/samples.js';
import { PRIME_SETTINGS } from '../src/providers/prime/settings.js';
import { InputError, parseSettings as parseInputs } from '../src/settings/parse.js';
import type { RawSettings as RawInputs } from '../src/settings/spec.js';

const PRIME_HOSTED_DEFAULTS = Object.fromEntries(PRIME_HOSTED_INPUTS.map((input) => [input, Number(PRIME_SETTINGS[input].default)]));

const KEY = 'prime-key-123456';
const hosted: RawInputs = { provider: 'prime', 'api-key': KEY, environments: 'gsm8k', 'inference-model': 'llama' };
const TAGS = { tags: ['evalgate'], metadata: { evalgate: '1' } };

function problemsOf(raw: RawInputs): string {
  try {
    parseInputs(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  return '';
}

describe('Prime hosted inputs', () => {
  it('the request builder sends the complete eval_config: defaults, or the inputs, plus eval-config keys', () => {
    const withDefaults = parseInputs(hosted);
    expect(createRequest({ settings: withDefaults.settings }, 'run', TAGS)).toEqual({
      provider: 'prime',
      name: 'run',
      isHosted: true,
      environments: [{ id: 'gsm8k' }],
      inferenceModel: 'llama',
      evalConfig: { num_examples: 5, rollouts_per_example: 3, timeout_minutes: 120 },
      tags: ['evalgate'],
      metadata: { evalgate: '1' },
    });
    const custom = parseInputs({
      ...hosted,
      'num-examples': '-1',
      'rollouts-per-example': '2048',
      'hosted-timeout-minutes': '1440',
      'eval-config': '{"sampling_args":{"temperature":0},"allow_sandbox_access":true}',
    });
    expect(createRequest({ settings: custom.settings }, 'run', TAGS)).toMatchObject({
      evalConfig: { num_examples: -1, rollouts_per_example: 2048, timeout_minutes: 1440, sampling_args: { temperature: 0 }, allow_sandbox_access: true },
    });
  });

  it('a samples-file run names its model in modelName and sends no eval_config', () => {
    const inputs = parseInputs({ provider: 'prime', 'api-key': KEY, 'samples-file': 's.jsonl', 'inference-model': 'mine', environments: 'gsm8k@1.0' });
    expect(createRequest({ settings: inputs.settings, samples: [] }, 'run', TAGS)).toEqual({
      provider: 'prime',
      name: 'run',
      isHosted: false,
      environments: [{ id: 'gsm8k', versionId: '1.0' }],
      modelName: 'mine',
      tags: ['evalgate'],
      metadata: { evalgate: '1' },
    });
  });

  it.each([
    [{ 'num-examples': '0' }, 'Input "num-examples" must be a whole number of examples (1 or more), or -1 for all'],
    [{ 'num-examples': '2.5' }, 'Input "num-examples" must be a whole number of examples per environment, or -1 for all (got "2.5")'],
    [{ 'num-examples': '-2' }, 'Input "num-examples" must be a whole number'],
    [{ 'rollouts-per-example': '0' }, 'Input "rollouts-per-example" must be a whole number from 1 to 2048 (got "0")'],
    [{ 'rollouts-per-example': '4096' }, 'Input "rollouts-per-example" must be a whole number from 1 to 2048'],
    [{ 'hosted-timeout-minutes': '60' }, 'Input "hosted-timeout-minutes" must be whole minutes from 120 to 1440 (Prime\'s limits) (got "60")'],
    [{ 'eval-config': '{"num_examples":5}' }, 'Input "eval-config" must not set num_examples: use the num-examples input instead'],
    [{ 'eval-config': '{"timeout_minutes":600}' }, 'Input "eval-config" must not set timeout_minutes: use the hosted-timeout-minutes input instead'],
    [{ 'eval-config': '{"temprature":0.1}' }, 'Input "eval-config" has unknown key(s) temprature; Prime\'s eval_config takes env_args, '],
    // zod's own words (its English locale: zod/mini loads none by itself).
    [{ 'eval-config': '{"max_concurrent":0}' }, 'Input "eval-config" key max_concurrent Too small: expected number to be >=1'],
    [{ 'eval-config': '{"verbose":"yes"}' }, 'Input "eval-config" key verbose expected boolean, received string'],
    [{ environments: 'gsm8k, math' }, 'Input "environments" takes one environment for a hosted prime evaluation'],
    [
      { environments: 'gsm8k@1.2' },
      'Input "environments" takes an environment id without a version for a hosted prime evaluation (Prime\'s hosted runs take environment_ids only); use "gsm8k"',
    ],
  ])('rejects %j naming the input and the fix', (extra, message) => {
    expect(problemsOf({ ...hosted, ...extra })).toContain(message);
  });

  it('never echoes eval-config values (custom_secrets may hold secrets)', () => {
    const message = problemsOf({ ...hosted, 'eval-config': '{"custom_secrets":{"TOKEN":42}}' });
    expect(message).toContain('Input "eval-config" key custom_secrets.TOKEN');
    expect(message).not.toContain('42');
  });

  it('the defaults the runner passes for other providers are accepted; a changed value is out of place', () => {
    const openai = { provider: 'openai', 'api-key': KEY, 'eval-id': 'eval_1', 'data-source': '{"type":"jsonl"}' };
    const runnerDefaults = Object.fromEntries(Object.entries(PRIME_HOSTED_DEFAULTS).map(([input, value]) => [input, String(value)]));
    expect(() => parseInputs({ ...openai, ...runnerDefaults })).not.toThrow();
    expect(problemsOf({ ...openai, 'num-examples': '10' })).toContain('Input "num-examples" only applies to a hosted prime evaluation');
    expect(problemsOf({ provider: 'prime', 'api-key': KEY, 'samples-file': 's.jsonl', 'rollouts-per-example': '7' })).toContain(
      'Input "rollouts-per-example" only applies to a hosted prime evaluation',
    );
  });

  it('samples-file lines may score by reward or score; a non-numeric one names the line', () => {
    expect(parseSamples('{"reward": 1, "prompt": "q"}\n\n{"score": 0.5}\n', 's.jsonl')).toEqual([{ reward: 1, prompt: 'q' }, { score: 0.5 }]);
    expect(() => parseSamples('{"reward": 1}\n{"reward": "high"}', 's.jsonl')).toThrow(
      'Input "samples-file" line 2 of s.jsonl must be a JSON object whose "reward" and "score", when present, are numbers',
    );
  });
});
