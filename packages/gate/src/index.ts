// The public entry of @evalgate/gate: what a front end (the GitHub Action, the CLI) needs to run the gate.
// The flow
export { runGate, CREATE_GRACE_MS, type GateOutcome } from './flow/run-gate.js';

// Ports: what a host implements
export {
  STATE,
  type BaselineCandidate,
  type BaselineTrust,
  type Clock,
  type EarlierRun,
  type EarlierRuns,
  type EarlierRunsOfRevision,
  type Files,
  type GateDeps,
  type Logger,
  type Reporter,
  type RunContext,
  type StateName,
  type StateStore,
} from './ports.js';

// Settings: the common rows (typed), the whole table (with every registered provider's rows), its parser and the parsed shape
export { COMMON_SETTINGS, type CommonSettingName } from './settings/common.js';
export { envName, flagName, gateSettingNames, gateSettings } from './settings/table.js';
export { secretValuesOf } from './settings/secrets.js';
export { parserShape, withDefaults, type ParserShape, type RawSettings, type SettingParser, type SettingSpec, type SettingsTable } from './settings/spec.js';
export { InputError, checkSettings, parseSettings, type InputProblem } from './settings/parse.js';
export { badgePath, choice, optionalText, reject } from './settings/fields.js';
export type { BadgePaths, GateSettings, ProviderSettings, Thresholds } from './settings/types.js';
export type { EnvironmentRef, PrimeHostedSettings, PrimeSamplesSettings } from './providers/prime/types.js';
export type { DataSourceInput, OpenAISettings } from './providers/openai/types.js';
export type { NugenSettings } from './providers/nugen/types.js';

// The vocabulary: one typed status from provider to output
export {
  GATES,
  RUN_STATUSES,
  STATUS_WORDS,
  hasPartialScores,
  runStatusOf,
  statusHeading,
  type Conclusion,
  type Gate,
  type RunStatus,
  type StepStatus,
} from './status.js';
export type { Baseline, BaselineLookup, Criterion, Verdict } from './verdict/types.js';
export { decideVerdict, type VerdictInput } from './verdict/verdict.js';

// The report model and the renderers that are not host-specific
export type { FinalReport, RunReport } from './report/model.js';
export { finalSummary } from './report/final-summary.js';
export { errorSummary, progressSummary, resultSummary } from './report/summary.js';
export { progressTitle, resultTitle, statusLine } from './report/title.js';
export { buildResultJson, resultJsonOf, type ResultJson, type ResultJsonInput } from './report/result-json.js';
export { OUTPUT_NAMES, droppedOutputWarnings, outputValues, skippedOutputValues, type OutputName, type SkippedResultJson } from './report/outputs.js';
export { codeSpan, escapeFenced, escapeText, markdownLink, safeId, safeUrl } from './report/escape.js';
export { formatDelta, formatPercent, formatScore, formatScores, scoreFormatter } from './report/format.js';

// Evaluations outside the flow: cancel (Ctrl-C, `evalgate cancel`, the post step) and a lost create
export { cancelRemote, describeRemoteCancel, type RemoteCancelOutcome } from './evaluation/cancel-remote.js';
export { findLostCreate, parsePendingCreate, type CreateTarget, type PendingCreate } from './evaluation/lost-create.js';
export { DeadlineError, waitForTerminal, type WaitDeps } from './evaluation/wait.js';
export { configFingerprint, runAttemptKey } from './tags.js';
export { TRUSTED_BASELINE_EVENTS } from './verdict/baseline.js';

// Secrets, deadline and the host's system services
export { makeRedactor, redactDeep, type Redact } from './redact.js';
export { isStepTimeout, stepSignal } from './deadline.js';
export { systemClock } from './system/clock.js';
export { workspaceFiles } from './system/files.js';
export { abortOnTermination, type SignalSource } from './system/signals.js';
