// OpenAI Evals in the gate: a run of the configured eval.
import type { GateProvider } from '../gate-provider.js';
import { readOpenAIFiles } from './files.js';
import { openaiLostCreate, type OpenAITarget } from './lost-create.js';
import { parseOpenAISettings } from './parse.js';
import { OPENAI_SETTINGS } from './settings.js';
import type { OpenAISettings } from './types.js';

export const openaiGate = {
  name: 'openai',
  settings: OPENAI_SETTINGS,
  parseSettings: parseOpenAISettings,
  readFiles: readOpenAIFiles,
  createRequest: (settings, resolved, name, tags) => ({
    provider: 'openai',
    evalId: settings.evalId,
    name,
    dataSource: resolved.dataSource ?? {},
    metadata: tags.metadata,
  }),
  listScope: (settings) => ({ evalId: settings.evalId }),
  lostCreate: openaiLostCreate,
} as const satisfies GateProvider<OpenAISettings, typeof OPENAI_SETTINGS, OpenAITarget>;
