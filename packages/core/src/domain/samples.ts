import type { RequestOptions } from './client.js';

/** One grader's (OpenAI testing criterion's, Prime per-criterion field's) verdict on a sample. */
export interface SampleCriterion {
  name: string;
  score?: number;
  passed?: boolean;
}

/** One graded sample of an evaluation, whatever the provider calls it (Prime sample, OpenAI output item, Nugen question). */
export interface EvaluationSample {
  /** The provider's id of the row (Prime `example_id`, OpenAI output item id, Nugen `question_id`), else its position. */
  id: string;
  /** The sample's score: Prime `reward` (else `score`), OpenAI the mean of its graders' scores, Nugen the judge's score. */
  score?: number;
  passed?: boolean;
  /** Prompt or question, as text (chat messages as `role: content` lines). Clipped to `SAMPLE_TEXT_LIMIT` characters. */
  input?: string;
  /** The model's answer, as text. Clipped likewise. */
  output?: string;
  /** Expected answer, when the provider keeps one. Clipped likewise. */
  expected?: string;
  criteria?: SampleCriterion[];
}

export interface SampleList {
  samples: EvaluationSample[];
  /** How many samples the provider holds, when it says. */
  total?: number;
  /** More samples exist than `maxSamples` allowed to read. */
  truncated: boolean;
}

export interface ListSamplesOptions extends RequestOptions {
  /** Most samples read (default 1000, at most 10000): the pages stop there. */
  maxSamples?: number;
}

/** Characters kept of each sample text: a viewer needs the start of a long answer, not megabytes of it. */
export const SAMPLE_TEXT_LIMIT = 4000;
export const DEFAULT_MAX_SAMPLES = 1000;
export const MAX_SAMPLES_LIMIT = 10_000;

/**
 * The per-sample scores a client read anyway while mapping a terminal evaluation (OpenAI's output items, Nugen's
 * download), so a caller can draw them without reading the samples again. One entry per sample, lowest position
 * first, at most `DEFAULT_MAX_SAMPLES`; undefined for a sample without a score.
 */
export interface SampleScores {
  scores: Array<number | undefined>;
  /** How many samples the provider holds, when more exist than `scores` keeps. */
  total?: number;
}
