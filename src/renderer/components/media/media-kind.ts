import type { MessageView } from '../../../shared/contract';

export type AttachmentView = MessageView['attachments'][number];
export type MediaKind = 'image' | 'video' | 'audio' | 'file';

const IMAGE = /\.(png|jpe?g|gif|webp)$/iu;
const VIDEO = /\.(mp4|m4v|webm|mov)$/iu;
const AUDIO = /\.(opus|ogg|oga|mp3|m4a|aac|wav)$/iu;

/** How a file is shown: by its name's extension (the host serves only these kinds inline). */
export function mediaKind(name: string): MediaKind {
  if (IMAGE.test(name)) return 'image';
  if (VIDEO.test(name)) return 'video';
  if (AUDIO.test(name)) return 'audio';
  return 'file';
}

/** Where the host serves a stored file (the same path in Electron and in a browser). */
export const mediaUrl = (sha256: string, name: string): string =>
  `/media/${sha256}/${encodeURIComponent(name)}`;

/** A photo the viewer can show: stored in the vault, and in the message it came with. */
export type ViewerImage = Readonly<{
  key: string;
  sha256: string;
  name: string;
  message: MessageView;
}>;

/** The stored photos of the loaded messages, oldest first: what the viewer's arrows move through. */
export function viewerImages(messages: readonly MessageView[]): ViewerImage[] {
  const images: ViewerImage[] = [];
  for (const message of messages) {
    message.attachments.forEach((attachment, index) => {
      if (attachment.sha256 !== null && mediaKind(attachment.name) === 'image')
        images.push({
          key: `${message.id}/${index}`,
          sha256: attachment.sha256,
          name: attachment.name,
          message,
        });
    });
  }
  return images;
}
