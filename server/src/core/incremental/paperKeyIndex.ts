// Where each arXiv id and each normalised title occurs among a document's
// papers, kept from one version to the next. A keystroke replaces one paper
// object, so the index moves that paper's two keys instead of re-hashing every
// paper of the file (25 ms per keystroke at 20,000 papers).

import type { Paper, PlacedPaper } from '../model';
import { firstAtOrAfter } from '../search';
import { changedPapers, seePapers, type SeenPapers } from './paperEdits';

/** A later listing of a key, and the first one it repeats. */
export interface Repeat {
  readonly index: number;
  readonly first: number;
  readonly kind: 'id' | 'title';
}

/** Sorted paper indices per key; a key listed twice or more is in `repeated`. */
class Occurrences {
  private readonly at = new Map<string, number[]>();
  readonly repeated = new Set<string>();

  add(key: string, index: number): void {
    let list = this.at.get(key);
    if (!list) this.at.set(key, (list = []));
    list.splice(firstAtOrAfter(list, index), 0, index);
    if (list.length >= 2) this.repeated.add(key);
  }

  remove(key: string, index: number): void {
    const list = this.at.get(key);
    const at = list ? firstAtOrAfter(list, index) : -1;
    if (!list || list[at] !== index) return;
    list.splice(at, 1);
    if (list.length < 2) this.repeated.delete(key);
    if (list.length === 0) this.at.delete(key);
  }

  first(key: string): number | undefined {
    return this.at.get(key)?.[0];
  }

  indices(key: string): readonly number[] {
    return this.at.get(key) ?? [];
  }

  /** Indices listed under a repeated key. */
  *repeatedIndices(): Generator<number> {
    for (const key of this.repeated) yield* this.at.get(key)!;
  }

  clear(): void {
    this.at.clear();
    this.repeated.clear();
  }
}

export class PaperKeyIndex {
  private papers: readonly PlacedPaper[] = [];
  /** The array as last indexed; the parser may since have written into it. */
  private seen: SeenPapers | undefined;
  private readonly ids = new Occurrences();
  private readonly titles = new Occurrences();
  /** Papers whose keys the last update re-indexed; tests use it to show a keystroke re-indexes at most one. */
  lastKeyed = 0;
  /** The last `repeats()`, until a key moves. */
  private cached: readonly Repeat[] | undefined;

  constructor(private readonly titleOf: (paper: Paper) => string) {}

  /** Moves the index to `papers`, reading only the papers that are not the previous version's. */
  update(papers: readonly PlacedPaper[]): void {
    const changed = changedPapers(this.seen, papers);
    this.lastKeyed = 0;
    if (!changed) {
      // Papers added or removed shift every later index: start again (a paste, not a keystroke).
      this.ids.clear();
      this.titles.clear();
      this.cached = undefined;
      papers.forEach((p, i) => this.add(p.paper, i));
    } else {
      // Unchanged papers are the same objects (see parse/document.ts): only the replaced entries differ.
      for (const [i, old] of changed) {
        const before = old.paper;
        const after = papers[i]!.paper;
        // Moved by a line, or edited without touching its id or title: same keys.
        if (before === after || (before.arxiv?.id === after.arxiv?.id && this.titleOf(before) === this.titleOf(after))) continue;
        this.remove(before, i);
        this.add(after, i);
      }
    }
    this.papers = papers;
    this.seen = seePapers(papers);
  }

  /**
   * Every paper that repeats an earlier one, in document order: by id when an
   * earlier paper has its id, else by title when an earlier paper has its title
   * under another id (or it has none).
   */
  repeats(): readonly Repeat[] {
    // Keys unchanged since the last call: the same answer (the papers it names may have new objects, not new keys).
    if (this.cached) return this.cached;
    const candidates = [...new Set([...this.ids.repeatedIndices(), ...this.titles.repeatedIndices()])].sort((a, b) => a - b);
    const out: Repeat[] = [];
    for (const index of candidates) {
      const paper = this.papers[index]!.paper;
      const id = paper.arxiv?.id;
      const firstById = id ? this.ids.first(id) : undefined;
      if (firstById !== undefined && firstById < index) {
        out.push({ index, first: firstById, kind: 'id' });
        continue;
      }
      const title = this.titleOf(paper);
      const firstByTitle = title !== '' ? this.titles.first(title) : undefined;
      if (firstByTitle !== undefined && firstByTitle < index && (id === undefined || this.papers[firstByTitle]!.paper.arxiv?.id !== id)) {
        out.push({ index, first: firstByTitle, kind: 'title' });
      }
    }
    this.cached = out;
    return out;
  }

  /** Indices of the papers with this arXiv id, ascending. */
  indicesOfId(id: string): readonly number[] {
    return this.ids.indices(id);
  }

  private add(paper: Paper, index: number): void {
    this.lastKeyed++;
    this.cached = undefined;
    const id = paper.arxiv?.id;
    if (id) this.ids.add(id, index);
    const title = this.titleOf(paper);
    if (title !== '') this.titles.add(title, index);
  }

  private remove(paper: Paper, index: number): void {
    this.cached = undefined;
    const id = paper.arxiv?.id;
    if (id) this.ids.remove(id, index);
    const title = this.titleOf(paper);
    if (title !== '') this.titles.remove(title, index);
  }
}

const STATE_KEY = 'paperKeyIndex';

/**
 * The document's key index, brought up to `papers`: kept in the rules' shared
 * state when there is one (updating it twice for one version is free), else
 * built for this call.
 */
export function paperKeysOf(state: Map<string, unknown> | undefined, papers: readonly PlacedPaper[], titleOf: (paper: Paper) => string): PaperKeyIndex {
  let index = state?.get(STATE_KEY) as PaperKeyIndex | undefined;
  if (!index) {
    index = new PaperKeyIndex(titleOf);
    state?.set(STATE_KEY, index);
  }
  index.update(papers);
  return index;
}
