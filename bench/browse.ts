/**
 * The browsing benchmark: a generated Telegram chat of N messages, imported with the command line
 * into a fresh vault, served by `chat-vault serve` and read in Chromium (playwright-core):
 *   - open: from a click on the conversation until its newest messages are painted (goal ≤ 200 ms);
 *   - jump: from a click on a day in the calendar until that day's first message is painted and
 *     marked (goal ≤ 100 ms);
 *   - scroll: long tasks (PerformanceObserver 'longtask', each ≥ 50 ms) while scrolling up through
 *     the chat, pages loading as it goes, and back down after a jump (goal: none).
 * Each figure is measured in the page (performance.now, then one animation frame for the paint).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { writeTelegramExport } from './generate';
import type { PageWindow } from './page-globals';
import { startServe } from './serve-process';

type Line = (figures: Record<string, unknown>) => void;

const OPEN_GOAL_MS = 200;
const JUMP_GOAL_MS = 100;
const LONG_TASK_LIMIT_MS = 50;
const ROUNDS = 5;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const round = (ms: number): number => Math.round(ms * 10) / 10;

/** Collects long tasks from the first moment the page runs. */
const OBSERVE_LONG_TASKS = `
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
`;

/** Clicks the (only) conversation and resolves with the ms until its message rows are painted. */
function timeOpen(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const page = globalThis as unknown as PageWindow;
        const row = page.document.querySelector('.conversation-row');
        const started = performance.now();
        row?.click();
        const check = (): void => {
          if (page.document.querySelector('.timeline [data-message-id]') === null)
            page.requestAnimationFrame(check);
          else page.requestAnimationFrame(() => resolve(performance.now() - started));
        };
        check();
      }),
  );
}

/** Opens the calendar on a month and resolves with the enabled day buttons' labels. */
async function showMonth(page: Page, year: number, month: number): Promise<void> {
  const picker = page.getByRole('dialog', { name: 'Jump to a date' });
  if (!(await picker.isVisible())) await page.getByRole('button', { name: 'Jump to date' }).click();
  await picker.getByLabel('Year', { exact: true }).selectOption(String(year));
  await picker.getByLabel('Month', { exact: true }).selectOption(String(month));
  await picker.locator('.calendar-day:not([disabled])').first().waitFor();
}

/** Clicks day `day` of the calendar and resolves with the ms until the marked target is painted. */
function timeJump(page: Page, day: number): Promise<number> {
  return page.evaluate(
    (dayNumber) =>
      new Promise<number>((resolve, reject) => {
        const page = globalThis as unknown as PageWindow;
        const button = [...page.document.querySelectorAll('.calendar-day')].find(
          (candidate) => candidate.textContent === String(dayNumber) && !candidate.disabled,
        );
        if (button === undefined) {
          reject(new Error(`day ${dayNumber} has no messages`));
          return;
        }
        const before = page.document.querySelector('.message-highlighted');
        const started = performance.now();
        button.click();
        const check = (): void => {
          const marked = page.document.querySelector('.message-highlighted');
          if (marked === null || marked === before) page.requestAnimationFrame(check);
          else page.requestAnimationFrame(() => resolve(performance.now() - started));
        };
        check();
      }),
    day,
  );
}

/** Scrolls the timeline by `step` px a frame for `frames` frames; resolves with the long tasks. */
async function scrollAndCount(page: Page, step: number, frames: number): Promise<number[]> {
  return page.evaluate(
    ({ stepPx, frameCount }) =>
      new Promise<number[]>((resolve) => {
        const page = globalThis as unknown as PageWindow;
        const tasks = page.__longTasks;
        tasks.length = 0;
        const timeline = page.document.querySelector('.timeline');
        let left = frameCount;
        const tick = (): void => {
          timeline?.scrollBy({ top: stepPx });
          left -= 1;
          if (left > 0) page.requestAnimationFrame(tick);
          // Long tasks are reported after they end: wait a moment for the last ones.
          else setTimeout(() => resolve([...tasks]), 500);
        };
        page.requestAnimationFrame(tick);
      }),
    { stepPx: step, frameCount: frames },
  );
}

export async function benchBrowse(
  messages: number,
  dirs: Readonly<{ input: string; vault: string }>,
  cli: string,
  line: Line,
): Promise<void> {
  const renderer = path.join(path.dirname(cli), '..', 'renderer', 'index.html');
  if (!existsSync(renderer))
    throw new Error(
      `The browse benchmark serves the built app: run "npm run build" first (${renderer} is missing).`,
    );
  const input = path.join(dirs.input, 'result.json');
  await writeTelegramExport(input, messages);
  const imported = spawnSync(
    process.execPath,
    [cli, '--vault', dirs.vault, 'import', input, '--json'],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  if (imported.status !== 0)
    throw new Error(`the import failed:\n${imported.stdout}${imported.stderr}`);
  // As before each timed import: the import's writes are on disk before anything is timed.
  spawnSync('sync');

  const served = await startServe(cli, dirs.vault);
  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({
      locale: 'en-US',
      timezoneId: 'UTC',
      viewport: { width: 1280, height: 800 },
    });
    await context.addInitScript(OBSERVE_LONG_TASKS);
    const page = await context.newPage();

    const opens: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      await page.goto(served.url);
      await page.locator('.conversation-row').first().waitFor();
      opens.push(await timeOpen(page));
    }
    line({
      bench: 'browse-open',
      messages,
      firstMs: round(opens[0] ?? Number.NaN),
      medianMs: round(median(opens)),
      maxMs: round(Math.max(...opens)),
      goalMs: OPEN_GOAL_MS,
      met: Math.max(...opens) <= OPEN_GOAL_MS,
    });

    // Newest first, scrolling up: the pages before load as the reader nears the top.
    const upTasks = await scrollAndCount(page, -120, 300);

    // The generated chat sends one message every 30 s from 13 January 2015.
    const start = Date.UTC(2015, 0, 13);
    const end = start + messages * 30_000;
    const jumps: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const target = new Date(start + ((end - start) * (round + 1)) / (ROUNDS + 1));
      await showMonth(page, target.getUTCFullYear(), target.getUTCMonth() + 1);
      jumps.push(await timeJump(page, target.getUTCDate()));
    }
    line({
      bench: 'browse-jump',
      messages,
      medianMs: round(median(jumps)),
      maxMs: round(Math.max(...jumps)),
      goalMs: JUMP_GOAL_MS,
      met: Math.max(...jumps) <= JUMP_GOAL_MS,
    });

    // After the last jump: down through newer pages.
    const downTasks = await scrollAndCount(page, 120, 300);
    const tasks = [...upTasks, ...downTasks];
    line({
      bench: 'browse-scroll',
      messages,
      frames: 600,
      pixels: 600 * 120,
      longTasks: tasks.length,
      maxLongTaskMs: tasks.length === 0 ? 0 : round(Math.max(...tasks)),
      goalMaxMs: LONG_TASK_LIMIT_MS,
      met: tasks.length === 0,
    });
    await context.close();
  } finally {
    await browser.close();
    await served.stop();
  }
}
