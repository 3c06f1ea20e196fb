/**
 * The search benchmark: a fixed query set over a generated vault, newest-first and by relevance,
 * each query timed several times through the engine, as the app searches once the token bitmaps
 * of the new vault are built: a count the bitmaps answer on the query thread alone, any other by
 * the query thread and the search threads side by side; and ripgrep over the raw export for
 * comparison, when `rg` is installed.
 */
import { spawnSync } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { openEngine } from '../src/main/engine/engine';
import { searchThreadCount } from '../src/main/engine/search/search-threads';
import type { SearchOrder } from '../src/main/engine/search/search-sql';
import { measureCommand } from './measure-command';
import { PLANTED, writeSearchCorpus } from './search-corpus';

type Line = (figures: Record<string, unknown>) => void;

/** The query set: rare to very common English words, 1-4 character Chinese terms, phrases, filters. */
const QUERIES: readonly Readonly<{ label: string; query: string; rg?: string }>[] = [
  { label: 'rare English word', query: PLANTED.rareWord, rg: PLANTED.rareWord },
  { label: 'very common English word', query: 'the', rg: 'the' },
  { label: 'common English word', query: 'morning', rg: 'morning' },
  { label: 'English prefix', query: 'educ*', rg: 'educ' },
  { label: 'English phrase', query: '"the dinner"', rg: 'the dinner' },
  { label: '1-character Chinese, very common', query: '我', rg: '我' },
  { label: '1-character Chinese', query: '爱', rg: '爱' },
  { label: '2-character Chinese', query: '时间', rg: '时间' },
  { label: '3-character Chinese', query: '我你他', rg: '我你他' },
  { label: '4-character Chinese', query: '我的是了', rg: '我的是了' },
  { label: 'rare Chinese', query: PLANTED.rareChinese, rg: PLANTED.rareChinese },
  { label: 'OR', query: 'dinner OR photo' },
  { label: 'exclusion', query: 'time -the' },
  { label: 'filter from:', query: 'the from:Ana' },
  { label: 'filter in:', query: '我 in:"群聊 3"' },
  { label: 'filter dates', query: 'the after:2016-02-01 before:2016-03-01' },
  { label: 'filter platform:', query: '我 platform:wechat' },
];

const RUNS = 15;

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

const round = (ms: number): number => +ms.toFixed(2);

export async function benchSearch(
  dir: string,
  messages: number,
  workersDir: string,
  line: Line,
): Promise<void> {
  const corpus = await writeSearchCorpus(dir, messages);
  const engine = await openEngine({
    vaultDir: dir,
    workersDir,
    appVersion: 'bench',
    resumeImports: false,
    // Dates in the queries (after:, before:) are read in UTC, as the corpus was written.
    timeZone: 'UTC',
  });
  // The engine builds the token bitmaps of the new vault in the background as it opens; searches
  // are measured once they are built, as they run from then on.
  const opened = performance.now();
  await engine.searchThreadsStarted();
  await engine.searchBitmapsBuilt();
  const bitmapSeconds = (performance.now() - opened) / 1000;
  // As in the other benches, the timed part starts with nothing waiting to be written to disk.
  const synced = await measureCommand('sync', []);
  const search = engine.handlers['search.messages'];
  line({
    bench: 'search-vault',
    messages,
    writeSeconds: +corpus.seconds.toFixed(1),
    vaultMB: +((await stat(path.join(dir, 'vault.db'))).size / 1e6).toFixed(1),
    rawExportMB: +((await stat(corpus.rawFile)).size / 1e6).toFixed(1),
    searchThreads: searchThreadCount(),
    bitmapBuildSeconds: +bitmapSeconds.toFixed(1),
    syncSeconds: +(synced.ms / 1000).toFixed(1),
  });
  const rg = spawnSync('rg', ['--version']).status === 0;
  for (const order of ['newest', 'relevance'] as const satisfies readonly SearchOrder[]) {
    const all: number[] = [];
    for (const { label, query, rg: rgTerm } of QUERIES) {
      const times: number[] = [];
      let total = 0;
      for (let run = -2; run < RUNS; run += 1) {
        const started = performance.now();
        const result = await search({
          query,
          conversationId: null,
          order,
          limit: 50,
          cursor: null,
          offset: 0,
        });
        const ms = performance.now() - started;
        total = result.total;
        if (run >= 0) times.push(ms);
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      const figures: Record<string, unknown> = {
        bench: `search-${order}`,
        query,
        label,
        total,
        p50Ms: round(percentile(times, 0.5)),
        p95Ms: round(percentile(times, 0.95)),
      };
      if (order === 'newest' && rg && rgTerm !== undefined) {
        const started = performance.now();
        const child = spawnSync('rg', [
          '--count',
          '--fixed-strings',
          '--ignore-case',
          rgTerm,
          corpus.rawFile,
        ]);
        figures['ripgrepMs'] = Math.round(performance.now() - started);
        figures['ripgrepLines'] = Number(child.stdout.toString().trim() || 0);
      }
      line(figures);
    }
    all.sort((a, b) => a - b);
    line({
      bench: `search-${order}-summary`,
      messages,
      queries: QUERIES.length,
      runsPerQuery: RUNS,
      p50Ms: round(percentile(all, 0.5)),
      p95Ms: round(percentile(all, 0.95)),
      maxMs: round(all.at(-1) ?? 0),
      ripgrep: rg ? 'measured per query' : 'rg is not installed (apt-get install ripgrep)',
    });
  }
  await engine.close();
}
