// Renders benchmark rows as a plain-text table: figure | evalgate | reference | unit.

function formatValue(value) {
  if (value === null || value === undefined) return 'n/a';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'n/a';
    const abs = Math.abs(value);
    if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
    if (abs >= 100) return value.toFixed(0);
    if (abs >= 10) return value.toFixed(1);
    return value.toFixed(abs >= 1 || abs === 0 ? 2 : 3);
  }
  return String(value);
}

/** `rows`: [{ figure, evalgate, reference, referenceLabel?, unit }]. Notes are printed under the table. */
export function renderTable(rows) {
  const header = ['figure', 'evalgate', 'reference', 'unit'];
  const cells = rows.map((row) => [
    row.figure,
    formatValue(row.evalgate),
    row.reference === undefined ? '—' : `${formatValue(row.reference)}${row.referenceLabel ? ` (${row.referenceLabel})` : ''}`,
    row.unit,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column].length)));
  const line = (values) => `| ${values.map((value, column) => value.padEnd(widths[column])).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
  return [line(header), rule, ...cells.map(line)].join('\n');
}

export { formatValue };
