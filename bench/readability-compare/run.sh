#!/usr/bin/env bash
# Side-by-side speed: Sitrep's ArticleExtractor vs @mozilla/readability 0.6.0 on jsdom 26.1.0, same pages, one core.
# Usage: bench/readability-compare/run.sh [HTML_DIR] [SITREP_PASSES] [READABILITY_PASSES]
# Sitrep runs three warm-up passes (tiered JIT), readability.js one; then each side runs its timed passes (default 5
# for Sitrep, whose pass takes seconds, and 1 for readability.js, whose pass takes about a minute); the rate is pages
# per second of the timed passes, and pages per CPU second of the process.
# Default pages: the 181 of ../shared/bench/scrapinghub-article-extraction-benchmark (or $SITREP_SHARED/bench/...).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="${SITREP_SHARED:-$repo/../shared}"
pages="${1:-$shared/bench/scrapinghub-article-extraction-benchmark/html}"
passes="${2:-5}"
their_passes="${3:-1}"
[ -d "$pages" ] || { echo "no page folder at $pages (pass HTML_DIR or set SITREP_SHARED)" >&2; exit 1; }

[ -d "$here/node_modules/jsdom" ] || (cd "$here" && npm ci --no-audit --no-fund >/dev/null)
dotnet build -c Release "$here/SitrepRate" -nologo -v quiet >/dev/null

# One core for both sides (taskset when the machine has it), so neither gains from a second thread.
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)

ours=$("${pin[@]}" dotnet "$here/SitrepRate/bin/Release/net10.0/SitrepRate.dll" "$pages" "$passes")
theirs=$("${pin[@]}" node "$here/readability-rate.mjs" "$pages" "$their_passes")
echo "$ours"
echo "$theirs"
rate() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<<"$1"; }
awk -v a="$(rate "$ours" pages_per_s)" -v b="$(rate "$theirs" pages_per_s)" 'BEGIN { printf "speedup=%.1fx (sitrep %s pages/s, readability.js %s pages/s)\n", a / b, a, b }'
# The same ratio in CPU time: what each side costs per page, whatever else the machine was running.
awk -v a="$(rate "$ours" pages_per_cpu_s)" -v b="$(rate "$theirs" pages_per_cpu_s)" 'BEGIN { printf "cpu_speedup=%.1fx (sitrep %s pages/cpu-s, readability.js %s pages/cpu-s)\n", a / b, a, b }'
echo "load: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) on $(nproc) cores"
