import { describe, expect, it } from 'vitest';
import { FileBreaks } from '../../../src/main/engine/readers/file-breaks';
import { ReadError } from '../../../src/main/engine/readers/read-error';
import { WarningLog } from '../../../src/main/engine/readers/warning-log';

describe('breaks of the files of a many-file export', () => {
  it('ends with the first break, naming how many other files broke', () => {
    const breaks = new FileBreaks();
    const first = new ReadError('TRUNCATED', 'a.json is cut at byte 9.', {
      entry: 'a.json',
      byte: 9,
    });
    breaks.note(first);
    breaks.note(new ReadError('INVALID_JSON', 'b.json is not JSON.', { entry: 'b.json', byte: 1 }));
    breaks.note(
      new ReadError('INVALID_UTF8', 'c.json is not UTF-8.', { entry: 'c.json', byte: 2 }),
    );
    const thrown = (() => {
      try {
        breaks.finish();
        return null;
      } catch (error: unknown) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(ReadError);
    expect(thrown).toMatchObject({
      code: 'TRUNCATED',
      message: 'a.json is cut at byte 9. (2 other files of the export also broke.)',
      position: { entry: 'a.json', byte: 9 },
    });
  });

  it('ends quietly when nothing broke, and lets a broken container through at once', () => {
    const breaks = new FileBreaks();
    expect(() => breaks.finish()).not.toThrow();
    const quota = new ReadError('ZIP_QUOTA', 'The zip inflates to too much.');
    expect(() => breaks.note(quota)).toThrow(quota);
    expect(() => breaks.note(new Error('disk gone'))).toThrow('disk gone');
  });
});

describe('the warning log of a many-file export', () => {
  it('lists the first 20 warnings of a code, then says how many more there were', () => {
    const log = new WarningLog();
    for (let index = 0; index < 23; index += 1)
      log.warn('MEDIA_NOT_FOUND', `file ${index}`, 'a.json');
    log.warn('MESSAGE_SKIPPED', 'one', 'b.json');
    const listed = log.take();
    expect(listed).toHaveLength(21);
    expect(listed[0]).toEqual({
      type: 'warning',
      code: 'MEDIA_NOT_FOUND',
      message: 'file 0',
      entry: 'a.json',
    });
    expect(log.take()).toEqual([]);
    expect(log.summary()).toEqual([
      {
        type: 'warning',
        code: 'MEDIA_NOT_FOUND',
        message: '3 more warnings like the ones above (MEDIA_NOT_FOUND) were not listed.',
      },
    ]);
  });
});
