#!/usr/bin/env bash
# Side-by-side on TimeBank: Sitrep's time-expression recognizer vs chrono-node 2.10.3, same texts, same scoring
# rules (`sitrep eval time`'s: DATE/TIME gold, relaxed one-to-one overlap, value accuracy on relaxed matches), then
# characters per second of recognition alone on one core (a warm-up pass, then PASSES timed passes each).
# Usage: bench/chrono-compare/run.sh [TIMEML_DIR] [PASSES]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
shared="${SITREP_SHARED:-$repo/../shared}"
dir="${1:-$shared/bench/tempeval3-tbaq/TimeBank}"
passes="${2:-20}"
[ -d "$dir" ] || { echo "no TimeML folder at $dir (pass TIMEML_DIR or set SITREP_SHARED)" >&2; exit 1; }

[ -d "$here/node_modules/chrono-node" ] || (cd "$here" && npm ci --no-audit --no-fund >/dev/null)
dotnet build -c Release "$here/DatesRate" -nologo -v quiet >/dev/null

pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
ours=$("${pin[@]}" dotnet "$here/DatesRate/bin/Release/net10.0/DatesRate.dll" "$dir" "$passes")
theirs=$("${pin[@]}" node "$here/chrono-timebank.mjs" "$dir" "$passes")
echo "$ours"
echo "$theirs"
rate() { sed -n "s/.* $2=\([0-9.]*\).*/\1/p" <<<"$1"; }
awk -v a="$(rate "$ours" chars_per_s)" -v b="$(rate "$theirs" chars_per_s)" -v c="$(rate "$ours" chars_per_cpu_s)" -v d="$(rate "$theirs" chars_per_cpu_s)" \
  'BEGIN { printf "speedup=%.1fx wall, %.1fx per CPU second\n", a / b, c / d }'
