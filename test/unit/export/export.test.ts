/**
 * Exports: what each format writes, which messages (a range, chosen ones), that message text can
 * never become markup, that nothing is replaced, and that a cancelled export leaves nothing.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../../src/main/engine/engine';
import {
  exportConversations,
  type ExportOptions,
} from '../../../src/main/engine/export/export-conversations';
import { openTestEngine } from '../../support/engine';
import { sha256Of } from '../../support/hash-tree';
import { makeZip } from '../../support/make-zip';
import { tinyPng } from '../../support/tiny-png';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs();
// Each test opens real engines (database and import threads) on a shared two-core machine.
vi.setConfig({ testTimeout: 30_000 });

/** `count` messages a minute apart from 13 Mar 2021 09:00 UTC, plus the given extra lines. */
function chat(count: number, extra = ''): string {
  let text = '';
  for (let i = 0; i < count; i += 1) {
    const at = new Date(Date.UTC(2021, 2, 13, 9, 0) + i * 60_000);
    const stamp = `${at.getUTCMonth() + 1}/${at.getUTCDate()}/${at.getUTCFullYear() % 100}, ${at.getUTCHours()}:${String(at.getUTCMinutes()).padStart(2, '0')}`;
    text += `${stamp} - ${i % 2 === 0 ? 'Ana' : 'Bo'}: message ${i}\n`;
  }
  return text + extra;
}

const PNG = tinyPng(6, [200, 30, 30]);

async function vault(text: string): Promise<{ engine: Engine; id: string }> {
  const input = path.join(await tempDir(), 'WhatsApp Chat with Ana.zip');
  await writeFile(
    input,
    makeZip([
      { name: '_chat.txt', data: text },
      { name: 'IMG-20210302-WA0001.png', data: PNG },
    ]),
  );
  const engine = await openTestEngine(await tempDir());
  const [item] = await engine.importAndWait([input]);
  expect(item?.status).toBe('imported');
  const [conversation] = await engine.handlers['conversations.list']({});
  return { engine, id: conversation?.id ?? '' };
}

function run(
  engine: Engine,
  options: Partial<ExportOptions> &
    Pick<ExportOptions, 'format' | 'conversationIds' | 'destination'>,
) {
  return exportConversations({
    vaultDir: engine.vaultDir,
    db: engine.db,
    generator: 'Chat Vault test',
    timeZone: 'UTC',
    ...options,
  });
}

const HOSTILE =
  '3/20/21, 8:00 - Eve: <script>alert(1)</script><img src=x onerror=alert(2)> "quotes" & \'apostrophes\'\n' +
  '3/20/21, 8:01 - Eve: see https://example.com/a?b=1&c=2, javascript:alert(3) and data:text/html,<b>x</b> or http://evil.example/\u202Etxt.exe\n' +
  '3/20/21, 8:02 - Ana: IMG-20210302-WA0001.png (file attached)\n' +
  '3/20/21, 8:03 - Bo: <a href="javascript:alert(4)">click</a>\n';

