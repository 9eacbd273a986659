// Builds a large digest for the benchmark: real papers from ../shared/corpus
// when present (read in memory only, never written), else generated ones.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const CORPUS = new URL('../../shared/corpus/real/daily_papers_ko', import.meta.url).pathname;
const FIRST_CURRENT_FORMAT = '2024-10-18';

function corpusPapers() {
  if (!existsSync(CORPUS)) return [];
  const papers = [];
  for (const name of readdirSync(CORPUS).filter((n) => n.endsWith('.md') && n >= FIRST_CURRENT_FORMAT).sort()) {
    const text = readFileSync(join(CORPUS, name), 'utf8');
    for (const chunk of text.split(/^(?=### )/m).slice(1)) papers.push(chunk.replace(/^## Daily Papers.*$/m, '').trimEnd() + '\n\n');
  }
  return papers;
}

function generatedPaper(i) {
  const id = `2501.${String(10000 + i).padStart(5, '0')}`;
  const sentence = '이 논문은 대규모 언어 모델의 추론 능력을 개선하는 새로운 방법을 제안합니다 (a new method for reasoning). ';
  return `### [Generated Paper ${i}: Scaling Reasoning with Synthetic Data](https://arxiv.org/abs/${id})

![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/${id}.png)

Vote: ${i % 97}

Authors: Author ${i} One, Author ${i} Two, Author ${i} Three

- ***What's New***: ${sentence.repeat(3)}
- ***Technical Details***: ${sentence.repeat(4)}
- ***Performance Highlights***: ${sentence.repeat(3)}

`;
}

/** Real arXiv numbers stay below this (the corpus' largest is 24391); repeats take numbers above it. */
const REPEAT_NUMBERS_FROM = 30_000;

/**
 * The r-th repeat of a real paper, the i-th paper of the digest, made a
 * distinct paper (a large archive lists each paper once): its title gets the
 * repeat number and its id a number no real paper has (same yymm, number
 * 30000 + i), so no two papers share an id by accident. (Keeping the number
 * and changing the yymm collided: 851 false duplicate-paper reports at 20,000.)
 */
function repeatOf(paper, r, i) {
  if (r === 0) return paper;
  const id = /arxiv\.org\/abs\/(\d{4}\.\d{4,5})/.exec(paper)?.[1];
  const renamed = paper.replace(/^### \[(.*?)\]\(/, (_, title) => `### [${title} (repeat ${r})](`);
  return id ? renamed.replaceAll(id, `${id.slice(0, 4)}.${REPEAT_NUMBERS_FROM + i}`) : renamed;
}

/** A digest of `count` papers under one day heading, and where it came from. */
export function buildDigest(count) {
  const real = corpusPapers();
  const source = real.length > 0 ? `${real.length} real papers from ../shared/corpus, repeated with distinct ids and titles` : 'generated papers';
  const parts = ['## Daily Papers (2025-05-09)\n\n'];
  for (let i = 0; i < count; i++) parts.push(real.length > 0 ? repeatOf(real[i % real.length], Math.floor(i / real.length), i) : generatedPaper(i));
  return { text: parts.join(''), source };
}
