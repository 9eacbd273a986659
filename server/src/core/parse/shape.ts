// Decides whether a block is safe to hand to remark-parse. micromark is
// super-linear on some shapes (nested containers, many lines of list items or
// setext underlines, bracket and backtick runs); real papers are far from
// them (measured over the 357 real digests: at most 11 KB, 22 lines, two
// container markers on a line, 7 `[`, 36 backticks, 11 `<`), so a block that
// leaves these bounds is read line by line instead (lineReader.ts).

/** Limits a block must stay within to be parsed by remark. */
export const TAME_LIMITS = {
  chars: 16 * 1024,
  lines: 64,
  /** List and block-quote markers opening one line. */
  containerDepth: 4,
  brackets: 64,
  backticks: 128,
  angles: 64,
  backslashes: 256,
  ampersands: 256,
} as const;

const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

function isBlankAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === SPACE || c === TAB || c === LF || c === CR || Number.isNaN(c);
}

/** How many list or block-quote markers open the line at `i`. */
export function containerDepthAt(text: string, i: number): number {
  let depth = 0;
  let j = i;
  for (;;) {
    while (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB) j++;
    const c = text[j];
    if (c === '>') {
      depth++;
      j++;
      continue;
    }
    if ((c === '-' || c === '*' || c === '+') && isBlankAt(text, j + 1)) {
      depth++;
      j++;
      if (Number.isNaN(text.charCodeAt(j)) || text.charCodeAt(j) === LF || text.charCodeAt(j) === CR) return depth;
      continue;
    }
    let d = j;
    while (d - j < 10 && text.charCodeAt(d) >= 48 && text.charCodeAt(d) <= 57) d++;
    if (d > j && d - j <= 9 && (text[d] === '.' || text[d] === ')') && isBlankAt(text, d + 1)) {
      depth++;
      j = d + 1;
      continue;
    }
    return depth;
  }
}

/** True when remark-parse reads `text` in about linear time. */
export function isTame(text: string): boolean {
  if (text.length > TAME_LIMITS.chars) return false;
  let lines = 1;
  let brackets = 0;
  let backticks = 0;
  let angles = 0;
  let backslashes = 0;
  let ampersands = 0;
  if (containerDepthAt(text, 0) > TAME_LIMITS.containerDepth) return false;
  for (let i = 0; i < text.length; i++) {
    switch (text.charCodeAt(i)) {
      case CR:
      case LF:
        // `\r\n` is one line break: count it at its `\n`.
        if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) break;
        if (++lines > TAME_LIMITS.lines || containerDepthAt(text, i + 1) > TAME_LIMITS.containerDepth) return false;
        break;
      case 91: // [
      case 93: // ]
        if (++brackets > TAME_LIMITS.brackets) return false;
        break;
      case 96: // `
        if (++backticks > TAME_LIMITS.backticks) return false;
        break;
      case 60: // <
        if (++angles > TAME_LIMITS.angles) return false;
        break;
      case 92: // \
        if (++backslashes > TAME_LIMITS.backslashes) return false;
        break;
      case 38: // &
        if (++ampersands > TAME_LIMITS.ampersands) return false;
        break;
      default:
        break;
    }
  }
  return true;
}
