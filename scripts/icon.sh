#!/usr/bin/env bash
# Makes the extension's icon (docs/images/icon.png, 128×128, referenced by package.json "icon") from its source
# docs/images/icon.svg. Needs rsvg-convert (Debian: apt-get install librsvg2-bin). Run after editing the SVG and
# commit both files.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v rsvg-convert >/dev/null || { echo "rsvg-convert not found: apt-get install librsvg2-bin" >&2; exit 2; }
rsvg-convert --width 128 --height 128 --format png --output docs/images/icon.png docs/images/icon.svg
echo "docs/images/icon.png written"
