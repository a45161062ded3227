import type { EvaluationSample, SampleCriterion } from '../../domain/samples.js';
import { withoutUndefined, finiteNumber, sampleText } from '../sample-helpers.js';
import type { OpenAIOutputItemDetailWire } from './wire.js';

/**
 * An output item in domain form: its score is the mean of its graders' scores, `passed` its `status` (pass/fail).
 * The input is the model's input messages, or else the data-source row's `input`; the expected answer is the row's
 * `ground_truth` when it has one (the docs' example row).
 */
export function mapOpenAIOutputItem(item: OpenAIOutputItemDetailWire): EvaluationSample {
  const criteria: SampleCriterion[] = (item.results ?? []).map((result, index) =>
    withoutUndefined<SampleCriterion>({ name: result.name ?? `grader ${index + 1}`, score: finiteNumber(result.score), passed: result.passed ?? undefined }),
  );
  const scores = criteria.map((criterion) => criterion.score).filter((score): score is number => score !== undefined);
  const row = item.datasource_item ?? {};
  const inputMessages = item.sample?.input;
  return withoutUndefined<EvaluationSample>({
    id: item.id,
    score: scores.length > 0 ? scores.reduce((sum, score) => sum + score, 0) / scores.length : undefined,
    passed: item.status === 'pass' ? true : item.status === 'fail' ? false : undefined,
    input: sampleText(inputMessages && inputMessages.length > 0 ? inputMessages : row.input),
    output: sampleText(item.sample?.output),
    expected: sampleText(row.ground_truth),
    criteria: criteria.length > 0 ? criteria : undefined,
  });
}
