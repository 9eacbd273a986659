// Go to Symbol in Workspace: scores every indexed paper against a query on
// its arXiv id (with or without vN), its title words and its authors.
// Case-insensitive; exact id beats everything, then title, then author, then
// a fuzzy in-order match of the title's letters, as VS Code users expect.

import type { Listing } from './workspaceIndex';

export interface SymbolMatch {
  readonly listing: Listing;
  readonly score: number;
}

export const MAX_WORKSPACE_SYMBOLS = 200;

/** Score bands: a better kind of match always outranks a worse one. */
const Score = {
  exactId: 1000,
  exactTitle: 900,
  idPrefix: 800,
  titlePrefix: 700,
  titleWordStart: 650,
  titleSubstring: 600,
  titleWords: 500,
  author: 400,
  fuzzy: 100,
} as const;

const ID_QUERY = /^(?:arxiv:)?(\d{4}\.\d{1,5}|[a-z][a-z-]*(?:\.[a-z]{2})?\/\d{1,7})(?:v\d+)?$/;

interface Prepared {
  readonly title: string;
  readonly words: readonly string[];
  readonly authors: readonly string[];
}

const prepared = new WeakMap<Listing, Prepared>();

function prepare(l: Listing): Prepared {
  let p = prepared.get(l);
  if (!p) {
    const title = l.title.normalize('NFKC').toLowerCase();
    p = { title, words: title.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ''), authors: l.authors.map((a) => a.toLowerCase()) };
    prepared.set(l, p);
  }
  return p;
}

/** Letters of `needle` in order in `hay`; more for runs and word starts, undefined when absent. */
export function fuzzyScore(needle: string, hay: string): number | undefined {
  let score = 0;
  let at = 0;
  let run = 0;
  for (const c of needle) {
    const found = hay.indexOf(c, at);
    if (found === -1) return undefined;
    run = found === at && at > 0 ? run + 1 : 0;
    const wordStart = found === 0 || !/[\p{L}\p{N}]/u.test(hay[found - 1]!);
    score += 1 + run * 2 + (wordStart ? 3 : 0);
    at = found + c.length;
  }
  // Bounded below the next band, so a fuzzy hit never beats an author match.
  return Math.min(Score.author - Score.fuzzy - 1, score);
}

/** The score of one paper, or undefined when it does not match. */
export function scoreListing(l: Listing, query: string): number | undefined {
  const q = query.trim().toLowerCase();
  if (q === '') return 0;
  const idQuery = ID_QUERY.exec(q)?.[1];
  if (l.id && idQuery) {
    if (l.id === idQuery) return Score.exactId;
    if (l.id.startsWith(idQuery)) return Score.idPrefix;
  }
  const p = prepare(l);
  if (p.title === q) return Score.exactTitle;
  if (p.title.startsWith(q)) return Score.titlePrefix;
  const at = p.title.indexOf(q);
  if (at > 0) return !/[\p{L}\p{N}]/u.test(p.title[at - 1]!) ? Score.titleWordStart : Score.titleSubstring;
  const terms = q.split(/\s+/);
  if (terms.length > 1 && terms.every((t) => p.words.some((w) => w.startsWith(t)))) return Score.titleWords;
  if (p.authors.some((a) => a.includes(q))) return Score.author;
  if (terms.length > 1 && p.authors.some((a) => terms.every((t) => a.includes(t)))) return Score.author;
  const fuzzy = q.length >= 2 ? fuzzyScore(q.replace(/\s+/g, ''), p.title) : undefined;
  return fuzzy === undefined ? undefined : Score.fuzzy + fuzzy;
}

/** Best first; ties go to the newer day, then the title. */
export function searchListings(all: Iterable<Listing>, query: string, limit = MAX_WORKSPACE_SYMBOLS): SymbolMatch[] {
  const matches: SymbolMatch[] = [];
  for (const listing of all) {
    const score = scoreListing(listing, query);
    if (score !== undefined) matches.push({ listing, score });
  }
  matches.sort(
    (a, b) =>
      b.score - a.score ||
      order(b.listing.date ?? '', a.listing.date ?? '') ||
      order(a.listing.title, b.listing.title) ||
      order(a.listing.uri, b.listing.uri) ||
      a.listing.line - b.listing.line,
  );
  return matches.slice(0, limit);
}

/** Code-unit order: stable across locales and much cheaper than localeCompare on 100k items. */
function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
