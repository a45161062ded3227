// Driving code-server's VS Code workbench with Playwright: the browser, the smoke-test payload that runs the
// mocha suite, and the UI gestures the checks need (activity bar, tree rows, context menus, command palette).
import { chromium } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium with a fresh profile in `profileDir` (it rejects --user-data-dir; the dir is the first parameter). */
export async function launchBrowser(executablePath, profileDir) {
  return chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
    env: { ...process.env, HOME: profileDir, XDG_CONFIG_HOME: profileDir },
  });
}

/** The workbench URL; `payload` entries are honoured because code-server runs with enable-smoke-test-driver. */
export function workbenchUrl(serverUrl, workspace, payload = []) {
  const url = new URL(serverUrl);
  url.searchParams.set('folder', workspace);
  if (payload.length > 0) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/** A local path as the remote (code-server) side sees it. */
export function remoteUri(serverUrl, absolutePath) {
  return `vscode-remote://${new URL(serverUrl).host}${absolutePath}`;
}

// Console messages come as printf-style arguments: `%c[Extension Host] %c...` with CSS for each %c.
async function consoleText(message) {
  const values = await Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => '')));
  if (values.length === 0) return message.text();
  const [format, ...rest] = values;
  if (typeof format !== 'string') return values.map(String).join(' ');
  const text = format.replace(/%[csdifoO]/g, (directive) => {
    const value = rest.shift();
    return directive === '%c' ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  });
  return [text, ...rest.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))].join(' ').trimEnd();
}

/**
 * Opens the workbench with the suite as `extensionTestsPath` and resolves with the exit code the workbench
 * passes to `window.codeAutomationExit` when mocha finishes. Extension-host output goes to `print`.
 */
export async function runSuiteInPage({ context, serverUrl, workspace, extensionPath, testsPath, print, timeoutMs }) {
  const page = await context.newPage();
  let settle;
  const exitCode = new Promise((resolve) => (settle = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => {
    settle(Number(code));
  });
  // Console events are handled in order so mocha's report is printed as it ran.
  let printed = Promise.resolve();
  page.on('console', (message) => {
    printed = printed.then(async () => {
      const text = await consoleText(message).catch(() => message.text());
      if (process.env.EVALGATE_IN_EDITOR_DEBUG) print(`[console.${message.type()}] ${text}`);
      else if (text.includes('[Extension Host]')) print(text.replace(/^.*?\[Extension Host\]\s?/, ''));
    });
  });
  page.on('pageerror', (error) => print(`[page error] ${error.message}`));
  await page.goto(
    workbenchUrl(serverUrl, workspace, [
      ['extensionDevelopmentPath', remoteUri(serverUrl, extensionPath)],
      ['extensionTestsPath', remoteUri(serverUrl, testsPath)],
    ]),
  );
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the mocha suite did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    return await Promise.race([exitCode, timeout]);
  } finally {
    clearTimeout(timer);
    await printed;
    await page.close().catch(() => {});
  }
}

/** Opens the workbench (optionally with an extension under development) and waits for it to be interactive. */
export async function openWorkbench({ context, serverUrl, workspace, extensionPath }) {
  const page = await context.newPage();
  const payload = extensionPath ? [['extensionDevelopmentPath', remoteUri(serverUrl, extensionPath)]] : [];
  await page.goto(workbenchUrl(serverUrl, workspace, payload));
  await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
  return page;
}

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Clicks the activity-bar entry whose aria-label starts with `title` and waits for its sidebar. */
export async function openViewContainer(page, title) {
  const entry = page.locator(`.part.activitybar [aria-label^="${title}"]`).first();
  await entry.waitFor({ timeout: 30_000 }).catch(async () => {
    const labels = await page.locator('.part.activitybar [aria-label]').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
    throw new Error(`no activity-bar entry labelled "${title}…"; entries: ${labels.join(', ')}`);
  });
  const sidebar = page.locator('.part.sidebar');
  // Clicking the entry of the container already shown hides the sidebar (a restored layout can be that state), so
  // click only when it is not shown; a loaded machine can take seconds to show it, so wait generously before
  // concluding that a click toggled it away and clicking once more.
  const shown = async () =>
    (await sidebar.isVisible()) &&
    (await entry.evaluate((el) => el.closest('.action-item')?.classList.contains('checked') || el.getAttribute('aria-pressed') === 'true'));
  if (!(await shown())) {
    await entry.click();
    if (
      !(await sidebar.waitFor({ state: 'visible', timeout: 20_000 }).then(
        () => true,
        () => false,
      ))
    )
      await entry.click();
  }
  await sidebar.waitFor({ state: 'visible', timeout: 20_000 });
  // The view has rendered once it shows tree rows or a welcome message; until then the workbench is still busy.
  await page.locator('.part.sidebar .monaco-list-row, .part.sidebar .welcome-view-content').first().waitFor({ timeout: 30_000 });
}

