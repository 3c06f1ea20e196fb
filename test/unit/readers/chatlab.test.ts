/**
 * The ChatLab reader, on inputs written by the tests the way WeChat and QQ exporters write them:
 * JSON Lines and JSON, with members, group nicknames, numeric types, replies and avatars.
 */
import { describe, expect, it } from 'vitest';
import { readChatLabJson, readChatLabJsonl } from '../../../src/main/engine/readers/chatlab';
import { kindOfChatLabType } from '../../../src/main/engine/readers/chatlab/message-types';
import { ReadError } from '../../../src/main/engine/readers/read-error';
import type { ReadRecord } from '../../../src/main/engine/readers/records';
import { eachRecord } from '../../support/each-record';
import { memorySource } from '../../support/memory-source';
import { messagesOf, participantsOf, readAll } from '../../support/read-records';

const AVATAR = `data:image/png;base64,${'iVBORw0KGgo'.repeat(2000)}`;

const lines = (...values: readonly unknown[]): string =>
  values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join('\n') +
  '\n';

const header = {
  _type: 'header',
  chatlab: { version: '0.0.2', exportedAt: 1703001600, generator: 'WeFlow' },
  meta: {
    name: '技术交流群',
    platform: 'wechat',
    type: 'group',
    groupId: '38988428513',
    groupAvatar: AVATAR,
  },
};

const wechatGroup = lines(
  '# exported by a community tool',
  header,
  {
    _type: 'member',
    platformId: 'wxid_a',
    accountName: '张三',
    groupNickname: '群主-张三',
    avatar: AVATAR,
    roles: [{ id: 'owner' }],
  },
  { _type: 'member', platformId: 'wxid_b', accountName: '李四', avatar: AVATAR },
  {
    _type: 'message',
    platformMessageId: 'msg_001',
    sender: 'wxid_a',
    accountName: '张三',
    groupNickname: '群主-张三',
    timestamp: 1703001600,
    type: 0,
    content: '大家好！',
  },
  {
    _type: 'message',
    platformMessageId: 'msg_002',
    sender: 'wxid_b',
    accountName: '李四',
    timestamp: 1703001610,
    type: 25,
    content: '收到！',
    replyToMessageId: 'msg_001',
  },
  {
    _type: 'message',
    sender: 'wxid_b',
    accountName: '李四',
    timestamp: 1703001620,
    type: 1,
    content: '[图片]',
  },
  {
    _type: 'message',
    sender: 'wxid_a',
    accountName: '',
    timestamp: 1703001630,
    type: 80,
    content: '李四 joined the group',
  },
  { _type: 'message', sender: 'wxid_c', timestamp: 1703001640, type: 23, content: null },
  {
    _type: 'message',
    sender: 'wxid_a',
    accountName: '张三',
    timestamp: 1703001650.5,
    type: 42,
    content: 'a type from the future',
  },
);

const jsonl = (text: string, chunkBytes = 13) =>
  memorySource({ 'chat.jsonl': text }, { chunkBytes });

