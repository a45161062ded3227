import type { ExtensionProvider } from '../../../../src/logic/providers/extension-provider.js';
import { required } from '../../../../src/logic/start/start-field.js';

/** The extension's part of Acme: one folder, registered by `../test-registry.ts`; no build ships it. */
export const acmeExtension: ExtensionProvider = {
  name: 'acme',
  hint: 'jobs',
  baseUrlPrompt: 'Acme origin',
  startFields: [
    { input: 'suite', prompt: 'Suite to run', placeholder: 'e.g. math', required: true, check: required('suite') },
    { input: 'model', prompt: 'Model to evaluate', placeholder: 'e.g. m-1', required: false, defaultValue: 'acme-default', check: () => undefined },
  ],
  buildRequest: (value) => ({ provider: 'acme', suite: value('suite'), model: value('model') }),
  // Acme's list rows carry no score: a finished row is read once.
  needsDetails: (evaluation) => evaluation.status === 'completed' && evaluation.scores === undefined,
};
