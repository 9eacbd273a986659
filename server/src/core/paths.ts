// Path arithmetic for the core, which must not import node:path (it runs
// wherever the language service does). Enough for config resolution: POSIX
// paths (`/a/b`), and Windows paths with a drive letter (`C:\a\b`, `C:/a/b`),
// whose separators are both `\` and `/` and which are written back with `\`,
// as node's path.win32 does. A backslash in a POSIX path is part of a name.
// Relative paths stay relative: there is no current folder here.

interface Parsed {
  /** `/`, `C:\`, or '' for a relative path. */
  readonly root: string;
  readonly parts: string[];
  readonly sep: '/' | '\\';
}

const DRIVE = /^[A-Za-z]:[\\/]/;

function parse(path: string): Parsed {
  if (DRIVE.test(path)) {
    return { root: `${path.slice(0, 2)}\\`, parts: path.slice(3).split(/[\\/]/), sep: '\\' };
  }
  if (path.startsWith('/')) return { root: '/', parts: path.slice(1).split('/'), sep: '/' };
  return { root: '', parts: path.split(/[/]/), sep: '/' };
}

/** `.` and empty segments dropped, `..` applied (never above the root). */
function normalizeParts(parts: readonly string[], absolute: boolean): string[] {
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(part);
  }
  return out;
}

function format(root: string, parts: readonly string[], sep: string): string {
  const body = parts.join(sep);
  if (root) return root + body;
  return body === '' ? '.' : body;
}

/** A Windows path with a drive letter (`C:\…`, `C:/…`). */
export function isWindowsPath(path: string): boolean {
  return DRIVE.test(path);
}

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || DRIVE.test(path);
}

/** The path with `.`, `..` and repeated separators resolved. */
export function normalizePath(path: string): string {
  const p = parse(path);
  return format(p.root, normalizeParts(p.parts, p.root !== ''), p.sep);
}

/** The folder holding `path`; a root is its own folder. */
export function dirnameOf(path: string): string {
  const p = parse(normalizePath(path));
  const parts = normalizeParts(p.parts, p.root !== '');
  if (parts.length === 0) return p.root || '.';
  return format(p.root, parts.slice(0, -1), p.sep);
}

/** `base` and `more` joined and normalized; an absolute `more` starts afresh, as path.resolve does. */
export function resolvePath(base: string, ...more: string[]): string {
  let path = base;
  for (const m of more) path = isAbsolutePath(m) ? m : `${path}${parse(path).sep}${m}`;
  return normalizePath(path);
}

/** `a` and `b` joined and normalized, `b` relative to `a` even when it starts with a separator, as path.join does. */
export function joinPath(a: string, b: string): string {
  return normalizePath(`${a}${parse(a).sep}${b}`);
}
