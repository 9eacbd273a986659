// Public surface of the pure core, shared by the server, the CLI and the tests.
export * from './types';
export * from './settings';
export * from './model';
export * from './arxiv';
export { rules, getRule, RuleId, ruleDocUrl, RULES_DOC_PATH, type Issue, type Fix, type Rule } from './rules';
export { createLanguageService, type DigestLanguageService, type LanguageServiceOptions } from './languageService';
export * from './detect';
export type { DigestSymbol, SymbolKind } from './features/symbols';
export type { DigestHover } from './features/hover';
export type { DigestFoldingRange } from './features/folding';
export { escapeMarkdown } from './features/hover';
export { COMPLETION_TRIGGER_CHARACTERS, type CompletionKind, type DigestCompletion } from './features/completion';
