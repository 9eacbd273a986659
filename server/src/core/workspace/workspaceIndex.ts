// The workspace index: every paper of every digest, by file and by arXiv id.
// Pure: it takes file texts (or models of open documents) and never touches
// the disk, so the server, a CLI or a web build can feed it. An open
// document's entry always wins over the disk copy of the same URI.

import type { DigestReason } from '../detect';
import type { DigestModel } from '../model';
import { scanDigest, scanModel, scanPlacedPaper, type ScannedDigest, type ScannedPaper } from './scanner';
import { canonicalUri } from './uri';
import { changedPapers, seePapers, type SeenPapers } from '../incremental/paperEdits';
import { MAX_WORKSPACE_SYMBOLS, mergeRanked, SearchIndex, searchKey, searchListings, type SearchKey, type SymbolMatch } from './symbolSearch';

/** One paper of one file, as the index keeps it: the scanned fields, placed in a file and a day. */
export interface Listing extends Omit<ScannedPaper, 'dayIndex' | 'authors'> {
  readonly uri: string;
  /** Date of the day heading above, `YYYY-MM-DD`, if valid. */
  readonly date: string | undefined;
  /** The day heading text, or '' for a paper above any day. */
  readonly day: string;
  /** Lower-cased title, title words and authors for matching; the author list itself is not kept (memory). */
  readonly search: SearchKey;
}

export interface IndexedDay {
  readonly line: number;
  readonly text: string;
  readonly date: string | undefined;
  readonly papers: readonly Listing[];
}

export interface IndexedFile {
  readonly uri: string;
  readonly source: 'disk' | 'open';
  readonly days: readonly IndexedDay[];
  /** Every paper of the file in line order, including those above any day. */
  readonly papers: readonly Listing[];
  /** Ids, dates and lines of the file's papers: when it changes, other files' cross-day results may. */
  readonly signature: string;
}

/** What the cross-day rule and the hover may read. */
export interface WorkspaceView {
  /** Every listing of an id across the workspace, earliest first (see `compareListings`). */
  listings(id: string): readonly Listing[];
  /** How many ids have listings; 0 lets a rule skip its pass over the papers (absent: unknown). */
  idCount?(): number;
  /**
   * The ids listed in two or more files, when `uri` is itself indexed (absent
   * or undefined: unknown), so a rule can visit only those papers.
   */
  sharedIds?(uri: string): ReadonlySet<string> | undefined;
}

const NO_DATE = '\uffff';

/** Earliest first: by day date (undated last), then file, then line. */
export function compareListings(a: Pick<Listing, 'date' | 'uri' | 'line'>, b: Pick<Listing, 'date' | 'uri' | 'line'>): number {
  const da = a.date ?? NO_DATE;
  const db = b.date ?? NO_DATE;
  if (da !== db) return da < db ? -1 : 1;
  if (a.uri !== b.uri) return a.uri < b.uri ? -1 : 1;
  return a.line - b.line;
}

function toListing(uri: string, days: readonly { readonly text: string; readonly date: string | undefined }[], p: ScannedPaper): Listing {
  const day = p.dayIndex >= 0 ? days[p.dayIndex] : undefined;
  // One literal with a fixed key order: a spread of a rest object gave every listing its own hidden class (~0.5 KB each).
  return {
    line: p.line,
    headingEnd: p.headingEnd,
    title: p.title,
    id: p.id,
    version: p.version,
    votes: p.votes,
    uri,
    date: day?.date,
    day: day?.text ?? '',
    search: searchKey(p.title, p.authors),
  };
}

/** Whether two listings answer every query alike. */
function sameListing(a: Listing, b: Listing): boolean {
  return a.line === b.line && a.headingEnd === b.headingEnd && a.title === b.title && a.id === b.id && a.version === b.version &&
    a.votes === b.votes && a.date === b.date && a.day === b.day && a.search.authors === b.search.authors;
}

function fileSignature(papers: readonly Listing[]): string {
  return papers.map((p) => `${p.id ?? ''}@${p.date ?? ''}:${p.line}`).join('|');
}

function toFile(uri: string, source: IndexedFile['source'], scanned: ScannedDigest): IndexedFile {
  const papers = scanned.papers.map((p) => toListing(uri, scanned.days, p));
  // One pass over the papers, not one per day: an open archive of thousands of days is re-indexed per keystroke.
  const byDay: Listing[][] = scanned.days.map(() => []);
  scanned.papers.forEach((p, j) => byDay[p.dayIndex]?.push(papers[j]!));
  const days = scanned.days.map((d, i) => ({ line: d.line, text: d.text, date: d.date, papers: byDay[i]! }));
  return { uri, source, days, papers, signature: fileSignature(papers) };
}

export class WorkspaceIndex implements WorkspaceView {
  private readonly disk = new Map<string, IndexedFile>();
  private readonly open = new Map<string, IndexedFile>();
  /** id → uri → the file's listings of that id, for the effective entry of each uri. */
  /** id → its listings in every file, earliest first; one small array per id (a Map per id cost ~70 MB at 150k papers). */
  private readonly byId = new Map<string, readonly Listing[]>();
  /** Bumped on every change to what the index answers. */
  revision = 0;

