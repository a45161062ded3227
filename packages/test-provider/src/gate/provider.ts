// Acme in the gate: one suite against one model, labelled with our tags; registered by `../register-gate.ts`.
import type { GateProvider } from '@evalgate/gate/testing';
import { acmeLostCreate, type AcmeTarget } from './lost-create.js';
import { parseAcmeSettings } from './parse.js';
import { ACME_SETTINGS } from './settings.js';
import type { AcmeSettings } from './types.js';

export const acmeGate: GateProvider<AcmeSettings, typeof ACME_SETTINGS, AcmeTarget> = {
  name: 'acme',
  settings: ACME_SETTINGS,
  parseSettings: parseAcmeSettings,
  createRequest: (settings, _resolved, _name, tags) => ({ provider: 'acme', suite: settings.suite, model: settings.model, labels: tags.metadata }),
  listScope: () => ({}),
  lostCreate: acmeLostCreate,
};
