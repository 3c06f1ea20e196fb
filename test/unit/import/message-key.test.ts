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
