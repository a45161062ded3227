import type { ProviderDefinition } from '../definition.js';
import { NUGEN_CAPABILITIES } from './capabilities.js';
import { NugenClient } from './nugen-client.js';
import type { NugenCreateRequest } from './request.js';
import { NUGEN_STATUS_TABLE } from './statuses.js';

export const nugenProvider: ProviderDefinition<'nugen', NugenCreateRequest> = {
  name: 'nugen',
  label: 'Nugen Evaluations',
  defaultBaseUrl: 'https://api.nugen.in',
  capabilities: NUGEN_CAPABILITIES,
  statusTable: NUGEN_STATUS_TABLE,
  createClient: (context) => new NugenClient(context),
};
