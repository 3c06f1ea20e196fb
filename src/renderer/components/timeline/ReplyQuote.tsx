import type { ReplyPreview } from '../../../shared/contract';
import { withEmoji } from './EmojiText';
import { senderHue } from './sender-style';
import { useTimelineText } from './timeline-text';

/**
 * The start of the message a reply answers. Clicking it jumps to the original when the vault holds
 * it; otherwise it says the original is not in the vault.
 */
export function ReplyQuote({
  reply,
  onJump,
}: Readonly<{ reply: ReplyPreview; onJump: (messageId: string) => void }>) {
  const { t } = useTimelineText();
  const sender = reply.sender ?? '';
  const style = { borderInlineStartColor: `hsl(${senderHue(sender)} 55% var(--sender-lightness))` };
  if (reply.messageId === null) {
    return (
      <div className="reply-quote reply-missing" style={style}>
        {t('timeline.replyMissing')}
      </div>
    );
  }
  const messageId = reply.messageId;
  return (
    <button
      type="button"
      className="reply-quote"
      style={style}
      onClick={() => onJump(messageId)}
      title={t('timeline.replyJump')}
      aria-label={t('timeline.replyTo', { sender, text: reply.text })}
    >
      <span className="reply-sender" dir="auto">
        {sender}
      </span>
      <span className="reply-text" dir="auto">
        {reply.text === '' ? t('timeline.replyEmpty') : withEmoji(reply.text)}
      </span>
    </button>
  );
}
