/** Loads the authoritative OpenAPI parts (`<repo root>/../shared/openapi/`) into ajv and hands out validators. */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import yaml from 'js-yaml';

const OPENAPI_DIR = new URL('../../../../shared/openapi/', import.meta.url);

export type OpenApiFile =
  | 'prime-create-evaluation'
  | 'prime-finalize-evaluation'
  | 'openai-update-eval'
  | 'nugen-create-evaluation';

// strict: false lets OpenAPI's own keywords (example, x-*, discriminator) through; ajv 8 knows 3.0's `nullable`.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);

const loaded = new Set<OpenApiFile>();

function load(file: OpenApiFile): void {
  if (loaded.has(file)) return;
  const document = yaml.load(readFileSync(new URL(`${file}.yaml`, OPENAPI_DIR), 'utf8')) as Record<string, unknown>;
  // The whole document under an $id, so its `#/components/schemas/...` refs resolve inside it.
  ajv.addSchema({ ...document, $id: file });
  loaded.add(file);
}

const pointer = (segments: string[]): string =>
  segments.map((segment) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

/** A validator for the schema at `segments` inside the file, e.g. ['components', 'schemas', 'Eval']. */
export function validatorAt(file: OpenApiFile, segments: string[]): ValidateFunction {
  load(file);
  return ajv.compile({ $ref: `${file}#/${pointer(segments)}` });
}

export const componentSchema = (file: OpenApiFile, name: string): ValidateFunction =>
  validatorAt(file, ['components', 'schemas', name]);

export const requestBodySchema = (file: OpenApiFile, path: string, method: string): ValidateFunction =>
  validatorAt(file, ['paths', path, method, 'requestBody', 'content', 'application/json', 'schema']);

/** Asserts-friendly: the ajv errors as text, or '' when valid. */
export function violations(validate: ValidateFunction, value: unknown): string {
  return validate(value) ? '' : ajv.errorsText(validate.errors, { separator: '\n' });
}
