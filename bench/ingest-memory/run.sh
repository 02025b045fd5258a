#!/usr/bin/env bash
# Peak memory and time of `sitrep ingest` (Release) over DOCS unique news-like documents into a fresh SQLite store.
# Usage: bench/ingest-memory/run.sh [DOCS] [BATCH_SIZE]
# The JSONL input is generated on the fly in /tmp (deleted afterwards): each document is 150-300 words from sentence
# templates with varying places, dates, actors and numbers, and carries its serial number, so content hashes differ.
# Reports peak RSS (/usr/bin/time %M), wall and CPU seconds, and the store's counts. Target: peak RSS < 500 MB.
# The RSS curve comes from the CLI's own heap log (SITREP_HEAP_LOG): a line every 5,000 documents and every 50,000
# incidents rebuilt, with managed heap, GC-committed memory and resident set size.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
docs="${1:-100000}"
batch="${2:-}"
work="$(mktemp -d /tmp/sitrep-ingest-XXXXXX)"
trap 'rm -rf "$work"' EXIT

python3 - "$work/input.jsonl" "$docs" <<'PY'
import datetime, json, random, sys
path, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(11)
places = ["Aleppo", "Idlib", "Homs", "Hama", "Raqqa", "Deir ez-Zor", "Mosul", "Kirkuk", "Tikrit", "Fallujah", "Kabul",
          "Kandahar", "Herat", "Mogadishu", "Kismayo", "Baidoa", "Sanaa", "Aden", "Taiz", "Hodeidah", "Tripoli", "Benghazi",
          "Sirte", "Gao", "Timbuktu", "Mopti", "Maiduguri", "Goma", "Bunia", "Beni", "Kharkiv", "Donetsk", "Kherson"]
actors = ["government forces", "rebel fighters", "Islamic State militants", "al-Shabaab fighters", "Houthi forces",
          "the army", "police", "unidentified gunmen", "protesters", "a militia", "Taliban fighters", "security forces",
          "Russian forces", "Ukrainian forces", "ADF rebels", "M23 rebels", "Boko Haram fighters", "the coalition"]
verbs = ["attacked", "shelled", "clashed with", "ambushed", "raided", "bombed", "fired on", "stormed"]
targets = ["a checkpoint", "a market", "a village", "an army base", "a convoy", "a hospital", "a school", "a mosque",
           "a police station", "residential buildings", "a camp for displaced people", "a bridge"]
months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
filler = ("residents said the situation remained tense as families fled toward nearby towns while aid groups warned of "
          "shortages of food water and medicine and officials promised an investigation into the incident").split()
def sentence():
    k = rnd.randrange(6)
    p, a, b = rnd.choice(places), rnd.choice(actors), rnd.choice(actors)
    if k == 0: return f"{a.capitalize()} {rnd.choice(verbs)} {rnd.choice(targets)} in {p} on {rnd.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])}, killing {rnd.randint(1, 60)} people and wounding {rnd.randint(0, 90)}."
    if k == 1: return f"A spokesman for {b} said {rnd.randint(2, 40)} civilians were among the dead after {a} {rnd.choice(verbs)} {rnd.choice(targets)} near {p}."
    if k == 2: return f"On {rnd.randint(1, 28)} {rnd.choice(months)}, {a} {rnd.choice(verbs)} {b} outside {p}, according to local officials."
    if k == 3: return f"At least {rnd.randint(3, 200)} people have been displaced from {p} since the fighting began, the United Nations said."
    if k == 4: return f"Witnesses in {p} told reporters that {a} had {rnd.choice(verbs)} {rnd.choice(targets)} overnight."
    return " ".join(rnd.choice(filler) for _ in range(rnd.randint(12, 25))).capitalize() + "."
start = datetime.date(2016, 1, 1)
with open(path, "w") as out:
    for i in range(n):
        words, parts = 0, []
        target = rnd.randint(150, 300)
        while words < target:
            s = sentence(); parts.append(s); words += len(s.split())
        published = start + datetime.timedelta(days=rnd.randrange(3650))
        text = f"Report {i}. " + " ".join(parts)
        out.write(json.dumps({"id": f"gen-{i}", "source": f"Outlet {i % 40}", "title": f"Report {i} from {rnd.choice(places)}",
                              "published": published.isoformat(), "text": text}) + "\n")
PY
ls -l "$work/input.jsonl" | awk -v n="$docs" '{ printf "input: %d documents, %d MB JSONL\n", n, $5 / 1048576 }'

dotnet build "$repo/src/Sitrep.Cli" -c Release -nologo -v quiet >/dev/null
args=(ingest "$work/input.jsonl" --db "$work/store.db")
[ -n "$batch" ] && args+=(--batch-size "$batch")
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
SITREP_HEAP_LOG=1 /usr/bin/time -f "peak_rss_mb=%M elapsed_s=%e user_s=%U sys_s=%S" -o "$work/time" \
  dotnet "$repo/src/Sitrep.Cli/bin/Release/net10.0/sitrep.dll" "${args[@]}" >"$work/out" 2>&1 || true
grep '^heap:' "$work/out" || true
grep -v '^heap:' "$work/out" | grep -v '^\s*$' | tail -3
awk -F'[= ]' '{ printf "peak_rss_mb=%d elapsed_s=%s cpu_s=%.1f\n", $2 / 1024, $4, $6 + $8 }' "$work/time"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
ls -l "$work/store.db" | awk '{ printf "store: %d MB\n", $5 / 1048576 }'
