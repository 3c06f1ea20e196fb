/** The few words the offline HTML export shows, in the languages of the app. */
import type { ExportLanguage } from '../export-types';

export type ExportLabels = Readonly<{
  contents: string;
  older: string;
  newer: string;
  page: (number: number) => string;
  messages: (count: number) => string;
  participants: string;
  times: (zone: string, offset: string) => string;
  exported: (when: string, generator: string) => string;
  range: string;
  chosen: string;
  edited: string;
  forwardedFrom: (name: string) => string;
  replyTo: string;
  replyMissing: string;
  missingFile: string;
  noMessages: string;
}>;

const number = (language: ExportLanguage, value: number): string =>
  new Intl.NumberFormat(language).format(value);

export const LABELS: Readonly<Record<ExportLanguage, ExportLabels>> = {
  en: {
    contents: 'Contents',
    older: '← Older',
    newer: 'Newer →',
    page: (n) => `Page ${number('en', n)}`,
    messages: (count) => `${number('en', count)} ${count === 1 ? 'message' : 'messages'}`,
    participants: 'Participants',
    times: (zone, offset) => `Times are shown in ${zone} (${offset}).`,
    exported: (when, generator) => `Exported ${when} by ${generator}.`,
    range: 'Messages from',
    chosen: 'Only chosen messages are included.',
    edited: 'edited',
    forwardedFrom: (name) => `Forwarded from ${name}`,
    replyTo: 'Reply to',
    replyMissing: 'Reply to a message that is not in this export',
    missingFile: 'not in the export',
    noMessages: 'No messages in this export.',
  },
  'zh-CN': {
    contents: '目录',
    older: '← 更早',
    newer: '更新 →',
    page: (n) => `第 ${number('zh-CN', n)} 页`,
    messages: (count) => `${number('zh-CN', count)} 条消息`,
    participants: '参与者',
    times: (zone, offset) => `时间按 ${zone}（${offset}）显示。`,
    exported: (when, generator) => `由 ${generator} 于 ${when} 导出。`,
    range: '消息时间范围',
    chosen: '只包含选中的消息。',
    edited: '已编辑',
    forwardedFrom: (name) => `转发自 ${name}`,
    replyTo: '回复',
    replyMissing: '回复的消息不在本次导出中',
    missingFile: '导出中没有此文件',
    noMessages: '本次导出没有消息。',
  },
};
