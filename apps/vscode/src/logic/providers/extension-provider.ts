import type { CreateEvaluationRequest, Evaluation, ProviderName } from '@evalgate/core';
import type { StartField } from '../start/start-field.js';

/** What the extension adds to core's registry for one provider: each provider folder here exports one. */
export interface ExtensionProvider {
  readonly name: ProviderName;
  /** Shown after core's label where a provider is picked, e.g. "eval → runs". */
  readonly hint?: string;
  /** The base URL input box's prompt (where the emulator serves it). */
  readonly baseUrlPrompt: string;
  /** The guided start's questions: the Action's inputs for this provider, in the same order and with its defaults. */
  readonly startFields: readonly StartField[];
  /** The create request from checked answers (`value(input)` is the trimmed answer or the field's default). */
  buildRequest(value: (input: string) => string): CreateEvaluationRequest;
  /** Whether a listed row lacks what `get` returns (no scores, a coarser status), so the store fetches it once. */
  needsDetails(evaluation: Evaluation): boolean;
}
