// Acme's settings rows: the suite to run and the model to evaluate. Hosts list them after the shipped providers'
// (the Action reads INPUT_ACME_SUITE, the CLI takes --acme-suite); they exist only while Acme is registered.
import { optionalText, setting } from '@evalgate/gate/testing';

export const ACME_SETTINGS = {
  'acme-suite': setting({ description: 'Acme (test only): the suite to run.', required: false, secret: false, parse: optionalText }),
  'acme-model': setting({ description: 'Acme (test only): the model to evaluate.', required: false, secret: false, parse: optionalText }),
} as const;
