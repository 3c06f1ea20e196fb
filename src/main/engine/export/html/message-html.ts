/** One message of the offline HTML export, as markup built only from escaped text. */
import type { ExportItem, ReplyPreview } from '../export-types';
import { escapeHtml, relativeUrl, textToHtml } from './escape';
import type { ExportLabels } from './labels';

const IMAGE = /^image\/(png|jpeg|gif|webp|bmp|avif)$/u;
const IMAGE_NAME = /\.(png|jpe?g|gif|webp|bmp|avif)$/iu;
const VIDEO_NAME = /\.(mp4|m4v|webm|mov)$/iu;
const AUDIO_NAME = /\.(opus|ogg|oga|mp3|m4a|aac|wav)$/iu;

/** How many sender colours style.css defines (`.hue-0` ... `.hue-11`). */
export const SENDER_HUES = 12;

/** A stable colour for a sender's name, from its characters (a class: pages allow no inline style). */
export function hueOf(name: string): number {
  let hash = 0;
  for (let index = 0; index < name.length; index += 1) {
    hash = (hash * 31 + name.charCodeAt(index)) >>> 0;
  }
  return hash % SENDER_HUES;
}

function attachmentHtml(
  attachment: ExportItem['message']['attachments'][number],
  file: string | null,
  labels: ExportLabels,
): string {
  const name = escapeHtml(attachment.name);
  if (file === null) return `<p class="missing">📎 ${name} · ${escapeHtml(labels.missingFile)}</p>`;
  const url = escapeHtml(relativeUrl(file));
  const mime = attachment.mime ?? '';
  if (IMAGE.test(mime) || IMAGE_NAME.test(attachment.name)) {
    return `<a class="media" href="${url}"><img src="${url}" alt="${name}" loading="lazy"></a>`;
  }
  if (mime.startsWith('video/') || VIDEO_NAME.test(attachment.name)) {
    return `<video class="media" src="${url}" controls preload="none" aria-label="${name}"></video>`;
  }
  if (mime.startsWith('audio/') || AUDIO_NAME.test(attachment.name)) {
    return `<audio class="media" src="${url}" controls preload="none" aria-label="${name}"></audio>`;
  }
  return `<p><a href="${url}" download>📎 ${name}</a></p>`;
}

function replyHtml(
  replyTo: string,
  replies: ReadonlyMap<string, ReplyPreview>,
  labels: ExportLabels,
): string {
  const preview = replies.get(replyTo);
  if (preview === undefined) return `<p class="reply">${escapeHtml(labels.replyMissing)}</p>`;
  const who = preview.sender === null ? '' : `<b>${escapeHtml(preview.sender)}</b> `;
  return `<p class="reply" title="${escapeHtml(labels.replyTo)}">${who}${escapeHtml(preview.text)}</p>`;
}

export function messageHtml(
  item: ExportItem,
  time: string,
  replies: ReadonlyMap<string, ReplyPreview>,
  labels: ExportLabels,
): string {
  const { message, files } = item;
  const id = `m${message.id}`;
  const datetime = new Date(message.sentAt).toISOString();
  if (message.kind === 'system' && message.attachments.length === 0) {
    const who = message.sender === null ? '' : `${escapeHtml(message.sender)}: `;
    return `<p class="system" id="${id}"><time datetime="${datetime}">${time}</time> · ${who}${textToHtml(message.text)}</p>\n`;
  }
  let html = `<article class="msg" id="${id}">`;
  if (message.sender !== null) {
    html += `<p class="sender hue-${hueOf(message.sender)}">${escapeHtml(message.sender)}</p>`;
  }
  if (message.forwardedFrom !== null) {
    html += `<p class="forwarded">${escapeHtml(labels.forwardedFrom(message.forwardedFrom))}</p>`;
  }
  if (message.replyTo !== null) html += replyHtml(message.replyTo, replies, labels);
  message.attachments.forEach((attachment, index) => {
    html += attachmentHtml(attachment, files[index] ?? null, labels);
  });
  if (message.text !== '') html += `<p class="text">${textToHtml(message.text)}</p>`;
  if (message.reactions.length > 0) {
    const reactions = message.reactions
      .map((reaction) => `${escapeHtml(reaction.emoji)} ${reaction.count}`)
      .join('  ');
    html += `<p class="reactions">${reactions}</p>`;
  }
  const edited = message.editedAt === null ? '' : ` · ${escapeHtml(labels.edited)}`;
  html += `<p class="meta"><time datetime="${datetime}">${time}</time>${edited}</p></article>\n`;
  return html;
}
