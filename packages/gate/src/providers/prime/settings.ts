// Prime's settings rows: the hosted run (environment, model, eval_config and its dedicated numbers) or the samples file
// of a client-driven run.
import { jsonObject, optionalText } from '../../settings/fields.js';
import { setting } from '../../settings/spec.js';
import { environmentList } from './environments.js';
import { hostedTimeoutMinutes, numExamples, rolloutsPerExample } from './hosted.js';

export const PRIME_SETTINGS = {
  environments: setting({
    description:
      'Prime: the hub environment id of a hosted evaluation (one; a matrix job per environment for more). With samples-file: comma-separated ids, each id or id@version.',
    required: false,
    secret: false,
    parse: environmentList,
  }),
  'inference-model': setting({
    description: 'Prime: the model a hosted evaluation runs (one of GET /api/v1/hosted-evaluations/models).',
    required: false,
    secret: false,
    parse: optionalText,
  }),
  'eval-config': setting({
    description:
      'Prime: further eval_config keys of a hosted evaluation as a JSON object, e.g. {"env_args": {"split": "test"}, "sampling_args": {"temperature": 0}}. num_examples, rollouts_per_example and timeout_minutes come from their own inputs.',
    required: false,
    // custom_secrets may be in it.
    secret: true,
    parse: jsonObject,
  }),
  'num-examples': setting({
    description: 'Prime: examples a hosted evaluation runs per environment (eval_config.num_examples); -1 for all.',
    // The Prime CLI's default for `prime eval run --hosted`.
    default: '5',
    required: false,
    secret: false,
    parse: numExamples,
  }),
  'rollouts-per-example': setting({
    description: 'Prime: rollouts per example of a hosted evaluation (eval_config.rollouts_per_example), 1-2048.',
    // The Prime CLI's default.
    default: '3',
    required: false,
    secret: false,
    parse: rolloutsPerExample,
  }),
  'hosted-timeout-minutes': setting({
    description:
      "Prime: minutes Prime lets a hosted evaluation run before ending it as TIMEOUT (eval_config.timeout_minutes), 120-1440. Always sent: Prime's own default is documented as both 120 and 1440.",
    // Prime's minimum; the spec and the guide disagree on the server's default, so it is always sent.
    default: '120',
    required: false,
    secret: false,
    parse: hostedTimeoutMinutes,
  }),
  'samples-file': setting({
    description:
      'Prime: JSONL file of scored samples from an earlier step ({"reward": 0.8, ...} per line; "score" is read too); makes a client-driven evaluation that is pushed, then finalized.',
    required: false,
    secret: false,
    parse: optionalText,
  }),
} as const;
