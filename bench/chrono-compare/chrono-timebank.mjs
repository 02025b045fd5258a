// chrono-node on TimeBank, scored as `sitrep eval time` scores Sitrep: gold = TIMEX3 of type DATE/TIME in TEXT,
// anchored at the file's CREATION_TIME; every chrono result counts; relaxed = one-to-one overlap; value accuracy on
// relaxed matches (a day counts for a gold TIME on that day). Then the same texts parsed for PASSES timed passes.
// Usage: node chrono-timebank.mjs TIMEML_DIR [PASSES]
import fs from "node:fs";
import path from "node:path";
import * as chrono from "chrono-node";

const dir = process.argv[2];
const passes = Number(process.argv[3] ?? 5);
const entities = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&apos;": "'" };
const unescape = (s) => s.replace(/&(amp|lt|gt|quot|apos);/g, (m) => entities[m]);

function read(file) {
  const xml = fs.readFileSync(file, "utf8");
  const dct = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})/.exec(xml)
    ?? /<DCT>\s*<TIMEX3[^>]*value="(\d{4}-\d{2}-\d{2})/.exec(xml);
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? "";
  // Walk the TEXT: tags are dropped, their text kept; TIMEX3 extents recorded in plain-text offsets.
  let text = "", open = null;
  const gold = [];
  for (const m of body.matchAll(/<(\/?)([A-Z0-9]+)([^>]*)>|([^<]+)/g)) {
    if (m[4] !== undefined) { text += unescape(m[4]); continue; }
    if (m[2] !== "TIMEX3") continue;
    if (!m[1]) open = { start: text.length, type: /type="([^"]*)"/.exec(m[3])?.[1] ?? "", value: /value="([^"]*)"/.exec(m[3])?.[1] ?? "" };
    else if (open) { gold.push({ ...open, end: text.length }); open = null; }
  }
  return { text, dct: dct ? dct[1] : null, gold: gold.filter((g) => g.type === "DATE" || g.type === "TIME") };
}

const pad = (n, w = 2) => String(n).padStart(w, "0");
function value(result) {
  const c = result.start;
  const y = c.get("year"), mo = c.get("month"), d = c.get("day");
  if (c.isCertain("day") || c.isCertain("weekday")) return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  if (c.isCertain("month")) return `${pad(y, 4)}-${pad(mo)}`;
  if (c.isCertain("year")) return pad(y, 4);
  return `${pad(y, 4)}-${pad(mo)}-${pad(d)}`; // times of day ("at noon") fall on the reference day
}

const files = fs.readdirSync(dir).filter((f) => f.endsWith(".tml")).sort();
const docs = files.map((f) => read(path.join(dir, f))).filter((d) => d.dct);
let gold = 0, predicted = 0, strict = 0, relaxed = 0, correct = 0, chars = 0;
for (const doc of docs) {
  const ref = new Date(`${doc.dct}T12:00:00Z`);
  const found = chrono.parse(doc.text, { instant: ref, timezone: 0 }, { forwardDate: false });
  gold += doc.gold.length;
  predicted += found.length;
  chars += doc.text.length;
  const used = new Set();
  for (const r of found) {
    const start = r.index, end = r.index + r.text.length;
    const g = doc.gold.findIndex((x, i) => !used.has(i) && x.start < end && start < x.end);
    if (g < 0) continue;
    used.add(g);
    relaxed++;
    if (doc.gold[g].start === start && doc.gold[g].end === end) strict++;
    const v = value(r), gv = doc.gold[g].value;
    if (v === gv || (doc.gold[g].type === "TIME" && gv.startsWith(v) && v.length === 10)) correct++;
  }
}
const f1 = (p, r) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const sp = strict / predicted, sr = strict / gold, rp = relaxed / predicted, rr = relaxed / gold;

for (const doc of docs) chrono.parse(doc.text, new Date(`${doc.dct}T12:00:00Z`)); // warm-up pass
const cpu0 = process.cpuUsage(), t0 = process.hrtime.bigint();
for (let p = 0; p < passes; p++) for (const doc of docs) chrono.parse(doc.text, new Date(`${doc.dct}T12:00:00Z`));
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const cpu = process.cpuUsage(cpu0), cpuSeconds = (cpu.user + cpu.system) / 1e6;
console.log(`chrono-node documents=${docs.length} gold=${gold} predicted=${predicted} strict_f1=${f1(sp, sr).toFixed(3)} ` +
  `relaxed_f1=${f1(rp, rr).toFixed(3)} value_accuracy=${(correct / relaxed).toFixed(3)} ` +
  `chars_per_s=${Math.round((chars * passes) / seconds)} chars_per_cpu_s=${Math.round((chars * passes) / cpuSeconds)}`);
