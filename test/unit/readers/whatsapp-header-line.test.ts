import { describe, expect, it } from 'vitest';
import {
  parseHeader,
  stampDateText,
  stripInvisibleMarks,
} from '../../../src/main/engine/readers/whatsapp/header-line';

describe('a WhatsApp header line', () => {
  it('gives the date and time as written, for warnings', () => {
    const text = (line: string) => {
      const stamp = parseHeader(line, false);
      return stamp === null ? null : stampDateText(stamp);
    };
    expect(text('13/01/2015, 21:05 - Ana: hi')).toBe('13/01/2015 21:05');
    expect(text('2015-01-13 21:05:09 - Ana: hi')).toBe('2015-01-13 21:05');
    expect(text('[1.13.15, 9:05:00 PM] Ana: hi')).toBe('1.13.15 9:05');
  });

  it('makes one style object per style, whatever the line', () => {
    const a = parseHeader('13/01/2015, 21:05 - Ana: hi', false);
    const b = parseHeader('14/02/2016, 07:15 - Bo: ho', false);
    const c = parseHeader('14.02.2016, 07:15 - Bo: ho', false);
    expect(a?.style).toBe(b?.style);
    expect(a?.styleKey).toBe(b?.styleKey);
    expect(c?.style).not.toBe(a?.style);
    expect(c?.styleKey).not.toBe(a?.styleKey);
    expect(c?.style.dateSeparator).toBe('.');
  });

  it('finds the year wherever it is written, and the other two numbers in order', () => {
    expect(parseHeader('13/01/2015, 21:05 - Ana: hi', false)).toMatchObject({
      year: 2015,
      firstNumber: 13,
      secondNumber: 1,
      hour: 21,
      minute: 5,
      sender: 'Ana',
      text: 'hi',
      style: { separator: 'dash', dateSeparator: '/', yearPosition: 2, yearDigits: 4, clock: 24 },
    });
    expect(parseHeader('2015-01-13 21:05:09 - Ana: hi', false)).toMatchObject({
      year: 2015,
      firstNumber: 1,
      secondNumber: 13,
      second: 9,
      style: { yearPosition: 0, yearDigits: 4 },
    });
    expect(parseHeader('[1.13.15, 9:05:00 PM] Ana: hi', false)).toMatchObject({
      year: 2015,
      firstNumber: 1,
      secondNumber: 13,
      hour: 21,
      style: { separator: 'bracket', yearPosition: 2, yearDigits: 2, clock: 12 },
    });
    expect(parseHeader('01/2015/13, 21:05 - Ana: hi', false)).toMatchObject({
      year: 2015,
      firstNumber: 1,
      secondNumber: 13,
      style: { yearPosition: 1 },
    });
  });

  it('is no header when two numbers are longer than two digits, or one has three', () => {
    expect(parseHeader('2015/2016/01, 21:05 - Ana: hi', false)).toBeNull();
    expect(parseHeader('13/01/201, 21:05 - Ana: hi', false)).toBeNull();
  });

  it('reads through invisible marks, and strips them only where there are some', () => {
    expect(
      parseHeader('\u200e[13/01/2015, 21:05:00] \u200eAna: \u200eimage omitted', false),
    ).toMatchObject({ sender: 'Ana', text: 'image omitted', textStartsWithMark: true });
    const plain = 'no marks here';
    expect(stripInvisibleMarks(plain)).toBe(plain);
    expect(stripInvisibleMarks('\u202aa\u2069b\ufeffc\u200f')).toBe('abc');
  });
});
