/**
 * A message's text as React elements: formatting, code blocks and quotes from its entities, and
 * links only where rich-text.ts found a safe http(s) target. Text is always passed to React as
 * text, never as markup. Links open outside the app (a new window, which the desktop shell hands
 * to the system browser).
 */
import { memo, useState, type ReactNode } from 'react';
import type { TextEntity } from '../../../shared/contract';
import { textRuns, type TextMark, type TextRun } from '../../../shared/rich-text';
import { withEmoji } from './EmojiText';
import { useTimelineText } from './timeline-text';

function Spoiler({ children }: Readonly<{ children: ReactNode }>) {
  const { t } = useTimelineText();
  const [shown, setShown] = useState(false);
  if (shown) return <span className="text-spoiler text-spoiler-shown">{children}</span>;
  return (
    <span
      className="text-spoiler"
      role="button"
      tabIndex={0}
      title={t('timeline.spoiler')}
      aria-label={t('timeline.spoiler')}
      onClick={() => setShown(true)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          setShown(true);
        }
      }}
    >
      <span aria-hidden="true">{children}</span>
    </span>
  );
}

function wrap(mark: TextMark, content: ReactNode): ReactNode {
  switch (mark) {
    case 'bold':
      return <strong>{content}</strong>;
    case 'italic':
      return <em>{content}</em>;
    case 'underline':
      return <u>{content}</u>;
    case 'strikethrough':
      return <s>{content}</s>;
    case 'code':
      return <code className="text-code">{content}</code>;
    case 'spoiler':
      return <Spoiler>{content}</Spoiler>;
    case 'mention':
    case 'hashtag':
    case 'email':
    case 'phone':
      return <span className={`text-${mark}`}>{content}</span>;
  }
}

function Run({ run }: Readonly<{ run: TextRun }>) {
  let content: ReactNode =
    run.block?.type === 'pre' || run.marks.includes('code') ? run.text : withEmoji(run.text);
  // Spoilers wrap last, so the whole formatted run is what is hidden.
  const marks = [...run.marks].sort((a, b) => Number(a === 'spoiler') - Number(b === 'spoiler'));
  for (const mark of marks) content = wrap(mark, content);
  if (run.link === null) return content;
  return (
    <a
      className="text-link"
      href={run.link}
      target="_blank"
      rel="noopener noreferrer"
      title={run.link}
    >
      {content}
    </a>
  );
}

type Group = Readonly<{ block: TextRun['block']; runs: readonly TextRun[] }>;

/** Consecutive runs of one code block or quote, and the runs between them. */
function groupRuns(runs: readonly TextRun[]): Group[] {
  const groups: { block: TextRun['block']; runs: TextRun[] }[] = [];
  for (const run of runs) {
    const last = groups.at(-1);
    if (last !== undefined && last.block?.id === run.block?.id) last.runs.push(run);
    else groups.push({ block: run.block, runs: [run] });
  }
  return groups;
}

export const MessageText = memo(function MessageText({
  text,
  entities,
}: Readonly<{ text: string; entities: readonly TextEntity[] | undefined }>) {
  const groups = groupRuns(textRuns(text, entities));
  return (
    <div className="message-text" dir="auto">
      {groups.map((group, index) => {
        const runs = group.runs.map((run, at) => <Run key={at} run={run} />);
        if (group.block === null) return <span key={index}>{runs}</span>;
        if (group.block.type === 'blockquote')
          return (
            <blockquote key={index} className="text-quote" dir="auto">
              {runs}
            </blockquote>
          );
        return (
          <pre key={index} className="text-pre" data-language={group.block.language ?? undefined}>
            <code>{runs}</code>
          </pre>
        );
      })}
    </div>
  );
});
