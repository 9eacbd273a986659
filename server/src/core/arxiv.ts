// arXiv identifiers and the links that carry them.
import { ref, render, type MessageRef } from './l10n';

export const ARXIV_HOST = 'arxiv.org';
export const ABS_PREFIX = 'https://arxiv.org/abs/';

export interface ArxivId {
  /** The id without its version, e.g. `2501.12948` or `hep-th/9901001`. */
  readonly id: string;
  readonly version: number | undefined;
  /** `YYMM` of a new-style id, used to compare with the digest's date. */
  readonly yymm: number | undefined;
}

export type IdProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'letters' }
  | { readonly kind: 'digits'; readonly expected: 4 | 5; readonly found: number }
  | { readonly kind: 'month'; readonly month: number }
  | { readonly kind: 'before-new-style' }
  | { readonly kind: 'shape' };

export type IdResult = { readonly ok: true; readonly id: ArxivId } | { readonly ok: false; readonly problem: IdProblem };

const NEW_STYLE = /^(\d{2})(\d{2})\.(\d+)(?:v(\d+))?$/;
const OLD_STYLE = /^([a-z][a-z-]*(?:\.[A-Z]{2})?)\/(\d{7})(?:v(\d+))?$/;

/** Validates an id as written after `/abs/`. */
export function parseArxivId(raw: string): IdResult {
  if (raw === '') return { ok: false, problem: { kind: 'empty' } };
  const old = OLD_STYLE.exec(raw);
  if (old) {
    return { ok: true, id: { id: `${old[1]}/${old[2]}`, version: old[3] ? Number(old[3]) : undefined, yymm: undefined } };
  }
  const m = NEW_STYLE.exec(raw);
  if (!m) {
    if (/^[\d.]*[a-zA-Z][\w.]*$/.test(raw) && /\d{4}/.test(raw)) return { ok: false, problem: { kind: 'letters' } };
    return { ok: false, problem: { kind: 'shape' } };
  }
  const yy = Number(m[1]);
  const mm = Number(m[2]);
  const number = m[3] ?? '';
  if (mm < 1 || mm > 12) return { ok: false, problem: { kind: 'month', month: mm } };
  const yymm = yy * 100 + mm;
  if (yymm < 704) return { ok: false, problem: { kind: 'before-new-style' } };
  const expected = yymm >= 1501 ? 5 : 4;
  if (number.length !== expected) return { ok: false, problem: { kind: 'digits', expected, found: number.length } };
  return { ok: true, id: { id: `${m[1]}${m[2]}.${number}`, version: m[4] ? Number(m[4]) : undefined, yymm } };
}

export function describeIdProblem(p: IdProblem, raw: string): string {
  return render('en', idProblemMessage(p, raw));
}

/** What is wrong with an id, as a message id and its arguments. */
export function idProblemMessage(p: IdProblem, raw: string): MessageRef {
  switch (p.kind) {
    case 'empty':
      return ref('idEmpty');
    case 'letters':
      return ref('idLetters', { raw, letters: letterParts(raw) });
    case 'digits':
      return ref('idDigits', { raw, found: p.found, expected: p.expected });
    case 'month':
      return ref('idMonth', { raw, month: String(p.month).padStart(2, '0') });
    case 'before-new-style':
      return ref('idBeforeNewStyle', { raw });
    case 'shape':
      return ref('idShape', { raw });
  }
}

/** Letters that are easily typed for a digit: O for 0, l and I for 1. */
const CONFUSABLE_DIGIT: Readonly<Record<string, string>> = { O: '0', o: '0', l: '1', I: '1' };

/** At most three letters named, the first as "the 6th character is the letter O, not the digit 0". */
const MAX_LETTERS_NAMED = 3;

function letterParts(raw: string): MessageRef[] {
  const parts: MessageRef[] = [];
  let count = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] ?? '';
    if (!/[a-zA-Z]/.test(c)) continue;
    count++;
    if (parts.length === MAX_LETTERS_NAMED) continue;
    const d = CONFUSABLE_DIGIT[c];
    const args = { position: { ordinal: i + 1 }, letter: c, digit: d ? ref('theDigit', { digit: d }) : ref('aDigit') };
    parts.push(ref(parts.length === 0 ? 'idLetterFirst' : 'idLetterNext', args));
  }
  if (count > parts.length) parts.push(ref('idLettersMore', { count: count - parts.length }));
  return parts;
}

