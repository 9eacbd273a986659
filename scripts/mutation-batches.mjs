// Whole-folder mutation scores from several Stryker runs ("batches").
//
// A whole run over server/src/core and server/src/lsp takes hours here, so it
// is done a folder at a time: every `npm run mutation` keeps its JSON report
// in reports/mutation/batches/. The score of a folder then takes, per file,
// the newest batch whose copy of the file's source equals the file on disk
// (Stryker's report holds each file's source). A file no batch measured, or
// measured only in an older version, is listed, and the folder's score is
// marked partial: a score over some files is not a score over the folder.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Keeps `report` as a batch, with when it finished, how long it took and what
 * it mutated. `noMutants` (file -> source) records the files the run was asked
 * to mutate that hold no mutant at all (type-only files): they are measured
 * too, with nothing to kill. Returns the batch's path.
 */
export function saveBatch(dir, report, { finishedAt, seconds, mutate, noMutants = {} }) {
  mkdirSync(dir, { recursive: true });
  const stamp = finishedAt.toISOString().replace(/[:.]/g, '-');
  // Never overwrite an earlier batch, even one finished in the same millisecond.
  let path = join(dir, `${stamp}.json`);
  for (let n = 2; existsSync(path); n++) path = join(dir, `${stamp}-${n}.json`);
  writeFileSync(path, JSON.stringify({ ...report, digestBatch: { finishedAt: finishedAt.toISOString(), seconds, mutate, noMutants } }));
  return path;
}

/** Every batch in `dir`, oldest first. A file that is not a Stryker report is skipped with a warning. */
export function readBatches(dir, warn = console.warn) {
  if (!existsSync(dir)) return [];
  const batches = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    try {
      const report = JSON.parse(readFileSync(join(dir, name), 'utf8'));
      if (typeof report !== 'object' || report === null || typeof report.files !== 'object' || report.files === null) throw new Error('no "files" object');
      const finishedAt = report.digestBatch?.finishedAt ?? '';
      const empty = Object.fromEntries(Object.entries(report.digestBatch?.noMutants ?? {}).map(([file, source]) => [file, { source, mutants: [] }]));
      // In incremental mode Stryker's report also carries the files of earlier runs, with their old
      // results: only the files this run was asked to mutate were measured by it.
      const mutate = report.digestBatch?.mutate;
      const files = Object.fromEntries(Object.entries(report.files).filter(([file]) => !Array.isArray(mutate) || mutate.includes(file)));
      batches.push({ name, finishedAt, seconds: report.digestBatch?.seconds, files: { ...empty, ...files } });
    } catch (err) {
      warn(`Skipping ${name}: not a Stryker JSON report (${err instanceof Error ? err.message : String(err)}).`);
    }
  }
  // ISO timestamps sort as text; the name (also a timestamp, then -2, -3 for twins) breaks ties.
  const stem = (name) => name.replace(/\.json$/, '');
  return batches.sort((a, b) => a.finishedAt.localeCompare(b.finishedAt) || stem(a.name).localeCompare(stem(b.name), 'en', { numeric: true }));
}

/** The report's key for a file as a path relative to the repository (Stryker writes relative paths; older versions absolute). */
function relativeKey(root, key) {
  return key.startsWith('/') ? relative(root, key) : key;
}

/**
 * Per current file: the newest batch that measured this very source
 * (`measured`), else whether some batch measured an older version (`stale`)
 * or none did (`unmeasured`).
 *
 * @param batches oldest first, as readBatches returns them
 * @param current file (relative path) -> its source on disk now
 */
export function combineBatches(batches, current, root = '/') {
  const result = new Map();
  for (const [file, source] of current) {
    let state = { file, state: 'unmeasured' };
    for (const batch of batches) {
      for (const [key, entry] of Object.entries(batch.files)) {
        if (relativeKey(root, key) !== file) continue;
        // A newer matching batch replaces an older one; a newer stale one does not hide an older match.
        if (entry.source === source) state = { file, state: 'measured', batch: batch.name, source: entry.source, mutants: entry.mutants ?? [] };
        else if (state.state !== 'measured') state = { file, state: 'stale', batch: batch.name };
      }
    }
    result.set(file, state);
  }
  return result;
}

/** Killed and timed-out mutants count as killed; survived and no-coverage ones as not; the rest (compile errors, ignored) not at all. */
export function classify(status) {
  switch (status) {
    case 'Killed':
    case 'Timeout':
      return 'killed';
    case 'Survived':
    case 'NoCoverage':
      return 'survived';
    default:
      return 'other';
  }
}

/**
 * Tallies mutants per folder (each file counts in its folder and every folder
 * above it, up to server/src). `isEquivalent(file, mutant, source)` takes a
 * documented equivalent survivor out of the score.
 */
export function tally(entries, isEquivalent) {
  const folders = new Map();
  const survivors = [];
  for (const { file, source, mutants } of entries) {
    for (const m of mutants) {
      let key = classify(m.status);
      if (key === 'survived' && isEquivalent(file, m, source)) key = 'equivalent';
      if (key === 'survived') survivors.push({ file, mutant: m, source });
      for (let dir = file.slice(0, file.lastIndexOf('/')); dir.startsWith('server/src/'); dir = dir.slice(0, dir.lastIndexOf('/'))) {
        const row = folders.get(dir) ?? { killed: 0, survived: 0, equivalent: 0, other: 0 };
        row[key]++;
        folders.set(dir, row);
      }
    }
  }
  return { folders, survivors };
}

/** (killed + timeout) / (killed + timeout + survived + no coverage), in percent; NaN when nothing counts. */
export function score(row) {
  const counted = row.killed + row.survived;
  return counted ? (100 * row.killed) / counted : NaN;
}

/** Files per folder (and every folder above, up to server/src) in each state, for the completeness columns. */
export function coverageOfFolders(combined) {
  const folders = new Map();
  for (const { file, state } of combined.values()) {
    for (let dir = file.slice(0, file.lastIndexOf('/')); dir.startsWith('server/src/'); dir = dir.slice(0, dir.lastIndexOf('/'))) {
      const row = folders.get(dir) ?? { measured: 0, stale: 0, unmeasured: 0 };
      row[state]++;
      folders.set(dir, row);
    }
  }
  return folders;
}
