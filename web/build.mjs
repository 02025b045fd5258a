// Builds the page `sitrep serve` embeds: copies web/src and Leaflet into src/Sitrep.Server/wwwroot and turns the
// world-atlas TopoJSON (Natural Earth 1:110m countries) into countries.bin, the outlines already projected, so the
// browser needs no converter and no parsing (format below).
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

// The page's style goes inside index.html (see there why); the server allows it by its hash.
const styleLink = '<link rel="stylesheet" href="app.css">';
const page = readFileSync(join(here, "src", "index.html"), "utf8");
if (!page.includes(styleLink)) throw new Error(`web/src/index.html has no ${styleLink} to put app.css in place of`);
writeFileSync(join(out, "index.html"), page.replace(styleLink, `<style>\n${readFileSync(join(here, "src", "app.css"), "utf8")}</style>`));
for (const name of readdirSync(join(here, "src")).sort())
  if (name !== "index.html" && name !== "app.css") copyFileSync(join(here, "src", name), join(out, name));
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
// countries.bin, little-endian: uint32 rings R and points N; uint32[R] points of each ring; float32[2N] x, y of each
// point in Web Mercator's unit square (x = 0 at 180° W, y = 0 at 85° N; an unwrapped ring reaches past x = 1), as the
// page projects its incident discs. Countries do not overlap, so the page fills all rings as one even-odd path.
const rings = countries.features.flatMap((f) => (f.geometry.type === "Polygon" ? f.geometry.coordinates : f.geometry.coordinates.flat()));
const points = rings.flat();
const ints = Uint32Array.from([rings.length, points.length, ...rings.map((r) => r.length)]);
const xy = new Float32Array(2 * points.length);
points.forEach(([lon, lat], i) => {
  const phi = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  xy[2 * i] = (lon + 180) / 360;
  xy[2 * i + 1] = (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2;
});
// Typed arrays are in the platform's byte order: written out explicitly little-endian, as the format says.
const bin = Buffer.alloc(4 * (ints.length + xy.length));
ints.forEach((v, i) => bin.writeUInt32LE(v, 4 * i));
xy.forEach((v, i) => bin.writeFloatLE(v, 4 * (ints.length + i)));
writeFileSync(join(out, "countries.bin"), bin);

const version = (pkg) => JSON.parse(readFileSync(join(modules, pkg, "package.json"), "utf8")).version;
const licence = (pkg) => readFileSync(join(modules, pkg, "LICENSE"), "utf8").trim();
writeFileSync(join(out, "LICENSES.txt"), [
  "Third-party assets of the Sitrep web page (built by web/build.mjs).",
  "",
  `leaflet.js, leaflet.css: Leaflet ${version("leaflet")}, BSD-2-Clause.`,
  licence("leaflet"),
  "",
  `countries.bin: converted from world-atlas ${version("world-atlas")} (ISC) countries-110m.json with topojson-client ${version("topojson-client")} (ISC).`,
  "The geometry is Natural Earth 1:110m Admin 0 countries, public domain (https://www.naturalearthdata.com/).",
  licence("world-atlas"),
  "",
].join("\n"));
console.log(`wrote ${readdirSync(out).sort().join(", ")} to ${out}`);
