// The one error of bad settings: every problem names its setting (the Action's input; the CLI shows its flag).

export interface InputProblem {
  /** The setting's name (the Action's input name; the CLI shows it as its flag). */
  input: string;
  message: string;
}

/** The settings are wrong; every problem names its setting and what is allowed. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(readonly problems: InputProblem[]) {
    super(problems.map((problem) => `Input "${problem.input}" ${problem.message}`).join('\n'));
  }
}
