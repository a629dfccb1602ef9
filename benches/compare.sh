#!/usr/bin/env bash
# Whole-process figures for README "Benchmarks", each printed with its target and PASS or MISS:
#   (a) analyze of each PDF of tests/fixtures against pdftotext extracting the same PDF (≤ 1.5×)
#   (b) one text resume, the whole process (< 5 ms)
#   (c) batch throughput over 1,000 generated text and Markdown resumes (≥ 300 files/s)
#   (d) peak memory for a 3-page resume (< 50 MB)
#   (e) linear growth in resume length (25, 50, 100 pages) and in profile terms (N, 2N, 4N)
#
# Usage: bash benches/compare.sh [RUNS]     (from anywhere; RUNS per figure, default 30)
# Uses hyperfine when it is installed (apt-get install hyperfine), else a bash loop timed with
# `date +%s%N`; medians either way. pdftotext is from poppler-utils, /usr/bin/time from `time`.
# Criterion benches of each stage in-process: cargo bench --bench pipeline.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-30}
cargo build --release --locked --quiet
bin=$PWD/target/release/skillgap
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if command -v hyperfine >/dev/null 2>&1; then timer=hyperfine; else timer="bash loop"; fi

# median_ms N CMD...: the median wall time of CMD in milliseconds (output discarded).
median_ms() {
  local n=$1
  shift
  if [ "$timer" = hyperfine ]; then
    hyperfine -N --style none --warmup 3 --runs "$n" --export-json "$work/h.json" -- "$(printf '%q ' "$@")" >/dev/null 2>&1
    python3 -c 'import json,sys; print("%.3f" % (json.load(open(sys.argv[1]))["results"][0]["median"] * 1000))' "$work/h.json"
  else
    local i start end
    for i in 1 2 3; do "$@" >/dev/null 2>&1 || true; done
    for ((i = 0; i < n; i++)); do
      start=$(date +%s%N)
      "$@" >/dev/null 2>&1 || true
      end=$(date +%s%N)
      echo $(((end - start) / 1000))
    done | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f\n", m / 1000 }'
  fi
}

# verdict MEASURED OP TARGET: PASS or MISS (OP is <, <= or >=).
verdict() {
  if awk -v m="$1" -v t="$3" -v op="$2" 'BEGIN { exit !(op == "<" ? m < t : op == "<=" ? m <= t : m >= t) }'; then
    echo PASS
  else
    echo MISS
  fi
}

# row LABEL VALUE [TARGET VERDICT]
row() {
  if [ -n "${3:-}" ]; then
    printf '%-50s %22s   target %-8s %s\n' "$1" "$2" "$3" "$4"
  else
    printf '%-50s %22s\n' "$1" "$2"
  fi
}

echo "skillgap $("$bin" --version | cut -d' ' -f2), $(rustc --version | cut -d' ' -f1-2), $(uname -sm)"
echo "$(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo)"
echo "timer: $timer, median of $runs runs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo

