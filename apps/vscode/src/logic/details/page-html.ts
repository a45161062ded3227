import { escapeHtml } from './escape-html.js';

export interface PageSecurity {
  /** A fresh random value per render; only the page's own <style> and <script> carry it. */
  nonce: string;
}

/**
 * A webview page of the extension. Its Content-Security-Policy allows nothing but the page's own nonce'd style and
 * script: no remote content, no images, no frames, no forms. `body` must already be escaped markup. The script
 * reports what was drawn (rows marked `tr.sample` or `tr.change` with `data-sample-id`, histogram bars) and forwards a
 * click on `#open-report` to the extension, which checks the URL and opens it: the page itself never navigates.
 */
export function pageHtml(page: { title: string; revision: number; body: string; security: PageSecurity }): string {
  const nonce = escapeHtml(page.security.nonce);
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(page.title)}</title>
<style nonce="${nonce}">${STYLE}</style>
</head>
<body data-revision="${page.revision}">
${page.body}
<script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>`;
}

const STYLE = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 16px 24px; }
h1 { font-size: 1.5em; margin-bottom: 4px; }
h2 { font-size: 1.1em; margin-top: 24px; border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: 4px; }
.meta, .muted { color: var(--vscode-descriptionForeground); }
a { color: var(--vscode-textLink-foreground); }
code, pre { font-family: var(--vscode-editor-font-family); }
pre { white-space: pre-wrap; word-break: break-word; margin: 2px 0 6px; max-height: 12em; overflow: auto; background: var(--vscode-textCodeBlock-background); padding: 4px 6px; }
table { border-collapse: collapse; }
th, td { text-align: left; padding: 4px 10px; border-bottom: 1px solid var(--vscode-panel-border); vertical-align: top; }
table.stats td { font-size: 1.3em; font-variant-numeric: tabular-nums; }
table.samples { width: 100%; }
td.num { font-variant-numeric: tabular-nums; }
.tag { font-size: 0.85em; color: var(--vscode-descriptionForeground); }
.status { font-weight: 600; }
.status-completed, .verdict-pass { color: var(--vscode-testing-iconPassed); }
.status-failed, .status-timed_out, .verdict-fail, .error { color: var(--vscode-testing-iconFailed); }
.status-running, .status-queued { color: var(--vscode-charts-blue); }
.histogram .bar { fill: var(--vscode-charts-blue); }
.histogram .axis { stroke: var(--vscode-descriptionForeground); }
.histogram .label { fill: var(--vscode-descriptionForeground); font-size: 10px; }
.delta-up { color: var(--vscode-testing-iconPassed); }
.delta-down { color: var(--vscode-testing-iconFailed); }
figure { margin: 12px 0; }
figcaption { color: var(--vscode-descriptionForeground); font-size: 0.9em; }
ol.timeline { padding-left: 20px; }
ul.criteria { margin: 2px 0; padding-left: 18px; }
`;

/** Tells the extension what the page shows (for its tests) and forwards the report link click. */
const SCRIPT = `
const vscode = acquireVsCodeApi();
const report = document.getElementById('open-report');
if (report) report.addEventListener('click', (event) => { event.preventDefault(); vscode.postMessage({ type: 'openReport' }); });
vscode.postMessage({
  type: 'rendered',
  revision: Number(document.body.dataset.revision),
  sampleIds: Array.from(document.querySelectorAll('tr.sample, tr.change')).map((row) => row.dataset.sampleId),
  histogramBars: document.querySelectorAll('svg.histogram rect.bar').length,
});
`;
