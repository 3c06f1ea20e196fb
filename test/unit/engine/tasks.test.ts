/** Restore, export and verify as the contract's tasks: started by a request, followed by events. */
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../src/main/engine/dispatch';
import type { Task } from '../../../src/shared/task-contract';
import { TaskSchema } from '../../../src/shared/task-contract';
import { blobPath } from '../../../src/main/engine/vault/blob-store';
import { openTestEngine } from '../../support/engine';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
vi.setConfig({ testTimeout: 30_000 });

function chat(count: number): string {
  let text = '';
  for (let i = 0; i < count; i += 1) {
    const at = new Date(Date.UTC(2021, 2, 13) + i * 60_000);
    text += `${at.getUTCMonth() + 1}/${at.getUTCDate()}/21, ${at.getUTCHours()}:${String(at.getUTCMinutes()).padStart(2, '0')} - Ana: message ${i}\n`;
  }
  return text;
}

async function engineWithChat(count: number) {
  const input = path.join(await tempDir(), 'WhatsApp Chat with Ana.txt');
  await writeFile(input, chat(count));
  const engine = await openTestEngine(await tempDir());
  const [item] = await engine.importAndWait([input]);
  const [conversation] = await engine.handlers['conversations.list']({});
  const events: Task[] = [];
  engine.subscribe((event) => {
    if (event.event === 'task.updated') events.push(TaskSchema.parse(event.payload));
  });
  return {
    engine,
    events,
    archiveId: item?.archiveId ?? '',
    conversationId: conversation?.id ?? '',
  };
}

describe('tasks', () => {
  it('an export task reports progress in messages and what it wrote', async () => {
    const { engine, events, conversationId } = await engineWithChat(2500);
    const destination = await tempDir();
    const outcome = await dispatch(engine.handlers, 'export.start', {
      conversationIds: [conversationId],
      format: 'html',
      destination,
      language: 'zh-CN',
      timeZone: 'Asia/Shanghai',
    });
    expect(outcome.ok).toBe(true);
    const started = (outcome as { result: { task: Task } }).result.task;
    expect(started).toMatchObject({ kind: 'export', title: 'Ana', status: 'running', destination });
    const done = await engine.taskSettled(started.id);
    await engine.close();
    expect(done).toMatchObject({
      status: 'done',
      progress: { unit: 'messages', done: 2500, total: 2500 },
      written: [{ path: path.join(destination, 'Ana'), messages: 2500, conversationId }],
      error: null,
    });
    expect(events[0]?.status).toBe('running');
    expect(events.at(-1)).toEqual(done);
    expect(
      (await readdir(path.join(destination, 'Ana'))).filter((f) => f.startsWith('page-')),
    ).toHaveLength(3);
  });

  it('a cancelled task ends as cancelled and leaves nothing', async () => {
    const { engine, conversationId } = await engineWithChat(3000);
    const destination = await tempDir();
    const { task } = await engine.handlers['export.start']({
      conversationIds: [conversationId],
      format: 'json',
      destination,
    });
    await expect(engine.handlers['task.cancel']({ id: task.id })).resolves.toEqual({
      cancelled: true,
    });
    const done = await engine.taskSettled(task.id);
    await expect(engine.handlers['task.cancel']({ id: task.id })).resolves.toEqual({
      cancelled: false,
    });
    const listed = await engine.handlers['tasks.list']({});
    await engine.close();
    expect(done).toMatchObject({ status: 'cancelled', error: { code: 'CANCELLED' } });
    expect(listed.tasks.map((t) => t.id)).toContain(task.id);
    expect(await readdir(destination)).toEqual([]);
  });

  it('a restore task reports bytes; a failed one says why', async () => {
    const { engine, archiveId } = await engineWithChat(10);
    const destination = await tempDir();
    const { task } = await engine.handlers['restore.start']({ archiveId, destination });
    const done = await engine.taskSettled(task.id);
    expect(done).toMatchObject({
      kind: 'restore',
      title: 'WhatsApp Chat with Ana.txt',
      status: 'done',
      progress: { unit: 'bytes' },
      written: [{ path: path.join(destination, 'WhatsApp Chat with Ana.txt'), files: 1 }],
    });
    const blocked = path.join(destination, 'WhatsApp Chat with Ana.txt');
    const failed = await engine.taskSettled(
      (await engine.handlers['restore.start']({ archiveId, destination: blocked })).task.id,
    );
    expect(failed).toMatchObject({
      status: 'failed',
      error: { code: 'DESTINATION_NOT_A_FOLDER', file: blocked },
    });
    await expect(
      engine.handlers['restore.start']({ archiveId: 'a_nope', destination }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await engine.close();
  });

  it('a verify task re-hashes everything and names what damage affects', async () => {
    const { engine, archiveId, conversationId } = await engineWithChat(5);
    const [archive] = await engine.handlers['archives.list']({});
    expect(archive?.id).toBe(archiveId);
    const ok = await engine.taskSettled((await engine.handlers['verify.start']({})).task.id);
    expect(ok).toMatchObject({ status: 'done', report: { ok: true, checked: 1, damaged: [] } });
    await writeFile(blobPath(engine.vaultDir, archive?.sha256 ?? ''), 'damaged');
    const bad = await engine.taskSettled((await engine.handlers['verify.start']({})).task.id);
    await engine.close();
    expect(bad.report).toMatchObject({
      ok: false,
      damaged: [
        {
          kind: 'blob',
          sha256: archive?.sha256,
          archives: [archiveId],
          conversations: [conversationId],
        },
      ],
    });
  });

  it('checks an export request before starting: dates, zone and conversations', async () => {
    const { engine, conversationId } = await engineWithChat(1);
    const destination = await tempDir();
    const bad = await dispatch(engine.handlers, 'export.start', {
      conversationIds: [conversationId],
      format: 'pdf',
      destination,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_PARAMS' } });
    await expect(
      engine.handlers['export.start']({
        conversationIds: [conversationId],
        format: 'txt',
        destination,
        timeZone: 'Mars/Olympus',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_TIME_ZONE' });
    await expect(
      engine.handlers['export.start']({ conversationIds: ['c_nope'], format: 'txt', destination }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      engine.handlers['export.start']({
        conversationIds: [conversationId],
        format: 'txt',
        destination: 'out',
      }),
    ).rejects.toMatchObject({ code: 'DESTINATION_NOT_ABSOLUTE' });
    expect((await engine.handlers['destination.default']({})).path).toMatch(/Chat Vault Exports$/u);
    await engine.close();
    expect(await readdir(destination)).toEqual([]);
  });
});
