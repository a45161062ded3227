// The public surface of @evalgate/core: domain types, the client factory and the errors.
export * from './domain/evaluation.js';
export * from './domain/requests.js';
export * from './domain/client.js';
export * from './domain/samples.js';
export * from './errors.js';
export { createClient } from './create-client.js';
export { aggregateScores } from './domain/scores.js';
export { normalizeStatus, PROVIDER_NAMES, providers, providerNames, type ProviderInfo } from './providers/registry.js';
export { isLoopbackHost } from './client-options.js';
export { formatScore, formatScores, formatScoreWith, scoreDecimals, scoreFormatter, MIN_SCORE_DECIMALS, MAX_SCORE_DECIMALS } from './format/score.js';
export { progressFraction } from './wait-schedule.js';
