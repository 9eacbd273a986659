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

/** What matching reads of a paper, computed once when the paper is indexed. */
export interface SearchKey {
  /** Lower-cased title. */
  readonly title: string;
  /** Lower-cased author names joined by newlines. */
  readonly authors: string;
}

export function searchKey(title: string, authors: readonly string[]): SearchKey {
  const lower = title.normalize('NFKC').toLowerCase();
  return { title: lower, authors: authors.join('\n').toLowerCase() };
}

/**
 * ` word word …`: a lower-cased title's words, each after one space, for
 * word-prefix tests. Made per candidate, not kept: 5,488 papers kept 1.5 MB of them.
 */
function titleWords(lowerTitle: string): string {
  return ` ${lowerTitle.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`;
}

/** Letters and digits, ASCII fast, everything above ASCII counted as a letter. */
function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code > 127;
}

/** Letters of `needle` in order in `hay`; more for runs and word starts, undefined when absent. */
export function fuzzyScore(needle: string, hay: string): number | undefined {
  let score = 0;
  let at = 0;
  let run = 0;
  for (let i = 0; i < needle.length; i++) {
    const found = hay.indexOf(needle[i]!, at);
    if (found === -1) return undefined;
    run = found === at && at > 0 ? run + 1 : 0;
    const wordStart = found === 0 || !isWordChar(hay.charCodeAt(found - 1));
    score += 1 + run * 2 + (wordStart ? 3 : 0);
    at = found + 1;
  }
  // Bounded below the next band, so a fuzzy hit never beats an author match.
  return Math.min(Score.author - Score.fuzzy - 1, score);
}

/** A query taken apart once, not once per paper. */
interface Query {
  readonly text: string;
  readonly id: string | undefined;
  readonly terms: readonly string[];
  readonly letters: string;
}

function parseQuery(query: string): Query {
  const text = query.trim().toLowerCase();
  const terms = text.split(/\s+/).filter((t) => t !== '');
  return { text, id: ID_QUERY.exec(text)?.[1], terms, letters: terms.join('') };
}

/** Every band but fuzzy; undefined when none matches. */
function exactScore(l: Listing, q: Query): number | undefined {
  if (l.id && q.id) {
    if (l.id === q.id) return Score.exactId;
    if (l.id.startsWith(q.id)) return Score.idPrefix;
  }
  const k = l.search;
  if (k.title === q.text) return Score.exactTitle;
  if (k.title.startsWith(q.text)) return Score.titlePrefix;
  const at = k.title.indexOf(q.text);
  if (at > 0) return !isWordChar(k.title.charCodeAt(at - 1)) ? Score.titleWordStart : Score.titleSubstring;
  if (q.terms.length > 1 && q.terms.every((t) => k.title.includes(t))) {
    const words = titleWords(k.title);
    if (q.terms.every((t) => words.includes(` ${t}`))) return Score.titleWords;
  }
  if (k.authors.includes(q.text)) return Score.author;
  // Every word in one author's name; the blob test first, as splitting 150k author lists per query is slow.
  if (q.terms.length > 1 && q.terms.every((t) => k.authors.includes(t)) && k.authors.split('\n').some((a) => q.terms.every((t) => a.includes(t)))) return Score.author;
  return undefined;
}

function fuzzy(l: Listing, q: Query): number | undefined {
  // An id query wants that id; digits scattered through titles are noise.
  const f = q.letters.length >= 2 && q.id === undefined ? fuzzyScore(q.letters, l.search.title) : undefined;
  return f === undefined ? undefined : Score.fuzzy + f;
}

function score(l: Listing, q: Query): number | undefined {
  if (q.text === '') return 0;
  return exactScore(l, q) ?? fuzzy(l, q);
}

/** A test for one query, parsed once. */
export function matcher(query: string): (l: Listing) => boolean {
  const q = parseQuery(query);
  return (l) => score(l, q) !== undefined;
}

/** The score of one paper, or undefined when it does not match. */
export function scoreListing(l: Listing, query: string): number | undefined {
  return score(l, parseQuery(query));
}

/** Best first; ties go to the newer day, then the title. */
export function searchListings(all: Iterable<Listing>, query: string, limit = MAX_WORKSPACE_SYMBOLS): SymbolMatch[] {
  const q = parseQuery(query);
  const matches: SymbolMatch[] = [];
  const missed: Listing[] = [];
  for (const listing of all) {
    const s = q.text === '' ? 0 : exactScore(listing, q);
    if (s !== undefined) matches.push({ listing, score: s });
    else missed.push(listing);
  }
  // Fuzzy hits rank below every other kind, so they are only looked for when the others leave room.
  if (matches.length < limit && q.text !== '') {
    for (const listing of missed) {
      const s = fuzzy(listing, q);
      if (s !== undefined) matches.push({ listing, score: s });
    }
  }
  return rank(matches).slice(0, limit);
}

