// Acme's rows into its settings.
import type { SettingsCheck } from '@evalgate/gate/testing';
import { ACME_SETTINGS } from './settings.js';
import type { AcmeSettings } from './types.js';

export function parseAcmeSettings({ values, require }: SettingsCheck<typeof ACME_SETTINGS>): AcmeSettings | undefined {
  require('acme-suite', 'for provider acme (the suite to run)');
  require('acme-model', 'for provider acme (the model to evaluate)');
  const suite = values['acme-suite'];
  const model = values['acme-model'];
  if (suite === undefined || model === undefined) return undefined;
  return { provider: 'acme', suite, model };
}
