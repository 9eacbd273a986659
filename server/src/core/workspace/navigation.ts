// References and definition across digests: from a paper's heading, link,
// id or thumbnail to every listing of its arXiv id in the workspace.

import { findPaperAt } from '../features/hover';
import type { DigestModel } from '../model';
import { containsPosition, shiftRange, type Position, type Range } from '../types';
import { headingRange } from './crossDay';
import type { Listing, WorkspaceView } from './workspaceIndex';

export interface DigestLocation {
  readonly uri: string;
  readonly range: Range;
}

/** The arXiv id of the paper whose heading (title, link, id) or thumbnail is at `position`. */
export function paperIdAt(model: DigestModel, position: Position): string | undefined {
  const placed = findPaperAt(model, position.line);
  if (!placed) return undefined;
  const { paper, line } = placed;
  const onHeading = containsPosition(shiftRange(paper.heading.range, line), position);
  const onThumbnail = paper.thumbnail !== undefined && containsPosition(shiftRange(paper.thumbnail.range, line), position);
  return onHeading || onThumbnail ? paper.arxiv?.id : undefined;
}

function toLocation(l: Listing): DigestLocation {
  return { uri: l.uri, range: headingRange(l) };
}

/** Every listing of the paper at `position`, earliest first. */
export function findReferences(model: DigestModel, position: Position, view: WorkspaceView): DigestLocation[] {
  const id = paperIdAt(model, position);
  return id ? view.listings(id).map(toLocation) : [];
}

/** The earliest listing of the paper at `position`. */
export function findDefinition(model: DigestModel, position: Position, view: WorkspaceView): DigestLocation | undefined {
  const id = paperIdAt(model, position);
  const first = id ? view.listings(id)[0] : undefined;
  return first ? toLocation(first) : undefined;
}
