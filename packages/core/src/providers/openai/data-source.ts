/**
 * The run `data_source` as core sends it: the caller's object with two documented spellings put right.
 * - Template messages in the structured EvalItem form `{type:"message", role, content:{type:"input_text", text}}`
 *   (QUIRKS OPENAI-14): a plain `{role, content}` matches both branches of the spec's `oneOf`, so strict validators
 *   reject it; the structured form is what the API itself returns.
 * - `sampling_params.max_completion_tokens`, the schema's spelling, for the examples' `max_completions_tokens`
 *   (QUIRKS OPENAI-10).
 * Everything else passes unchanged.
 */
export function toWireDataSource(dataSource: Record<string, unknown>): Record<string, unknown> {
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

/** A message with string content becomes an EvalItem with one text part; anything else is left as given. */
export function structuredMessage(message: unknown): unknown {
  if (!isRecord(message) || typeof message.role !== 'string' || typeof message.content !== 'string') return message;
  if (message.type !== undefined && message.type !== 'message') return message;
  const partType = message.role === 'assistant' ? 'output_text' : 'input_text';
  return { ...message, type: 'message', content: { type: partType, text: message.content } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
