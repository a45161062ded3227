/**
 * Evaluates the `when` clauses of `view/item/context` menu entries the way VS Code does for the subset the
 * manifest uses (`view == x`, `viewItem == x`, `viewItem =~ /re/flags`, `listMultiSelection`, joined by `&&`), so a test can ask
 * "would this row's context menu offer this command?" from its contextValue alone.
 */

export interface MenuContext {
  view: string;
  viewItem: string;
  /** Several rows are selected (default false: the menu of one right-clicked row). */
  listMultiSelection?: boolean;
}

function evaluateTerm(term: string, context: MenuContext): boolean {
  if (term === 'listMultiSelection') return context.listMultiSelection === true;
  const regexMatch = /^(view|viewItem)\s*=~\s*\/(.*)\/([a-z]*)$/.exec(term);
  if (regexMatch) {
    const [, key, source, flags] = regexMatch as unknown as [string, 'view' | 'viewItem', string, string];
    return new RegExp(source, flags).test(context[key]);
  }
  const equalsMatch = /^(view|viewItem)\s*(==|!=)\s*'?([^']*)'?$/.exec(term);
  if (equalsMatch) {
    const [, key, operator, value] = equalsMatch as unknown as [string, 'view' | 'viewItem', '==' | '!=', string];
    return operator === '==' ? context[key] === value : context[key] !== value;
  }
  throw new Error(`when-clause term "${term}" is outside what this test evaluates (view/viewItem ==, !=, =~ joined by &&)`);
}

export function evaluateWhen(when: string | undefined, context: MenuContext): boolean {
  if (when === undefined || when.trim() === '') return true;
  if (when.includes('||') || when.includes('!(')) {
    throw new Error(`when clause "${when}" uses || or negation, which this test does not evaluate`);
  }
  return when.split('&&').every((term) => evaluateTerm(term.trim(), context));
}

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

/** Commands the tree row's right-click menu (non-inline groups) offers for this contextValue. */
export function contextMenuCommands(menus: MenuEntry[], context: MenuContext, options: { inline: boolean }): string[] {
  return menus
    .filter((entry) => (entry.group ?? '').startsWith('inline') === options.inline)
    .filter((entry) => evaluateWhen(entry.when, context))
    .map((entry) => entry.command);
}
