import type { ProviderDefinition } from '../definition.js';
import { OPENAI_CAPABILITIES } from './capabilities.js';
import { OpenAIClient } from './openai-client.js';
import type { OpenAICreateRequest } from './request.js';
import { OPENAI_STATUS_TABLE } from './statuses.js';

export const openaiProvider: ProviderDefinition<'openai', OpenAICreateRequest> = {
  name: 'openai',
  label: 'OpenAI Evals',
  defaultBaseUrl: 'https://api.openai.com/v1',
  capabilities: OPENAI_CAPABILITIES,
  statusTable: OPENAI_STATUS_TABLE,
  createClient: (context) => new OpenAIClient(context),
};
