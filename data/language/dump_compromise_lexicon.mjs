// Prints "category<TAB>name" rows for the NER gazetteer from the lexicon of the compromise npm package (MIT).
// Usage: node dump_compromise_lexicon.mjs PATH/TO/compromise/package > rows.tsv
// Only name-like tags are kept; compromise's own tag decides the gazetteer category.
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const CATEGORY = {
  SportsTeam: 'TEAM', Organization: 'ORG', LastName: 'LAST', City: 'LOC', Country: 'LOC', Region: 'LOC',
  FirstName: 'PER', MaleName: 'PER', FemaleName: 'PER', Demonym: 'MISC',
};
const root = process.argv[2];
const { default: nlp } = await import(pathToFileURL(path.join(root, 'builds', 'three', 'compromise-three.mjs')).href);
const rows = [];
for (const [word, tag] of Object.entries(nlp.model().one.lexicon)) {
  const tags = Array.isArray(tag) ? tag : [tag];
  // The first matching tag in CATEGORY's order wins, so "SportsTeam" beats a generic place tag.
  const hit = Object.keys(CATEGORY).find(t => tags.includes(t));
  if (hit) rows.push(`${CATEGORY[hit]}\t${word}`);
}
rows.sort();
process.stdout.write(rows.join('\n') + '\n');
