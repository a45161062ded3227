/** What the runner tells the suite: `.evalgate-test.json` in the test workspace (scripts/in-editor/emulator.mjs writes it). */
import * as vscode from 'vscode';
import { z } from 'zod';

const testConfigSchema = z.object({
  emulatorUrl: z.url(),
  apiKey: z.string().min(1),
  connectionIds: z.object({ prime: z.string(), nugen: z.string(), openai: z.string() }),
});

export type TestConfig = z.infer<typeof testConfigSchema>;

let cached: TestConfig | undefined;

export async function testConfig(): Promise<TestConfig> {
  if (cached) return cached;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open: the runner must open the test workspace it wrote');
  const file = vscode.Uri.joinPath(folder.uri, '.evalgate-test.json');
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  } catch (error) {
    throw new Error(`cannot read ${file.toString()} (${String(error)}): start the suite through scripts/in-editor/run.mjs or .vscode-test.mjs`);
  }
  const parsed = testConfigSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${file.toString()} is not a test config: ${z.prettifyError(parsed.error)}`);
  cached = parsed.data;
  return cached;
}
