import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../../src/shared/contract';
import { firstDayOfWeek, monthGrid } from '../../../src/renderer/components/navigation/month-grid';
import { initialsOf, senderHue } from '../../../src/renderer/components/timeline/sender-style';
import { timelineRows } from '../../../src/renderer/components/timeline/timeline-rows';

function message(id: string, sentAt: string, sender: string, kind: MessageView['kind'] = 'text') {
  return { id, conversationId: 'c', sentAt, sender, text: id, kind, attachments: [] };
}

describe('sender initials and colours', () => {
  it('takes the first letters of the first and last words', () => {
    expect(initialsOf('Chen Wei')).toBe('CW');
    expect(initialsOf('ana maria de souza')).toBe('AS');
    expect(initialsOf('  Bo  ')).toBe('B');
    expect(initialsOf('@ana (work)')).toBe('AW');
  });

  it('keeps one character for Chinese, Japanese and Korean names, and a leading emoji whole', () => {
    expect(initialsOf('李雷')).toBe('李');
    expect(initialsOf('山田 太郎')).toBe('山');
    expect(initialsOf('👨‍👩‍👧 Family')).toBe('👨‍👩‍👧');
    expect(initialsOf('')).toBe('?');
  });

  it('gives a name the same hue every time, and different names different hues', () => {
    expect(senderHue('Ana')).toBe(senderHue('Ana'));
    expect(new Set(['Ana', 'Bo', 'Chen', '李雷'].map(senderHue)).size).toBe(4);
    expect(senderHue('李雷')).toBeGreaterThanOrEqual(0);
    expect(senderHue('李雷')).toBeLessThan(360);
  });
});

describe('timeline rows', () => {
  it('puts a day separator before each local day and groups one sender’s run of messages', () => {
    const rows = timelineRows([
      message('1', '2024-03-01T09:00:00Z', 'Ana'),
      message('2', '2024-03-01T09:02:00Z', 'Ana'),
      message('3', '2024-03-01T09:20:00Z', 'Ana'),
      message('4', '2024-03-01T09:21:00Z', 'Bo'),
      message('5', '2024-03-01T09:22:00Z', 'Bo', 'system'),
      message('6', '2024-03-01T09:23:00Z', 'Bo'),
      message('7', '2024-03-02T09:24:00Z', 'Bo'),
    ]);
    expect(
      rows.map((row) =>
        row.type === 'day' ? 'day' : `${row.message.id}${row.continued ? '+' : ''}`,
      ),
    ).toEqual(['day', '1', '2+', '3', '4', '5', '6', 'day', '7']);
  });
});

describe('the calendar grid', () => {
  it('lays out March 2024 in weeks starting on Sunday or on Monday', () => {
    // 1 March 2024 was a Friday.
    const sunday = monthGrid(2024, 3, 0);
    expect(sunday[0]).toEqual([null, null, null, null, null, 1, 2]);
    expect(sunday.at(-1)).toEqual([31, null, null, null, null, null, null]);
    const monday = monthGrid(2024, 3, 1);
    expect(monday[0]).toEqual([null, null, null, null, 1, 2, 3]);
    expect(monday.flat().filter((day) => day !== null)).toHaveLength(31);
  });

  it('knows February of a leap year', () => {
    expect(
      Math.max(
        ...monthGrid(2024, 2, 1)
          .flat()
          .map((day) => day ?? 0),
      ),
    ).toBe(29);
    expect(
      Math.max(
        ...monthGrid(2023, 2, 1)
          .flat()
          .map((day) => day ?? 0),
      ),
    ).toBe(28);
  });

  it('starts weeks where the language does', () => {
    expect(firstDayOfWeek('en-US')).toBe(0);
    expect(firstDayOfWeek('zh-CN')).toBe(1);
    expect(firstDayOfWeek('de-DE')).toBe(1);
  });
});
