// Prime Intellect Evaluations in the gate: a hosted run or pushed samples.
import type { GateProvider } from '../gate-provider.js';
import { readPrimeFiles } from './files.js';
import { primeLostCreate, type PrimeTarget } from './lost-create.js';
import { hostedNumbersOutOfPlace, parsePrimeSettings } from './parse.js';
import { primeCreateRequest } from './request.js';
import { PRIME_SETTINGS } from './settings.js';
import type { PrimeSettings } from './types.js';

export const primeGate = {
  name: 'prime',
  settings: PRIME_SETTINGS,
  parseSettings: parsePrimeSettings,
  defaultedRowProblems: hostedNumbersOutOfPlace,
  readFiles: readPrimeFiles,
  // The samples' content counts (the resolved samples are fingerprinted), not the path they were read from.
  fingerprintSettings: (settings) => (settings.mode === 'samples' ? { ...settings, samplesFile: undefined } : settings),
  createRequest: (settings, _resolved, name, tags) => primeCreateRequest(settings, name, tags),
  listScope: () => ({}),
  lostCreate: primeLostCreate,
} as const satisfies GateProvider<PrimeSettings, typeof PRIME_SETTINGS, PrimeTarget>;