describe('the offline HTML export', () => {
  it('writes index.html, style.css and linked pages of messages, with the photo beside them', async () => {
    const { engine, id } = await vault(chat(25, HOSTILE));
    const destination = await tempDir();
    const report = await run(engine, {
      format: 'html',
      conversationIds: [id],
      destination,
      htmlPageMessages: 10,
    });
    await engine.close();
    const folder = path.join(destination, 'Ana');
    expect(report.written).toMatchObject([{ path: folder, messages: 29, conversationId: id }]);
    expect((await readdir(folder)).sort()).toEqual([
      'index.html',
      'media',
      'page-00001.html',
      'page-00002.html',
      'page-00003.html',
      'style.css',
    ]);
    expect(await sha256Of(path.join(folder, 'media', 'IMG-20210302-WA0001.png'))).toBe(
      await sha256Of(path.join(folder, 'media', 'IMG-20210302-WA0001.png')),
    );
    expect(await readFile(path.join(folder, 'media', 'IMG-20210302-WA0001.png'))).toEqual(PNG);
    const page = (n: number) => readFile(path.join(folder, `page-0000${n}.html`), 'utf8');
    const [first, second, third] = [await page(1), await page(2), await page(3)];
    expect(first).toContain('rel="next" href="page-00002.html"');
    expect(first).not.toContain('rel="prev"');
    expect(second).toContain('rel="prev" href="page-00001.html"');
    expect(second).toContain('rel="next" href="page-00003.html"');
    expect(third).toContain('rel="prev" href="page-00002.html"');
    expect(third).not.toContain('rel="next"');
    expect(first).toContain('>message 0<');
    expect(first).toContain('>message 9<');
    expect(second).toContain('>message 10<');
    const index = await readFile(path.join(folder, 'index.html'), 'utf8');
    for (const n of [1, 2, 3]) expect(index).toContain(`href="page-0000${n}.html"`);
    expect(index).toContain('29 messages');
    expect(index).toContain('Ana, Bo, Eve');
    expect(third).toContain('<img src="media/IMG-20210302-WA0001.png"');
  });

  it('never lets message text become markup, and links only http(s) addresses', async () => {
    const { engine, id } = await vault(HOSTILE);
    const destination = await tempDir();
    await run(engine, { format: 'html', conversationIds: [id], destination });
    await engine.close();
    const html = await readFile(path.join(destination, 'Ana', 'page-00001.html'), 'utf8');
    expect(html).not.toMatch(/<script|<[^>]*onerror|<img src=x|href="javascript|href="data/iu);
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;',
    );
    expect(html).toContain('&quot;quotes&quot; &amp; &#39;apostrophes&#39;');
    expect(html).toContain('&lt;a href=&quot;javascript:alert(4)&quot;&gt;click&lt;/a&gt;');
    const links = [...html.matchAll(/<a href="([^"]*)"/gu)].map((match) => match[1]);
    expect(links.filter((href) => href?.startsWith('http'))).toEqual([
      'https://example.com/a?b=1&amp;c=2',
    ]);
    expect(html).toContain('Content-Security-Policy" content="default-src \'none\'');
  });
});

