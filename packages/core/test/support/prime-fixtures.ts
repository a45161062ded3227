/** A Prime evaluation object as `GET /api/v1/evaluations/{id}` returns it. */
export function primeEvaluationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    evaluation_id: 'ev_1',
    id: 'ev_1',
    name: 'nightly',
    status: 'RUNNING',
    eval_type: 'environment',
    is_hosted: true,
    environment_ids: ['env_1'],
    suite_id: null,
    run_id: null,
    inference_model: 'meta/llama',
    viewer_url: 'https://app.example/ev_1',
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:01:00Z',
    completed_at: null,
    total_samples: 0,
    avg_score: null,
    min_score: null,
    max_score: null,
    tags: [],
    metadata: {},
    progress: 0.25,
    ...overrides,
  };
}
