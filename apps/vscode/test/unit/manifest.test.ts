import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PROVIDER_NAMES } from '@evalgate/core';
import { describe, expect, it } from 'vitest';
import { COMMANDS, SETTINGS, VIEW_CONTAINER_ID, VIEW_ID } from '../../src/api.js';
import { EXTENSION_PROVIDERS, providerEntries } from '../../src/logic/providers/registry.js';
import { DEFAULT_POLL_INTERVAL_SECONDS } from '../../src/logic/settings.js';

interface MenuEntry {
  command: string;
  when?: string;
  group?: string;
}

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  main: string;
  capabilities?: { untrustedWorkspaces?: { supported: unknown; restrictedConfigurations?: string[] } };
  activationEvents: string[];
  engines: { vscode: string };
  contributes: {
    viewsContainers: { activitybar: Array<{ id: string }> };
    views: Record<string, Array<{ id: string }>>;
    viewsWelcome: Array<{ view: string; when: string; contents: string }>;
    commands: Array<{ command: string }>;
    menus: Record<string, MenuEntry[]>;
    configuration: { properties: Record<string, { default: unknown }> };
  };
};

/** Evaluates a menu's `viewItem =~ /…/` clauses against a contextValue, as VS Code does. */
function menuShows(entry: MenuEntry, contextValue: string): boolean {
  const clauses = [...(entry.when ?? '').matchAll(/viewItem =~ \/(.+?)\/(?=\s|$)/g)];
  return clauses.length > 0 && clauses.every((clause) => new RegExp(clause[1]!).test(contextValue));
}

