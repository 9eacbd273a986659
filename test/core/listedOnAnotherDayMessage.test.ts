// What listed-on-another-day says: at most three other days (then "and N
// more"), an undated day named as such, the earliest listing in this file
// named by its line, and at most 20 related places.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings } from '../../server/src/core';
import { IncrementalParser } from '../../server/src/core/parse/document';
import type { Report } from '../../server/src/core/rules';
import { listedOnAnotherDay } from '../../server/src/core/rules/listedOnAnotherDay';
import { WorkspaceIndex } from '../../server/src/core/workspace/workspaceIndex';
import { digestText } from '../helpers/digest';

const URI = 'file:///ws/open.md';
const ID = '2502.00042';

function reports(openText: string, others: readonly string[]): Report[] {
  const model = new IncrementalParser().parse(URI, 1, openText, 'heading');
  const index = new WorkspaceIndex();
  index.setOpen(URI, model);
  others.forEach((text, i) => index.setDisk(`file:///ws/other-${String(i).padStart(2, '0')}.md`, text));
  const out: Report[] = [];
  listedOnAnotherDay.check(model, { settings: defaultSettings, workspace: index, state: new Map() }, (r) => out.push(r));
  return out;
}

const day = (date: string) => digestText(date, [{ id: ID, title: 'Shared' }]);

test('three other days are named; a fourth makes "and 1 more days"', () => {
  const open = day('2025-03-01');
  const [three] = reports(open, [day('2025-01-01'), day('2025-01-02'), day('2025-01-03')]);
  assert.equal(three?.message, 'Paper 2502.00042 is also listed on 2025-01-01, 2025-01-02, 2025-01-03; the earliest listing is 2025-01-01 (other-00.md, line 3).');
  const [four] = reports(open, [day('2025-01-01'), day('2025-01-02'), day('2025-01-03'), day('2025-01-04')]);
  assert.equal(four?.message, 'Paper 2502.00042 is also listed on 2025-01-01, 2025-01-02, 2025-01-03 and 1 more days; the earliest listing is 2025-01-01 (other-00.md, line 3).');
  assert.equal(four?.related?.length, 4);
});

test('an undated listing elsewhere is "an undated day"; the earliest listing in this file is named by its line', () => {
  // Two days in the open file list the paper; another file lists it on an invalid (undated) day.
  const open = `${day('2025-01-01')}\n${day('2025-01-05')}`;
  const out = reports(open, [day('2025-02-30')]);
  assert.deepEqual(out.map((r) => r.message), ['Paper 2502.00042 is also listed on an undated day; the earliest listing is line 3 of this file.']);
});

test('at most 20 related places, earliest first', () => {
  const others = Array.from({ length: 25 }, (_, i) => day(`2025-01-${String(i + 1).padStart(2, '0')}`));
  const [r] = reports(day('2025-03-01'), others);
  assert.equal(r?.related?.length, 20);
  assert.match(r?.related?.[0]?.message ?? '', /2025-01-01/);
});

test('this file\'s earliest listing is its earliest day, not its first line', () => {
  // The later day comes first in the file; another file lists the paper between the two.
  const open = `${day('2025-01-05')}\n${day('2025-01-01')}`;
  const out = reports(open, [day('2025-01-03')]);
  assert.deepEqual(out.map((r) => [r.range.start.line, r.message]), [
    [2, 'Paper 2502.00042 is also listed on 2025-01-03; the earliest listing is line 17 of this file.'],
  ]);
});
