// `.digest-lint.jsonc` / `.digest-lint.json`: parsed as JSONC, validated field
// by field. Every problem names the file and its position; a bad field is
// dropped while the valid ones keep working.

import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex } from '../parse/lineIndex';
import type { Range } from '../types';
import { DEFAULT_LOCALE, localize, msgOf, ref, type ArgValue, type Locale, type MessageId, type MessageRef } from '../l10n';
import { isRuleId, readRuleLevel, RULE_LEVELS, type RuleLayer, type RuleLevel } from './levels';
import type { RuleId } from '../rules/rule';

export const CONFIG_FILE_NAMES = ['.digest-lint.jsonc', '.digest-lint.json'] as const;

export const ConfigKey = {
  schema: '$schema',
  extends: 'extends',
  default: 'default',
  rules: 'rules',
  requiredSections: 'requiredSections',
  files: 'files',
  ignores: 'ignores',
} as const;

const KNOWN_KEYS: ReadonlySet<string> = new Set(Object.values(ConfigKey));

export interface ConfigProblem {
  /** The config file's path. */
  readonly file: string;
  /** English, as printed before messages had ids; `l10n` renders it in another language. */
  readonly message: string;
  readonly l10n: MessageRef;
  readonly range: Range;
}

/** One file's own content, before `extends` is followed. */
export interface ConfigFileContent {
  readonly file: string;
  readonly extends: { readonly path: string; readonly range: Range } | undefined;
  readonly rules: RuleLayer;
  readonly requiredSections: readonly string[] | undefined;
  readonly files: readonly string[] | undefined;
  readonly ignores: readonly string[] | undefined;
  readonly problems: readonly ConfigProblem[];
}

export function parseConfigFile(file: string, text: string): ConfigFileContent {
  const index = new LineIndex(text);
  const problems: ConfigProblem[] = [];
  const at = (offset: number, length: number): Range => index.rangeAt(offset, offset + length);
  const problem = (node: Pick<Node, 'offset' | 'length'>, message: MessageRef): void => {
    problems.push({ file, ...msgOf(message), range: at(node.offset, node.length) });
  };
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    problem({ offset: 0, length: 0 }, ref('cfgEmptyFile', { example: '{ "rules": {} }' }));
    return { file, extends: undefined, rules: { levels: {} }, requiredSections: undefined, files: undefined, ignores: undefined, problems };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text, errors, { allowTrailingComma: true, disallowComments: false });
  for (const e of errors) problem({ offset: e.offset, length: e.length }, ref('cfgInvalidJson', { error: describeParseError(printParseErrorCode(e.error)) }));

  const content = {
    file,
    extends: undefined as ConfigFileContent['extends'],
    rules: { levels: {} } as RuleLayer,
    requiredSections: undefined as readonly string[] | undefined,
    files: undefined as readonly string[] | undefined,
    ignores: undefined as readonly string[] | undefined,
  };
  if (!root) return { ...content, problems };
  if (root.type !== 'object') {
    problem(root, ref('cfgNotObject', { found: describeNode(root) }));
    return { ...content, problems };
  }
  for (const prop of root.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    switch (key) {
      case ConfigKey.schema:
        break;
      case ConfigKey.extends:
        if (valueNode.type === 'string' && String(valueNode.value).trim() !== '') content.extends = { path: String(valueNode.value), range: at(valueNode.offset, valueNode.length) };
        else problem(valueNode, ref('cfgExtendsNotPath', { found: describeNode(valueNode) }));
        break;
      case ConfigKey.default:
        if (valueNode.type === 'boolean') content.rules = { ...content.rules, default: valueNode.value === true };
        else problem(valueNode, ref('cfgDefaultNotBoolean', { found: describeNode(valueNode) }));
        break;
      case ConfigKey.rules:
        content.rules = { ...content.rules, levels: readRules(valueNode, problem) };
        break;
      case ConfigKey.requiredSections:
      case ConfigKey.files:
      case ConfigKey.ignores:
        content[key] = readStrings(key, valueNode, problem);
        break;
      default:
        problem(keyNode, ref('cfgUnknownSetting', { key, keys: [...KNOWN_KEYS].filter((k) => k !== ConfigKey.schema).map((k) => `"${k}"`) }));
    }
  }
  return { ...content, problems };
}

