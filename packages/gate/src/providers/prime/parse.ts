// Prime's rows into its settings: a hosted run (one environment without a version, a model, a checked eval_config)
// or, with samples-file, a client-driven run. The problems name the setting and the fix.
import type { InputProblem } from '../../settings/input-error.js';
import type { SettingValuesOf } from '../../settings/spec.js';
import type { SettingsCheck } from '../gate-provider.js';
import { evalConfigProblems, PRIME_HOSTED_INPUTS } from './hosted.js';
import { PRIME_SETTINGS } from './settings.js';
import type { PrimeSettings } from './types.js';

type PrimeRows = typeof PRIME_SETTINGS;

export function parsePrimeSettings({ values, require, report }: SettingsCheck<PrimeRows>): PrimeSettings | undefined {
  const samplesFile = values['samples-file'];
  if (samplesFile !== undefined) {
    if (values['eval-config'] !== undefined) {
      report({
        input: 'eval-config',
        message: 'is for a hosted evaluation; with samples-file the evaluation is client-driven, remove one of them',
      });
    }
    const settings: PrimeSettings = { provider: 'prime', mode: 'samples', samplesFile, environments: values.environments };
    if (values['inference-model'] !== undefined) settings.inferenceModel = values['inference-model'];
    return settings;
  }
  require('environments', 'for a hosted prime evaluation (one environment id), or set samples-file');
  require('inference-model', 'for a hosted prime evaluation (the model to evaluate), or set samples-file');
  const [environment, ...others] = values.environments;
  if (others.length > 0) {
    report({
      input: 'environments',
      message: 'takes one environment for a hosted prime evaluation (Prime starts one evaluation per environment); use a matrix job per environment',
    });
  }
  if (environment?.versionId !== undefined) {
    report({
      input: 'environments',
      message: `takes an environment id without a version for a hosted prime evaluation (Prime's hosted runs take environment_ids only); use "${environment.id}"`,
    });
  }
  const evalConfig = values['eval-config'];
  if (evalConfig !== undefined) {
    for (const message of evalConfigProblems(evalConfig)) report({ input: 'eval-config', message });
  }
  if (environment === undefined || values['inference-model'] === undefined) return undefined;
  const settings: PrimeSettings = {
    provider: 'prime',
    mode: 'hosted',
    environments: [environment],
    inferenceModel: values['inference-model'],
    numExamples: values['num-examples'],
    rolloutsPerExample: values['rollouts-per-example'],
    timeoutMinutes: values['hosted-timeout-minutes'],
  };
  if (evalConfig !== undefined) settings.evalConfig = evalConfig;
  return settings;
}

/** The hosted-run numbers have defaults (a host always passes them): only a changed value is out of place. */
export function hostedNumbersOutOfPlace(values: SettingValuesOf<PrimeRows>, own: PrimeSettings | undefined): InputProblem[] {
  if (own?.mode === 'hosted') return [];
  return PRIME_HOSTED_INPUTS.filter((input) => values[input] !== Number(PRIME_SETTINGS[input].default)).map((input) => ({
    input,
    message: 'only applies to a hosted prime evaluation (provider: prime without samples-file); remove it',
  }));
}
