// Validates a JUnit report against the vendored Ant JUnit XSD with libxml2 (compiled to WebAssembly: no system
// package, no network).
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

const XSD = readFileSync(new URL('../fixtures/junit/JUnit.xsd', import.meta.url), 'utf8');

export async function junitSchemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'JUnit.xsd', contents: XSD }] });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}
