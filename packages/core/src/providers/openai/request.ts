/** What a caller asks OpenAI to create: a run of an existing eval. */
export interface OpenAICreateRequest {
  provider: 'openai';
  evalId: string;
  name?: string;
  /** The run's `data_source` object, sent unchanged. */
  dataSource: Record<string, unknown>;
  metadata?: Record<string, string>;
}
