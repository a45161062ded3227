// The UI pass for the details view: clicking a finished row opens its tab, whose webview draws samples and a
// histogram. The page is inside two iframes (VS Code's webview host, then the content frame).
import { TEST_API_KEY } from './emulator.mjs';
import { treeRow } from './workbench.mjs';

async function completedHostedPrime(emulatorUrl) {
  const res = await fetch(`${emulatorUrl}/api/v1/evaluations/?skip=0&limit=100`, { headers: { authorization: `Bearer ${TEST_API_KEY}` } });
  if (!res.ok) throw new Error(`GET /api/v1/evaluations/ on the emulator: HTTP ${res.status}`);
  const body = await res.json();
  return (body?.evaluations ?? []).find((e) => e.is_hosted && e.status === 'COMPLETED');
}

/**
 * The webview content frame that shows `selector`: webviews sit two iframes deep, and tabs opened earlier keep
 * theirs, so every frame of the page is looked at until one has it (polled up to the deadline).
 */
async function frameShowing(page, selector, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (
        (await frame
          .locator(selector)
          .count()
          .catch(() => 0)) > 0
      )
        return frame;
    }
    if (Date.now() > deadline) throw new Error(`no webview shows ${selector} after ${timeoutMs / 1000} s`);
    await page.waitForTimeout(200);
  }
}

/**
 * Clicks the completed Prime row (the sidebar already shows it), waits for the details page's sample rows and
 * histogram bars, and screenshots the window. Returns the failures found.
 */
export async function checkDetails({ page, emulatorUrl, screenshot, log }) {
  const failures = [];
  const completed = await completedHostedPrime(emulatorUrl);
  if (!completed) throw new Error('the emulator seed lacks a completed hosted Prime evaluation');
  await treeRow(page, completed.name).first().click();
  const frame = await frameShowing(page, 'tr.sample');
  const rows = frame.locator('tr.sample');
  await frame.locator('svg.histogram').waitFor({ timeout: 10_000 });
  const heading = (await frame.locator('h1').textContent())?.trim();
  const count = await rows.count();
  log(`details of "${completed.name}": heading "${heading}", ${count} sample rows`);
  if (heading !== completed.name) failures.push(`the details tab is titled "${heading}", expected "${completed.name}"`);
  if (count === 0) failures.push(`the details of "${completed.name}" show no sample rows`);
  await page.screenshot({ path: screenshot });
  log(`screenshot: ${screenshot}`);
  return failures;
}

/**
 * Selects two completed Prime rows (click, then Ctrl+click), runs "Compare Evaluations" from the context menu, waits
 * for the changed samples and screenshots the window.
 */
export async function checkCompare({ page, emulatorUrl, screenshot, log }) {
  const failures = [];
  const res = await fetch(`${emulatorUrl}/api/v1/evaluations/?skip=0&limit=100`, { headers: { authorization: `Bearer ${TEST_API_KEY}` } });
  const completed = ((await res.json())?.evaluations ?? []).filter((e) => e.is_hosted && e.status === 'COMPLETED');
  if (completed.length < 2) throw new Error('the emulator seed lacks two completed hosted Prime evaluations');
  const [first, second] = completed;
  await treeRow(page, first.name).first().click();
  await treeRow(page, second.name)
    .first()
    .click({ modifiers: ['ControlOrMeta'] });
  await treeRow(page, second.name).first().click({ button: 'right' });
  const item = page.locator('.monaco-menu .action-label', { hasText: 'Compare Evaluations' });
  await item.first().waitFor({ timeout: 10_000 });
  await item.first().click();
  const frame = await frameShowing(page, 'tr.change');
  const rows = frame.locator('tr.change');
  const count = await rows.count();
  log(`compare of "${first.name}" and "${second.name}": ${count} changed sample rows`);
  if (count === 0) failures.push('the compare view shows no changed samples');
  // Off the tree, so no row tooltip covers the screenshot: the pointer rests on the workbench's own title bar (inside
  // the webview the workbench would not see it leave the row), and a tooltip already open is waited out.
  await page.mouse.move(700, 8);
  await page
    .locator('.monaco-hover, .workbench-hover')
    .first()
    .waitFor({ state: 'hidden', timeout: 5_000 })
    .catch(() => {});
  await page.screenshot({ path: screenshot });
  log(`screenshot: ${screenshot}`);
  return failures;
}
