/**
 * QUIRKS OPENAI-3: fields the OpenAI spec declares required and non-nullable but the API's own examples (and so the
 * emulator) show as `null`. A contract check replaces exactly these nulls with a valid stand-in and reports which
 * it replaced, so the rest of the body is still validated in full and the test asserts the nulls separately.
 */
type Body = Record<string, unknown>;

const RUN_NULLS: Record<string, unknown> = {
  error: { code: 'stand-in', message: 'stand-in' },
  per_model_usage: [],
  per_testing_criteria_results: [],
};

function isBody(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface WithoutKnownNulls {
  body: unknown;
  /** JSON paths of the nulls replaced, e.g. `error`, `data.0.per_model_usage`, `sample.error`. */
  nulls: string[];
}

function run(body: Body, prefix: string, nulls: string[]): Body {
  const result: Body = { ...body };
  for (const [field, standIn] of Object.entries(RUN_NULLS)) {
    if (result[field] === null) {
      result[field] = standIn;
      nulls.push(`${prefix}${field}`);
    }
  }
  return result;
}

function outputItem(body: Body, prefix: string, nulls: string[]): Body {
  if (!isBody(body.sample) || body.sample.error !== null) return body;
  nulls.push(`${prefix}sample.error`);
  return { ...body, sample: { ...body.sample, error: { code: 'stand-in', message: 'stand-in' } } };
}

/**
 * For an `eval.run`, an `eval.run.output_item`, or a list of them. An empty list page's `first_id`/`last_id` are null
 * too: the spec requires strings but no source shows an empty page, so null (what OpenAI's other lists send) is the
 * emulator's documented choice (docs/wire-contract.md) and is reported here like the OPENAI-3 nulls.
 */
export function withoutKnownNulls(value: unknown): WithoutKnownNulls {
  const nulls: string[] = [];
  const one = (entry: unknown, prefix: string): unknown => {
    if (!isBody(entry)) return entry;
    if (entry.object === 'eval.run') return run(entry, prefix, nulls);
    if (entry.object === 'eval.run.output_item') return outputItem(entry, prefix, nulls);
    return entry;
  };
  if (isBody(value) && value.object === 'list' && Array.isArray(value.data)) {
    const list: Body = { ...value, data: value.data.map((entry, index) => one(entry, `data.${index}.`)) };
    if (value.data.length === 0) {
      for (const field of ['first_id', 'last_id']) {
        if (list[field] === null) {
          list[field] = 'stand-in';
          nulls.push(field);
        }
      }
    }
    return { body: list, nulls };
  }
  return { body: one(value, ''), nulls };
}