/** The sidebar tree row whose label is exactly `label`. */
export function treeRow(page, label) {
  return page
    .locator('.part.sidebar .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegex(label)}\\s*$`) }) });
}

/** Expands a collapsed tree row (clicking an expanded one would collapse it). */
export async function expandRow(page, row) {
  await row.waitFor({ timeout: 30_000 });
  if ((await row.getAttribute('aria-expanded')) === 'false') await row.click();
}

/** Right-clicks `row` and returns the labels of its context menu, then closes the menu. */
export async function contextMenuLabels(page, row) {
  await row.click({ button: 'right' });
  const menu = page.locator('.monaco-menu .action-label');
  await menu.first().waitFor({ timeout: 10_000 });
  const labels = (await menu.allInnerTexts()).map((label) => label.trim()).filter((label) => label.length > 0);
  await page.keyboard.press('Escape');
  await page
    .locator('.monaco-menu')
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => {});
  return labels;
}

/** The text of the hover (tooltip) the workbench shows that matches `pattern`, or undefined if none shows within 15 s. */
export async function hoverText(page, pattern) {
  const hover = page.locator('.monaco-hover, .workbench-hover', { hasText: pattern }).first();
  return hover.waitFor({ timeout: 15_000 }).then(
    () => hover.innerText(),
    () => undefined,
  );
}

/** Right-clicks `row` and clicks its context-menu entry labelled exactly `label`, as a user does. */
export async function runContextMenuEntry(page, row, label) {
  await row.click({ button: 'right' });
  const entry = page.locator('.monaco-menu .action-label', { hasText: new RegExp(`^\\s*${escapeRegex(label)}\\s*$`) }).first();
  await entry.waitFor({ timeout: 10_000 });
  await entry.click();
}

/** Waits for a modal dialog, clicks its button labelled `button`, and returns the dialog's message and detail. */
export async function answerDialog(page, button) {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 10_000 });
  const text = async (selector) =>
    (
      (await dialog
        .locator(selector)
        .first()
        .innerText()
        .catch(() => '')) ?? ''
    ).trim();
  const answer = { message: await text('.dialog-message-text'), detail: await text('.dialog-message-detail') };
  await dialog
    .locator('.dialog-buttons .monaco-button', { hasText: new RegExp(`^\\s*${escapeRegex(button)}\\s*$`) })
    .first()
    .click();
  await dialog.waitFor({ state: 'detached', timeout: 10_000 });
  return answer;
}

const quickInput = (page) => page.locator('.quick-input-widget');
const quickInputRow = (page, text) => page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first();

/** Runs a command by its palette title (`Category: Title`). */
export async function runFromPalette(page, title) {
  await page.locator('.part.sidebar .title').first().click();
  await page.keyboard.press('F1');
  const input = quickInput(page).locator('input').first();
  await input.waitFor({ state: 'visible', timeout: 5_000 });
  await input.fill(`>${title}`, { timeout: 5_000 });
  await quickInputRow(page, title).waitFor({ timeout: 5_000 });
  await input.press('Enter');
}