describe('the plain-text export', () => {
  it('writes one message a line with its date, time and sender', async () => {
    const { engine, id } = await vault(
      '3/13/21, 9:00 - Ana: hello\n3/13/21, 9:01 - Bo: two\nlines\n3/13/21, 9:02 - Ana: IMG-20210302-WA0001.png (file attached)\n',
    );
    const destination = await tempDir();
    await run(engine, { format: 'txt', conversationIds: [id], destination });
    await engine.close();
    const text = await readFile(path.join(destination, 'Ana', 'Ana.txt'), 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toBe('Ana');
    expect(lines.slice(4, 7)).toEqual([
      '2021-03-13 09:00:00  Ana: hello',
      '2021-03-13 09:01:00  Bo: two ↵ lines',
      '2021-03-13 09:02:00  Ana: [IMG-20210302-WA0001.png: media/IMG-20210302-WA0001.png]',
    ]);
  });

  it('writes times in the zone asked for, and says which', async () => {
    const { engine, id } = await vault('3/13/21, 9:00 - Ana: hello\n');
    const destination = await tempDir();
    await run(engine, {
      format: 'txt',
      conversationIds: [id],
      destination,
      timeZone: 'Asia/Shanghai',
    });
    await engine.close();
    const text = await readFile(path.join(destination, 'Ana', 'Ana.txt'), 'utf8');
    expect(text).toContain('Times in Asia/Shanghai (UTC+08:00)');
    expect(text).toContain('2021-03-13 17:00:00  Ana: hello');
  });
});

describe('choosing what to export', () => {
  it('exports only a date range', async () => {
    const { engine, id } = await vault(chat(10));
    const destination = await tempDir();
    const report = await run(engine, {
      format: 'txt',
      conversationIds: [id],
      destination,
      after: Date.UTC(2021, 2, 13, 9, 3),
      before: Date.UTC(2021, 2, 13, 9, 6),
    });
    await engine.close();
    expect(report.written[0]?.messages).toBe(3);
    const text = await readFile(path.join(destination, 'Ana', 'Ana.txt'), 'utf8');
    expect(text.match(/message \d+/gu)).toEqual(['message 3', 'message 4', 'message 5']);
  });

  it('exports only chosen messages (a search result), in time order', async () => {
    const { engine, id } = await vault(chat(10));
    const page = await engine.handlers['messages.page']({
      conversationId: id,
      anchor: { kind: 'start' },
      limit: 10,
    });
    const chosen = [page.messages[7]?.id ?? '', page.messages[2]?.id ?? ''];
    const destination = await tempDir();
    const report = await run(engine, {
      format: 'json',
      conversationIds: [id],
      destination,
      messageIds: chosen,
    });
    await engine.close();
    expect(report.written[0]?.messages).toBe(2);
    const json = JSON.parse(
      await readFile(path.join(destination, 'Ana', 'Ana.chatvault.json'), 'utf8'),
    ) as {
      messages: { text: string }[];
      conversation: { selection: { chosen: boolean } };
    };
    expect(json.messages.map((message) => message.text)).toEqual(['message 2', 'message 7']);
    expect(json.conversation.selection.chosen).toBe(true);
  });

  it('exports several conversations, one folder each, and leaves out media when asked', async () => {
    const { engine, id } = await vault(
      chat(3, '3/20/21, 8:02 - Ana: IMG-20210302-WA0001.png (file attached)\n'),
    );
    const other = path.join(await tempDir(), 'WhatsApp Chat with Bo.txt');
    await writeFile(other, '3/13/21, 9:00 - Bo: hi\n');
    await engine.importAndWait([other]);
    const ids = (await engine.handlers['conversations.list']({})).map((c) => c.id);
    expect(ids).toContain(id);
    const destination = await tempDir();
    const report = await run(engine, {
      format: 'chatlab',
      conversationIds: ids,
      destination,
      media: false,
    });
    await engine.close();
    expect((await readdir(destination)).sort()).toEqual(['Ana', 'Bo']);
    expect(await readdir(path.join(destination, 'Ana'))).toEqual(['Ana.chatlab.jsonl']);
    expect(report.written.map((w) => w.messages).sort()).toEqual([1, 4]);
  });
});

describe('export safety', () => {
  it('never replaces an earlier export: the second one is numbered', async () => {
    const { engine, id } = await vault(chat(2));
    const destination = await tempDir();
    const first = await run(engine, { format: 'txt', conversationIds: [id], destination });
    await writeFile(path.join(destination, 'Ana', 'Ana.txt'), 'edited by hand');
    const second = await run(engine, { format: 'txt', conversationIds: [id], destination });
    await engine.close();
    expect(first.written[0]?.path).toBe(path.join(destination, 'Ana'));
    expect(second.written[0]?.path).toBe(path.join(destination, 'Ana (2)'));
    expect(await readFile(path.join(destination, 'Ana', 'Ana.txt'), 'utf8')).toBe('edited by hand');
  });

  it('names the folder safely whatever the chat is called', async () => {
    const input = path.join(await tempDir(), 'result.json');
    await writeFile(
      input,
      JSON.stringify({
        name: '../../CON: <evil>?',
        type: 'private_group',
        id: 5,
        messages: [
          {
            id: 1,
            type: 'message',
            date: '2023-01-01T10:00:00',
            date_unixtime: '1672567200',
            from: 'A',
            text: 'x',
          },
        ],
      }),
    );
    const engine = await openTestEngine(await tempDir());
    await engine.importAndWait([input]);
    const [conversation] = await engine.handlers['conversations.list']({});
    const root = await tempDir();
    const destination = path.join(root, 'out');
    const report = await run(engine, {
      format: 'html',
      conversationIds: [conversation?.id ?? ''],
      destination,
    });
    await engine.close();
    expect(await readdir(root)).toEqual(['out']);
    expect(await readdir(destination)).toEqual(['.._.._CON_ _evil__']);
    expect(report.written[0]?.path).toBe(path.join(destination, '.._.._CON_ _evil__'));
  });

  it('leaves nothing behind when cancelled', async () => {
    const { engine, id } = await vault(chat(3000));
    const destination = await tempDir();
    const controller = new AbortController();
    const failure = await run(engine, {
      format: 'html',
      conversationIds: [id],
      destination,
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 1000) controller.abort();
      },
    }).catch((error: unknown) => error);
    await engine.close();
    expect(failure).toMatchObject({ code: 'CANCELLED' });
    expect(await readdir(destination)).toEqual([]);
  });

  it('refuses an unknown conversation before writing anything', async () => {
    const { engine } = await vault(chat(1));
    const destination = path.join(await tempDir(), 'not-created');
    await expect(
      run(engine, { format: 'txt', conversationIds: ['c_nope'], destination }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await engine.close();
    await expect(readdir(destination)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
