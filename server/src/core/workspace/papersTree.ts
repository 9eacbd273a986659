// The data of the "Daily Papers" view, as the custom request returns it:
// days newest first, each with its papers in file order. Any LSP client can
// ask for it (see docs/workspace.md).

import { headingRange } from './crossDay';
import type { DayNode, PaperNode, PapersParams, PapersResult } from './protocol';
import { matcher } from './symbolSearch';
import type { IndexedFile, Listing } from './workspaceIndex';

/** The last path segment of a URI, decoded. */
function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** Newest date first; undated days last; then by file and line. */
function newestFirst(a: DayNode, b: DayNode): number {
  if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? 1 : -1;
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.line - b.line;
}

export function papersTree(files: Iterable<IndexedFile>, params: PapersParams = {}, indexing = false): PapersResult {
  const query = params.query?.trim() ?? '';
  const matches = matcher(query);
  const days: DayNode[] = [];
  const nodes = (listings: readonly Listing[]): PaperNode[] =>
    listings
      .filter((p) => query === '' || matches(p))
      .map((p): PaperNode => ({ title: p.title, id: p.id, version: p.version, votes: p.votes, uri: p.uri, range: headingRange(p) }));
  for (const f of files) {
    // A digest by `files` may list papers above any day heading: they go under the file's name.
    const dayless = f.papers.filter((p) => p.day === '');
    if (dayless.length > 0) {
      const papers = nodes(dayless);
      if (query === '' || papers.length > 0) days.push({ date: null, label: fileName(f.uri), uri: f.uri, line: dayless[0]!.line, papers });
    }
    for (const d of f.days) {
      const papers = nodes(d.papers);
      if (query !== '' && papers.length === 0) continue;
      days.push({ date: d.date ?? null, label: d.text, uri: f.uri, line: d.line, papers });
    }
  }
  return { indexing, days: days.sort(newestFirst) };
}
