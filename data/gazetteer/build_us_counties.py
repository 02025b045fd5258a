#!/usr/bin/env python3
"""Builds us-counties.tsv (US counties, parishes and boroughs) from the npm package us-atlas (counties-10m.json,
US Census Bureau cartographic boundaries, ISC) and GeoNames cities500 (CC BY 4.0) for populations.

Usage: build_us_counties.py COUNTIES_10M_JSON CITIES500_TXT OUT_DIR
Rows use the places.tsv columns (id, name, asciiname, alternates, lat, lon, feature code, ISO2, admin1 code,
population) so the gazetteer reads them the same way: id -1 (not a GeoNames place), feature code ADM2, admin1 =
the state's postal code (GeoNames' US admin1 code), point = centre of the county outline's bounding box,
population = the sum of the county's cities500 places (GeoNames' US admin2 code is the county FIPS code).
"""
import json, os, sys

# FIPS state code -> postal code (FIPS PUB 5-2; the 50 states and DC).
STATES = dict(x.split(":") for x in (
    "01:AL 02:AK 04:AZ 05:AR 06:CA 08:CO 09:CT 10:DE 11:DC 12:FL 13:GA 15:HI 16:ID 17:IL 18:IN 19:IA 20:KS 21:KY "
    "22:LA 23:ME 24:MD 25:MA 26:MI 27:MN 28:MS 29:MO 30:MT 31:NE 32:NV 33:NH 34:NJ 35:NM 36:NY 37:NC 38:ND 39:OH "
    "40:OK 41:OR 42:PA 44:RI 45:SC 46:SD 47:TN 48:TX 49:UT 50:VT 51:VA 53:WA 54:WV 55:WI 56:WY").split())

def arcs_points(topo):
    """Decoded arcs (quantized, delta-encoded TopoJSON) as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx; y += dy
            pts.append((x * sx + tx, y * sy + ty))
        out.append(pts)
    return out

def rings(geometry):
    if geometry["type"] == "Polygon":
        return geometry["arcs"]
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["arcs"] for ring in polygon]
    return []

def main(atlas, cities, out_dir):
    topo = json.load(open(atlas, encoding="utf-8"))
    arcs = arcs_points(topo)
    population = {}
    with open(cities, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if c[8] == "US" and c[11]:
                key = (c[10], c[11])
                population[key] = population.get(key, 0) + int(c[14] or 0)
    rows = []
    for g in topo["objects"]["counties"]["geometries"]:
        fips, name = g["id"], g["properties"]["name"]
        state = STATES.get(fips[:2])
        # Independent cities (Virginia, Baltimore, St. Louis, Carson City) are towns, already in cities500.
        if state is None or int(fips[2:]) >= 500:
            continue
        lons, lats = [], []
        for ring in rings(g):
            for index in ring:
                pts = arcs[index if index >= 0 else ~index]
                lons.extend(p[0] for p in pts); lats.extend(p[1] for p in pts)
        if not lats:
            continue
        unit = "Parish" if state == "LA" else "Borough" if state == "AK" else "County"
        full = name if name.endswith((" County", " Parish", " Borough", " Area", " Municipality")) else f"{name} {unit}"
        alternates = [f"{name} Co."] if unit == "County" else []
        if max(lons) - min(lons) > 180:  # the Aleutians cross the antimeridian
            lons = [x + 360 if x < 0 else x for x in lons]
        lat, lon = (min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2
        lon = lon - 360 if lon > 180 else lon
        rows.append((fips, "\t".join(["-1", full, "", "|".join(alternates), "%.4f" % lat, "%.4f" % lon, "ADM2", "US",
                                      state, str(population.get((state, fips[2:]), 0))])))
    rows.sort()
    with open(os.path.join(out_dir, "us-counties.tsv"), "w", encoding="utf-8") as out:
        out.write("# places.tsv columns; built by build_us_counties.py from us-atlas counties-10m.json and cities500\n")
        for _, row in rows:
            out.write(row + "\n")
    print(f"{len(rows)} counties", file=sys.stderr)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
