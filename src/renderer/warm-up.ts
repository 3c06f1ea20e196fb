/**
 * The first Intl formatter of each kind costs milliseconds (ICU loads its locale data and pattern
 * generators), and opening the first conversation needs several at once: message times, their
 * full moments, the header's days, the message count's plural rules and number format, and the
 * grapheme segmenter of the senders' initials. Made while the app is idle after it starts, they
 * are ready in their caches (formatters.ts, i18next's, sender-style.ts) when the reader opens a
 * conversation.
 */
import type { i18n as I18n } from 'i18next';
import { initialsOf } from './components/timeline/sender-style';
import { formatDay, formatFullDay, formatMoment, formatTime } from './formatters';

const SAMPLE = '2020-12-31T21:41:00.000Z';

/** Makes the formatters a conversation's first page needs, in the app's language. */
export function warmFormatters(i18n: I18n): void {
  const { language } = i18n;
  formatTime(SAMPLE, language);
  formatMoment(SAMPLE, language);
  formatDay(SAMPLE, language);
  formatFullDay(new Date(SAMPLE), language);
  // i18next makes (and keeps) its plural rules and number format with the first count it formats.
  i18n.t('sidebar.messages', { count: 2 });
  initialsOf('Chat Vault');
}
