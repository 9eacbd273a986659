// Shared wording and locations for papers listed in more than one digest:
// used by the `listed-on-another-day` rule, the hover card and navigation.
import { DEFAULT_LOCALE, ref, render, type Locale, type MessageRef } from '../l10n';

import { escapeMarkdown } from '../features/hover';
import type { DigestModel, PlacedPaper } from '../model';
import { range, type Range } from '../types';
import { canonicalUri } from './uri';
import type { Listing, WorkspaceView } from './workspaceIndex';

export type ListingKey = Pick<Listing, 'uri' | 'line' | 'date'>;

/** The last path segment of a URI, decoded, for messages. */
export function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** `2024-10-16 (2024-10-16.md, line 5)`. */
export function describeListing(l: ListingKey): string {
  return render('en', listingMessage(l));
}

export function listingMessage(l: ListingKey): MessageRef {
  return ref('listing', { date: l.date ?? ref('undatedDay'), file: fileName(l.uri), line: l.line + 1 });
}

export function headingRange(l: Pick<Listing, 'line' | 'headingEnd'>): Range {
  return range(l.line, 0, l.line, l.headingEnd);
}

/** Listings of the same id in other files, earliest first. */
export function otherListings(view: WorkspaceView, uri: string, id: string): readonly Listing[] {
  const all = view.listings(id);
  // Most ids are listed nowhere else: no URI to canonicalise (once per paper per keystroke).
  if (all.length === 0) return all;
  const self = canonicalUri(uri);
  return all.filter((l) => l.uri !== uri && canonicalUri(l.uri) !== self);
}

const MAX_HOVER_LINKS = 10;

/** The hover card's line naming the other days, each a link that opens the file at the paper. */
export function otherDaysMarkdown(model: DigestModel, placed: PlacedPaper, view: WorkspaceView, locale: Locale = DEFAULT_LOCALE): string | undefined {
  const id = placed.paper.arxiv?.id;
  if (!id) return undefined;
  const others = otherListings(view, model.uri, id);
  if (others.length === 0) return undefined;
  const links = others
    .slice(0, MAX_HOVER_LINKS)
    .map((l) => `[${escapeMarkdown(l.date ?? fileName(l.uri))}](<${l.uri}#L${l.line + 1}>)`);
  const more = others.length > MAX_HOVER_LINKS ? ref('hoverMoreListings', { count: others.length - MAX_HOVER_LINKS }) : '';
  return render(locale, ref('hoverAlsoListedOn', { links, more }));
}
