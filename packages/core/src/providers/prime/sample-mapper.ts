import type { EvaluationSample, SampleCriterion } from '../../domain/samples.js';
import { withoutUndefined, finiteNumber, sampleText } from '../sample-helpers.js';

/** Numeric per-criterion fields the official tooling writes beside `reward` (push-samples page). */
const CRITERION_FIELDS = ['format_reward', 'correctness'] as const;

/**
 * A free-form Prime sample (the verifiers results.jsonl row convention) in domain form. Which of `reward` and
 * `score` the server aggregates is undocumented (QUIRKS PRIME-2): `reward` is read first, `score` otherwise.
 */
export function mapPrimeSample(sample: Record<string, unknown>, index: number): EvaluationSample {
  const exampleId = sample.example_id;
  const criteria: SampleCriterion[] = CRITERION_FIELDS.flatMap((name) => {
    const score = finiteNumber(sample[name]);
    return score === undefined ? [] : [{ name, score }];
  });
  return withoutUndefined<EvaluationSample>({
    id: typeof exampleId === 'number' || typeof exampleId === 'string' ? String(exampleId) : `#${index + 1}`,
    score: finiteNumber(sample.reward) ?? finiteNumber(sample.score),
    passed: typeof sample.correct === 'boolean' ? sample.correct : undefined,
    input: sampleText(sample.prompt),
    output: sampleText(sample.completion),
    expected: sampleText(sample.answer),
    criteria: criteria.length > 0 ? criteria : undefined,
  });
}