# (a) PDF: analyze (read, match, report as JSON) against pdftotext (read only).
if command -v pdftotext >/dev/null 2>&1; then
  for pdf in tests/fixtures/*.pdf; do
    ours=$(median_ms "$runs" "$bin" analyze "$pdf" --format json)
    theirs=$(median_ms "$runs" pdftotext -q "$pdf" -)
    ratio=$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.2f", a / b }')
    row "(a) analyze $(basename "$pdf") vs pdftotext" "${ratio}×" "≤ 1.5×" "$(verdict "$ratio" '<=' 1.5)"
    text=$(median_ms "$runs" "$bin" text "$pdf")
    row "    analyze / text / pdftotext, ms" "$ours / $text / $theirs"
  done
else
  row "(a) analyze vs pdftotext" "n/a" "≤ 1.5×" "SKIP (apt-get install poppler-utils)"
fi

# (b) One text resume, start to exit.
text_ms=$(median_ms "$runs" "$bin" analyze tests/fixtures/devops.txt --format json)
row "(b) analyze devops.txt (text), whole process" "$text_ms ms" "< 5 ms" "$(verdict "$text_ms" '<' 5)"
version_ms=$(median_ms "$runs" "$bin" --version)
row "    start and exit (skillgap --version)" "$version_ms ms"
roles_ms=$(median_ms "$runs" "$bin" roles)
row "    skillgap roles (loads the built-in profile)" "$roles_ms ms"
text_only_ms=$(median_ms "$runs" "$bin" text tests/fixtures/devops.txt)
row "    skillgap text devops.txt (reads, no profile)" "$text_only_ms ms"

# A corpus of 1,000 resumes: the text fixtures and the example with small variations (an id line,
# a tool swapped, a line dropped), as .txt and .md.
python3 - "$work/corpus" tests/fixtures/source examples/resume.md <<'PY'
import os, random, sys
out, source, example = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out)
paths = [os.path.join(source, n) for n in sorted(os.listdir(source))
         if n.endswith((".txt", ".md")) and n != "utf16.txt"] + [example]
texts = []
for path in paths:
    with open(path, encoding="utf-8", errors="replace") as f:
        markdown = path.endswith(".md") or path.endswith(".pdf.txt") or path.endswith(".docx.txt")
        texts.append((f.read().replace("\r\n", "\n"), ".md" if markdown else ".txt"))
swaps = [("Terraform", "Pulumi"), ("Kubernetes", "Nomad"), ("AWS", "Azure"), ("Python", "Go"),
         ("Grafana", "Datadog"), ("Ansible", "Chef"), ("VMware", "Proxmox"), ("Linux", "FreeBSD")]
rng = random.Random(8)
for i in range(1000):
    text, ext = texts[i % len(texts)]
    old, new = rng.choice(swaps)
    lines = text.replace(old, new).split("\n")
    lines.insert(1, f"Candidate reference {i:04d}")
    if len(lines) > 12:
        del lines[rng.randrange(6, len(lines) - 2)]
    with open(os.path.join(out, f"resume-{i:04d}{ext}"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
PY
files=$(find "$work/corpus" -type f | wc -l)
batch_ms=$(median_ms 5 "$bin" analyze "$work/corpus")
rate=$(awk -v n="$files" -v ms="$batch_ms" 'BEGIN { printf "%.0f", n / (ms / 1000) }')
row "(c) batch of $files text/Markdown resumes ($(nproc) cores)" "$rate files/s" "≥ 300/s" "$(verdict "$rate" '>=' 300)"
batch1_ms=$(median_ms 5 "$bin" analyze "$work/corpus" --jobs 1)
rate1=$(awk -v n="$files" -v ms="$batch1_ms" 'BEGIN { printf "%.0f", n / (ms / 1000) }')
row "    the same with --jobs 1" "$rate1 files/s"

# For README "Scale": PDFs in a batch, each parsed in its own worker process.
mkdir "$work/pdfs"
for i in $(seq -w 1 200); do cp tests/fixtures/backend.pdf "$work/pdfs/cv-$i.pdf"; done
pdf_ms=$(median_ms 5 "$bin" analyze "$work/pdfs")
row "    batch of 200 one-page PDFs" "$(awk -v ms="$pdf_ms" 'BEGIN { printf "%.0f", 200 / (ms / 1000) }') files/s"

# (d) Peak memory: the 2-page PDF (its parser runs in a worker process; %M is the larger of the
# two), and a 3-page text resume (three fixtures end to end).
cat tests/fixtures/source/two-page.pdf.txt tests/fixtures/source/devops.txt tests/fixtures/source/network.md >"$work/three-pages.txt"
if [ -x /usr/bin/time ]; then
  for input in tests/fixtures/two-page.pdf "$work/three-pages.txt"; do
    kb=$(/usr/bin/time -f %M "$bin" analyze "$input" --format json 2>&1 >/dev/null | tail -n 1)
    mb=$(awk -v kb="$kb" 'BEGIN { printf "%.1f", kb / 1024 }')
    lines=$("$bin" text "$input" | wc -l)
    row "(d) peak memory, $(basename "$input") ($lines lines)" "$mb MB" "< 50 MB" "$(verdict "$mb" '<' 50)"
  done
else
  row "(d) peak memory" "n/a" "< 50 MB" "SKIP (apt-get install time)"
fi

# (e) Growth. Resume length: devops.txt repeated to 1, 25, 50 and 100 pages (50 lines a page).
# Profile size: every skill's direct terms, then copied with suffixes to double and quadruple them.
# The exponent k of the variable cost, c·size^k, comes from differences that cancel the fixed cost
# of a process: pages k = log((t100 − t1) / (t50 − t1)) / log(99/49), terms k = log((t4N − tN) /
# (t2N − tN)) / log(3). k ≈ 1 is linear, 2 quadratic.
python3 - "$work" tests/fixtures/source/devops.txt <<'PY'
import sys
work, source = sys.argv[1], sys.argv[2]
lines = open(source, encoding="utf-8").read().split("\n")
for pages in (1, 25, 50, 100):
    body = []
    while len(body) < pages * 50:
        body.extend(lines)
    open(f"{work}/pages-{pages}.txt", "w", encoding="utf-8").write("\n".join(body[: pages * 50]))
PY
# A profile's id must match its file name: terms-K/infrastructure-engineer.yaml.
mkdir -p "$work/terms-1" "$work/terms-2" "$work/terms-4"
"$bin" role show infrastructure-engineer >"$work/terms-1/infrastructure-engineer.yaml"
python3 - "$work" <<'PY'
import re, sys
work = sys.argv[1]
source = open(f"{work}/terms-1/infrastructure-engineer.yaml", encoding="utf-8").read().split("\n")
for factor in (2, 4):
    out, in_terms, count = [], False, 0
    for line in source:
        out.append(line)
        if re.match(r"^    terms:\s*$", line):
            in_terms = True
            continue
        item = re.match(r"^      - (.+)$", line)
        if in_terms and item:
            term = item.group(1).strip().strip('"')
            for copy in range(2, factor + 1):
                out.append(f'      - "{term} mark{copy}"')
                count += 1
        elif in_terms:
            in_terms = False
    open(f"{work}/terms-{factor}/infrastructure-engineer.yaml", "w", encoding="utf-8").write("\n".join(out))
    if factor == 2:
        open(f"{work}/terms-count", "w").write(str(count))
PY
for size in 1 2 4; do
  "$bin" validate "$work/terms-$size" >/dev/null || { echo "the generated profile terms-$size is invalid" >&2; exit 1; }
done
p1=$(median_ms "$runs" "$bin" analyze "$work/pages-1.txt" --format json)
p25=$(median_ms "$runs" "$bin" analyze "$work/pages-25.txt" --format json)
p50=$(median_ms "$runs" "$bin" analyze "$work/pages-50.txt" --format json)
p100=$(median_ms "$runs" "$bin" analyze "$work/pages-100.txt" --format json)
k=$(awk -v a="$p1" -v b="$p50" -v c="$p100" 'BEGIN { printf "%.2f", log((c - a) / (b - a)) / log(99 / 49) }')
row "(e) resume length: 1 / 25 / 50 / 100 pages, ms" "$p1 / $p25 / $p50 / $p100"
row "    growth exponent k in pages" "$k" "≤ 1.2" "$(verdict "$k" '<=' 1.2)"
terms=$(cat "$work/terms-count")
t1=$(median_ms "$runs" "$bin" analyze tests/fixtures/devops.txt --format json --role "$work/terms-1/infrastructure-engineer.yaml")
t2=$(median_ms "$runs" "$bin" analyze tests/fixtures/devops.txt --format json --role "$work/terms-2/infrastructure-engineer.yaml")
t4=$(median_ms "$runs" "$bin" analyze tests/fixtures/devops.txt --format json --role "$work/terms-4/infrastructure-engineer.yaml")
kt=$(awk -v a="$t1" -v b="$t2" -v c="$t4" 'BEGIN { printf "%.2f", log((c - a) / (b - a)) / log(3) }')
row "    profile terms: N / 2N / 4N (N = $terms), ms" "$t1 / $t2 / $t4"
row "    growth exponent k in terms" "$kt" "≤ 1.2" "$(verdict "$kt" '<=' 1.2)"
