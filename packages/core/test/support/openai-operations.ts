import { openApiDocument, operations } from '@evalgate/api-specs';

export const OPENAI_SPEC = 'openai-evals.emulator.openapi';

/** Which operation of the spec a request is: `METHOD /spec/path`, or undefined. `/v1` is the API root. */
export function specOperation(method: string, url: string): { operation: string; specPath: string } | undefined {
  const pathname = new URL(url, 'http://x').pathname.replace(/^\/v1/, '');
  for (const operation of operations(OPENAI_SPEC).keys()) {
    const [opMethod, specPath] = operation.split(' ') as [string, string];
    if (opMethod !== method) continue;
    const pattern = new RegExp(`^${specPath.replace(/\{\w+\}/g, '[^/]+')}$`);
    if (pattern.test(pathname)) return { operation, specPath };
  }
  return undefined;
}

/** Query parameters the client sent that the operation does not declare, or whose value is outside its enum. */
export function queryProblems(method: string, specPath: string, url: string): string[] {
  const paths = openApiDocument(OPENAI_SPEC).paths as Record<
    string,
    Record<string, { parameters?: Array<{ name: string; in: string; schema?: { enum?: unknown[] } }> }>
  >;
  const declared = (paths[specPath]?.[method.toLowerCase()]?.parameters ?? []).filter((p) => p.in === 'query');
  const problems: string[] = [];
  for (const [name, value] of new URL(url, 'http://x').searchParams) {
    const parameter = declared.find((p) => p.name === name);
    if (!parameter) problems.push(`${name} is not a query parameter of ${method} ${specPath}`);
    else if (parameter.schema?.enum && !parameter.schema.enum.includes(value))
      problems.push(`${name}=${value} is outside ${JSON.stringify(parameter.schema.enum)}`);
  }
  return problems;
}
