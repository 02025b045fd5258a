// Pages per second of @mozilla/readability on jsdom over a folder of .html/.html.gz pages (one thread).
// Usage: node readability-rate.mjs HTML_DIR [PASSES]
// Every page is read and gunzipped first; the timed loop is jsdom parse + Readability.parse(), as a user runs it.
import { readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { join } from "node:path";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const dir = process.argv[2];
const passes = Number(process.argv[3] ?? 1);
if (!dir) { console.error("usage: node readability-rate.mjs HTML_DIR [PASSES]"); process.exit(1); }

const pages = readdirSync(dir).filter(f => /\.html?(\.gz)?$/.test(f)).sort().map(f => {
  const bytes = readFileSync(join(dir, f));
  return { name: f, html: (f.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8") };
});
// jsdom reports CSS it cannot parse on the console; that noise is not part of the work measured.
const quiet = new VirtualConsole();

function extract(page) {
  const dom = new JSDOM(page.html, { url: "https://example.org/", virtualConsole: quiet });
  const article = new Readability(dom.window.document).parse();
  dom.window.close();
  return article?.textContent?.length ?? 0;
}

for (const p of pages) extract(p); // warm-up pass: JIT, as the C# side warms up too
let chars = 0;
const cpu = process.cpuUsage();
const start = process.hrtime.bigint();
for (let i = 0; i < passes; i++) for (const p of pages) chars += extract(p);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
// CPU seconds of the process (all threads, GC included), as SitrepRate reports them: the cost when the machine is busy.
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
const n = pages.length * passes;
console.log(`readability.js pages=${n} seconds=${seconds.toFixed(2)} pages_per_s=${(n / seconds).toFixed(1)} cpu_seconds=${cpuSeconds.toFixed(2)} pages_per_cpu_s=${(n / cpuSeconds).toFixed(1)} chars=${chars}`);
