import { describe, expect, it } from 'vitest';
import { MojibakeRepairer, repairMojibake } from '../../../src/main/engine/readers/mojibake';

/** Text as it looks after its UTF-8 bytes were read as Latin-1 (what Facebook writes). */
const asLatin1 = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

describe('mojibake repair', () => {
  it('repairs accents, CJK, emoji and flags that were read byte by byte', () => {
    for (const text of ['é', 'Ça va, Zoë?', '你好，世界', '😀🇯🇵👍🏽', 'Привет']) {
      expect(repairMojibake(asLatin1(text))).toBe(text);
    }
  });

  it('repairs text that went through Windows-1252 rather than Latin-1', () => {
    expect(repairMojibake('Grace ðŸ§¤')).toBe('Grace 🧤');
  });

  it('leaves text alone that is not UTF-8 read as Latin-1', () => {
    for (const text of [
      'café',
      'naïve résumé',
      'Ã alone',
      '你好',
      '😀',
      'plain ascii',
      'Ã© mixed with 你',
    ]) {
      expect(repairMojibake(text)).toBe(text);
    }
  });

  it('repairs once: text that really was "Ã©" comes back as "Ã©", not "é"', () => {
    expect(repairMojibake(asLatin1('Ã©'))).toBe('Ã©');
  });
});

describe('MojibakeRepairer (one file)', () => {
  it('repairs every mojibake string of a file written through the mis-decoding and counts them', () => {
    const repairer = new MojibakeRepairer();
    expect(repairer.repair(asLatin1('Zoë'))).toBe('Zoë');
    expect(repairer.repair('ascii')).toBe('ascii');
    expect(repairer.repair(asLatin1('李雷 😀'))).toBe('李雷 😀');
    expect(repairer.repaired).toBe(2);
    expect(repairer.fileIsCorrect).toBe(false);
  });

  it('stops repairing once a character shows the file was written correctly', () => {
    const repairer = new MojibakeRepairer();
    expect(repairer.repair('今日は')).toBe('今日は');
    expect(repairer.fileIsCorrect).toBe(true);
    expect(repairer.repair('Ã©')).toBe('Ã©');
    expect(repairer.repaired).toBe(0);
  });

  it('does not take Windows-1252 punctuation for proof of a correct file', () => {
    const repairer = new MojibakeRepairer();
    expect(repairer.repair('â€œquotedâ€\u009d')).toBe('“quoted”');
    expect(repairer.fileIsCorrect).toBe(false);
  });
});