  /**
   * Scans a file read from disk. `reason` is 'setting' when `digest.files`
   * matches its path. Returns true when the file's listings changed.
   */
  setDisk(uri: string, text: string, reason?: DigestReason): boolean {
    const scanned = scanDigest(text, reason);
    return scanned ? this.put(this.disk, uri, toFile(uri, 'disk', scanned)) : this.removeDisk(uri);
  }

  /** The file is gone from disk (deleted, or renamed away). */
  removeDisk(uri: string): boolean {
    return this.drop(this.disk, uri);
  }

  /** A deleted folder: every disk copy whose URI starts with `prefix` (a folder URI ending in `/`) leaves. */
  removeDiskUnder(prefix: string): boolean {
    const key = canonicalUri(prefix);
    let changed = false;
    for (const uri of [...this.disk.keys()]) if (uri.startsWith(key)) changed = this.removeDisk(uri) || changed;
    return changed;
  }

  /** A renamed file keeps its listings under its new URI. */
  renameDisk(from: string, to: string, text: string, reason?: DigestReason): boolean {
    const removed = this.removeDisk(from);
    return this.setDisk(to, text, reason) || removed;
  }

  /** An open document's model; undefined when it is not (or no longer) a digest. Wins over disk. */
  setOpen(uri: string, model: DigestModel | undefined): boolean {
    const key = canonicalUri(uri);
    const previous = this.openModels.get(key);
    if (model) this.openModels.set(key, { model, seen: seePapers(model.papers) });
    else this.openModels.delete(key);
    if (!model) return this.put(this.open, uri, { uri, source: 'open', days: [], papers: [], signature: '' });
    const patched = previous ? this.patchOpen(key, uri, previous, model) : undefined;
    return patched ?? this.put(this.open, uri, toFile(uri, 'open', scanModel(model)));
  }

  /** A digest checked once, by the model its check parsed (the CLI): counts as its disk copy and keeps no model. */
  setDiskModel(uri: string, model: DigestModel | undefined): boolean {
    return model ? this.put(this.disk, uri, toFile(uri, 'disk', scanModel(model))) : this.removeDisk(uri);
  }

  /** The model each open entry was made from, so the next version re-reads only the papers that changed. */
  private readonly openModels = new Map<string, { readonly model: DigestModel; readonly seen: SeenPapers }>();
  /** Papers the last `setOpen` scanned; read by tests. */
  lastScanned = 0;

  /**
   * A keystroke in an open digest: the same days and paper count, and paper
   * objects unchanged outside the edit. Only the changed papers are scanned;
   * when their listings read alike, the index is left as it is. Undefined
   * when the edit is of another shape (the caller rebuilds the entry).
   */
  private patchOpen(key: string, uri: string, previous: { readonly model: DigestModel; readonly seen: SeenPapers }, model: DigestModel): boolean | undefined {
    const before = this.open.get(key);
    const papers = model.papers;
    if (!before || previous.model.days !== model.days || before.papers.length !== papers.length || before.uri !== uri) return undefined;
    // The parser writes keystrokes into the same array: ask its log what changed (see paperEdits.ts).
    const replaced = changedPapers(previous.seen, papers);
    if (!replaced) return undefined;
    const days = before.days.map((d) => ({ text: d.text, date: d.date }));
    const changed = new Map<number, Listing>();
    this.lastScanned = 0;
    for (const i of replaced.keys()) {
      if (papers[i] === replaced.get(i)) continue;
      this.lastScanned++;
      const listing = toListing(uri, days, scanPlacedPaper(papers[i]!));
      if (!sameListing(listing, before.papers[i]!)) changed.set(i, listing);
    }
    if (changed.size === 0) return false;
    const listings = before.papers.slice();
    for (const [i, listing] of changed) listings[i] = listing;
    const replacedListing = new Map([...changed.keys()].map((i) => [before.papers[i]!, listings[i]!]));
    const nextDays = before.days.map((d) => (d.papers.some((p) => replacedListing.has(p)) ? { ...d, papers: d.papers.map((p) => replacedListing.get(p) ?? p) } : d));
    const keysMoved = [...changed].some(([i, l]) => l.id !== before.papers[i]!.id || l.date !== before.papers[i]!.date || l.line !== before.papers[i]!.line);
    const next: IndexedFile = { ...before, days: nextDays, papers: listings, signature: keysMoved ? fileSignature(listings) : before.signature };
    this.open.set(key, next);
    this.revision++;
    for (const [old, now] of replacedListing) {
      if (old.id) {
        this.setListings(old.id, (this.byId.get(old.id) ?? []).filter((l) => l !== old));
      }
      // Copy on write: a caller may still hold the previous array.
      if (now.id) this.setListings(now.id, [...(this.byId.get(now.id) ?? []), now].sort(compareListings));
    }
    return before.signature !== next.signature;
  }

