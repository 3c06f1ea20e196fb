import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/main/engine/detect/detect-format';
import type { FormatId } from '../../src/main/engine/detect/format';
import type { Platform } from '../../src/shared/platforms';
import { fixturesDir } from '../support/paths';

type Expected =
  | Readonly<{ kind: 'detected'; format: FormatId; container: 'file' | 'zip' | 'folder' }>
  | Readonly<{ kind: 'unknown'; reason?: RegExp }>;

/** Platform folders Chat Vault reads; each folder name is also the platform it must report. */
const SUPPORTED: Readonly<Record<string, Platform>> = {
  whatsapp: 'whatsapp',
  telegram: 'telegram',
  discord: 'discord',
  messenger: 'messenger',
  instagram: 'instagram',
  slack: 'slack',
  signal: 'signal',
};

/** What each data file of a platform folder must be detected as, by extension. */
const FILE_FORMATS: Readonly<Record<string, Readonly<Record<string, Expected>>>> = {
  whatsapp: {
    '.txt': { kind: 'detected', format: 'whatsapp-txt', container: 'file' },
    '.zip': { kind: 'detected', format: 'whatsapp-zip', container: 'zip' },
  },
  telegram: {
    '.json': { kind: 'detected', format: 'telegram-json', container: 'file' },
    '.html': { kind: 'detected', format: 'telegram-html', container: 'file' },
  },
  discord: { '.json': { kind: 'detected', format: 'discord-json', container: 'file' } },
  messenger: { '.json': { kind: 'detected', format: 'messenger-json', container: 'file' } },
  instagram: { '.json': { kind: 'detected', format: 'instagram-json', container: 'file' } },
  // The single files of a Slack export (channels.json, users.json, day files) are parts, not exports.
  slack: {
    '.zip': { kind: 'detected', format: 'slack-export', container: 'zip' },
    '.json': { kind: 'unknown', reason: /Slack/ },
  },
  signal: { '.txt': { kind: 'detected', format: 'signal-txt', container: 'file' } },
};

/** Folders inside a sample that are whole exports (a folder export as people drop it). */
const FOLDER_FORMATS: Readonly<Record<string, FormatId>> = {
  whatsapp: 'whatsapp-txt',
  slack: 'slack-export',
};

/** Media that sits beside a chat: never a chat export by itself. */
const MEDIA = new Set(['.jpg', '.jpeg', '.png', '.opus', '.mp4', '.webp']);

function isSkipped(name: string): boolean {
  return (
    name === 'SOURCE.txt' ||
    name === 'README.md' ||
    name.startsWith('EXPECTED.') ||
    name.includes('-expected-')
  );
}

function expectedForFile(platformDir: string, file: string): Expected | undefined {
  const ext = path.extname(file).toLowerCase();
  if (!(platformDir in SUPPORTED)) return { kind: 'unknown' };
  if (MEDIA.has(ext)) return { kind: 'unknown' };
  // chat-miner's target.json is that project's expected parse output (a plain list of
  // {timestamp, author, message}), not an export.
  if (path.basename(file) === 'target.json') return { kind: 'unknown' };
  return FILE_FORMATS[platformDir]?.[ext];
}

type Case = Readonly<{
  label: string;
  target: string;
  platformDir: string;
  expected: Expected | undefined;
}>;

function walk(dir: string, platformDir: string, out: Case[]): void {
  for (const dirent of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, dirent.name);
    const label = path.relative(fixturesDir, full);
    if (dirent.isDirectory()) {
      // Folders one level inside a sample folder are export folders as people would drop them.
      if (path.relative(path.join(fixturesDir, platformDir), full).split(path.sep).length === 2) {
        const format = FOLDER_FORMATS[platformDir];
        out.push({
          label: `${label}/`,
          target: full,
          platformDir,
          expected:
            format === undefined ? undefined : { kind: 'detected', format, container: 'folder' },
        });
      }
      walk(full, platformDir, out);
    } else if (dirent.isFile() && !isSkipped(dirent.name)) {
      out.push({
        label,
        target: full,
        platformDir,
        expected: expectedForFile(platformDir, dirent.name),
      });
    }
  }
}

function collectCases(): Case[] {
  const cases: Case[] = [];
  if (!existsSync(fixturesDir)) return cases;
  for (const platformDir of readdirSync(fixturesDir).sort()) {
    const dir = path.join(fixturesDir, platformDir);
    if (statSync(dir).isDirectory()) walk(dir, platformDir, cases);
  }
  return cases.sort((a, b) => a.label.localeCompare(b.label));
}

const cases = collectCases();

describe('format detection on the real export samples', () => {
  it('finds the shared fixtures folder with samples of every supported platform', () => {
    expect(existsSync(fixturesDir)).toBe(true);
    const platforms = new Set(cases.map((entry) => entry.platformDir));
    for (const platform of Object.keys(SUPPORTED)) expect(platforms).toContain(platform);
  });

  it.each(cases)('recognises $label', async ({ target, platformDir, expected }) => {
    // A data file without an expectation means the table above needs a line for it.
    expect(expected, `no expectation for ${target}`).toBeDefined();
    const detection = await detectFormat(target);
    if (expected?.kind === 'detected') {
      expect(detection).toEqual({
        kind: 'detected',
        format: expected.format,
        platform: SUPPORTED[platformDir],
        container: expected.container,
      });
    } else {
      expect(detection.kind).toBe('unknown');
      if (detection.kind === 'unknown' && expected?.reason !== undefined) {
        expect(detection.reason).toMatch(expected.reason);
      }
    }
  });

  it('recognises the Telegram sample folder holding result.json and messages.html as Telegram JSON', async () => {
    const detection = await detectFormat(path.join(fixturesDir, 'telegram/langchain-chat-loader'));
    expect(detection).toEqual({
      kind: 'detected',
      format: 'telegram-json',
      platform: 'telegram',
      container: 'folder',
    });
  });
});
