import { afterEach, describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDay,
  formatDuration,
  formatMoment,
  formatTime,
} from '../../../src/renderer/formatters';
import { initI18n } from '../../../src/renderer/i18n/i18n';
import { warmFormatters } from '../../../src/renderer/warm-up';

const RealDateTimeFormat = Intl.DateTimeFormat;

afterEach(() => {
  Intl.DateTimeFormat = RealDateTimeFormat;
});

/** Counts the Intl.DateTimeFormat objects made from now on. */
function countFormattersMade(): { made: number } {
  const counter = { made: 0 };
  Intl.DateTimeFormat = class extends RealDateTimeFormat {
    constructor(...args: ConstructorParameters<typeof RealDateTimeFormat>) {
      super(...args);
      counter.made += 1;
    }
  } as typeof Intl.DateTimeFormat;
  return counter;
}

describe('the renderer’s formatters', () => {
  it('format days, moments and times in the reader’s language', () => {
    const iso = '2020-12-31T21:41:00.000Z';
    expect(formatDay(iso, 'en-US')).toBe('Dec 31, 2020');
    expect(formatDay(iso, 'zh-CN')).toBe('2020年12月31日');
    expect(formatMoment(iso, 'en-US')).toBe('December 31, 2020 at 9:41 PM');
    expect(formatTime(iso, 'en-GB')).toBe('21:41');
    expect(formatBytes(1536, 'en-US')).toBe('1.5 KB');
    expect(formatDuration(200)).toBe('3 min 20 s');
  });

  it('make one Intl formatter per language and style, however many values they format', () => {
    const counter = countFormattersMade();
    for (let day = 1; day <= 28; day += 1) {
      formatDay(`2021-02-${String(day).padStart(2, '0')}T12:00:00Z`, 'fr-FR');
      formatMoment(`2021-02-${String(day).padStart(2, '0')}T12:00:00Z`, 'fr-FR');
    }
    expect(counter.made).toBe(2);
    formatDay('2021-03-01T12:00:00Z', 'de-DE');
    expect(counter.made).toBe(3);
  });
});

describe('warming the formatters up', () => {
  it('leaves nothing for a conversation’s first page to make', async () => {
    const i18n = await initI18n('zh-CN');
    warmFormatters(i18n);
    const counter = countFormattersMade();
    const iso = '2024-05-01T08:30:00.000Z';
    formatTime(iso, i18n.language);
    formatMoment(iso, i18n.language);
    formatDay(iso, i18n.language);
    expect(counter.made).toBe(0);
    expect(i18n.t('sidebar.messages', { count: 1204 })).toBe('1,204 条消息');
  });
});
