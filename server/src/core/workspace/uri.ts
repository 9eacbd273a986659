// One spelling per file URI. Clients and Node spell the same path differently
// (VS Code writes `%28` for `(` and `%3A` for a drive colon, Node's
// pathToFileURL does not), and the index must see an open document and its
// disk copy as the same file, or a paper would be listed "on another day" by
// itself.

/** Percent-encodes all but unreserved characters, as VS Code's URI does in paths. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The URI of an absolute POSIX-style path (Windows drive paths with `/` accepted), encoded as VS Code encodes it. */
export function fileUri(path: string): string {
  const posix = path.replace(/\\/g, '/');
  const withRoot = posix.startsWith('/') ? posix : `/${posix}`;
  const drive = /^\/([A-Za-z]):/.exec(withRoot);
  const normalized = drive ? `/${drive[1]!.toLowerCase()}${withRoot.slice(2)}` : withRoot;
  return `file://${normalized.split('/').map(encodeSegment).join('/')}`;
}

/** A key for a URI: file URIs re-encoded one way; other schemes as they are. */
export function canonicalUri(uri: string): string {
  const m = /^file:\/\/([^/?#]*)([^?#]*)/i.exec(uri);
  if (!m || (m[1] !== '' && m[1]!.toLowerCase() !== 'localhost')) return uri;
  let path: string;
  try {
    path = decodeURIComponent(m[2] ?? '');
  } catch {
    return uri;
  }
  return fileUri(path);
}
