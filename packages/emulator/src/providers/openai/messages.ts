/**
 * Messages as the OpenAI API hands them back (QUIRKS OPENAI-14): requests may carry the plain `{role, content}` form
 * or the structured EvalItem `{type:"message", role, content:{type:"input_text", text}}`; responses always show the
 * structured one, as the create-eval and create-run examples do.
 */
export function structuredMessage(message: unknown): unknown {
  if (!isRecord(message) || typeof message.role !== 'string') return message;
  const content =
    typeof message.content === 'string' ? { type: message.role === 'assistant' ? 'output_text' : 'input_text', text: message.content } : message.content;
  return { ...message, type: 'message', content };
}

/**
 * The stored (and echoed) form of a run data source: template messages structured, and `sampling_params` with the
 * schema's `max_completion_tokens` also when the request used the examples' `max_completions_tokens` (OPENAI-10).
 */
export function storedDataSource(dataSource: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...dataSource };
  const inputMessages = dataSource.input_messages;
  if (isRecord(inputMessages) && inputMessages.type === 'template' && Array.isArray(inputMessages.template)) {
    result.input_messages = { ...inputMessages, template: inputMessages.template.map(structuredMessage) };
  }
  const sampling = dataSource.sampling_params;
  if (isRecord(sampling) && 'max_completions_tokens' in sampling) {
    const { max_completions_tokens: misspelt, ...rest } = sampling;
    result.sampling_params = { ...rest, max_completion_tokens: rest.max_completion_tokens ?? misspelt };
  }
  return result;
}

/** Graders with message inputs (label_model, score_model) stored with structured messages. */
export function storedGrader(grader: Record<string, unknown>): Record<string, unknown> {
  return Array.isArray(grader.input) ? { ...grader, input: grader.input.map(structuredMessage) } : grader;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
