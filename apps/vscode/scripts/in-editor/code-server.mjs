// A real VS Code for the in-editor tests: code-server (VS Code's web build, real Node extension host)
// from the cache that .ci/setup-vscode-offline.sh fills. See <repo>/../shared/recipes/vscode-offline.md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runGroup, spawnGroup, stopGroup } from './process-groups.mjs';
import { freePort, waitFor } from './net.mjs';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const setupScript = join(repoRoot, '.ci', 'setup-vscode-offline.sh');
const cacheDir = process.env.EVALGATE_VSCODE_CACHE ?? join(repoRoot, '.cache', 'vscode-offline');
const pathsFile = join(cacheDir, 'paths.env');

function readPaths() {
  const paths = Object.fromEntries(
    readFileSync(pathsFile, 'utf8')
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const ok = [paths.NODE24_HOME, paths.CODE_SERVER_BIN, paths.CHROMIUM_BIN].every((p) => p && existsSync(p));
  return ok ? paths : undefined;
}

/** The cached tool paths, running the setup script first when the cache is missing or incomplete. */
export async function ensureSetup(log) {
  const cached = existsSync(pathsFile) ? readPaths() : undefined;
  if (cached) return cached;
  log(`VS Code cache missing: running ${setupScript} (about 5 minutes on a fresh machine)`);
  const { code, output } = await runGroup('bash', [setupScript], { cwd: repoRoot, onOutput: (text) => process.stdout.write(text) });
  if (code !== 0) throw new Error(`.ci/setup-vscode-offline.sh failed (exit ${code}):\n${output.slice(-3000)}`);
  const paths = existsSync(pathsFile) ? readPaths() : undefined;
  if (!paths) throw new Error(`.ci/setup-vscode-offline.sh succeeded but ${pathsFile} names missing tools`);
  return paths;
}

/**
 * One code-server instance with its own HOME, user data and extensions dir under `scratch`.
 * `extensionsDir` lets the .vsix pass use a fresh, separately prepared folder; `extraEnv` reaches the extension host.
 */
export async function startCodeServer({ tools, scratch, name, workspace, extensionsDir, extraEnv = {}, log }) {
  const home = join(scratch, `${name}-home`);
  const userData = join(scratch, `${name}-user-data`);
  const extensions = extensionsDir ?? join(scratch, `${name}-extensions`);
  for (const dir of [home, userData, extensions]) mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const config = join(scratch, `${name}-config.yaml`);
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const env = { ...codeServerEnv(tools, home), ...extraEnv };
  const child = spawnGroup(
    tools.CODE_SERVER_BIN,
    [
      '--config',
      config,
      '--user-data-dir',
      userData,
      '--extensions-dir',
      extensions,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      // Lets the page URL carry extensionDevelopmentPath/extensionTestsPath and exposes codeAutomationExit.
      '--vscode-option',
      'enable-smoke-test-driver',
      workspace,
    ],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (d) => {
    output = (output + d).slice(-20000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited;
  child.on('exit', (code, signal) => (exited = `exit ${code ?? signal}`));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`code-server ${name} to answer ${url}/healthz`, 30_000, async () => {
    if (exited) throw new Error(`code-server ${name} ended early (${exited}):\n${output.slice(-3000)}`);
    const res = await fetch(`${url}/healthz`).catch(() => undefined);
    return res?.ok === true;
  });
  log(`code-server ${name} ready at ${url}`);
  return {
    url,
    userData,
    extensions,
    output: () => output,
    stop: () => stopGroup(child.pid),
  };
}

/** `code-server --install-extension <vsix>` into `extensionsDir`. */
export async function installVsix({ tools, scratch, vsix, extensionsDir }) {
  const home = join(scratch, 'install-home');
  mkdirSync(home, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const { code, output } = await runGroup(
    tools.CODE_SERVER_BIN,
    ['--user-data-dir', join(scratch, 'install-user-data'), '--extensions-dir', extensionsDir, '--install-extension', vsix],
    { env: codeServerEnv(tools, home) },
  );
  if (code !== 0 || !/successfully installed/i.test(output)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${code}):\n${output.slice(-3000)}`);
  }
  return output
    .split('\n')
    .filter((line) => /installed/i.test(line))
    .join('\n');
}

function codeServerEnv(tools, home) {
  // code-server needs Node 24 first on PATH; HOME/XDG_* keep it from writing to the real home.
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    PATH: `${join(tools.NODE24_HOME, 'bin')}:${process.env.PATH ?? ''}`,
  };
  // Do not hand the parent's npm/VS Code context to the extension host.
  for (const key of Object.keys(env)) {
    if (key.startsWith('npm_') || key.startsWith('VSCODE_')) delete env[key];
  }
  delete env.PASSWORD;
  delete env.HASHED_PASSWORD;
  return env;
}
