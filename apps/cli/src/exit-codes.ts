// The CLI's exit codes, documented in README.md ("Exit codes"). CI systems branch on them, so they never change.
export const EXIT = {
  /** The gate passed (or the command did what it was asked). */
  pass: 0,
  /** The gate failed: a threshold was missed, or the evaluation failed at the provider. */
  gateFailed: 1,
  /** Bad configuration (flags, environment, config file) or a provider error (HTTP, auth, not found). */
  configOrProvider: 2,
  /** Cancelled (Ctrl-C, or the evaluation was cancelled) or timed out (our deadline or the provider's). */
  cancelledOrTimedOut: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