/** One pass through `evalgate: Set API Key`'s prompts: connection quick pick, then the password input box. */
async function setApiKeyOnce(page, connectionText, key) {
  await runFromPalette(page, 'evalgate: Set API Key');
  const pick = quickInputRow(page, connectionText);
  await pick.waitFor({ timeout: 5_000 });
  await pick.click();
  const password = quickInput(page).locator('input[type="password"]');
  await password.waitFor({ timeout: 5_000 });
  await password.fill(key);
  await password.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden', timeout: 10_000 });
}

/**
 * `evalgate: Set API Key` through its prompts, as a user does: pick the connection whose entry mentions
 * `connectionText`, then type the key. Quick inputs close when the still-loading workbench moves the focus,
 * so a pass that loses its prompt starts over (storing the same key twice is harmless).
 */
export async function setApiKeyThroughPrompts(page, connectionText, key, onRetry = () => {}) {
  for (let attempt = 1; ; attempt++) {
    try {
      await setApiKeyOnce(page, connectionText, key);
      return;
    } catch (error) {
      if (attempt === 3) throw new Error(`evalgate: Set API Key for "${connectionText}" failed 3 times: ${error.message}`);
      onRetry(`evalgate: Set API Key for "${connectionText}", attempt ${attempt}: ${error.message.split('\n')[0]}`);
      await page.keyboard.press('Escape');
      await quickInput(page)
        .waitFor({ state: 'hidden', timeout: 5_000 })
        .catch(() => {});
    }
  }
}

/** Screenshot of the sidebar only (the Evaluations view), written to `file`. */
export async function screenshotSidebar(page, file) {
  await page.locator('.part.sidebar').screenshot({ path: file });
}

/**
 * Selects `row` (a click, as a user does), clicks the view-title button labelled `title`, and returns the
 * placeholder of the quick input it opened, then closes it. Throws when no quick input opened.
 */
export async function titleButtonPrompt(page, row, title) {
  await row.click();
  const button = page.locator(`.part.sidebar .action-label[aria-label^="${title}"]`).first();
  await button.waitFor({ timeout: 10_000 });
  await button.click();
  const input = quickInput(page).locator('input').first();
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  const placeholder = (await input.getAttribute('placeholder')) ?? (await input.getAttribute('aria-label')) ?? '';
  await page.keyboard.press('Escape');
  await quickInput(page)
    .waitFor({ state: 'hidden', timeout: 5_000 })
    .catch(() => {});
  return placeholder;
}

/**
 * The activation time VS Code itself reports for an extension: the "Developer: Show Running Extensions" editor's
 * `Activation: <n>ms` (the extension host's code loading + activate() call). The row is named by the display name,
 * or the id when the editor has no marketplace data; the list is virtual, so it is scrolled until the row shows.
 * Waits while it says "Activating...".
 */
export async function reportedActivationMs(page, { extensionId, displayName }) {
  await runFromPalette(page, 'Developer: Show Running Extensions');
  const names = [extensionId, displayName].filter(Boolean).map(escapeRegex).join('|');
  const list = page.locator('.runtime-extensions-editor .monaco-list').first();
  await list.waitFor({ timeout: 30_000 });
  const row = page
    .locator('.runtime-extensions-editor .extension')
    .filter({ has: page.locator('.name', { hasText: new RegExp(`^\\s*(${names})\\s*$`, 'i') }) })
    .first();
  for (let scrolls = 0; (await row.count()) === 0; scrolls++) {
    if (scrolls === 100) throw new Error(`Show Running Extensions lists no ${displayName ?? extensionId}`);
    await list.hover();
    await page.mouse.wheel(0, 280);
    await page.waitForTimeout(100);
  }
  const time = row.locator('.activation-time');
  const deadline = Date.now() + 30_000;
  for (;;) {
    const text = (await time.innerText({ timeout: 30_000 })).trim();
    const match = /Activation: (\d+(?:\.\d+)?)\s*ms/.exec(text);
    if (match) return Number(match[1]);
    if (Date.now() > deadline) throw new Error(`Show Running Extensions says "${text}" for ${displayName ?? extensionId}, no activation time`);
    await page.waitForTimeout(200);
  }
}
