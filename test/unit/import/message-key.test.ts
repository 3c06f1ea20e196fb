import { describe, expect, it } from 'vitest';
import { MessageKeyer } from '../../../src/main/engine/import/message-key';
import { plainMessage } from '../../../src/main/engine/readers/records';

describe('message keys', () => {
  const message = plainMessage({ sentAt: 1_700_000_000_000, sender: 'Ana', text: '你好 world' });

  it('never change: a vault written by an earlier version recognises the same message', () => {
    // Written out by hand from the first version's formula; a re-import depends on them.
    const keyer = new MessageKeyer();
    expect(keyer.key('c1', message)).toBe('t:loyw3v28:RXAAyfVYrqJxgi42SqyCoy');
    expect(keyer.key('c1', message)).toBe('t:loyw3v28:XOlx4Dtyh-wR5tjHuoY03k');
  });

  it('never change for a message with attachments either', () => {
    // Pinned from the version before the occurrence count stopped making a map per time.
    const media = plainMessage({
      sentAt: 1_700_000_000_000,
      sender: 'Ana',
      text: '',
      kind: 'media',
      attachments: [
        { name: 'IMG-1.jpg', mime: 'image/jpeg', entryPath: null },
        { name: 'a b.pdf', mime: null, entryPath: null },
      ],
    });
    const keyer = new MessageKeyer();
    expect(keyer.key('c1', media)).toBe('t:loyw3v28:fNqJERyXSP5sF9cfdCUIIn');
    expect(keyer.key('c1', media)).toBe('t:loyw3v28:Ruce2M3qb9DEr-O1FC0lTz');
  });

  it('count each content on its own among several sent at the same time', () => {
    const other = { ...message, text: 'other' };
    const keyer = new MessageKeyer();
    const keys = [message, other, message, other, other].map((sent) => keyer.key('c1', sent));
    expect(new Set(keys).size).toBe(5);
    // The n-th copy of a content gets the same key whatever came between.
    const fresh = new MessageKeyer();
    expect([other, other, other, message, message].map((sent) => fresh.key('c1', sent))).toEqual([
      keys[1],
      keys[3],
      keys[4],
      keys[0],
      keys[2],
    ]);
  });

  it('count identical neighbours per conversation and start again at a new time', () => {
    const keyer = new MessageKeyer();
    const first = keyer.key('c1', message);
    expect(keyer.key('c2', message)).toBe(first);
    expect(keyer.key('c1', message)).not.toBe(first);
    keyer.key('c1', { ...message, sentAt: message.sentAt + 60_000 });
    expect(keyer.key('c1', message)).toBe(first);
  });

  it('use the platform id where there is one', () => {
    expect(new MessageKeyer().key('c1', { ...message, externalId: '42' })).toBe('id:42');
  });
});
