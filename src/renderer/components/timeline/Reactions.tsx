import { useTimelineText } from './timeline-text';
import type { Reaction } from '../../../shared/contract';

/** Reactions under a message: each emoji with its count; who reacted, where known, on hover. */
export function Reactions({ reactions }: Readonly<{ reactions: readonly Reaction[] }>) {
  const { t } = useTimelineText();
  return (
    <ul className="reactions" aria-label={t('timeline.reactions')}>
      {reactions.map((reaction, index) => {
        // Custom emoji are sticker files the export does not include.
        const emoji = reaction.emoji.startsWith('custom:') ? '◆' : reaction.emoji;
        const who = reaction.senders?.join(', ');
        const label = t('timeline.reaction', { emoji, count: reaction.count });
        return (
          <li
            key={index}
            className="reaction"
            title={who === undefined ? label : `${label}: ${who}`}
            aria-label={who === undefined ? label : `${label}: ${who}`}
          >
            <span className="reaction-emoji">{emoji}</span>
            {reaction.count > 1 ? <span className="reaction-count">{reaction.count}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
