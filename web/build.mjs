// Builds the page `sitrep serve` embeds: copies web/src and Leaflet into src/Sitrep.Server/wwwroot and turns the
// world-atlas TopoJSON (Natural Earth 1:110m countries) into plain GeoJSON, so the browser needs no converter.
// Reproducible: exact versions in package.json + package-lock.json, sorted output, no timestamps.
// Run: cd web && npm ci && npm run build
import { readFileSync, writeFileSync, mkdirSync, readdirSync, rmSync, copyFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const out = join(here, "..", "src", "Sitrep.Server", "wwwroot");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

for (const name of readdirSync(join(here, "src")).sort()) copyFileSync(join(here, "src", name), join(out, name));
copyFileSync(join(modules, "leaflet", "dist", "leaflet.js"), join(out, "leaflet.js"));
copyFileSync(join(modules, "leaflet", "dist", "leaflet.css"), join(out, "leaflet.css"));

// Countries: TopoJSON -> GeoJSON, coordinates rounded to 0.01 degree (finer than 1:110m data holds).
const topo = JSON.parse(readFileSync(join(modules, "world-atlas", "countries-110m.json"), "utf8"));
const countries = feature(topo, topo.objects.countries);
const round = (c) => (typeof c[0] === "number" ? [Math.round(c[0] * 100) / 100, Math.round(c[1] * 100) / 100] : c.map(round));
// A ring that crosses the antimeridian jumps from +180 to -180; Leaflet would draw that jump as a line across the
// world, so such a ring's western points move past +180 instead. Antarctica is left out: no incident is placed there.
const unwrap = (ring) => {
  const crosses = ring.some((c, i) => i > 0 && Math.abs(c[0] - ring[i - 1][0]) > 180);
  return crosses ? ring.map(([x, y]) => [x < 0 ? x + 360 : x, y]) : ring;
};
countries.features = countries.features.filter((f) => f.properties.name !== "Antarctica");
for (const f of countries.features) {
  const g = f.geometry;
  g.coordinates = g.type === "Polygon" ? g.coordinates.map(unwrap) : g.coordinates.map((poly) => poly.map(unwrap));
  f.geometry.coordinates = round(f.geometry.coordinates);
  f.properties = { name: f.properties.name, iso_n3: f.id ?? null };
  delete f.id;
}
writeFileSync(join(out, "countries.geojson"), JSON.stringify(countries));

const version = (pkg) => JSON.parse(readFileSync(join(modules, pkg, "package.json"), "utf8")).version;
const licence = (pkg) => readFileSync(join(modules, pkg, "LICENSE"), "utf8").trim();
writeFileSync(join(out, "LICENSES.txt"), [
  "Third-party assets of the Sitrep web page (built by web/build.mjs).",
  "",
  `leaflet.js, leaflet.css: Leaflet ${version("leaflet")}, BSD-2-Clause.`,
  licence("leaflet"),
  "",
  `countries.geojson: converted from world-atlas ${version("world-atlas")} (ISC) countries-110m.json with topojson-client ${version("topojson-client")} (ISC).`,
  "The geometry is Natural Earth 1:110m Admin 0 countries, public domain (https://www.naturalearthdata.com/).",
  licence("world-atlas"),
  "",
].join("\n"));
console.log(`wrote ${readdirSync(out).sort().join(", ")} to ${out}`);
