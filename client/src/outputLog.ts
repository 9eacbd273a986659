// The extension's output channel, keeping its last lines in memory so the
// extension API can return them (the in-editor suite reads them; VS Code has
// no API to read an output channel back).

import type * as vscode from 'vscode';

const KEPT_LINES = 200;

export class RecordingOutputChannel implements vscode.OutputChannel {
  private readonly lines: string[] = [''];

  constructor(private readonly channel: vscode.OutputChannel) {}

  get name(): string {
    return this.channel.name;
  }

  /** The last lines written, oldest first. */
  tail(): string[] {
    // The last entry is the line being written; empty right after a line break.
    return this.lines[this.lines.length - 1] === '' ? this.lines.slice(0, -1) : [...this.lines];
  }

  append(value: string): void {
    this.channel.append(value);
    const parts = value.split('\n');
    this.lines[this.lines.length - 1] += parts[0] ?? '';
    this.lines.push(...parts.slice(1));
    if (this.lines.length > KEPT_LINES) this.lines.splice(0, this.lines.length - KEPT_LINES);
  }

  appendLine(value: string): void {
    this.append(`${value}\n`);
  }

  replace(value: string): void {
    this.channel.replace(value);
    this.lines.splice(0, this.lines.length, '');
    this.append(value);
  }

  clear(): void {
    this.channel.clear();
    this.lines.splice(0, this.lines.length, '');
  }

  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'boolean') this.channel.show(columnOrPreserveFocus);
    else this.channel.show(columnOrPreserveFocus, preserveFocus);
  }

  hide(): void {
    this.channel.hide();
  }

  dispose(): void {
    this.channel.dispose();
  }
}
