// Nugen Evaluations in the gate: a model on a benchmark, optionally compared with a second model.
import type { GateProvider } from '../gate-provider.js';
import { comparisonBaseline } from './baseline.js';
import { nugenLostCreate, type NugenTarget } from './lost-create.js';
import { parseNugenSettings } from './parse.js';
import { nugenCreateRequest } from './request.js';
import { NUGEN_SETTINGS } from './settings.js';
import type { NugenSettings } from './types.js';

export const nugenGate = {
  name: 'nugen',
  settings: NUGEN_SETTINGS,
  parseSettings: parseNugenSettings,
  createRequest: (settings) => nugenCreateRequest(settings),
  listScope: () => ({}),
  lostCreate: nugenLostCreate,
  ownBaseline: { setting: 'baseline-model-id', lookup: comparisonBaseline },
} as const satisfies GateProvider<NugenSettings, typeof NUGEN_SETTINGS, NugenTarget>;
