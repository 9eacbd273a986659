// Snippet edits for quick fixes: LSP 3.17 has no snippet text edits, so the
// server sends the snippet form of a fix in CodeAction.data and the client
// turns it into a vscode.SnippetTextEdit, which places the cursor (`$0`).

import * as vscode from 'vscode';

/** The shape the server puts in `CodeAction.data` (server/src/lsp/convert.ts). */
interface SnippetData {
  readonly uri: string;
  readonly snippetEdits: readonly { readonly range: { start: { line: number; character: number }; end: { line: number; character: number } }; readonly snippet: string }[];
}

function snippetData(action: vscode.CodeAction | vscode.Command): SnippetData | undefined {
  const data = (action as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null || !Array.isArray((data as SnippetData).snippetEdits)) return undefined;
  return data as SnippetData;
}

/** Replaces the plain edit of each action that has a snippet form with the snippet edit. */
export function withSnippetEdits(actions: (vscode.CodeAction | vscode.Command)[] | null | undefined): (vscode.CodeAction | vscode.Command)[] | null | undefined {
  for (const action of actions ?? []) {
    const data = snippetData(action);
    if (!data || !(action instanceof vscode.CodeAction) || !action.edit) continue;
    const uri = vscode.Uri.parse(data.uri);
    const edit = new vscode.WorkspaceEdit();
    edit.set(
      uri,
      data.snippetEdits.map((e) => new vscode.SnippetTextEdit(new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), new vscode.SnippetString(e.snippet))),
    );
    action.edit = edit;
  }
  return actions;
}
