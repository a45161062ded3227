// The UI pass: what a user sees and clicks in the Evaluations sidebar, checked against the emulator.
import { TEST_API_KEY } from './emulator.mjs';
import {
  answerDialog,
  contextMenuLabels,
  expandRow,
  hoverText,
  openViewContainer,
  runContextMenuEntry,
  screenshotSidebar,
  setApiKeyThroughPrompts,
  titleButtonPrompt,
  treeRow,
} from './workbench.mjs';

const CANCEL_LABEL = 'Cancel Evaluation';
const RERUN_LABEL = 'Re-run Evaluation';
const VIEW_CONTAINER_TITLE = 'Evaluations';

/** The emulator's Prime evaluations as its public API lists them (the names the tree must show). */
async function primeEvaluations(emulatorUrl) {
  const res = await fetch(`${emulatorUrl}/api/v1/evaluations/?skip=0&limit=100`, {
    headers: { authorization: `Bearer ${TEST_API_KEY}` },
  });
  if (!res.ok) throw new Error(`GET /api/v1/evaluations/ on the emulator: HTTP ${res.status}`);
  const body = await res.json();
  if (!Array.isArray(body?.evaluations)) throw new Error('GET /api/v1/evaluations/ on the emulator: no evaluations array');
  return body.evaluations;
}

/** Opens the sidebar, stores the emulator key on each connection through the prompts, and expands Prime. */
async function showPrimeEvaluations(page, emulatorUrl, log) {
  await openViewContainer(page, VIEW_CONTAINER_TITLE);
  for (const provider of ['prime', 'nugen', 'openai']) {
    await setApiKeyThroughPrompts(page, provider, TEST_API_KEY, (retry) => log(`retrying: ${retry}`));
    log(`API key of the ${provider} connection set through the prompts`);
  }
  const host = new URL(emulatorUrl).host;
  await expandRow(page, treeRow(page, `prime · ${host}`));
  const evaluations = await primeEvaluations(emulatorUrl);
  for (const { name } of evaluations) await treeRow(page, name).first().waitFor({ timeout: 30_000 });
  log(`sidebar shows the emulator's ${evaluations.length} Prime evaluations: ${evaluations.map((e) => e.name).join(', ')}`);
  return evaluations;
}

/**
 * With the extension under development: the rows appear, a running hosted row's context menu offers
 * Cancel, a completed row's does not. Returns the failures found (empty when all is well).
 */
export async function checkSidebar({ page, emulatorUrl, screenshot, log }) {
  const failures = [];
  const evaluations = await showPrimeEvaluations(page, emulatorUrl, log);
  const running = evaluations.find((e) => e.is_hosted && e.status === 'RUNNING');
  const completed = evaluations.find((e) => e.status === 'COMPLETED');
  if (!running || !completed) throw new Error('the emulator seed lacks a running hosted or a completed Prime evaluation');

  const runningMenu = await contextMenuLabels(page, treeRow(page, running.name).first());
  log(`context menu of running "${running.name}": ${runningMenu.join(' | ')}`);
  if (!runningMenu.includes(CANCEL_LABEL)) failures.push(`"${running.name}" (RUNNING) context menu lacks "${CANCEL_LABEL}"`);
  if (runningMenu.includes(RERUN_LABEL)) failures.push(`"${running.name}" (RUNNING) context menu offers "${RERUN_LABEL}"`);

  const completedMenu = await contextMenuLabels(page, treeRow(page, completed.name).first());
  log(`context menu of completed "${completed.name}": ${completedMenu.join(' | ')}`);
  if (completedMenu.includes(CANCEL_LABEL)) failures.push(`"${completed.name}" (COMPLETED) context menu offers "${CANCEL_LABEL}"`);
  if (completedMenu.length === 0) failures.push(`"${completed.name}" has no context menu at all`);

  // VS Code passes the selected row to view-title commands: with a row selected, "+" and the filter still ask.
  for (const [title, expected] of [
    ['Add Connection', 'Evaluation provider'],
    ['Filter by Status', 'Show only these statuses'],
  ]) {
    const placeholder = await titleButtonPrompt(page, treeRow(page, completed.name).first(), title).catch((error) => {
      failures.push(`with "${completed.name}" selected, the title button "${title}" opened no prompt: ${error.message.split('\n')[0]}`);
      return undefined;
    });
    if (placeholder === undefined) continue;
    log(`with a row selected, "${title}" asks: ${placeholder}`);
    if (!placeholder.startsWith(expected)) failures.push(`"${title}" with a row selected asked "${placeholder}", expected "${expected}…"`);
  }

  failures.push(...(await checkRerun(page, evaluations, emulatorUrl, log)));

  // The row's tooltip is resolved when the pointer rests on it: its times are relative to now. A finished row is
  // hovered because a running one is redrawn by each poll that brings progress, which closes its hover.
  const tooltip = await restOnRow(page, treeRow(page, completed.name).first(), /Started: .+ ago/);
  if (tooltip === undefined) failures.push(`hovering "${completed.name}" showed no tooltip with "Started: … ago"`);
  else log(`tooltip of "${completed.name}": ${tooltip.replace(/\s+/g, ' ').slice(0, 300)}`);
  await screenshotSidebar(page, screenshot);
  log(`screenshot: ${screenshot}`);
  return failures;
}

