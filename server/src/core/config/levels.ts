// Per-rule levels, shared by the `digest.rules` setting and `.digest-lint.jsonc`.
// Precedence: the nearest layer that says anything about a rule decides it; a
// layer's `default` speaks for every rule it does not name.

import { RuleId, type Rule } from '../rules/rule';
import type { Severity } from '../types';

export const RuleLevel = { off: 'off', info: 'info', warning: 'warning', error: 'error' } as const;
export type RuleLevel = (typeof RuleLevel)[keyof typeof RuleLevel];

export const RULE_LEVELS: readonly RuleLevel[] = Object.values(RuleLevel);

/** One source of rule levels: the settings, or a config file merged with what it extends. */
export interface RuleLayer {
  readonly levels: Readonly<Partial<Record<RuleId, RuleLevel>>>;
  /** `true`: every rule not named is on at its default severity; `false`: off. */
  readonly default?: boolean;
}

const KNOWN_IDS: ReadonlySet<string> = new Set(Object.values(RuleId));

export function isRuleId(s: string): s is RuleId {
  return KNOWN_IDS.has(s);
}

export function isRuleLevel(s: unknown): s is RuleLevel {
  return typeof s === 'string' && (RULE_LEVELS as readonly string[]).includes(s);
}

/** Accepts `"warning"` or `{ "severity": "warning" }`; undefined for anything else. */
export function readRuleLevel(value: unknown): RuleLevel | undefined {
  if (isRuleLevel(value)) return value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const severity = (value as Record<string, unknown>)['severity'];
    if (isRuleLevel(severity)) return severity;
  }
  return undefined;
}

export function levelToSeverity(level: Exclude<RuleLevel, 'off'>): Severity {
  switch (level) {
    case 'info':
      return 'information';
    case 'warning':
      return 'warning';
    case 'error':
      return 'error';
  }
}

/** The severity a rule reports at under these layers (highest precedence first), or 'off'. */
export function effectiveLevel(rule: Pick<Rule, 'id' | 'severity' | 'enabledByDefault'>, layers: readonly RuleLayer[]): Severity | 'off' {
  for (const layer of layers) {
    const level = layer.levels[rule.id];
    if (level !== undefined) return level === 'off' ? 'off' : levelToSeverity(level);
    if (layer.default !== undefined) return layer.default ? rule.severity : 'off';
  }
  return rule.enabledByDefault === false ? 'off' : rule.severity;
}

/** Layer `child` over `parent`, as `extends` does: the child's entries win. */
export function mergeLayers(parent: RuleLayer, child: RuleLayer): RuleLayer {
  const def = child.default ?? parent.default;
  return { levels: { ...parent.levels, ...child.levels }, ...(def !== undefined ? { default: def } : {}) };
}

/** Reads the `digest.rules` setting; values it cannot read are dropped (the settings UI validates them). */
export function readRuleLayer(raw: unknown): RuleLayer | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const levels: Partial<Record<RuleId, RuleLevel>> = {};
  let def: boolean | undefined;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === 'default' && typeof value === 'boolean') def = value;
    const level = readRuleLevel(value);
    if (isRuleId(key) && level) levels[key] = level;
  }
  return { levels, ...(def !== undefined ? { default: def } : {}) };
}
