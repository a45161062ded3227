// Nugen's settings rows: the model, the benchmark, a second model for comparison mode and the metrics.
import * as z from 'zod/mini';
import { optionalText, splitList } from '../../settings/fields.js';
import { setting } from '../../settings/spec.js';

export const NUGEN_SETTINGS = {
  'model-id': setting({ description: 'Nugen: the model to evaluate.', required: false, secret: false, parse: optionalText }),
  'benchmark-id': setting({ description: 'Nugen: the benchmark to run.', required: false, secret: false, parse: optionalText }),
  'baseline-model-id': setting({
    description: 'Nugen: a second model evaluated side by side (comparison mode); its average is the baseline.',
    required: false,
    secret: false,
    parse: optionalText,
  }),
  metric: setting({
    description: 'Nugen: comma-separated metrics to request (sent as custom_metrics.metrics).',
    required: false,
    secret: false,
    parse: z.pipe(z.string(), z.transform(splitList)),
  }),
} as const;