  /** The document was closed: the disk copy counts again. */
  closeOpen(uri: string): boolean {
    this.openModels.delete(canonicalUri(uri));
    return this.drop(this.open, uri);
  }

  /** The entry that counts for a URI: the open document's, else the disk copy's. */
  file(uri: string): IndexedFile | undefined {
    const key = canonicalUri(uri);
    return this.open.get(key) ?? this.disk.get(key);
  }

  /** Every indexed digest with at least one day or paper. */
  files(): IndexedFile[] {
    const out: IndexedFile[] = [];
    for (const f of this.open.values()) if (f.papers.length > 0 || f.days.length > 0) out.push(f);
    for (const [uri, f] of this.disk) if (!this.open.has(uri)) out.push(f);
    return out;
  }

  private allCache: { revision: number; listings: readonly Listing[] } | undefined;

  /** Every paper of every indexed digest; cached until the index changes. */
  allListings(): readonly Listing[] {
    if (this.allCache?.revision !== this.revision) this.allCache = { revision: this.revision, listings: this.files().flatMap((f) => f.papers) };
    return this.allCache.listings;
  }

  /** Bumped when the disk layer changes; typing in an open document leaves it alone. */
  private diskRevision = 0;
  private searchCache: { revision: number; search: SearchIndex } | undefined;

  /**
   * workspace/symbol over every indexed paper. The search tables cover the
   * disk copies and are rebuilt only when a file on disk changes; open
   * documents, few and changing per keystroke, are searched directly and
   * replace their disk copies.
   */
  searchSymbols(query: string, limit = MAX_WORKSPACE_SYMBOLS): SymbolMatch[] {
    const search = this.prepareSearch();
    const openListings: Listing[] = [];
    let shadowed = 0;
    for (const [key, f] of this.open) {
      openListings.push(...f.papers);
      shadowed += this.disk.get(key)?.papers.length ?? 0;
    }
    const fromDisk = search.search(query, limit + shadowed).filter((m) => !this.open.has(canonicalUri(m.listing.uri)));
    if (openListings.length === 0) return fromDisk.slice(0, limit);
    return mergeRanked(fromDisk, searchListings(openListings, query, limit), limit);
  }

  /** Builds the disk search tables now (the server does it when a crawl ends), not on the first query. */
  prepareSearch(): SearchIndex {
    if (this.searchCache?.revision !== this.diskRevision) {
      this.searchCache = { revision: this.diskRevision, search: new SearchIndex([...this.disk.values()].flatMap((f) => f.papers)) };
    }
    return this.searchCache.search;
  }

  get size(): number {
    return this.files().length;
  }

  listings(id: string): readonly Listing[] {
    return this.byId.get(id) ?? [];
  }

  idCount(): number {
    return this.byId.size;
  }

  /** Ids listed in two or more files, kept as listings change; a keystroke costs no pass over the workspace. */
  private readonly shared = new Set<string>();

  sharedIds(uri: string): ReadonlySet<string> | undefined {
    return this.file(uri) ? this.shared : undefined;
  }

  private setListings(id: string, list: readonly Listing[]): void {
    if (list.length === 0) {
      this.byId.delete(id);
      this.shared.delete(id);
      return;
    }
    this.byId.set(id, list);
    const first = list[0]!.uri;
    if (list.some((l) => l.uri !== first)) this.shared.add(id);
    else this.shared.delete(id);
  }

  /** Ids listed in more than one file, for reports and tests. */
  crossFileIds(): string[] {
    return [...this.shared].sort();
  }

  private put(layer: Map<string, IndexedFile>, uri: string, next: IndexedFile): boolean {
    const key = canonicalUri(uri);
    if (layer === this.disk) this.diskRevision++;
    const before = this.file(key);
    layer.set(key, next);
    return this.replaced(key, before);
  }

  private drop(layer: Map<string, IndexedFile>, uri: string): boolean {
    const key = canonicalUri(uri);
    const before = this.file(key);
    if (!layer.delete(key)) return false;
    if (layer === this.disk) this.diskRevision++;
    return this.replaced(key, before);
  }

  /** Moves the id table from `before` to the uri's current entry. */
  private replaced(uri: string, before: IndexedFile | undefined): boolean {
    const after = this.file(uri);
    if (before === after) return false;
    this.revision++;
    if (before) {
      const gone = new Set(before.papers);
      for (const p of before.papers) {
        const list = p.id ? this.byId.get(p.id) : undefined;
        if (!p.id || !list) continue;
        this.setListings(p.id, list.filter((l) => !gone.has(l)));
      }
    }
    if (after) {
      for (const p of after.papers) {
        if (!p.id) continue;
        // Copy on write: a caller may still hold the previous array.
        this.setListings(p.id, [...(this.byId.get(p.id) ?? []), p].sort(compareListings));
      }
    }
    return (before?.signature ?? '') !== (after?.signature ?? '');
  }
}