describe('package.json agrees with src/api.ts', () => {
  it('declares the view container, the view and view activation only', () => {
    expect(manifest.contributes.viewsContainers.activitybar.map((container) => container.id)).toEqual([VIEW_CONTAINER_ID]);
    expect(manifest.contributes.views[VIEW_CONTAINER_ID]?.map((view) => view.id)).toEqual([VIEW_ID]);
    expect(manifest.activationEvents).toEqual([`onView:${VIEW_ID}`]);
    expect(manifest.main).toBe('./dist/extension.js');
    expect(manifest.engines.vscode).toBe('^1.90.0');
  });

  it('declares every command of the contract, and no other', () => {
    expect(manifest.contributes.commands.map((command) => command.command).sort()).toEqual(Object.values(COMMANDS).sort());
  });

  it('declares the settings with their defaults', () => {
    const properties = manifest.contributes.configuration.properties;
    expect(Object.keys(properties).sort()).toEqual(Object.values(SETTINGS).sort());
    expect(properties[SETTINGS.pollIntervalSeconds]?.default).toBe(DEFAULT_POLL_INTERVAL_SECONDS);
    expect(properties[SETTINGS.notifyOnFinish]?.default).toBe(true);
    expect(properties[SETTINGS.connections]?.default).toEqual([]);
  });

  it('has a welcome view for every state but ready', () => {
    const states = manifest.contributes.viewsWelcome.map((welcome) => welcome.when.replace('evalgate.viewState == ', ''));
    expect(states.sort()).toEqual(['badSettings', 'noApiKey', 'noConnection', 'unreachable']);
    const noConnection = manifest.contributes.viewsWelcome.find((welcome) => welcome.when.endsWith('noConnection'));
    expect(noConnection?.contents).toContain(`command:${COMMANDS.addEmulatorConnection}`);
    // Welcome views render links only: a code span would show its backticks.
    for (const welcome of manifest.contributes.viewsWelcome) expect(welcome.contents).not.toContain('`');
  });

  it('offers cancel (inline and in the context menu) only on cancelable rows', () => {
    const itemMenus = manifest.contributes.menus['view/item/context'] ?? [];
    const cancelEntries = itemMenus.filter((entry) => entry.command === COMMANDS.cancel);
    expect(cancelEntries.map((entry) => entry.group?.split('@')[0])).toEqual(['inline', '1_evaluation']);
    for (const entry of cancelEntries) {
      expect(menuShows(entry, 'evaluation cancelable openable copyable status-running')).toBe(true);
      expect(menuShows(entry, 'evaluation openable copyable status-completed')).toBe(false);
      expect(menuShows(entry, 'connection removable hasApiKey')).toBe(false);
    }
    const remove = itemMenus.find((entry) => entry.command === COMMANDS.removeConnection)!;
    expect(menuShows(remove, 'connection removable needsApiKey')).toBe(true);
    expect(menuShows(remove, 'evaluation copyable status-running')).toBe(false);
  });

  it('offers Re-run (inline and in the context menu) only on rerunnable rows', () => {
    const rerunEntries = (manifest.contributes.menus['view/item/context'] ?? []).filter((entry) => entry.command === COMMANDS.rerun);
    expect(rerunEntries.map((entry) => entry.group?.split('@')[0])).toEqual(['inline', '1_evaluation']);
    for (const entry of rerunEntries) {
      expect(menuShows(entry, 'evaluation openable rerunnable copyable status-completed')).toBe(true);
      expect(menuShows(entry, 'evaluation openable copyable status-completed')).toBe(false);
      expect(menuShows(entry, 'evaluation cancelable copyable status-running')).toBe(false);
    }
  });

  it('hides item commands from the command palette', () => {
    const hidden = (manifest.contributes.menus.commandPalette ?? []).filter((entry) => entry.when === 'false').map((entry) => entry.command);
    expect(hidden.sort()).toEqual(
      [COMMANDS.cancel, COMMANDS.copyId, COMMANDS.loadMore, COMMANDS.openReport, COMMANDS.openDetails, COMMANDS.compare, COMMANDS.rerun].sort(),
    );
  });

  it('ignores workspace-level connections in an untrusted workspace', () => {
    expect(manifest.capabilities?.untrustedWorkspaces).toMatchObject({
      supported: 'limited',
      restrictedConfigurations: [SETTINGS.connections],
    });
  });

  it('has what the marketplace shows, and ships no node_modules', () => {
    const listing = manifest as unknown as { icon: string; keywords: string[]; homepage: string; bugs: { url: string }; vsce: { dependencies: boolean } };
    expect(existsSync(new URL(`../../${listing.icon}`, import.meta.url))).toBe(true);
    expect(listing.icon).toMatch(/\.png$/);
    expect(listing.keywords.length).toBeGreaterThan(3);
    expect(listing.homepage).toMatch(/^https:\/\//);
    expect(listing.bugs.url).toMatch(/^https:\/\/.*\/issues$/);
    expect(listing.vsce.dependencies).toBe(false);
  });

  it('packages only the bundle, the manifest, the media, README and LICENSE', () => {
    const vsce = fileURLToPath(new URL('../../node_modules/.bin/vsce', import.meta.url));
    const bin = existsSync(vsce) ? vsce : fileURLToPath(new URL('../../../../node_modules/.bin/vsce', import.meta.url));
    const listed = execFileSync(bin, ['ls', '--no-dependencies'], { cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8' });
    // dist/extension.js is listed once built (the unit tests may run before the build).
    const built = existsSync(new URL('../../dist/extension.js', import.meta.url)) ? ['dist/extension.js'] : [];
    expect(listed.trim().split('\n').sort()).toEqual(['LICENSE', 'README.md', ...built, 'media/evalgate.svg', 'media/icon.png', 'package.json'].sort());
  });
});

describe('package.json agrees with the provider registries', () => {
  const providerProperty = () => {
    const connections = manifest.contributes.configuration.properties[SETTINGS.connections] as unknown as {
      items: { properties: { provider: { enum: string[]; enumDescriptions: string[] } } };
    };
    return connections.items.properties.provider;
  };

  it("lists exactly core's shipped providers, in its order, described as the quick pick describes them", () => {
    expect(providerProperty().enum).toEqual([...PROVIDER_NAMES]);
    const shipped = providerEntries().filter((entry) => PROVIDER_NAMES.includes(entry.name));
    expect(providerProperty().enumDescriptions).toEqual(shipped.map((entry) => entry.description));
  });

  it("gives every provider of core's registry an extension part, and no other", () => {
    expect(EXTENSION_PROVIDERS.map((provider) => provider.name)).toEqual([...PROVIDER_NAMES]);
  });
});
