import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS, EXTENSION_ID, VIEW_ID, type EvalgateApi, type TreeNodeSnapshot } from '../../../src/api.js';
import { emulatorEvaluations } from '../support/emulator-control.js';
import { evalgateApi, extension, useGoodKeys, waitForTree } from '../support/extension.js';
import { primeEvaluations } from '../support/prime-api.js';
import { testConfig } from '../support/test-config.js';
import { connectionRow, evaluationRows, hasWord } from '../support/tree.js';
import { contextMenuCommands } from '../support/when-clause.js';

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

function offersRerun(row: TreeNodeSnapshot, inline: boolean): boolean {
  const menus = (extension().packageJSON as { contributes?: { menus?: Record<string, MenuEntry[]> } }).contributes?.menus?.['view/item/context'];
  if (!menus) throw new Error(`${EXTENSION_ID} contributes no view/item/context menus`);
  return contextMenuCommands(menus, { view: VIEW_ID, viewItem: row.contextValue }, { inline }).includes(COMMANDS.rerun);
}

/** What Prime's GET returns for an evaluation, read with the test key (the reference a re-run must match). */
async function primeWire(id: string): Promise<Record<string, unknown>> {
  const { emulatorUrl, apiKey } = await testConfig();
  const res = await fetch(`${emulatorUrl}/api/v1/evaluations/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${apiKey}` } });
  assert.equal(res.status, 200, `GET evaluation ${id}`);
  return (await res.json()) as Record<string, unknown>;
}

const TERMINAL_PRIME = new Set(['COMPLETED', 'FAILED', 'TIMEOUT', 'CANCELLED']);
const TERMINAL_WORDS = ['status-completed', 'status-failed', 'status-cancelled', 'status-timed_out'];

suite('re-run', () => {
  let api: EvalgateApi;

  suiteSetup(async () => {
    api = await evalgateApi();
    await useGoodKeys(api);
  });

  async function rowsOf(provider: 'prime' | 'nugen'): Promise<TreeNodeSnapshot[]> {
    const count = (await emulatorEvaluations(provider)).length;
    return waitForTree(api, `the ${provider} rows`, (tree) => {
      const rows = evaluationRows(connectionRow(tree, provider));
      return rows.length >= count ? rows : undefined;
    });
  }

  test('Re-run is offered (inline and in the context menu) exactly on finished hosted Prime evaluations', async () => {
    const truth = new Map((await primeEvaluations()).map((evaluation) => [evaluation.evaluation_id, evaluation]));
    // Earlier suites cancel runs from elsewhere: wait until the polls have shown every row's end.
    const rows = await waitForTree(api, 'the Prime rows as finished or not as the provider says', (tree) => {
      const candidates = evaluationRows(connectionRow(tree, 'prime'));
      const agree = candidates.every((row) => {
        const evaluation = truth.get(row.evaluationId ?? '');
        return evaluation !== undefined && TERMINAL_WORDS.some((word) => hasWord(row, word)) === TERMINAL_PRIME.has(evaluation.status);
      });
      return candidates.length >= truth.size && agree ? candidates : undefined;
    });
    const verdicts = rows.map((row) => {
      const evaluation = truth.get(row.evaluationId ?? '');
      assert.ok(evaluation, `row ${row.label} has no Prime evaluation ${row.evaluationId}`);
      return {
        row,
        expected: evaluation.is_hosted && TERMINAL_PRIME.has(evaluation.status),
        why: `${row.label} (${evaluation.status}, hosted=${evaluation.is_hosted}) [${row.contextValue}]`,
      };
    });
    assert.ok(verdicts.some((v) => v.expected) && verdicts.some((v) => !v.expected), 'the seed has rows of both kinds');
    for (const { row, expected, why } of verdicts) {
      assert.equal(hasWord(row, 'rerunnable'), expected, `rerunnable word: ${why}`);
      assert.equal(offersRerun(row, false), expected, `context menu Re-run: ${why}`);
      assert.equal(offersRerun(row, true), expected, `inline Re-run: ${why}`);
    }
  });

  test('re-running a failed Prime run starts a new hosted run with the same environment, model and eval_config, shown at the top', async () => {
    const failed = (await primeEvaluations()).find((evaluation) => evaluation.is_hosted && evaluation.status === 'FAILED');
    assert.ok(failed, 'the seed has a failed hosted Prime evaluation');
    const row = (await rowsOf('prime')).find((candidate) => candidate.evaluationId === failed.evaluation_id);
    assert.ok(row && hasWord(row, 'rerunnable'), `the failed row is rerunnable: ${row?.contextValue}`);

    const id = await vscode.commands.executeCommand<string | undefined>(COMMANDS.rerun, row, { confirm: false });
    assert.ok(id && id !== failed.evaluation_id, `the re-run resolved to a new id: ${id}`);
    const [before, after] = await Promise.all([primeWire(failed.evaluation_id), primeWire(id)]);
    for (const key of ['name', 'is_hosted', 'environment_ids', 'inference_model', 'eval_config']) assert.deepEqual(after[key], before[key], key);
    const top = await waitForTree(api, 'the re-run at the top of the Prime list', (tree) => {
      const first = evaluationRows(connectionRow(tree, 'prime'))[0];
      return first?.evaluationId === id ? first : undefined;
    });
    assert.equal(top.label, failed.name);
    assert.ok(hasWord(top, 'cancelable') && !hasWord(top, 'rerunnable'), `the new run is running: ${top.contextValue}`);
    // Leaves no second running row of that name for the UI pass, which picks rows by name.
    assert.equal(await vscode.commands.executeCommand(COMMANDS.cancel, top, { confirm: false }), 'cancelled');
  });

  test('re-running a completed Nugen evaluation creates the same model on the same benchmark', async () => {
    const completed = (await rowsOf('nugen')).find((row) => hasWord(row, 'status-completed'));
    assert.ok(completed && hasWord(completed, 'rerunnable'), `a completed Nugen row is rerunnable: ${completed?.contextValue}`);
    const id = await vscode.commands.executeCommand<string | undefined>(COMMANDS.rerun, completed, { confirm: false });
    assert.ok(id, 'the re-run resolved to a new id');
    const created = (await emulatorEvaluations('nugen')).find((evaluation) => evaluation.id === id);
    assert.ok(created, 'the emulator has it');
    const top = await waitForTree(api, 'the re-run at the top of the Nugen list', (tree) => {
      const first = evaluationRows(connectionRow(tree, 'nugen'))[0];
      return first?.evaluationId === id ? first : undefined;
    });
    assert.equal(top.label, completed.label);
  });

  test('a running row is refused with an explanation, and nothing is created', async () => {
    const running = (await rowsOf('prime')).find((row) => hasWord(row, 'cancelable'));
    assert.ok(running, 'a running Prime row');
    const before = (await primeEvaluations()).length;
    assert.equal(await vscode.commands.executeCommand(COMMANDS.rerun, running, { confirm: false }), undefined);
    assert.equal((await primeEvaluations()).length, before);
  });
});
