import type { GateProvider } from '../gate-provider.js';

export const openaiGate: GateProvider<'openai'> = {
  createRequest: (settings, resolved, name, tags) => ({
    provider: 'openai',
    evalId: settings.evalId,
    name,
    dataSource: resolved.dataSource ?? {},
    metadata: tags.metadata,
  }),
  listScope: (settings) => ({ evalId: settings.evalId }),
};
