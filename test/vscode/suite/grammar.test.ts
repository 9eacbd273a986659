// Checks the TextMate scopes of a digest. VS Code 1.100's web workbench has no
// `_workbench.captureSyntaxTokens` (only desktop builds register it), so when
// it is missing the test tokenizes with VS Code's own vscode-textmate and
// vscode-oniguruma from its install folder, loading every grammar and
// injection that the installed extensions contribute, as the workbench does.

import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../../../client/src/constants';
import { fixture } from './helpers';

/** One token: its text and its scopes, outermost first, space separated. */
interface Token {
  c: string;
  t: string;
}

interface GrammarContribution {
  scopeName?: string;
  path?: string;
  injectTo?: string[];
}

const CAPTURE_COMMAND = '_workbench.captureSyntaxTokens';
const MARKDOWN_SCOPE = 'text.html.markdown';

async function tokensOf(uri: vscode.Uri): Promise<Token[]> {
  if ((await vscode.commands.getCommands(true)).includes(CAPTURE_COMMAND)) {
    return (await vscode.commands.executeCommand<Token[]>(CAPTURE_COMMAND, uri)) ?? [];
  }
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  return tokenizeWithTextMate(text);
}

interface TextMate {
  Registry: new (options: unknown) => { loadGrammar(scope: string): Promise<{ tokenizeLine(line: string, stack: unknown): { tokens: { startIndex: number; endIndex: number; scopes: string[] }[]; ruleStack: unknown } } | null> };
  INITIAL: unknown;
  parseRawGrammar(content: string, filePath: string): unknown;
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => unknown;
  OnigString: new (s: string) => unknown;
}

function vscodeModule<T>(name: string): { module: T; dir: string } {
  for (const folder of ['node_modules', 'node_modules.asar']) {
    const dir = path.join(vscode.env.appRoot, folder, name);
    if (existsSync(dir)) return { module: require(dir) as T, dir };
  }
  throw new Error(`${name} not found under ${vscode.env.appRoot}`);
}

let onigLoaded: Promise<void> | undefined;

async function tokenizeWithTextMate(text: string): Promise<Token[]> {
  const { module: tm } = vscodeModule<TextMate>('vscode-textmate');
  const { module: onig, dir: onigDir } = vscodeModule<Oniguruma>('vscode-oniguruma');
  const wasm = readFileSync(path.join(onigDir, 'release', 'onig.wasm'));
  onigLoaded ??= onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  await onigLoaded;
  const files = new Map<string, string>();
  const injections = new Map<string, string[]>();
  for (const ext of vscode.extensions.all) {
    for (const g of (ext.packageJSON?.contributes?.grammars ?? []) as GrammarContribution[]) {
      if (!g.scopeName || !g.path) continue;
      files.set(g.scopeName, vscode.Uri.joinPath(ext.extensionUri, g.path).fsPath);
      for (const target of g.injectTo ?? []) injections.set(target, [...(injections.get(target) ?? []), g.scopeName]);
    }
  }
  const registry = new tm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new onig.OnigScanner(p), createOnigString: (s: string) => new onig.OnigString(s) }),
    loadGrammar: async (scope: string) => {
      const file = files.get(scope);
      return file ? tm.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    getInjections: (scope: string) => injections.get(scope) ?? [],
  });
  const grammar = await registry.loadGrammar(MARKDOWN_SCOPE);
  assert.ok(grammar, 'the Markdown grammar loads');
  const tokens: Token[] = [];
  let stack = tm.INITIAL;
  for (const line of text.split(/\r?\n/)) {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    for (const t of r.tokens) tokens.push({ c: line.slice(t.startIndex, t.endIndex), t: t.scopes.join(' ') });
  }
  return tokens;
}

function scopesOf(tokens: Token[], text: string): string[] {
  return tokens.filter((t) => t.c === text).map((t) => t.t);
}

export default function register(): void {
  suite('Grammar', () => {
    test('the injection grammar is contributed to Markdown', () => {
      const grammars = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.grammars as GrammarContribution[];
      assert.deepEqual(
        grammars.map((g) => [g.scopeName, g.injectTo]),
        [['text.markdown.digest.injection', [MARKDOWN_SCOPE]]],
      );
    });

    test('scopes the arXiv id of a paper heading and thumbnail, the vote, labels and date, keeping Markdown scopes', async () => {
      const tokens = await tokensOf(fixture('digests/2025-01-23.md'));
      const ids = scopesOf(tokens, '2501.10001');
      assert.equal(ids.length, 2, `the id is one token in the link and one in the thumbnail: ${JSON.stringify(ids)}`);
      const [link, thumb] = ids as [string, string];
      for (const scope of ['heading.3.markdown', 'markup.underline.link.markdown', 'constant.numeric.arxiv-id.digest']) assert.ok(link.includes(scope), `${scope} in "${link}"`);
      for (const scope of ['markup.underline.link.image.markdown', 'constant.numeric.arxiv-id.digest']) assert.ok(thumb.includes(scope), `${scope} in "${thumb}"`);
      assert.ok(scopesOf(tokens, '2025-01-23').some((s) => s.includes('heading.2.markdown') && s.endsWith('constant.numeric.date.digest')));
      assert.ok(scopesOf(tokens, 'Vote').every((s) => s.endsWith('keyword.other.vote.digest')));
      assert.ok(scopesOf(tokens, '42').some((s) => s.endsWith('constant.numeric.vote.digest')));
      assert.ok(scopesOf(tokens, 'Authors').every((s) => s.endsWith('keyword.other.authors.digest')));
      const label = scopesOf(tokens, "What's New");
      assert.equal(label.length, 3);
      for (const s of label) for (const scope of ['markup.bold.markdown', 'markup.italic.markdown', 'keyword.other.section-label.digest']) assert.ok(s.includes(scope), `${scope} in "${s}"`);
      const title = scopesOf(tokens, 'Sparse Lanterns: Routing Tokens Through Few Experts');
      assert.ok(title.some((s) => s.includes('string.other.link.title.markdown')), 'the title keeps its Markdown scope');
    });

    test('leaves code blocks alone', async () => {
      const tokens = await tokensOf(fixture('notes/plain.md'));
      const fenced = tokens.filter((t) => t.t.includes('markup.fenced_code'));
      assert.ok(fenced.length > 0, 'the fixture has a fenced block');
      assert.ok(fenced.every((t) => !t.t.includes('.digest')), 'no digest scope inside it');
    });
  });
}
