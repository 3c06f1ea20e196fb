/**
 * What a LINE message's text is. LINE writes what is not text as a bracketed word in the
 * language of the export, and the files themselves are never part of the text export:
 *   photos `[Photo]` `[写真]` `[照片]`, videos `[Video]` `[動画]` `[影片]` `[视频]`, stickers
 *   `[Sticker]` `[スタンプ]` `[貼圖]` `[贴图]`, voice `[Voice message]` `[ボイスメッセージ]`
 *   `[語音訊息]` `[语音信息]`, files `[File]` `[ファイル]` `[檔案]` `[文件]`, albums, GIFs.
 * A text that is exactly one of these becomes a media message with an attachment the export
 * left out (a person typing "[Photo] of the cat" wrote text). Locations and contacts
 * stay as their text, kind `other`; calls (`☎ Missed call`, `☎ 通話時間 0:35`) are kind `call`.
 */
import type { AttachmentRef, MessageKind } from '../records';

export type LineBody = Readonly<{
  kind: MessageKind;
  text: string;
  attachments: readonly AttachmentRef[];
}>;

type Placeholder = Readonly<{ mime: string | null; kind: 'media' | 'other' }>;

const PHOTO: Placeholder = { mime: 'image/jpeg', kind: 'media' };
const VIDEO: Placeholder = { mime: 'video/mp4', kind: 'media' };
const STICKER: Placeholder = { mime: 'image/png', kind: 'media' };
const GIF: Placeholder = { mime: 'image/gif', kind: 'media' };
const AUDIO: Placeholder = { mime: 'audio/mp4', kind: 'media' };
const FILE: Placeholder = { mime: null, kind: 'media' };
const OTHER: Placeholder = { mime: null, kind: 'other' };

const PLACEHOLDERS: ReadonlyMap<string, Placeholder> = new Map([
  ...['Photo', 'Photos', '写真', '照片', '相片', '图片'].map((w) => [w, PHOTO] as const),
  ...['Video', 'Videos', '動画', '影片', '视频', '視訊'].map((w) => [w, VIDEO] as const),
  ...['Sticker', 'Stickers', 'スタンプ', '貼圖', '贴图'].map((w) => [w, STICKER] as const),
  ...['GIF', 'Animated GIF'].map((w) => [w, GIF] as const),
  ...['Voice message', 'Audio', 'ボイスメッセージ', '語音訊息', '语音信息', '语音消息'].map(
    (w) => [w, AUDIO] as const,
  ),
  ...['File', 'ファイル', '檔案', '文件', 'Album', 'アルバム', '相簿', '相册'].map(
    (w) => [w, FILE] as const,
  ),
  ...[
    'Location',
    '位置情報',
    '位置',
    'Contact',
    '連絡先',
    '聯絡資訊',
    '联系人',
    'Note',
    'ノート',
  ].map((w) => [w, OTHER] as const),
]);

const BRACKETED = /^\[(?<word>[^[\]]{1,20})\]$/u;

export function readBody(text: string): LineBody {
  const word = BRACKETED.exec(text.trim())?.groups?.word;
  const placeholder = word === undefined ? undefined : PLACEHOLDERS.get(word);
  if (placeholder !== undefined && word !== undefined) {
    if (placeholder.kind === 'other') return { kind: 'other', text, attachments: [] };
    const attachment: AttachmentRef = {
      entryPath: null,
      name: `[${word}]`,
      mime: placeholder.mime,
    };
    return { kind: 'media', text: '', attachments: [attachment] };
  }
  if (text.startsWith('☎')) return { kind: 'call', text, attachments: [] };
  return { kind: 'text', text, attachments: [] };
}
