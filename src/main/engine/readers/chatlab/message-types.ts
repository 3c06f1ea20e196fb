/**
 * ChatLab's numeric message types (format 0.0.2) and how they map to Chat Vault's kinds, both
 * ways: 0 text, 1 image, 2 voice, 3 video, 4 file, 5 sticker, 7 link, 8 location; 20 red packet,
 * 21 transfer, 22 poke, 23 call, 24 share, 25 reply, 26 forward, 27 contact card; 80 system,
 * 81 recall, 99 other. Types the format may add later fall back by range (0-19 content, 20-39
 * interaction, 80+ system).
 */
import type { MessageKind } from '../records';

export const CHATLAB_TYPE = {
  text: 0,
  image: 1,
  voice: 2,
  video: 3,
  file: 4,
  sticker: 5,
  link: 7,
  location: 8,
  call: 23,
  reply: 25,
  forward: 26,
  system: 80,
  recall: 81,
  other: 99,
} as const;

export function kindOfChatLabType(type: number): MessageKind {
  switch (type) {
    case CHATLAB_TYPE.text:
    case CHATLAB_TYPE.link:
    case CHATLAB_TYPE.location:
    case CHATLAB_TYPE.reply:
    case CHATLAB_TYPE.forward:
      return 'text';
    case CHATLAB_TYPE.image:
    case CHATLAB_TYPE.voice:
    case CHATLAB_TYPE.video:
    case CHATLAB_TYPE.file:
    case CHATLAB_TYPE.sticker:
      return 'media';
    case CHATLAB_TYPE.call:
      return 'call';
    default:
      if (type >= 80 && type < 99) return 'system';
      if (type >= 0 && type < 20) return 'text';
      return 'other';
  }
}

/** The ChatLab type for a Chat Vault message: media by the first file's type. */
export function chatLabTypeOf(kind: MessageKind, firstMime: string | null): number {
  switch (kind) {
    case 'text':
      return CHATLAB_TYPE.text;
    case 'media': {
      const mime = firstMime ?? '';
      if (mime.startsWith('image/')) return CHATLAB_TYPE.image;
      if (mime.startsWith('audio/')) return CHATLAB_TYPE.voice;
      if (mime.startsWith('video/')) return CHATLAB_TYPE.video;
      return CHATLAB_TYPE.file;
    }
    case 'call':
      return CHATLAB_TYPE.call;
    case 'system':
      return CHATLAB_TYPE.system;
    case 'other':
      return CHATLAB_TYPE.other;
  }
}
