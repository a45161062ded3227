import type { ProviderDefinition } from '../definition.js';
import { PRIME_CAPABILITIES } from './capabilities.js';
import { PrimeClient } from './prime-client.js';
import type { PrimeCreateRequest } from './request.js';
import { PRIME_STATUS_TABLE } from './statuses.js';

export const primeProvider: ProviderDefinition<'prime', PrimeCreateRequest> = {
  name: 'prime',
  label: 'Prime Intellect Evaluations',
  defaultBaseUrl: 'https://api.primeintellect.ai',
  capabilities: PRIME_CAPABILITIES,
  statusTable: PRIME_STATUS_TABLE,
  createClient: (context) => new PrimeClient(context),
};
