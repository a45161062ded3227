import { describe, expect, it } from 'vitest';
import { gateSettings, secretValuesOf } from '../src/index.js';

describe('the secret values a host masks', () => {
  const table = gateSettings();

  it('are the raw values of every setting marked secret, and nothing else', () => {
    const raw = { 'api-key': ' pk_live_1234 ', 'data-source': '{"type":"jsonl","source":{"url":"https://x/?sig=abcd1234"}}', 'model-id': 'not-a-secret' };
    expect(secretValuesOf(raw, table)).toEqual(['pk_live_1234', raw['data-source']]);
  });

  it("include each string of Prime's eval_config.custom_secrets besides the whole eval-config", () => {
    const evalConfig = JSON.stringify({ custom_secrets: { HF_TOKEN: 'hf_abcdef', WANDB: 'wb_123456' }, env_args: { split: 'test' } });
    expect(secretValuesOf({ 'eval-config': evalConfig }, table)).toEqual([evalConfig, 'hf_abcdef', 'wb_123456']);
  });

  it('never throw on an eval-config that is not JSON or has no custom_secrets: the whole value is still masked', () => {
    expect(secretValuesOf({ 'eval-config': '{not json' }, table)).toEqual(['{not json']);
    expect(secretValuesOf({ 'eval-config': '{"custom_secrets": null}' }, table)).toEqual(['{"custom_secrets": null}']);
    expect(secretValuesOf({ 'eval-config': '[1, 2]' }, table)).toEqual(['[1, 2]']);
    expect(secretValuesOf({}, table)).toEqual([]);
  });
});
