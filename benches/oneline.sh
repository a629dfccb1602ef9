#!/usr/bin/env bash
# A resume written as one line, with no line break, grown from 10 KB to 5 MB (issue 14): the
# time of `analyze FILE --format json` at each size, its peak memory, and the growth exponent k,
# the least-squares slope of log(time) against log(size) over the five sizes. Targets: k ≤ 1.1
# and 5 MB under 1 s. A 5 MB resume of ordinary lines is measured too, for comparison.
#
# Usage: bash benches/oneline.sh [RUNS]     (from anywhere; RUNS per size, default 10)
# Needs hyperfine (apt-get install hyperfine) and /usr/bin/time (package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-10}
cargo build --release --locked --quiet
bin=$PWD/target/release/skillgap
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A resume of our own, one paragraph per line; ASCII, so a cut at any byte is still UTF-8.
cat >"$work/resume.txt" <<'EOF'
Priya Raman, Infrastructure Engineer, Leeds, priya.raman@example.com, github.com/praman/ops-notes
SUMMARY
Systems administrator moving toward infrastructure engineering: eight years running Linux fleets, on-call rotations and the runbooks behind them.
EXPERIENCE
Senior Systems Administrator, Northgate Health Trust, Leeds, March 2019 - present
Ran 400 RHEL and Ubuntu servers with Ansible; patched monthly and wrote the runbooks for restores.
Moved monitoring from Nagios to Prometheus and Grafana, with alerts routed to PagerDuty for the on-call team.
Built Docker images for internal tools and ran them on a small Kubernetes cluster; no production Terraform yet, but CloudFormation stacks on AWS.
Configured FortiGate firewalls, VLANs and site-to-site VPNs; troubleshot DNS and DHCP outages across twelve sites.
Systems Administrator, Harbour Logistics Ltd, Hull, 2015 - 2019
Managed VMware vSphere clusters and Hyper-V hosts, Active Directory and Group Policy for 900 users.
Wrote Bash and Python scripts for backups, user provisioning and log rotation; mentored two junior admins.
Led the migration of file shares to Azure; documented every change and reviewed it with the security team.
SKILLS
Linux (RHEL, Ubuntu), Windows Server, Ansible, Bash, Python, Docker, Kubernetes, AWS, Azure, VMware, Prometheus, Grafana, Zabbix, Git, Jenkins, networking (TCP/IP, VLAN, BGP basics)
CERTIFICATIONS
Red Hat Certified Engineer (RHCE), 2020; AWS Certified Solutions Architect Associate, 2022
INTERESTS
Go (the board game), fell running, want to learn Terraform properly
EOF

# repeated BYTES FILE: the resume repeated (doubled until long enough), cut to BYTES.
repeated() {
  cp "$work/resume.txt" "$work/doubled"
  while [ "$(stat -c %s "$work/doubled")" -lt "$1" ]; do
    cat "$work/doubled" "$work/doubled" >"$work/twice" && mv "$work/twice" "$work/doubled"
  done
  head -c "$1" "$work/doubled" >"$2"
}

# one_line BYTES FILE: the same with its line breaks turned into spaces: one line.
one_line() {
  repeated "$1" "$work/lines"
  tr '\n' ' ' <"$work/lines" >"$2"
}

# median_s CMD...: the median wall time of CMD in seconds (output discarded).
median_s() {
  hyperfine -N --style none --warmup 1 --runs "$runs" --export-json "$work/h.json" -- "$(printf '%q ' "$@")" >/dev/null 2>&1
  python3 -c 'import json,sys; print("%.4f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$work/h.json"
}

# peak_mb CMD...: the peak resident memory of one run of CMD, in MB.
peak_mb() {
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null
  awk '{ printf "%.1f", $1 / 1024 }' "$work/rss"
}

echo "skillgap $("$bin" --version | cut -d' ' -f2), $(uname -sm), $(nproc) cores"
echo "hyperfine, median of $runs runs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '%-34s %12s %12s %14s\n' "analyze FILE --format json" "size, bytes" "time, ms" "peak RSS, MB"
: >"$work/points"
for size in 10000 50000 200000 1000000 5000000; do
  one_line "$size" "$work/one-line-$size.txt"
  seconds=$(median_s "$bin" analyze "$work/one-line-$size.txt" --format json)
  echo "$size $seconds" >>"$work/points"
  printf '%-34s %12d %12.1f %14s\n' "one line" "$size" "$(awk -v s="$seconds" 'BEGIN { print s * 1000 }')" \
    "$(peak_mb "$bin" analyze "$work/one-line-$size.txt" --format json)"
done
repeated 5000000 "$work/lines-5000000.txt"
seconds=$(median_s "$bin" analyze "$work/lines-5000000.txt" --format json)
printf '%-34s %12d %12.1f %14s\n' "ordinary lines" 5000000 "$(awk -v s="$seconds" 'BEGIN { print s * 1000 }')" \
  "$(peak_mb "$bin" analyze "$work/lines-5000000.txt" --format json)"
echo

# Least-squares slope of log(time) on log(size).
k=$(awk '{ x = log($1); y = log($2); n++; sx += x; sy += y; sxx += x * x; sxy += x * y }
  END { printf "%.2f", (n * sxy - sx * sy) / (n * sxx - sx * sx) }' "$work/points")
largest=$(awk 'END { print $2 }' "$work/points")
verdict() { if awk -v m="$1" -v t="$2" 'BEGIN { exit !(m <= t) }'; then echo PASS; else echo MISS; fi; }
printf '%-48s %8s   target %-6s %s\n' "growth exponent k (10 KB to 5 MB, one line)" "$k" "≤ 1.1" "$(verdict "$k" 1.1)"
printf '%-48s %8s   target %-6s %s\n' "one line of 5 MB, s" "$largest" "< 1 s" "$(verdict "$largest" 0.9999)"
