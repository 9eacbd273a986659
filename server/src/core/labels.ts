// Section labels such as `***What's New***:` and how close a written label is
// to one of the required ones.

/** The pieces of a bullet's leading label, as written. */
export interface LabelMarkup {
  readonly open: string;
  readonly label: string;
  readonly close: string;
  readonly colon: boolean;
  /** Spaces before the colon, as in `**What's New** :`. */
  readonly spacedColon: boolean;
  readonly after: string;
  /** How many characters of the bullet text the markup spans. */
  readonly length: number;
}

const LABEL = /^([*_]*)([^*_:\r\n]+)([*_]*)((?:[ \t]*:)?)([*_]*)/;

/** Splits the start of a bullet into label markup, or undefined when it has none. */
export function readLabelMarkup(text: string): LabelMarkup | undefined {
  const m = LABEL.exec(text);
  if (!m) return undefined;
  const [, open = '', label = '', close = '', colon = '', after = ''] = m;
  const hasEmphasis = open !== '' || close !== '' || after !== '';
  if (!hasEmphasis && colon === '') return undefined;
  if (label.trim() === '' || label.length > 60) return undefined;
  return { open, label: label.trim(), close, colon: colon !== '', spacedColon: colon.length > 1, after, length: m[0].length };
}

export function isCanonicalMarkup(m: LabelMarkup): boolean {
  return (m.open === '***' || m.open === '**') && m.close === m.open && m.colon && !m.spacedColon && m.after === '';
}

export type LabelMatch =
  | { readonly kind: 'exact'; readonly expected: string }
  | { readonly kind: 'near'; readonly expected: string; readonly why: NearMissReason }
  | { readonly kind: 'none' };

export type NearMissReason = 'apostrophe' | 'emphasis' | 'spelling' | 'case';

const CURLY = /[\u2018\u2019\u02BC\u0060\u00B4]/g;

export function normalizeLabel(label: string): string {
  return label.replace(CURLY, "'").replace(/\s+/g, ' ').trim();
}

/** Matches a written label against the required labels. */
export function matchLabel(m: LabelMarkup, required: readonly string[]): LabelMatch {
  const written = m.label;
  const canonical = isCanonicalMarkup(m);
  for (const expected of required) {
    if (written === expected) return canonical ? { kind: 'exact', expected } : { kind: 'near', expected, why: 'emphasis' };
  }
  const norm = normalizeLabel(written);
  for (const expected of required) {
    if (norm === expected) return { kind: 'near', expected, why: 'apostrophe' };
  }
  for (const expected of required) {
    if (norm.toLowerCase() === expected.toLowerCase()) return { kind: 'near', expected, why: 'case' };
  }
  // Without emphasis, a short "X:" could be ordinary prose; ask for a closer match.
  const hasEmphasis = m.open !== '' || m.close !== '' || m.after !== '';
  let best: { expected: string; distance: number } | undefined;
  for (const expected of required) {
    const limit = expected.length >= 8 ? 2 : 1;
    const d = boundedDistance(norm.toLowerCase(), expected.toLowerCase(), hasEmphasis ? limit : 1);
    if (d !== undefined && (!best || d < best.distance)) best = { expected, distance: d };
  }
  return best ? { kind: 'near', expected: best.expected, why: 'spelling' } : { kind: 'none' };
}

/** Levenshtein distance, or undefined once it exceeds `limit`. */
export function boundedDistance(a: string, b: string, limit: number): number | undefined {
  if (Math.abs(a.length - b.length) > limit) return undefined;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return undefined;
    prev = cur;
  }
  const d = prev[b.length] ?? Infinity;
  return d <= limit ? d : undefined;
}

export function canonicalLabel(expected: string, m: LabelMarkup | undefined): string {
  const marks = m && (m.open === '**' || m.open === '***') ? m.open : '***';
  return `${marks}${expected}${marks}:`;
}
