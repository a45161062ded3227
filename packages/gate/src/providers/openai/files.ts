// The run's data source: inline, or read from the file data-source names when the run starts.
import type { Files } from '../../ports.js';
import { InputError } from '../../settings/input-error.js';
import type { ResolvedFiles } from '../gate-provider.js';
import type { OpenAISettings } from './types.js';

export async function readOpenAIFiles(settings: OpenAISettings, files: Files): Promise<ResolvedFiles> {
  if (settings.dataSource.kind === 'inline') return { dataSource: settings.dataSource.value };
  const path = settings.dataSource.path;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await files.read(path));
  } catch (error) {
    throw new InputError([{ input: 'data-source', message: `must be JSON or a readable JSON file; ${path}: ${(error as Error).message}` }]);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || typeof (parsed as { type?: unknown }).type !== 'string') {
    throw new InputError([{ input: 'data-source', message: `${path} must hold a JSON object with a "type"` }]);
  }
  return { dataSource: parsed as Record<string, unknown> };
}