/** "the 6th character is the letter O, not the digit 0", for each letter (at most three named). */
export function describeLetters(raw: string): string {
  return letterParts(raw).map((p) => render('en', p)).join(', ');
}

/** The id with confusable letters read as digits, when that gives a valid id; else undefined. */
export function correctConfusables(raw: string): string | undefined {
  if (!/[OolI]/.test(raw)) return undefined;
  const fixed = raw.replace(/[OolI]/g, (c) => CONFUSABLE_DIGIT[c] ?? c);
  return parseArxivId(fixed).ok ? fixed : undefined;
}

/** What is wrong with a paper link, if anything. */
export type LinkVerdict =
  | { readonly kind: 'canonical'; readonly id: ArxivId; readonly idStart: number; readonly idEnd: number }
  | { readonly kind: 'non-canonical'; readonly reason: 'pdf' | 'html' | 'http' | 'www' | 'query'; readonly id: ArxivId; readonly idStart: number; readonly idEnd: number }
  | { readonly kind: 'bad-id'; readonly problem: IdProblem; readonly rawId: string; readonly idStart: number; readonly idEnd: number }
  | { readonly kind: 'relative' }
  | { readonly kind: 'wrong-host'; readonly host: string }
  | { readonly kind: 'wrong-scheme'; readonly scheme: string }
  | { readonly kind: 'wrong-path' };

const URL_SHAPE = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)([?#].*)?$/;

/**
 * Classifies a link target. Offsets of the id are relative to `url`, so a
 * squiggle can cover the id alone.
 */
export function classifyArxivUrl(url: string): LinkVerdict {
  const m = URL_SHAPE.exec(url);
  if (!m) return { kind: 'relative' };
  const scheme = (m[1] ?? '').toLowerCase();
  const host = (m[2] ?? '').toLowerCase();
  const path = m[3] ?? '';
  const rest = m[4];
  if (scheme !== 'https' && scheme !== 'http') return { kind: 'wrong-scheme', scheme };
  if (host !== ARXIV_HOST && host !== `www.${ARXIV_HOST}`) return { kind: 'wrong-host', host };
  const pathMatch = /^\/(abs|pdf|html)\/(.*?)(\.pdf)?\/?$/.exec(path);
  if (!pathMatch) return { kind: 'wrong-path' };
  const section = pathMatch[1] as 'abs' | 'pdf' | 'html';
  const rawId = pathMatch[2] ?? '';
  const idStart = scheme.length + 3 + (m[2] ?? '').length + section.length + 2;
  const idEnd = idStart + rawId.length;
  const parsed = parseArxivId(rawId);
  if (!parsed.ok) return { kind: 'bad-id', problem: parsed.problem, rawId, idStart, idEnd };
  const reason = section !== 'abs' ? section : pathMatch[3] ? 'pdf' : scheme === 'http' ? 'http' : host !== ARXIV_HOST ? 'www' : rest ? 'query' : undefined;
  if (reason) return { kind: 'non-canonical', reason, id: parsed.id, idStart, idEnd };
  return { kind: 'canonical', id: parsed.id, idStart, idEnd };
}

/** Finds something that looks like an arXiv id anywhere in a string, for fix suggestions. */
export function findIdLike(text: string): string | undefined {
  const m = /(?:^|[^\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d])/.exec(text);
  return m?.[1];
}

export function absUrl(id: string): string {
  return `${ABS_PREFIX}${id}`;
}

export function pdfUrl(id: string): string {
  return `https://arxiv.org/pdf/${id}`;
}

export function huggingFaceUrl(id: string): string {
  return `https://huggingface.co/papers/${id}`;
}

export const SOCIAL_THUMBNAIL = /^https:\/\/cdn-thumbnails\.huggingface\.co\/social-thumbnails\/papers\/([^/]+?)\.png$/;

export function thumbnailUrl(id: string): string {
  return `https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${id}.png`;
}
