/** The vendored OpenAPI descriptions (../openapi) loaded into ajv, with validators by component, request or response. */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import yaml from 'js-yaml';

const OPENAPI_DIR = new URL('../openapi/', import.meta.url);

export const OPENAPI_FILES = [
  'prime-evaluations.openapi',
  'prime-create-evaluation',
  'prime-finalize-evaluation',
  'openai-evals.openapi',
  'openai-evals.emulator.openapi',
  'openai-update-eval',
  'nugen-evaluations.openapi',
  'nugen-create-evaluation',
] as const;
export type OpenApiFile = (typeof OPENAPI_FILES)[number];

/** Where a vendored file lives, for tools that want the YAML itself. */
export const openApiPath = (file: OpenApiFile): URL => new URL(`${file}.yaml`, OPENAPI_DIR);

// strict: false lets OpenAPI's own keywords (example, x-*, discriminator) through. OpenAPI 3.1 files go to a
// draft 2019-09 validator (the OpenAI extract uses $recursiveRef, QUIRKS OPENAI-13); the 3.0 file to draft-07,
// where ajv understands 3.0's `nullable`.
const ajv31 = new Ajv2019({ strict: false, allErrors: true });
const ajv30 = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv31);
addFormats.default(ajv30);
// OpenAI's timestamps declare `format: unixtime`, which no JSON Schema draft defines; `type: integer` already checks them.
ajv31.addFormat('unixtime', true);

const loaded = new Map<OpenApiFile, Ajv | Ajv2019>();

/** The parsed document, as published. */
export function openApiDocument(file: OpenApiFile): Record<string, unknown> {
  return yaml.load(readFileSync(openApiPath(file), 'utf8')) as Record<string, unknown>;
}

function load(file: OpenApiFile): Ajv | Ajv2019 {
  const known = loaded.get(file);
  if (known) return known;
  const document = openApiDocument(file);
  const instance = String(document.openapi).startsWith('3.0') ? ajv30 : ajv31;
  // The whole document under an $id, so its `#/components/schemas/...` refs resolve inside it.
  instance.addSchema({ ...document, $id: file });
  loaded.set(file, instance);
  return instance;
}

const pointer = (segments: string[]): string => segments.map((segment) => encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

/** A validator for the schema at `segments` inside the file, e.g. ['components', 'schemas', 'Eval']. */
export function validatorAt(file: OpenApiFile, segments: string[]): ValidateFunction {
  return load(file).compile({ $ref: `${file}#/${pointer(segments)}` });
}

export const componentSchema = (file: OpenApiFile, name: string): ValidateFunction => validatorAt(file, ['components', 'schemas', name]);

export const requestBodySchema = (file: OpenApiFile, path: string, method: string): ValidateFunction =>
  validatorAt(file, ['paths', path, method.toLowerCase(), 'requestBody', 'content', 'application/json', 'schema']);

export const responseSchema = (file: OpenApiFile, path: string, method: string, status: number | string): ValidateFunction =>
  validatorAt(file, ['paths', path, method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema']);

/** The ajv errors as text, or '' when valid: `expect(violations(v, body)).toBe('')` shows what is wrong. */
export function violations(validate: ValidateFunction, value: unknown): string {
  if (validate(value)) return '';
  return (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}`).join('\n');
}

/** The operations of a file as `METHOD /path` → operationId, for coverage checks. */
export function operations(file: OpenApiFile): Map<string, string> {
  const paths = (openApiDocument(file).paths ?? {}) as Record<string, Record<string, { operationId?: string }>>;
  const result = new Map<string, string>();
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) {
        result.set(`${method.toUpperCase()} ${path}`, operation.operationId ?? '');
      }
    }
  }
  return result;
}

export { withoutKnownNulls, type WithoutKnownNulls } from './openai-known-nulls.js';
