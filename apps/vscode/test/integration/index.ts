/**
 * The `extensionTestsPath` entry for runners that hand VS Code a test module (scripts/in-editor/run.mjs, via
 * code-server's smoke-test payload): test-electron style, it builds Mocha and runs every compiled suite file.
 * `@vscode/test-cli` (.vscode-test.mjs) brings its own equivalent and loads the same suite files.
 */
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

/**
 * code-server does not forward a remote extension host's console to the page, so when the runner names a
 * file in EVALGATE_MOCHA_LOG, the report is also appended there for it to print.
 */
function teeReportTo(file: string): void {
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const original = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => {
    appendFileSync(file, `${format(...args)}\n`);
    original(...args);
  };
}

export async function run(): Promise<void> {
  const reportFile = process.env.EVALGATE_MOCHA_LOG;
  if (reportFile) teeReportTo(reportFile);
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const suiteDir = join(__dirname, 'suite');
  const files = readdirSync(suiteDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js'))
    .sort();
  if (files.length === 0) throw new Error(`no compiled suite files (*.test.js) in ${suiteDir}: run npm run test:integration:build`);
  for (const file of files) mocha.addFile(join(suiteDir, file));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} in-editor test${failures === 1 ? '' : 's'} failed`);
}
