// OpenAI's gate settings: a run of an existing eval over a data source.

/** data-source as given: inline JSON, or a path read when the run starts. */
export type DataSourceInput = { kind: 'inline'; value: Record<string, unknown> } | { kind: 'file'; path: string };

export interface OpenAISettings {
  provider: 'openai';
  evalId: string;
  dataSource: DataSourceInput;
}
