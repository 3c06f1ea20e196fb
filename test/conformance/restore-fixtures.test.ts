/**
 * Every real sample in ../shared/fixtures that this version can import comes back from the vault
 * byte for byte: imported, restored into a fresh folder, and hash-compared file by file with the
 * original. Samples of formats without a reader yet are left out automatically (and join this test
 * when their reader lands).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/main/engine/detect/detect-format';
import { readerFor } from '../../src/main/engine/readers/registry';
import { restoreArchive } from '../../src/main/engine/restore/restore-archive';
import { openTestEngine } from '../support/engine';
import { hashTree, sha256Of } from '../support/hash-tree';
import { fixturesDir } from '../support/paths';
import { useTempDirs } from '../support/temp-dir';
import { allMessages } from '../support/vault-messages';

const tempDir = useTempDirs();
const NOT_EXPORTS = /^(SOURCE\.txt|EXPECTED\.(txt|json)|target\.json|txt-expected-snippets\..*)$/u;

/** Every file and folder one level inside each sample folder that a reader can import. */
async function importableSamples(): Promise<string[]> {
  const found: string[] = [];
  for (const platform of await readdir(fixturesDir, { withFileTypes: true })) {
    if (!platform.isDirectory()) continue;
    for (const sample of await readdir(path.join(fixturesDir, platform.name))) {
      const folder = path.join(fixturesDir, platform.name, sample);
      if (!(await stat(folder)).isDirectory()) continue;
      for (const name of await readdir(folder)) {
        if (NOT_EXPORTS.test(name)) continue;
        const candidate = path.join(folder, name);
        const detection = await detectFormat(candidate).catch(() => null);
        if (detection?.kind === 'detected' && readerFor(detection.format) !== undefined) {
          found.push(candidate);
        }
      }
    }
  }
  return found.sort();
}

describe('restoring the real samples', () => {
  it('gives back every importable sample byte for byte', async () => {
    const samples = await importableSamples();
    // WhatsApp .txt and .zip and Telegram JSON samples at least.
    expect(
      samples.filter((sample) => sample.includes(`${path.sep}whatsapp${path.sep}`)).length,
    ).toBeGreaterThanOrEqual(15);
    expect(samples.some((sample) => sample.endsWith('.zip'))).toBe(true);
    expect(
      samples.filter((sample) => sample.includes(`${path.sep}telegram${path.sep}`)).length,
    ).toBeGreaterThanOrEqual(6);

    const engine = await openTestEngine(await tempDir());
    const items = await engine.importAndWait(samples);
    const destination = await tempDir();
    const restored: string[] = [];
    for (const [index, item] of items.entries()) {
      const sample = samples[index] ?? '';
      expect(
        item.archiveId,
        `${sample}: ${item.status} ${item.error?.message ?? ''}`,
      ).not.toBeNull();
      const report = await restoreArchive({
        vaultDir: engine.vaultDir,
        db: engine.db,
        archiveId: item.archiveId ?? '',
        destination: path.join(destination, String(index)),
      });
      if ((await stat(sample)).isDirectory()) {
        expect(await hashTree(report.path), sample).toEqual(await hashTree(sample));
      } else {
        expect(path.basename(report.path)).toBe(path.basename(sample));
        expect(await sha256Of(report.path), sample).toBe(await sha256Of(sample));
      }
      restored.push(report.path);
    }
    await engine.close();
    expect(restored).toHaveLength(samples.length);
  }, 240_000);
});

describe('round trips of the real samples', () => {
  it.each(['json', 'chatlab'] as const)(
    'every conversation exported to %s imports into a fresh vault as the same messages',
    async (format) => {
      const samples = await importableSamples();
      const engine = await openTestEngine(await tempDir());
      await engine.importAndWait(samples);
      const conversations = await engine.handlers['conversations.list']({});
      expect(conversations.length).toBeGreaterThanOrEqual(20);
      const destination = await tempDir();
      const { task } = await engine.handlers['export.start']({
        conversationIds: conversations.map((conversation) => conversation.id),
        format,
        destination,
      });
      const done = await engine.taskSettled(task.id);
      expect(done.error).toBeNull();
      const fresh = await openTestEngine(await tempDir());
      const again = await fresh.importAndWait(done.written.map((written) => written.path));
      for (const item of again) expect(item.error, item.path).toBeNull();
      const copies = await fresh.handlers['conversations.list']({});
      expect(copies.map((c) => [c.id, c.title, c.platform, c.messageCount]).sort()).toEqual(
        conversations.map((c) => [c.id, c.title, c.platform, c.messageCount]).sort(),
      );
      for (const conversation of conversations) {
        expect(await allMessages(fresh, conversation.id), conversation.title).toEqual(
          await allMessages(engine, conversation.id),
        );
      }
      await fresh.close();
      await engine.close();
    },
    240_000,
  );
});