describe('ChatLab JSON Lines', () => {
  it('reads a WeChat group: the platform, members, nicknames, types and replies', async () => {
    const records = await readAll(readChatLabJsonl, jsonl(wechatGroup));
    expect(records[0]).toEqual({
      type: 'conversation',
      ref: 'chat',
      platform: 'wechat',
      title: '技术交流群',
      identity: 'chatlab:wechat:group:38988428513',
    });
    expect(participantsOf(records)).toEqual(['群主-张三', '李四', 'wxid_c']);
    const messages = messagesOf(records);
    expect(messages.map((m) => [m.sender, m.kind, m.text, m.sentAt])).toEqual([
      ['群主-张三', 'text', '大家好！', 1703001600000],
      ['李四', 'text', '收到！', 1703001610000],
      ['李四', 'media', '[图片]', 1703001620000],
      ['群主-张三', 'system', '李四 joined the group', 1703001630000],
      ['wxid_c', 'call', '', 1703001640000],
      ['群主-张三', 'other', 'a type from the future', 1703001650500],
    ]);
    expect(messages[0]?.externalId).toBe('msg_001');
    expect(messages[1]).toMatchObject({ externalId: 'msg_002', replyToExternalId: 'msg_001' });
    expect(messages[2]?.externalId).toBeNull();
    expect(records.filter((record) => record.type === 'warning')).toEqual([]);
  });

  it('never keeps an avatar', async () => {
    const records = await readAll(readChatLabJsonl, jsonl(wechatGroup, 4096));
    expect(JSON.stringify(records)).not.toContain('data:image');
  });

  it('keeps a QQ chat as QQ and an unknown platform as ChatLab', async () => {
    const qq = lines(
      {
        _type: 'header',
        chatlab: { version: '0.0.2', exportedAt: 1 },
        meta: { name: '与小明的对话', platform: 'QQ', type: 'private' },
      },
      {
        _type: 'message',
        sender: 123456789,
        accountName: '我',
        timestamp: 1703001600,
        type: 0,
        content: '在吗？',
      },
    );
    const [conversation] = await readAll(readChatLabJsonl, jsonl(qq));
    expect(conversation).toMatchObject({
      platform: 'qq',
      identity: 'chatlab:qq:private:与小明的对话',
    });
    const mixed = qq.replace('"QQ"', '"mixed"');
    const [merged] = await readAll(readChatLabJsonl, jsonl(mixed));
    expect(merged).toMatchObject({ platform: 'chatlab' });
  });

  it('reads times written in milliseconds as milliseconds', async () => {
    const text = lines(header, {
      _type: 'message',
      sender: 'a',
      accountName: 'A',
      timestamp: 1703001600123,
      type: 0,
      content: 'x',
    });
    const [message] = messagesOf(await readAll(readChatLabJsonl, jsonl(text)));
    expect(message?.sentAt).toBe(1703001600123);
  });

  it('skips a line that is not JSON, with a warning naming it, and reads on', async () => {
    const text = lines(
      header,
      { _type: 'message', sender: 'a', accountName: 'A', timestamp: 1, type: 0, content: 'one' },
      '{"_type":"message", this is broken',
      { _type: 'message', sender: 'a', accountName: 'A', timestamp: 2, type: 0, content: 'two' },
      { _type: 'message', sender: 'a', timestamp: 'yesterday', type: 0, content: 'bad time' },
    );
    const records = await readAll(readChatLabJsonl, jsonl(text));
    expect(messagesOf(records).map((m) => m.text)).toEqual(['one', 'two']);
    const warnings = records.flatMap((r) => (r.type === 'warning' ? [r] : []));
    expect(warnings.map((w) => w.code)).toEqual(['INVALID_LINE', 'MESSAGE_SKIPPED']);
    expect(warnings[0]?.message).toContain('Line 3 of chat.jsonl');
    expect(warnings[1]?.message).toContain('line 5');
  });

  it('ends with TRUNCATED at a last line cut off mid-record, keeping what came before', async () => {
    const text =
      lines(header, {
        _type: 'message',
        sender: 'a',
        accountName: 'A',
        timestamp: 1,
        type: 0,
        content: 'kept',
      }) + '{"_type":"message","sender":"a","timest';
    const records: ReadRecord[] = [];
    const failure = await (async () => {
      for await (const record of eachRecord(readChatLabJsonl(jsonl(text), {})))
        records.push(record);
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ReadError);
    expect(failure).toMatchObject({
      code: 'TRUNCATED',
      position: { entry: 'chat.jsonl', line: 3 },
    });
    expect(messagesOf(records).map((m) => m.text)).toEqual(['kept']);
  });

  it('refuses a file whose first line is not a header', async () => {
    const text = lines({ _type: 'message', sender: 'a', timestamp: 1, type: 0, content: 'x' });
    await expect(readAll(readChatLabJsonl, jsonl(text))).rejects.toMatchObject({
      code: 'INVALID_FORMAT',
      position: { line: 1 },
    });
  });

  it('finds the .jsonl inside a folder and its files beside it, never outside', async () => {
    const text = lines(
      { ...header, chatVault: { conversationId: 'c_0123456789abcdef0123' } },
      {
        _type: 'message',
        sender: 'a',
        accountName: 'A',
        timestamp: 1,
        type: 1,
        content: null,
        chatVault: {
          kind: 'media',
          attachments: [
            { name: 'a.png', mime: 'image/png', file: 'media/a.png' },
            { name: 'x', mime: null, file: '../../etc/passwd' },
          ],
        },
      },
    );
    const source = memorySource(
      { 'Export/chat.chatlab.jsonl': text, 'Export/media/a.png': Buffer.from([1, 2]) },
      { container: 'folder' },
    );
    const records = await readAll(readChatLabJsonl, source);
    expect(records[0]).toMatchObject({ vaultId: 'c_0123456789abcdef0123' });
    expect(messagesOf(records)[0]?.attachments).toEqual([
      { entryPath: 'Export/media/a.png', name: 'a.png', mime: 'image/png' },
      { entryPath: null, name: 'x', mime: null },
    ]);
  });
});

describe('ChatLab JSON', () => {
  const document = {
    chatlab: { version: '0.0.2', exportedAt: 1703001600 },
    meta: { name: '家人群', platform: 'wechat', type: 'group', groupAvatar: AVATAR },
    members: [{ platformId: 'mom', accountName: '妈妈', avatar: AVATAR }],
    messages: [
      { sender: 'mom', accountName: '妈妈', timestamp: 1703001600, type: 0, content: '吃饭了吗' },
      { sender: 'me', accountName: '我', timestamp: 1703001700, type: 2, content: '[语音]' },
    ],
  };

  it('streams the document into the same records, in small chunks', async () => {
    const source = memorySource(
      { 'chat.json': JSON.stringify(document, null, 2) },
      { chunkBytes: 7 },
    );
    const records = await readAll(readChatLabJson, source);
    expect(records[0]).toMatchObject({ type: 'conversation', platform: 'wechat', title: '家人群' });
    expect(participantsOf(records)).toEqual(['妈妈', '我']);
    expect(messagesOf(records).map((m) => [m.sender, m.kind, m.text])).toEqual([
      ['妈妈', 'text', '吃饭了吗'],
      ['我', 'media', '[语音]'],
    ]);
    expect(JSON.stringify(records)).not.toContain('data:image');
  });

  it('names the byte where the JSON breaks, after the messages before it', async () => {
    const text = JSON.stringify(document).replace('"[语音]"}', '"[语音]" oops}');
    const records: ReadRecord[] = [];
    const failure = await (async () => {
      for await (const record of eachRecord(
        readChatLabJson(memorySource({ 'chat.json': text }), {}),
      ))
        records.push(record);
    })().catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'INVALID_JSON', position: { entry: 'chat.json' } });
    expect(messagesOf(records).map((m) => m.text)).toEqual(['吃饭了吗']);
  });

  it('refuses JSON that has no chatlab header', async () => {
    const source = memorySource({
      'chat.json': JSON.stringify({ meta: { name: 'x' }, messages: [] }),
    });
    await expect(readAll(readChatLabJson, source)).rejects.toMatchObject({
      code: 'INVALID_FORMAT',
    });
  });
});

describe('ChatLab message types', () => {
  it('maps every documented type to a kind, and unknown ones by range', () => {
    const kinds = [
      0, 1, 2, 3, 4, 5, 7, 8, 20, 21, 22, 23, 24, 25, 26, 27, 80, 81, 99, 15, 42, 90,
    ].map(kindOfChatLabType);
    expect(kinds).toEqual([
      'text',
      'media',
      'media',
      'media',
      'media',
      'media',
      'text',
      'text',
      'other',
      'other',
      'other',
      'call',
      'other',
      'text',
      'text',
      'other',
      'system',
      'system',
      'other',
      'text',
      'other',
      'system',
    ]);
  });
});
