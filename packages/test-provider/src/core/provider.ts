import type { ProviderDefinition } from '@evalgate/core/testing';
import { AcmeClient } from './acme-client.js';
import { ACME_CAPABILITIES } from './capabilities.js';
import type { AcmeCreateRequest } from './request.js';
import { ACME_STATUS_TABLE } from './statuses.js';

/** The test-only fourth provider: one folder, registered by `../register-core.ts`; no build ships it. */
export const acmeProvider: ProviderDefinition<'acme', AcmeCreateRequest> = {
  name: 'acme',
  label: 'Acme Evals (test only)',
  defaultBaseUrl: 'https://api.acme.invalid',
  capabilities: ACME_CAPABILITIES,
  statusTable: ACME_STATUS_TABLE,
  createClient: (context) => new AcmeClient(context),
};
