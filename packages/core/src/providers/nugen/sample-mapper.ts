import type { EvaluationSample } from '../../domain/samples.js';
import { finiteNumber, sampleText, withoutUndefined } from '../sample-helpers.js';

/** One `detailed_results[]` row (question, expected and model answer, the judge's score) in domain form. */
export function mapNugenDetailedResult(row: Record<string, unknown>, index: number): EvaluationSample {
  const questionId = row.question_id;
  return withoutUndefined<EvaluationSample>({
    id: typeof questionId === 'string' || typeof questionId === 'number' ? String(questionId) : `#${index + 1}`,
    score: finiteNumber(row.score),
    passed: undefined,
    input: sampleText(row.question),
    output: sampleText(row.model_answer),
    expected: sampleText(row.expected_answer),
    criteria: undefined,
  });
}
