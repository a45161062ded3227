import type { RequestOf } from '../providers/definition.js';
import type { PROVIDERS } from '../providers/registry.js';
import type { TestProviders } from '../testing.js';

// Each provider folder owns its request type; they are re-exported here under their public names.
export type { PrimeCreateRequest, PrimeSample } from '../providers/prime/request.js';
export type { OpenAICreateRequest } from '../providers/openai/request.js';
export type { NugenCreateRequest } from '../providers/nugen/request.js';

/** What a caller asks a provider to create: one variant per registered provider, told apart by `provider`. */
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- the test-only part is `never` in every build and in this package's own program; tests elsewhere fill it
export type CreateEvaluationRequest = RequestOf<(typeof PROVIDERS)[number]> | TestProviders[keyof TestProviders];
