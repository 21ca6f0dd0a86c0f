import type { DataIssue } from '@ml4t/core';

/** A list of issues that keeps at most `cap` of them but counts all. */
export class IssueList {
  readonly items: DataIssue[] = [];
  count = 0;

  constructor(private readonly cap: number) {}

  /** Whether the list already holds `cap` issues. */
  get full(): boolean {
    return this.count >= this.cap;
  }

  add(issue: DataIssue): void {
    this.count++;
    if (this.items.length < this.cap) this.items.push(issue);
  }
}
