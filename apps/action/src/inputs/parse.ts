import { InputError, checkSettings, parserShape, withDefaults, type InputProblem } from '@evalgate/gate';
import * as z from 'zod/mini';
import { ACTION_ONLY_INPUTS, type RawInputs } from './table.js';
import type { ActionInputs } from './types.js';

export { InputError } from '@evalgate/gate';

const actionOnlySchema = z.object(parserShape(ACTION_ONLY_INPUTS));

/** Parses the raw input strings; throws `InputError` listing every problem of the gate settings and the Action's own. */
export function parseInputs(raw: RawInputs): ActionInputs {
  const own = actionOnlySchema.safeParse(withDefaults(ACTION_ONLY_INPUTS, raw));
  const ownProblems: InputProblem[] = own.success ? [] : own.error.issues.map((issue) => ({ input: String(issue.path[0]), message: issue.message }));
  const { settings, problems } = checkSettings(raw);
  const all = [...problems, ...ownProblems];
  if (all.length > 0 || settings === undefined || !own.success) throw new InputError(all);
  const inputs: ActionInputs = { ...settings, comment: own.data.comment };
  if (own.data['badge-path'] !== undefined) inputs.badge = own.data['badge-path'];
  if (own.data['badge-branch'] !== undefined) inputs.badgeBranch = own.data['badge-branch'];
  return inputs;
}
