// A text document that remembers where each edit landed, so the core can
// re-parse only the blocks an edit touched instead of comparing whole texts.

import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { composeChanges, type ChangeSpan, type TextDocumentLike } from '../core';

/** Versions of history kept; older requests fall back to comparing text. */
const HISTORY = 64;

interface Step {
  readonly from: number;
  readonly to: number;
  readonly span: ChangeSpan;
}

export class TrackedDocument implements TextDocumentLike {
  private readonly steps: Step[] = [];

  private constructor(private doc: TextDocument) {}

  static create(uri: string, languageId: string, version: number, content: string): TrackedDocument {
    return new TrackedDocument(TextDocument.create(uri, languageId, version, content));
  }

  /** The TextDocuments `update` hook: applies the changes one by one, recording each span. */
  static update(tracked: TrackedDocument, changes: TextDocumentContentChangeEvent[], version: number): TrackedDocument {
    const from = tracked.doc.version;
    let span: ChangeSpan | undefined;
    for (const change of changes) {
      let next: ChangeSpan;
      if ('range' in change) {
        const start = tracked.doc.offsetAt(change.range.start);
        const end = tracked.doc.offsetAt(change.range.end);
        next = { start, oldEnd: end, newEnd: start + change.text.length };
      } else {
        next = { start: 0, oldEnd: tracked.doc.getText().length, newEnd: change.text.length };
      }
      TextDocument.update(tracked.doc, [change], version);
      span = span ? composeChanges(span, next) : next;
    }
    if (span) {
      tracked.steps.push({ from, to: version, span });
      if (tracked.steps.length > HISTORY) tracked.steps.shift();
    }
    return tracked;
  }

  get uri(): string {
    return this.doc.uri;
  }

  get languageId(): string {
    return this.doc.languageId;
  }

  get version(): number {
    return this.doc.version;
  }

  get lineCount(): number {
    return this.doc.lineCount;
  }

  getText(): string {
    return this.doc.getText();
  }

  changedSince(version: number): ChangeSpan | undefined {
    const first = this.steps.findIndex((s) => s.from === version);
    if (first === -1) return version === this.version ? { start: 0, oldEnd: 0, newEnd: 0 } : undefined;
    let span = this.steps[first]!.span;
    for (let i = first + 1; i < this.steps.length; i++) {
      if (this.steps[i]!.from !== this.steps[i - 1]!.to) return undefined;
      span = composeChanges(span, this.steps[i]!.span);
    }
    return span;
  }
}
