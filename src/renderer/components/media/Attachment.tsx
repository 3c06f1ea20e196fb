import { useState } from 'react';
import { formatBytes } from '../../formatters';
import { useTimelineText } from '../timeline/timeline-text';
import { mediaKind, mediaUrl, type AttachmentView } from './media-kind';
import { useMediaViewer } from './media-viewer-store';

function FileIcon() {
  return (
    <svg className="file-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M6 2h8l5 5v13a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2Zm7 1.5V8h4.5" />
    </svg>
  );
}

/** A file the export left out, or one the vault cannot serve: said plainly, never a broken image. */
function Missing({ name, reason }: Readonly<{ name: string; reason: string }>) {
  return (
    <p className="attachment-file attachment-missing">
      <FileIcon />
      <span className="attachment-name" dir="auto">
        {name}
      </span>
      <span className="attachment-meta">{reason}</span>
    </p>
  );
}

/**
 * A photo (a thumbnail that opens the viewer), a video or voice note with its player, or any other
 * file with its name, size and a link to save it. Everything comes from the host's media route.
 */
export function Attachment({
  attachment,
  viewerKey,
}: Readonly<{ attachment: AttachmentView; viewerKey: string }>) {
  const { t, language } = useTimelineText();
  const show = useMediaViewer((state) => state.show);
  const [failed, setFailed] = useState(false);
  if (attachment.sha256 === null)
    return <Missing name={attachment.name} reason={t('timeline.missing')} />;
  if (failed) return <Missing name={attachment.name} reason={t('timeline.unavailable')} />;
  const url = mediaUrl(attachment.sha256, attachment.name);
  const size = attachment.bytes === null ? null : formatBytes(attachment.bytes, language);
  switch (mediaKind(attachment.name)) {
    case 'image':
      return (
        <button
          type="button"
          className="attachment-thumbnail"
          onClick={() => show(viewerKey)}
          aria-label={t('viewer.open', { name: attachment.name })}
        >
          <img
            className="attachment-image"
            src={url}
            alt={attachment.name}
            loading="lazy"
            decoding="async"
            onError={() => setFailed(true)}
          />
        </button>
      );
    case 'video':
      return (
        <video
          className="attachment-video"
          src={url}
          controls
          preload="metadata"
          aria-label={attachment.name}
          onError={() => setFailed(true)}
        />
      );
    case 'audio':
      return (
        <div className="attachment-audio">
          <audio
            src={url}
            controls
            preload="none"
            aria-label={attachment.name}
            onError={() => setFailed(true)}
          />
          <span className="attachment-meta" dir="auto">
            {attachment.name}
            {size === null ? '' : ` · ${size}`}
          </span>
        </div>
      );
    case 'file':
      return (
        <p className="attachment-file">
          <FileIcon />
          <span className="attachment-name" dir="auto">
            {attachment.name}
          </span>
          {size === null ? null : <span className="attachment-meta">{size}</span>}
          <a className="attachment-save" href={url} download={attachment.name}>
            {t('timeline.saveAs')}
          </a>
        </p>
      );
  }
}
