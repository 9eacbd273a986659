// Pathological digests shared by the robustness tests and the robustness bench
// (scripts/bench-robustness.mjs), so the bench times exactly what the tests pin.

const HEADING = '## Daily Papers (2025-01-23)\n\n';

/** The heading text of `PATHOLOGICAL.brackets`: all of it is the title. */
export const BRACKETS_TITLE = `${'[['.repeat(20_000)}${'(('.repeat(20_000)}](](`;

export const PATHOLOGICAL = {
  /** 180 KB of unbalanced brackets and parentheses: a paper block far past the parsed limit. */
  brackets: `${HEADING}### ${'[['.repeat(20_000)}${'(('.repeat(20_000)}](](\n\n${'[x]('.repeat(20_000)}\n`,
  /** A 12 KB run of emphasis delimiters in one bullet. */
  emphasis: `${HEADING}### [A](https://arxiv.org/abs/2501.00001)\n\n- ${'*a_'.repeat(4_000)}\n`,
} as const;
