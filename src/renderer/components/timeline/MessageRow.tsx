import { memo } from 'react';
import type { MessageView } from '../../../shared/contract';
import { formatMoment, formatTime } from '../../formatters';
import { Attachment } from '../media/Attachment';
import { Avatar, SenderName } from './Avatar';
import { MessageText } from './MessageText';
import { Reactions } from './Reactions';
import { ReplyQuote } from './ReplyQuote';
import { useTimelineText } from './timeline-text';

type Props = Readonly<{
  message: MessageView;
  /** The sender's previous message is just above: no avatar and name again. */
  continued: boolean;
  highlighted: boolean;
  onJump: (messageId: string) => void;
}>;

function CallIcon() {
  return (
    <svg className="line-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M6.6 10.8a15 15 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1Z" />
    </svg>
  );
}

/** A system line (joined, renamed, pinned…) or a call: centred, with its time. */
function CentredLine({ message }: Readonly<{ message: MessageView }>) {
  const { language } = useTimelineText();
  return (
    <p className={`message-line line-${message.kind}`} data-message-id={message.id}>
      {message.kind === 'call' ? <CallIcon /> : null}
      <span dir="auto">{message.text}</span>{' '}
      <time dateTime={message.sentAt}>{formatTime(message.sentAt, language)}</time>
    </p>
  );
}

/** One message: who, when, what it answers or forwards, its text, media and reactions. */
export const MessageRow = memo(function MessageRow({
  message,
  continued,
  highlighted,
  onJump,
}: Props) {
  const { t, language } = useTimelineText();
  if (message.kind === 'system' || message.kind === 'call')
    return <CentredLine message={message} />;
  const sender = message.sender ?? t('timeline.unknownSender');
  const time = formatTime(message.sentAt, language);
  return (
    <article
      className={`message${continued ? ' message-continued' : ''}${highlighted ? ' message-highlighted' : ''}`}
      data-message-id={message.id}
      aria-label={t('timeline.messageFrom', { sender, time })}
    >
      <div className="message-gutter">{continued ? null : <Avatar name={sender} />}</div>
      <div className="message-bubble">
        {continued ? null : (
          <header className="message-header">
            <SenderName name={sender} />
          </header>
        )}
        {message.forwardedFrom === undefined ? null : (
          <p className="message-forwarded" dir="auto">
            {t('timeline.forwardedFrom', { name: message.forwardedFrom })}
          </p>
        )}
        {message.replyTo === undefined ? null : (
          <ReplyQuote reply={message.replyTo} onJump={onJump} />
        )}
        {message.text === '' ? null : (
          <MessageText text={message.text} entities={message.entities} />
        )}
        {message.attachments.map((attachment, index) => (
          <Attachment key={index} attachment={attachment} viewerKey={`${message.id}/${index}`} />
        ))}
        <footer className="message-footer">
          {message.reactions === undefined ? null : <Reactions reactions={message.reactions} />}
          {message.editedAt === undefined ? null : (
            <span className="message-edited" title={formatMoment(message.editedAt, language)}>
              {t('timeline.edited')}
            </span>
          )}
          <time dateTime={message.sentAt} title={formatMoment(message.sentAt, language)}>
            {time}
          </time>
        </footer>
      </div>
    </article>
  );
});
