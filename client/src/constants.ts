// Every id the client shares with package.json `contributes`, in one place.

export const EXTENSION_ID = 'daily-papers-digest.daily-papers-digest';

/** Also the LanguageClient id: vscode-languageclient reads `<id>.trace.server`. */
export const CLIENT_ID = 'digest';
export const CLIENT_NAME = 'Daily Papers Digest';
export const OUTPUT_CHANNEL_NAME = 'Daily Papers Digest';
export const SERVER_MODULE = 'server/out/server.js';

export const Command = {
  restartServer: 'digest.restartServer',
  fixAll: 'digest.fixAll',
  papersRefresh: 'digest.papers.refresh',
  papersFilter: 'digest.papers.filter',
  papersClearFilter: 'digest.papers.clearFilter',
  papersRevealCurrent: 'digest.papers.revealCurrent',
} as const;

/** The "Daily Papers" view in the Explorer. */
export const PAPERS_VIEW_ID = 'digest.papers';
/** Context key set while the view is filtered, for the clear-filter button. */
export const PAPERS_FILTERED_CONTEXT = 'digest.papers.filtered';

/** The server's fix-all code action kind, for `editor.codeActionsOnSave` and the fix-all command. */
export const FIX_ALL_CODE_ACTION_KIND = 'source.fixAll.digest';

/** The settings section and its keys, shared with the server. */
export { SETTINGS_SECTION as CONFIG_SECTION, SettingKey as Setting } from '../../server/src/core/settings';

export const MARKDOWN_LANGUAGE_ID = 'markdown';

/**
 * Documents the server sees. The extension runs in a Node extension host
 * only; in a remote or code-server window that host sits next to the files
 * and sees them as `file:` URIs too, so no remote scheme is needed.
 */
export const SERVED_SCHEMES: readonly string[] = ['file', 'untitled'];

export const DOCUMENT_SELECTOR: readonly { readonly language: string; readonly scheme: string }[] = SERVED_SCHEMES.map((scheme) => ({
  language: MARKDOWN_LANGUAGE_ID,
  scheme,
}));
