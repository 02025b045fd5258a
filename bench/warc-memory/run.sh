#!/usr/bin/env bash
# Peak memory of `sitrep text` over a large WARC.gz generated on the fly in /tmp (deleted afterwards).
# Usage: bench/warc-memory/run.sh [SIZE_MB] [PAGES]
# The WARC holds SIZE_MB (default 1024) of uncompressed records, one gzip member each, CC-NEWS style: PAGES (default
# 2000) news-like HTML responses spread among 1 MB non-page responses (images), which the reader must stream past
# without holding. Every page is extracted; the count of pages keeps the run to a minute or two.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
size_mb="${1:-1024}"
pages="${2:-2000}"
warc="$(mktemp /tmp/sitrep-warc-XXXXXX).warc.gz"
trap 'rm -f "$warc" "${warc%.warc.gz}"' EXIT

python3 - "$warc" "$size_mb" "$pages" <<'PY'
import gzip, random, sys
path, size_mb, want_pages = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rnd = random.Random(7)
words = ("shelling town forces killed civilians residents said army rebels attack council spokesman village "
         "airstrike convoy border ministry police protest clashes near north district hospital wounded").split()
def page(i):
    paras = "".join("<p>" + " ".join(rnd.choice(words) for _ in range(40)).capitalize() + ".</p>" for _ in range(12))
    return (f"<html><head><title>Report {i}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Report {i}</h1>{paras}</article><footer>Copyright</footer></body></html>").encode()
def record(kind, uri, block):
    head = f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Length: {len(block)}\r\n\r\n".encode()
    return gzip.compress(head + block + b"\r\n\r\n", compresslevel=1)
blob = b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n" + bytes(rnd.getrandbits(8) for _ in range(4096)) * 256
blobs = max(1, (size_mb << 20) // len(blob))
written, i, pages = 0, 0, 0
with open(path, "wb") as out:
    for b in range(blobs):
        while pages < want_pages * (b + 1) // blobs:
            i += 1; pages += 1
            body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page(i)
            out.write(record("response", f"https://news.example/{i}", body)); written += len(body)
        i += 1
        out.write(record("response", f"https://news.example/img{i}.jpg", blob)); written += len(blob)
print(f"generated {written >> 20} MB uncompressed, {pages} HTML pages", file=sys.stderr)
PY
ls -l "$warc" | awk '{ printf "warc.gz on disk: %d MB\n", $5 / 1048576 }'

dotnet build "$repo/src/Sitrep.Cli" -c Release -nologo -v quiet >/dev/null
/usr/bin/time -f "peak_rss_mb=%M elapsed_s=%e" -o /tmp/sitrep-warc-time.$$ \
  dotnet "$repo/src/Sitrep.Cli/bin/Release/net10.0/sitrep.dll" text "$warc" | wc -l | awk '{ print "documents=" $1 }'
awk -F'[= ]' '{ printf "peak_rss_mb=%d elapsed_s=%s\n", $2 / 1024, $4 }' /tmp/sitrep-warc-time.$$
rm -f /tmp/sitrep-warc-time.$$
