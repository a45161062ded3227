// OpenAI's settings rows: the eval to run and the run's data source.
import { optionalText } from '../../settings/fields.js';
import { setting } from '../../settings/spec.js';

export const OPENAI_SETTINGS = {
  'eval-id': setting({ description: 'OpenAI: the eval to create a run of.', required: false, secret: false, parse: optionalText }),
  'data-source': setting({
    description: "OpenAI: the run's data_source, as a JSON object or a path to a JSON file.",
    required: false,
    // Inline JSON may carry credentials (e.g. a URL with a token); the value is never echoed.
    secret: true,
    parse: optionalText,
  }),
} as const;