/** `file:line:col: message`, 1-based, as compilers print it. */
export function formatConfigProblem(p: ConfigProblem, locale: Locale = DEFAULT_LOCALE): string {
  return `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${localize(locale, p.message, p.l10n)}`;
}

type ProblemFn = (node: Pick<Node, 'offset' | 'length'>, message: MessageRef) => void;

function readRules(node: Node, problem: ProblemFn): Partial<Record<RuleId, RuleLevel>> {
  const levels: Partial<Record<RuleId, RuleLevel>> = {};
  if (node.type !== 'object') {
    problem(node, ref('cfgRulesNotObject', { example: '{ "invalid-vote": "off" }', found: describeNode(node) }));
    return levels;
  }
  for (const prop of node.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const id = String(keyNode.value);
    if (!isRuleId(id)) {
      problem(keyNode, ref('cfgUnknownRule', { id }));
      continue;
    }
    const level = readRuleLevel(nodeValue(valueNode));
    if (!level) {
      problem(valueNode, ref('cfgBadSeverity', { id, found: describeNode(valueNode), levels: RULE_LEVELS.map((l) => `"${l}"`), object: '{ "severity": … }' }));
      continue;
    }
    levels[id] = level;
  }
  return levels;
}

function readStrings(key: string, node: Node, problem: ProblemFn): string[] | undefined {
  if (node.type !== 'array') {
    problem(node, ref('cfgNotStringArray', { key, found: describeNode(node) }));
    return undefined;
  }
  const out: string[] = [];
  for (const item of node.children ?? []) {
    if (item.type === 'string' && String(item.value).trim() !== '') out.push(String(item.value).trim());
    else problem(item, ref('cfgEmptyString', { key, found: describeNode(item) }));
  }
  return out;
}

function nodeValue(node: Node): unknown {
  if (node.type !== 'object') return node.value;
  const obj: Record<string, unknown> = {};
  for (const prop of node.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (k && v) obj[String(k.value)] = v.type === 'object' || v.type === 'array' ? undefined : v.value;
  }
  return obj;
}

/** A value as the user wrote it (quoted from the file, so never translated), or its kind in words. */
function describeNode(node: Node): ArgValue {
  switch (node.type) {
    case 'string':
      return JSON.stringify(node.value);
    case 'number':
    case 'boolean':
    case 'null':
      return String(node.value);
    case 'array':
      return ref('jsonArray');
    case 'object':
      return ref('jsonObject');
    case 'property':
      return ref('jsonProperty');
  }
}

/** jsonc-parser's error names, each with a message; a new name in a jsonc-parser update fails to compile here. */
const PARSE_ERRORS: Readonly<Record<ReturnType<typeof printParseErrorCode>, MessageId>> = {
  InvalidSymbol: 'jsonInvalidSymbol',
  InvalidNumberFormat: 'jsonInvalidNumberFormat',
  PropertyNameExpected: 'jsonPropertyNameExpected',
  ValueExpected: 'jsonValueExpected',
  ColonExpected: 'jsonColonExpected',
  CommaExpected: 'jsonCommaExpected',
  CloseBraceExpected: 'jsonCloseBraceExpected',
  CloseBracketExpected: 'jsonCloseBracketExpected',
  EndOfFileExpected: 'jsonEndOfFileExpected',
  InvalidCommentToken: 'jsonInvalidCommentToken',
  UnexpectedEndOfComment: 'jsonUnexpectedEndOfComment',
  UnexpectedEndOfString: 'jsonUnexpectedEndOfString',
  UnexpectedEndOfNumber: 'jsonUnexpectedEndOfNumber',
  InvalidUnicode: 'jsonInvalidUnicode',
  InvalidEscapeCharacter: 'jsonInvalidEscapeCharacter',
  InvalidCharacter: 'jsonInvalidCharacter',
  '<unknown ParseErrorCode>': 'jsonUnknownError',
};

function describeParseError(code: ReturnType<typeof printParseErrorCode>): MessageRef {
  return { id: PARSE_ERRORS[code], args: {} };
}
