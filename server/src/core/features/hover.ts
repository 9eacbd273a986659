// The paper card shown over a paper's heading, link, id or thumbnail. Every
// piece of digest text is escaped; links are built from validated ids only.

import { absUrl, huggingFaceUrl, pdfUrl } from '../arxiv';
import type { DigestModel, PlacedPaper } from '../model';
import type { DigestSettings } from '../settings';
import { containsPosition, shiftRange, type CancellationTokenLike, type Position, type Range } from '../types';
import { titleKey } from '../rules/duplicatePaper';
import { matchLabel } from '../labels';
import { DEFAULT_LOCALE, ref, render, type Locale } from '../l10n';

export interface DigestHover {
  /** Markdown, safe to render untrusted. */
  readonly markdown: string;
  readonly range: Range;
}

const MAX_AUTHORS_SHOWN = 3;
const MAX_SUMMARY = 600;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** Characters past the cut read to find the last whole grapheme before it. */
const GRAPHEME_LOOKAHEAD = 64;

/**
 * At most `max` UTF-16 units of `text`, cut at a grapheme boundary (never inside a
 * surrogate pair or an emoji sequence), with `…` when something was cut.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = 0;
  for (const { index, segment } of graphemes.segment(text.slice(0, max + GRAPHEME_LOOKAHEAD))) {
    if (index + segment.length > max) break;
    cut = index + segment.length;
  }
  return `${text.slice(0, cut)}…`;
}

/** Backslash-escapes every ASCII punctuation mark so digest text renders literally. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/[\u0000-\u001F\u007F]/g, ' ')
    .replace(/[\\`*_{}[\]()#+\-.!|<>~&"'=:$%@^;,?/]/g, (c) => `\\${c}`);
}

function safeImageUrl(url: string): string | undefined {
  return /^https:\/\/[A-Za-z0-9.-]+\/[A-Za-z0-9._~\-/%]*\.(png|jpe?g|gif|webp|svg)$/i.test(url) ? url : undefined;
}

export function findPaperAt(model: DigestModel, line: number): PlacedPaper | undefined {
  let lo = 0;
  let hi = model.papers.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = model.papers[mid]!;
    if (p.line > line) hi = mid - 1;
    else if (p.line + p.paper.extent.end.line < line) lo = mid + 1;
    else return p;
  }
  return undefined;
}

export function getHover(model: DigestModel, position: Position, settings: DigestSettings, token: CancellationTokenLike, locale: Locale = DEFAULT_LOCALE): DigestHover | undefined {
  const placed = findPaperAt(model, position.line);
  if (!placed || token.isCancellationRequested) return undefined;
  const { paper, line } = placed;
  const heading = shiftRange(paper.heading.range, line);
  const thumb = paper.thumbnail ? shiftRange(paper.thumbnail.range, line) : undefined;
  const target = containsPosition(heading, position) ? heading : thumb && containsPosition(thumb, position) ? thumb : undefined;
  if (!target) return undefined;

  const parts: string[] = [`**${escapeMarkdown(paper.heading.title || render(locale, ref('untitledPaper')))}**`];
  const id = paper.arxiv?.id;
  if (id) {
    parts.push(`[arXiv:${escapeMarkdown(id)}](${absUrl(id)}) · [PDF](${pdfUrl(id)}) · [Hugging Face](${huggingFaceUrl(id)})`);
  } else {
    parts.push(render(locale, ref('hoverNoLink')));
  }
  const facts: string[] = [];
  if (paper.vote) facts.push(render(locale, ref('hoverVotes', { votes: escapeMarkdown(paper.vote.value.text || '—') })));
  const names = paper.authors?.names ?? [];
  if (names.length) {
    const shown = names.slice(0, MAX_AUTHORS_SHOWN).map((n) => escapeMarkdown(n.text)).join(', ');
    facts.push(render(locale, ref(names.length === 1 ? 'hoverAuthor' : 'hoverAuthors', { count: names.length, names: shown, more: names.length > MAX_AUTHORS_SHOWN ? ', …' : '' })));
  }
  if (facts.length) parts.push(facts.join(' · '));
  const whatsNew = paper.entries.find((e) => e.markup && matchLabel(e.markup, [settings.requiredSections[0] ?? "What's New"]).kind !== 'none');
  if (whatsNew && whatsNew.text.text) {
    const text = truncateText(whatsNew.text.text, MAX_SUMMARY);
    parts.push(`${escapeMarkdown(whatsNew.markup?.label ?? '')}: ${escapeMarkdown(text)}`);
  }
  const image = settings.hoverImages && paper.thumbnail?.kind === 'image' ? safeImageUrl(paper.thumbnail.url) : undefined;
  if (image) parts.push(`![thumbnail](${image})`);
  const other = firstOccurrence(model, placed);
  if (other) parts.push(render(locale, ref('hoverListedTwice', { line: other.line + 1 })));
  return { markdown: parts.join('\n\n'), range: target };
}

function firstOccurrence(model: DigestModel, placed: PlacedPaper): PlacedPaper | undefined {
  const id = placed.paper.arxiv?.id;
  const title = titleKey(placed.paper);
  return model.papers.find((p) => p !== placed && ((id && p.paper.arxiv?.id === id) || (title !== '' && titleKey(p.paper) === title)));
}
