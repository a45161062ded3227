// The Action's inputs: every gate setting (@evalgate/gate's table, with each registered provider's rows) plus what
// only the Action has. action.yml declares exactly these (a test compares them).
import { badgePath, choice, gateSettings, optionalText, type RawSettings, type SettingSpec, type SettingsTable } from '@evalgate/gate';
import { branchName } from './branch-name.js';

export const ACTION_ONLY_INPUTS = {
  comment: {
    description: 'upsert: keep one sticky PR comment with the result | off.',
    default: 'upsert',
    required: false,
    secret: false,
    parse: choice(['upsert', 'off']),
  },
  'badge-path': {
    description: 'Write a badge here (x.svg, plus x.json as a shields.io endpoint).',
    required: false,
    secret: false,
    parse: badgePath,
  },
  'badge-branch': {
    description:
      'Commit the badge (the SVG and the shields.io endpoint JSON, named after check-name) to this branch on a push to the default branch; needs contents: write. Off when empty.',
    required: false,
    secret: false,
    parse: branchName,
  },
  'github-token': {
    description: 'Token for check runs and comments (needs checks: write, pull-requests: write).',
    default: '${{ github.token }}',
    // An expression only the runner evaluates: the parser never applies it.
    defaultAppliedBy: 'runner',
    required: false,
    secret: true,
    parse: optionalText,
  },
} as const satisfies Record<string, SettingSpec>;

/** Every input, in action.yml's order; read when the step runs, so a provider registered by a test is read too. */
export function actionInputs(): SettingsTable {
  return { ...gateSettings(), ...ACTION_ONLY_INPUTS };
}

/** Every input name the action declares, as written in action.yml. */
export function inputNames(): string[] {
  return Object.keys(actionInputs());
}

/** Raw input strings as the runner passes them, by input name; empty or missing means unset. */
export type RawInputs = RawSettings;
