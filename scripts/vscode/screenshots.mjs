// `npm run screenshots`: drives the real workbench with the extension
// loaded on a temporary copy of examples/ and saves README pictures to
// docs/images/:
//   diagnostics.png        squiggles plus the Problems panel
//   outline.png            the Outline view of the 40-paper digest
//   hover.png              the hover card over a paper heading's link
//   papers-view.png        the Daily Papers view in the Explorer
//   workspace-symbols.png  Go to Symbol in Workspace (Ctrl+T) across the digests
//   diagnostics-ko.png     a Korean digest with its problems in Korean (browser
//                          locale ko, digest.locale "ko"; the workbench stays
//                          English without a language pack)
//   completion-ko.png      completion after `- ***` in a Korean digest
//
// Options: --extension DIR (another build of the extension), --out DIR
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { copyExamples } from './demo-workspace.mjs';
import { DEFAULT_VIEWPORT, REPO_ROOT, startWorkbench, workbenchUrl } from './workbench.mjs';

const DEFECTS_FILE = '2025-02-03-with-problems.md';
const FORTY_PAPERS_FILE = '2025-01-24.md';
const SHORT_FILE = '2025-01-27.md';
const KOREAN_DEFECTS_FILE = '2025-02-11-ko-with-problems.md';
// The paper of KOREAN_DEFECTS_FILE that lacks a section, and its last bullet.
const KOREAN_COMPLETION_LINE = '- ***Performance Highlights***: 한국어-영어 강연 자막에서';
const KOREAN = { locale: 'ko-KR' };
const HOVER_TARGET_TEXT = 'Budget-Aware Reasoning';
const HOVER_LINK_TEXT = 'arxiv.org/abs/';
// Text the extension's hover cards and Outline entries show for a paper.
const PAPER_CARD_TEXT = 'arXiv:';

const UI_TIMEOUT_MS = 60_000;
const OUTLINE_SIDEBAR_WIDTH = 640;
const HOVER_RETRY_MS = 3_000;
// Lets animations (panel slide-in, hover fade-in) finish before the picture.
const SETTLE_MS = 800;

