// OpenAI's rows into its settings: the eval id and the data source (inline JSON with a "type", or a file's path).
import { jsonObject } from '../../settings/fields.js';
import type { InputProblem } from '../../settings/input-error.js';
import type { SettingsCheck } from '../gate-provider.js';
import { OPENAI_SETTINGS } from './settings.js';
import type { DataSourceInput, OpenAISettings } from './types.js';

export function parseOpenAISettings({ values, require, report }: SettingsCheck<typeof OPENAI_SETTINGS>): OpenAISettings | undefined {
  require('eval-id', 'for provider openai (the eval whose run is created, e.g. eval_abc123)');
  require('data-source', 'for provider openai (the run data_source as JSON, or a path to a JSON file)');
  const evalId = values['eval-id'];
  const rawSource = values['data-source'];
  if (evalId === undefined || rawSource === undefined) return undefined;
  const dataSource = parseDataSource(rawSource, report);
  return dataSource && { provider: 'openai', evalId, dataSource };
}

/** Inline JSON when it looks like an object, otherwise a path read at run time. */
function parseDataSource(raw: string, report: (problem: InputProblem) => void): DataSourceInput | undefined {
  if (!raw.startsWith('{')) return { kind: 'file', path: raw };
  const parsed = jsonObject.safeParse(raw);
  if (!parsed.success || parsed.data === undefined) {
    report({ input: 'data-source', message: parsed.success ? 'is empty' : (parsed.error.issues[0]?.message ?? 'is invalid') });
    return undefined;
  }
  if (typeof parsed.data.type !== 'string') {
    report({ input: 'data-source', message: 'must have a "type", e.g. {"type":"jsonl","source":{...}}' });
    return undefined;
  }
  return { kind: 'inline', value: parsed.data };
}
