// Run by test/core/workspaceIndexMemory.test.ts in a child node with
// --allow-natives-syntax: counts the hidden classes of the index's listings.
// One shared class keeps a listing at its fields' size; a class per listing
// cost about 0.5 KB each on the real corpus.
const { WorkspaceIndex, fileUri } = require(process.argv[2]);
const idx = new WorkspaceIndex();
for (let f = 0; f < 4; f++) {
  const papers = [];
  for (let p = 0; p < 40; p++) {
    const id = `2501.${String(f * 100 + p).padStart(5, '0')}`;
    papers.push(`### [Paper ${f}-${p}](https://arxiv.org/abs/${id}${p % 3 === 0 ? 'v2' : ''})\n\n${p % 2 ? 'Vote: 5\n\n' : ''}Authors: A ${p}, B ${f}\n`);
  }
  idx.setDisk(fileUri(`/w/day-${f}.md`), `## Daily Papers (2025-01-0${f + 1})\n\n${papers.join('\n')}`);
}
const all = idx.allListings();
const shapes = [];
for (const l of all) if (!shapes.some((s) => %HaveSameMap(l, s))) shapes.push(l);
process.stdout.write(JSON.stringify({ listings: all.length, shapes: shapes.length }));