/** Two ranked lists as one, first `limit`. */
export function mergeRanked(a: readonly SymbolMatch[], b: readonly SymbolMatch[], limit: number): SymbolMatch[] {
  return rank([...a, ...b]).slice(0, limit);
}

/** Best first; ties go to the newer day, then the title, file and line. */
function rank(matches: SymbolMatch[]): SymbolMatch[] {
  return matches.sort(
    (a, b) =>
      b.score - a.score ||
      order(b.listing.date ?? '', a.listing.date ?? '') ||
      order(a.listing.title, b.listing.title) ||
      order(a.listing.uri, b.listing.uri) ||
      a.listing.line - b.listing.line,
  );
}

/** Code-unit order: stable across locales and much cheaper than localeCompare on 100k items. */
function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `items` joined by NUL, with where each starts, so one native indexOf scans them all. */
class Blob {
  readonly text: string;
  private readonly starts: Int32Array;

  constructor(items: readonly string[]) {
    this.starts = new Int32Array(items.length);
    let at = 0;
    items.forEach((item, i) => {
      this.starts[i] = at;
      at += item.length + 1;
    });
    this.text = items.join('\u0000');
  }

  /** Calls `hit` with the index of every item that contains `needle` (possibly more than once). */
  each(needle: string, hit: (item: number) => void): void {
    if (needle === '' || needle.includes('\u0000')) return;
    for (let at = this.text.indexOf(needle); at !== -1; at = this.text.indexOf(needle, at + 1)) {
      let lo = 0;
      let hi = this.starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.starts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      hit(lo);
      // Skip to the next item: one hit per item is enough.
      at = lo + 1 < this.starts.length ? this.starts[lo + 1]! - 1 : this.text.length;
    }
  }
}

/**
 * The same answers as `searchListings`, for large workspaces: native substring
 * scans over joined titles, authors and ids pick the candidates, and
 * only those are scored. Build one per index revision.
 */
export class SearchIndex {
  private readonly titles: Blob;
  private readonly authors: Blob;
  private readonly ids: Blob;

  constructor(private readonly listings: readonly Listing[]) {
    this.titles = new Blob(listings.map((l) => l.search.title));
    this.authors = new Blob(listings.map((l) => l.search.authors));
    this.ids = new Blob(listings.map((l) => l.id ?? ''));
  }

  search(query: string, limit = MAX_WORKSPACE_SYMBOLS): SymbolMatch[] {
    const q = parseQuery(query);
    if (q.text === '') return searchListings(this.listings, query, limit);
    const seen = new Uint8Array(this.listings.length);
    const matches: SymbolMatch[] = [];
    // 1: checked, no exact match (fuzzy may still match); 2: matched.
    const consider = (i: number): void => {
      if (seen[i]) return;
      const l = this.listings[i]!;
      const s = exactScore(l, q);
      seen[i] = s === undefined ? 1 : 2;
      if (s !== undefined) matches.push({ listing: l, score: s });
    };
    // Every non-fuzzy band needs one of these substrings (see exactScore).
    if (q.id) this.ids.each(q.id, consider);
    this.titles.each(q.text, consider);
    this.authors.each(q.text, consider);
    if (q.terms.length > 1) {
      // A term without spaces inside a title's words lies inside the title itself.
      this.titles.each(q.terms[0]!, consider);
      this.authors.each(q.terms[0]!, consider);
    }
    if (matches.length < limit) {
      this.listings.forEach((l, i) => {
        if (seen[i] === 2) return;
        const s = fuzzy(l, q);
        if (s !== undefined) matches.push({ listing: l, score: s });
      });
    }
    return rank(topScores(matches, limit)).slice(0, limit);
  }
}

/** Drops matches that cannot make the first `limit` by score alone, so the full sort stays small. */
function topScores(matches: SymbolMatch[], limit: number): SymbolMatch[] {
  if (matches.length <= 2 * limit) return matches;
  const scores = Float64Array.from(matches, (m) => -m.score).sort();
  const threshold = -scores[limit - 1]!;
  return matches.filter((m) => m.score >= threshold);
}
