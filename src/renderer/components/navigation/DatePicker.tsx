/**
 * Jump to a date: a month calendar in which only the days with messages can be chosen (the engine
 * says which, one month at a time, in this browser's time zone). Choosing a day shows its first
 * message. Months and years outside the conversation's span are not offered.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationSummary } from '../../../shared/contract';
import { formatFullDay, formatMonth, weekdayNames } from '../../formatters';
import { useHost } from '../../host-context';
import {
  firstDayOfWeek,
  fromMonthIndex,
  monthGrid,
  monthIndex,
  monthOf,
  type YearMonth,
} from './month-grid';

type Props = Readonly<{
  conversation: ConversationSummary;
  /** Where the reader is now, to open the calendar on that month. */
  initial: Date;
  onPick: (day: Date) => void;
  onClose: () => void;
}>;

type Days = Readonly<{ key: string; days: ReadonlySet<number> | null; error: string | null }>;

const zone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function DatePicker({ conversation, initial, onPick, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { api } = useHost();
  const first = monthOf(new Date(conversation.firstAt ?? initial.toISOString()));
  const last = monthOf(new Date(conversation.lastAt ?? initial.toISOString()));
  const clamp = (index: number) => Math.min(Math.max(index, monthIndex(first)), monthIndex(last));
  const [shown, setShown] = useState<YearMonth>(() =>
    fromMonthIndex(clamp(monthIndex(monthOf(initial)))),
  );
  const key = `${conversation.id}|${shown.year}-${shown.month}`;
  const [days, setDays] = useState<Days>({ key: '', days: null, error: null });
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let current = true;
    api
      .call('messages.days', {
        conversationId: conversation.id,
        year: shown.year,
        month: shown.month,
        timeZone: zone(),
      })
      .then(
        (result) => current && setDays({ key, days: new Set(result.days), error: null }),
        (error: unknown) =>
          current &&
          setDays({
            key,
            days: null,
            error: error instanceof Error ? error.message : String(error),
          }),
      );
    return () => {
      current = false;
    };
  }, [api, conversation.id, key, shown.month, shown.year]);

  // The first choosable day (or the month's heading) takes the focus when the month is shown.
  useEffect(() => {
    const target = ref.current?.querySelector<HTMLElement>('.calendar-day:not([disabled])');
    (target ?? ref.current?.querySelector<HTMLElement>('.calendar-month'))?.focus();
  }, [days]);

  const current = days.key === key ? days : { days: null, error: null };
  const firstDay = firstDayOfWeek(i18n.language);
  const index = monthIndex(shown);
  const years = Array.from({ length: last.year - first.year + 1 }, (_, i) => first.year + i);
  const go = (to: number) => setShown(fromMonthIndex(clamp(to)));

  /** Arrow keys move between choosable days; Escape closes. */
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
      return;
    }
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[event.key];
    const target = event.target as HTMLElement;
    if (step === undefined || !target.classList.contains('calendar-day')) return;
    event.preventDefault();
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('.calendar-day') ?? [])];
    let at = buttons.indexOf(target as HTMLButtonElement) + step;
    while (at >= 0 && at < buttons.length && buttons[at]?.disabled === true) at += Math.sign(step);
    buttons[at]?.focus();
  };

  return (
    <div
      ref={ref}
      className="date-picker"
      role="dialog"
      aria-label={t('navigation.jumpTitle')}
      onKeyDown={onKeyDown}
    >
      <header className="calendar-header">
        <button
          type="button"
          className="icon-button"
          onClick={() => go(index - 1)}
          disabled={index <= monthIndex(first)}
          aria-label={t('navigation.previousMonth')}
        >
          ‹
        </button>
        <h3 className="calendar-month" tabIndex={-1} aria-live="polite">
          {formatMonth(shown.year, shown.month, i18n.language)}
        </h3>
        <button
          type="button"
          className="icon-button"
          onClick={() => go(index + 1)}
          disabled={index >= monthIndex(last)}
          aria-label={t('navigation.nextMonth')}
        >
          ›
        </button>
      </header>
      <div className="calendar-selects">
        <select
          aria-label={t('navigation.month')}
          value={shown.month}
          onChange={(event) =>
            go(monthIndex({ year: shown.year, month: Number(event.target.value) }))
          }
        >
          {Array.from({ length: 12 }, (_, i) => (
            <option key={i} value={i + 1}>
              {new Intl.DateTimeFormat(i18n.language, { month: 'long' }).format(
                new Date(2000, i, 1),
              )}
            </option>
          ))}
        </select>
        <select
          aria-label={t('navigation.year')}
          value={shown.year}
          onChange={(event) =>
            go(monthIndex({ year: Number(event.target.value), month: shown.month }))
          }
        >
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      <table className="calendar" role="grid">
        <thead>
          <tr>
            {weekdayNames(i18n.language, firstDay).map((name, i) => (
              <th key={i} scope="col" abbr={name}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthGrid(shown.year, shown.month, firstDay).map((week, w) => (
            <tr key={w}>
              {week.map((day, d) => (
                <td key={d}>
                  {day === null ? null : (
                    <button
                      type="button"
                      className="calendar-day"
                      disabled={current.days?.has(day) !== true}
                      aria-label={formatFullDay(
                        new Date(shown.year, shown.month - 1, day),
                        i18n.language,
                      )}
                      onClick={() => onPick(new Date(shown.year, shown.month - 1, day))}
                    >
                      {day}
                    </button>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {current.error !== null ? (
        <p className="calendar-note notice-error" role="alert">
          {t('navigation.daysFailed', { message: current.error })}
        </p>
      ) : current.days === null ? (
        <p className="calendar-note">{t('navigation.loadingDays')}</p>
      ) : current.days.size === 0 ? (
        <p className="calendar-note">{t('navigation.noDays')}</p>
      ) : (
        <p className="calendar-note">{t('navigation.daysHint', { count: current.days.size })}</p>
      )}
    </div>
  );
}
