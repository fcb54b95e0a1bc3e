#!/usr/bin/env bash
# Tests the extension and the language server in real clients:
#   vscode-suite  the mocha suite inside VS Code's extension host (code-server workbench + headless Chromium)
#   vscode-ui     a person's view: open seed 003, squiggles, Problems panel, docs/images/problems-panel.png
#   vscode-ui-preview  the table preview beside seed 001 with a wrong total, click and cursor, docs/images/preview.png
#   vscode-ui-editor   the offer to treat a .txt as a report (clicked), no ambiguous-character boxes in reports, the
#                      Explorer's import entry on a .docx, a rule page in Chinese, docs/images/rule-page.png
#   nvim          Neovim 0.7 as a second LSP client over --stdio
# Installs what it needs first (scripts/setup-test-clients.sh, idempotent), then builds.
# Prints one line per check: "PASS name", "FAIL name: why" or "NOT RUN name: why", and exits
# non-zero unless every check passed (a check that could not run counts as a failure).
#
#   bash test/real-clients.sh            SKIP_SETUP=1 to skip the installer, SKIP_BUILD=1 to use dist/ as is
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
T0=$(date +%s)
CHECKS=(vscode-suite vscode-ui vscode-ui-preview vscode-ui-editor nvim)
declare -A STATUS REASON
LOGDIR="$ROOT/test-results"
mkdir -p "$LOGDIR"
# artifacts of an earlier run would be mistaken for this one's
rm -f "$LOGDIR"/{setup,build,vscode-suite,vscode-ui,vscode-ui-preview,vscode-ui-editor,nvim,code-server}.log "$LOGDIR"/vscode-{suite,ui,ui-preview,ui-editor}-failure.png

banner() { printf '\n=== %s (%ss) ===\n' "$*" "$(( $(date +%s) - T0 ))"; }
set_all_not_run() { for c in "${CHECKS[@]}"; do STATUS[$c]="NOT RUN"; REASON[$c]="$1"; done; }
summary() {
  banner "summary"
  local bad=0
  for c in "${CHECKS[@]}"; do
    case "${STATUS[$c]:-NOT RUN}" in
      PASS) echo "PASS $c${REASON[$c]:+: ${REASON[$c]}}" ;;
      FAIL) echo "FAIL $c: ${REASON[$c]:-see log above}"; bad=1 ;;
      *)    echo "NOT RUN $c: ${REASON[$c]:-not attempted}"; bad=1 ;;
    esac
  done
  echo "real-clients: $([ $bad -eq 0 ] && echo 'all checks passed' || echo 'FAILED') in $(( $(date +%s) - T0 ))s (logs in ${LOGDIR#"$ROOT"/})"
  exit $bad
}

# ---- setup
if [ -z "${SKIP_SETUP:-}" ]; then
  banner "setup (scripts/setup-test-clients.sh)"
  if ! bash scripts/setup-test-clients.sh 2>&1 | tee "$LOGDIR/setup.log"; then
    set_all_not_run "setup failed (see test-results/setup.log)"; summary
  fi
fi

# ---- build
if [ -z "${SKIP_BUILD:-}" ]; then
  banner "build (node scripts/build.mjs)"
  if ! node scripts/build.mjs 2>&1 | tee "$LOGDIR/build.log"; then
    set_all_not_run "build failed (see test-results/build.log)"; summary
  fi
fi

# ---- a check that prints "RESULT name STATUS detail" lines (test/vscode/run.mjs)
run_vscode_phase() { # $1 = check name, $2 = run.mjs flag
  local name=$1 flag=$2 log="$LOGDIR/$1.log" line rc
  banner "$name (node test/vscode/run.mjs $flag)"
  node test/vscode/run.mjs "$flag" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  line=$(grep -E "^RESULT $name " "$log" | tail -1)
  case "$line" in
    "RESULT $name PASS "*)    STATUS[$name]=PASS;      REASON[$name]="${line#"RESULT $name PASS "}" ;;
    "RESULT $name FAIL "*)    STATUS[$name]=FAIL;      REASON[$name]="${line#"RESULT $name FAIL "}" ;;
    "RESULT $name NOT-RUN "*) STATUS[$name]="NOT RUN"; REASON[$name]="${line#"RESULT $name NOT-RUN "}" ;;
    *) STATUS[$name]=FAIL; REASON[$name]="run.mjs exited with $rc without reporting a result (see test-results/$name.log)" ;;
  esac
  # a PASS line with a non-zero exit is not a pass
  if [ "${STATUS[$name]}" = PASS ] && [ "$rc" -ne 0 ]; then STATUS[$name]=FAIL; REASON[$name]="run.mjs exited with $rc"; fi
}
run_vscode_phase vscode-suite --suite
run_vscode_phase vscode-ui --ui
run_vscode_phase vscode-ui-preview --ui-preview
run_vscode_phase vscode-ui-editor --ui-editor

# ---- nvim
banner "nvim (test/nvim/run.sh)"
bash test/nvim/run.sh 2>&1 | tee "$LOGDIR/nvim.log"
rc=${PIPESTATUS[0]}
case $rc in
  0) STATUS[nvim]=PASS; REASON[nvim]="$(grep -E '^PASS: nvim' "$LOGDIR/nvim.log" | tail -1 | sed 's/^PASS: //')" ;;
  2) STATUS[nvim]="NOT RUN"; REASON[nvim]="$(grep -E '^NOT-RUN nvim' "$LOGDIR/nvim.log" | sed 's/^NOT-RUN nvim: //')" ;;
  *) STATUS[nvim]=FAIL; REASON[nvim]="$(grep -E '^\s+FAIL ' "$LOGDIR/nvim.log" | sed 's/^\s*FAIL //' | paste -sd ';' -)"; REASON[nvim]="${REASON[nvim]:-nvim exited with $rc}" ;;
esac

summary
