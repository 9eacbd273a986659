// User settings that change what the core reports. Keys are the part after `digest.`.

import { readRuleLayer, type RuleLayer } from './config/levels';

export const SETTINGS_SECTION = 'digest';

export const SettingKey = {
  requiredSections: 'requiredSections',
  files: 'files',
  hoverImages: 'hover.images',
  traceServer: 'trace.server',
  rules: 'rules',
  workspaceIndex: 'workspace.index',
  locale: 'locale',
} as const;

export interface DigestSettings {
  /** Section labels every paper must have, in order. */
  readonly requiredSections: readonly string[];
  /** Glob patterns of files that are digests even without a day heading. */
  readonly files: readonly string[];
  /** Whether hover cards show the paper's thumbnail. */
  readonly hoverImages: boolean;
  /**
   * Per-rule levels, highest precedence first: a config file's layer, then the
   * `digest.rules` setting's. Absent: every rule at its default.
   */
  readonly ruleLayers?: readonly RuleLayer[];
  /** Whether the server indexes every digest of the workspace (cross-day checks, workspace symbols, references). */
  readonly workspaceIndex: boolean;
}

export const DEFAULT_REQUIRED_SECTIONS: readonly string[] = ["What's New", 'Technical Details', 'Performance Highlights'];

export const defaultSettings: DigestSettings = {
  requiredSections: DEFAULT_REQUIRED_SECTIONS,
  files: [],
  hoverImages: true,
  workspaceIndex: true,
};

/** Accepts whatever a client sends and keeps only well-typed values. */
export function normalizeSettings(raw: unknown): DigestSettings {
  const obj = isRecord(raw) ? raw : {};
  const hover = isRecord(obj['hover']) ? obj['hover'] : {};
  const required = stringArray(obj['requiredSections']);
  const files = stringArray(obj['files']);
  const images = hover['images'] ?? obj['hover.images'];
  const ruleLayer = readRuleLayer(obj['rules']);
  const workspace = isRecord(obj['workspace']) ? obj['workspace'] : {};
  const index = workspace['index'] ?? obj['workspace.index'];
  return {
    requiredSections: required ?? defaultSettings.requiredSections,
    files: files ?? defaultSettings.files,
    hoverImages: typeof images === 'boolean' ? images : defaultSettings.hoverImages,
    ...(ruleLayer ? { ruleLayers: [ruleLayer] } : {}),
    workspaceIndex: typeof index === 'boolean' ? index : defaultSettings.workspaceIndex,
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringArray(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim());
}
