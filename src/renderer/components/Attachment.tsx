import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../shared/contract';
import { formatBytes } from '../format';

type AttachmentView = MessageView['attachments'][number];

const IMAGE = /\.(png|jpe?g|gif|webp)$/iu;
const VIDEO = /\.(mp4|m4v|webm|mov)$/iu;
const AUDIO = /\.(opus|ogg|oga|mp3|m4a|aac|wav)$/iu;

/** Where the host serves a stored file (the same path in Electron and in a browser). */
export const mediaUrl = (sha256: string, name: string): string =>
  `/media/${sha256}/${encodeURIComponent(name)}`;

/** A photo, video or voice note in place; any other file as a link to save it; missing ones said so. */
export function Attachment({ attachment }: Readonly<{ attachment: AttachmentView }>) {
  const { t, i18n } = useTranslation();
  const size =
    attachment.bytes === null ? '' : ` · ${formatBytes(attachment.bytes, i18n.language)}`;
  if (attachment.sha256 === null) {
    return (
      <p className="message-attachment attachment-missing">
        📎 {attachment.name} · {t('timeline.missing')}
      </p>
    );
  }
  const url = mediaUrl(attachment.sha256, attachment.name);
  if (IMAGE.test(attachment.name)) {
    return <img className="attachment-image" src={url} alt={attachment.name} loading="lazy" />;
  }
  if (VIDEO.test(attachment.name)) {
    return (
      <video
        className="attachment-video"
        src={url}
        controls
        preload="metadata"
        aria-label={attachment.name}
      />
    );
  }
  if (AUDIO.test(attachment.name)) {
    return (
      <audio
        className="attachment-audio"
        src={url}
        controls
        preload="none"
        aria-label={attachment.name}
      />
    );
  }
  return (
    <p className="message-attachment">
      <a href={url} download={attachment.name}>
        📎 {attachment.name}
      </a>
      {size}
    </p>
  );
}
