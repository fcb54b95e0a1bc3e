#!/usr/bin/env bash
# Neovim as a second, independent LSP client: `node dist/server.js --stdio` on seed 003.
# Prints the diagnostics and "PASS"/"FAIL"; exit 0 pass, 1 fail, 2 cannot run (no nvim or no build).
#   test/nvim/run.sh [REPORT]      (default: test/vscode/workspace/seed003_…年度报告.txt)
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
FILE="${1:-$ROOT/test/vscode/workspace/seed003_铜官区经信局2023年度报告.txt}"
SERVER="$ROOT/dist/server.js"

command -v nvim >/dev/null || { echo "NOT-RUN nvim: nvim not installed (run scripts/setup-test-clients.sh)"; exit 2; }
[ -f "$SERVER" ] || { echo "NOT-RUN nvim: $SERVER missing (run node scripts/build.mjs)"; exit 2; }
[ -f "$FILE" ] || { echo "FAIL nvim: report $FILE not found"; exit 1; }

RUN="$(mktemp -d "${TMPDIR:-/tmp}/nianbao-nvim-XXXXXX")"
trap 'rm -rf "$RUN"' EXIT
# work on a copy: the test edits the buffer (never saved, but be safe), and nothing goes to $HOME
cp "$FILE" "$RUN/" && chmod u+w "$RUN/$(basename "$FILE")"
export XDG_CONFIG_HOME="$RUN/config" XDG_DATA_HOME="$RUN/data" XDG_CACHE_HOME="$RUN/cache" XDG_STATE_HOME="$RUN/state"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"

echo "$(nvim --version | head -1), server: node $(node -v) $SERVER --stdio"
LSP_SERVER="$SERVER" EXPECT_CODES="${EXPECT_CODES:-label-typo,missing-row}" MIN_COUNT="${MIN_COUNT:-2}" \
FIX_CODE="label-typo" FIX_FROM="本年度止件数" FIX_TO="本年废止件数" \
  timeout 120 nvim --headless --clean -c "luafile $ROOT/test/nvim/lsp-test.lua" "$RUN/$(basename "$FILE")"
rc=$?
if [ $rc -ne 0 ]; then
  echo "nvim exited with $rc"
  for f in "$XDG_CACHE_HOME/nvim/lsp.log" "$XDG_STATE_HOME/nvim/lsp.log"; do
    [ -s "$f" ] && { echo "--- $f (last 40 lines)"; tail -40 "$f"; }
  done
  exit 1
fi
