import type { OpenAICreateRequest } from '../../domain/requests.js';
import type { OpenAIRunWire } from './wire.js';

/**
 * A new run of the same eval with the same `data_source` (GET run returns it in the shape create takes: its three
 * `CreateEval…RunDataSource` variants) and name; undefined when the run came back without a typed data_source.
 * Metadata is not copied: it says who started the original (the Action re-attaches by it).
 */
export function openAIRerunRequest(run: OpenAIRunWire): OpenAICreateRequest | undefined {
  const dataSource = run.data_source;
  if (!dataSource || typeof dataSource.type !== 'string') return undefined;
  return {
    provider: 'openai',
    evalId: run.eval_id,
    ...(run.name ? { name: run.name } : {}),
    dataSource: { ...dataSource },
  };
}