/**
 * The hover text matching `pattern` once the pointer rests on `row`. The pointer first leaves the tree: a pointer
 * already over the row (left there by an earlier click) starts no hover. Three tries, since a redraw closes a hover.
 */
async function restOnRow(page, row, pattern) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.mouse.move(0, 0);
    await row.hover();
    const text = await hoverText(page, pattern);
    if (text !== undefined) return text;
  }
  return undefined;
}

/**
 * Re-run on a failed hosted row, clicked as a user does: its context menu offers it, the dialog names the parameters,
 * "Re-run" creates a new evaluation at the provider and a second row of that name appears without a refresh.
 */
async function checkRerun(page, evaluations, emulatorUrl, log) {
  const failed = evaluations.find((e) => e.is_hosted && e.status === 'FAILED');
  if (!failed) throw new Error('the emulator seed lacks a failed hosted Prime evaluation');
  const rows = treeRow(page, failed.name);
  const before = await rows.count();
  const createdBefore = (await primeEvaluations(emulatorUrl)).length;
  const menu = await contextMenuLabels(page, rows.first());
  if (!menu.includes(RERUN_LABEL)) return [`"${failed.name}" (FAILED, hosted) context menu lacks "${RERUN_LABEL}": ${menu.join(' | ')}`];
  await runContextMenuEntry(page, rows.first(), RERUN_LABEL);
  const dialog = await answerDialog(page, 'Re-run');
  log(`Re-run dialog: ${dialog.message} — ${dialog.detail}`);
  const failures = [];
  if (!dialog.message.includes(failed.name) || !dialog.detail.includes('environment gsm8k')) {
    failures.push(`the Re-run dialog does not name the evaluation and its environment: "${dialog.message}" / "${dialog.detail}"`);
  }
  const appeared = await rows
    .nth(before)
    .waitFor({ timeout: 30_000 })
    .then(
      () => true,
      () => false,
    );
  if (!appeared) failures.push(`after Re-run, no new "${failed.name}" row appeared (still ${await rows.count()})`);
  const createdAfter = (await primeEvaluations(emulatorUrl)).length;
  if (createdAfter !== createdBefore + 1) failures.push(`Re-run created ${createdAfter - createdBefore} Prime evaluations, expected 1`);
  log(`Re-run of "${failed.name}" clicked: ${before} → ${await rows.count()} rows of that name`);
  return failures;
}

/** With only the installed .vsix: the view opens and lists the emulator's evaluations. */
export async function checkVsixSidebar({ page, emulatorUrl, screenshot, log }) {
  await showPrimeEvaluations(page, emulatorUrl, log);
  await screenshotSidebar(page, screenshot);
  log(`screenshot: ${screenshot}`);
  return [];
}