// Hover thumbnails would be fetched from the internet; the request guard
// blocks that, so a broken image would show. No minimap: more room for text.
const SCREENSHOT_SETTINGS = {
  'digest.hover.images': false,
  'editor.minimap.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

function parseOptions() {
  const { values } = parseArgs({
    options: {
      extension: { type: 'string', default: REPO_ROOT },
      out: { type: 'string', default: path.join(REPO_ROOT, 'docs/images') },
    },
  });
  return { extension: path.resolve(values.extension), out: path.resolve(values.out) };
}

/** Loads the workbench on the copy of examples/ with `file` open, in a fresh browser context. */
async function openWorkbench(session, options, file, contextOptions = {}) {
  const page = await session.newPage(contextOptions);
  page.setDefaultTimeout(UI_TIMEOUT_MS);
  const url = workbenchUrl({ port: session.port, folder: session.examples.folder, extensionPath: options.extension, openFile: session.examples.file(file) });
  await page.goto(url);
  await page.locator('.monaco-editor .view-lines').first().waitFor();
  return page;
}

async function save(page, options, name) {
  await page.waitForTimeout(SETTLE_MS);
  const file = path.join(options.out, name);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function shootDiagnostics(session, options, file = DEFECTS_FILE, name = 'diagnostics.png', contextOptions = {}) {
  const page = await openWorkbench(session, options, file, contextOptions);
  await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor();
  await page.locator('.monaco-editor textarea').first().focus();
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-list-row').first().waitFor();
  await save(page, options, name);
}

async function shootKoreanCompletion(session, options) {
  const page = await openWorkbench(session, options, KOREAN_DEFECTS_FILE, KOREAN);
  await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor();
  // The end of the first paper, which lacks its Technical Details section.
  await page.locator('.monaco-editor .view-line', { hasText: KOREAN_COMPLETION_LINE.slice(0, 30) }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('- ***');
  await page.locator('.suggest-widget .monaco-list-row', { hasText: 'Technical Details' }).first().waitFor();
  await save(page, options, 'completion-ko.png');
}

async function shootOutline(session, options) {
  const page = await openWorkbench(session, options, FORTY_PAPERS_FILE);
  await runCommand(page, 'Explorer: Focus on Outline View');
  const rows = page.locator('.outline-tree .monaco-list-row');
  // The extension's symbols (not the built-in Markdown headings) carry the arXiv id.
  await rows.filter({ hasText: PAPER_CARD_TEXT }).first().waitFor();
  // Give the Outline the whole side bar, wide enough for paper titles.
  await page.locator('.pane-header[aria-label^="Explorer Section"]').click();
  await widenSideBar(page, OUTLINE_SIDEBAR_WIDTH);
  // One row per paper: collapse everything, then open the digest's root.
  const header = page.locator('.pane-header[aria-label^="Outline Section"]');
  await header.hover(); // Pane actions only show while the header is hovered.
  await header.locator('.action-label[aria-label="Collapse All"]').click();
  await rows.first().click();
  await page.keyboard.press('ArrowRight');
  await rows.nth(10).waitFor();
  await page.mouse.move(OUTLINE_SIDEBAR_WIDTH + 200, DEFAULT_VIEWPORT.height / 2);
  await save(page, options, 'outline.png');
}

/** Drags the sash on the side bar's right edge. */
async function widenSideBar(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
}

async function shootHover(session, options) {
  const page = await openWorkbench(session, options, SHORT_FILE);
  const heading = page.locator('.monaco-editor .view-line', { hasText: HOVER_TARGET_TEXT }).first();
  const card = page.locator('.monaco-hover:not(.hidden)', { hasText: PAPER_CARD_TEXT }).first();
  // A hover asked for before the language server is up shows only
  // "Follow link" and is not refreshed, so move away and hover again.
  const deadline = Date.now() + UI_TIMEOUT_MS;
  for (;;) {
    await heading.locator('span > span', { hasText: HOVER_LINK_TEXT }).first().hover();
    try {
      await card.waitFor({ timeout: HOVER_RETRY_MS });
      break;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await page.mouse.move(0, 0);
    }
  }
  await save(page, options, 'hover.png');
}

const SYMBOL_QUERY = 'model';

async function shootPapersView(session, options) {
  const page = await openWorkbench(session, options, SHORT_FILE);
  await runCommand(page, 'Focus on Daily Papers View');
  const rows = page.locator('.pane-body .monaco-list-row');
  await rows.filter({ hasText: '2025-02-03' }).first().waitFor();
  // Give the view the side bar: fold the folder tree away.
  await page.locator('.pane-header[aria-label^="Explorer Section"]').click();
  await widenSideBar(page, OUTLINE_SIDEBAR_WIDTH);
  // Open the second day too, so papers of two days show.
  await rows.filter({ hasText: '2025-01-27' }).first().click();
  await page.keyboard.press('ArrowRight');
  await rows.filter({ hasText: 'Budget-Aware' }).first().waitFor();
  await page.mouse.move(OUTLINE_SIDEBAR_WIDTH + 200, DEFAULT_VIEWPORT.height / 2);
  await save(page, options, 'papers-view.png');
}

async function shootWorkspaceSymbols(session, options) {
  const page = await openWorkbench(session, options, SHORT_FILE);
  // The index answers once the server is up; retry the query until papers of several days show.
  const rows = page.locator('.quick-input-list .monaco-list-row');
  const deadline = Date.now() + UI_TIMEOUT_MS;
  for (;;) {
    await page.locator('.monaco-editor textarea').first().focus();
    await page.keyboard.press('Control+T');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`#${SYMBOL_QUERY}`);
    try {
      await rows.filter({ hasText: '2025-0' }).nth(2).waitFor({ timeout: HOVER_RETRY_MS });
      break;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await page.keyboard.press('Escape');
    }
  }
  await save(page, options, 'workspace-symbols.png');
}

async function main() {
  const options = parseOptions();
  mkdirSync(options.out, { recursive: true });
  await withSession(SCREENSHOT_SETTINGS, async (session) => {
    await shootDiagnostics(session, options);
    await shootOutline(session, options);
    await shootHover(session, options);
    await shootPapersView(session, options);
    await shootWorkspaceSymbols(session, options);
  });
  // The workbench has no Korean language pack, so it tells the server "en":
  // digest.locale asks for Korean messages in the Problems panel.
  await withSession({ ...SCREENSHOT_SETTINGS, 'digest.locale': 'ko' }, async (session) => {
    await shootDiagnostics(session, options, KOREAN_DEFECTS_FILE, 'diagnostics-ko.png', KOREAN);
    await shootKoreanCompletion(session, options);
  });
}

async function withSession(settings, shoot) {
  const session = await startWorkbench({ settings });
  // A copy: web VS Code autosaves, and the completion shot types into a digest.
  session.examples = copyExamples(session.runDir);
  try {
    await shoot(session);
  } finally {
    await session.stop();
  }
  console.log(`browser requests off 127.0.0.1 (blocked): ${session.externalRequests.length}`);
  for (const url of session.externalRequests) console.log(`  ${url}`);
}

main().catch((err) => {
  console.error(`error: ${err.message}`);
  process.exit(1);
});
