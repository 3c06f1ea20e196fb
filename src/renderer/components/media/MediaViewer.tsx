/**
 * The photo viewer: one photo of the open conversation at full size, over the app. Arrow keys (and
 * the buttons) move to the previous and next photo among the loaded messages; Escape closes it.
 */
import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../../formatters';
import { useTimeline } from '../../store/timeline-store';
import { mediaUrl, viewerImages } from './media-kind';
import { useMediaViewer } from './media-viewer-store';

export function MediaViewer() {
  const { t, i18n } = useTranslation();
  const openKey = useMediaViewer((state) => state.openKey);
  const show = useMediaViewer((state) => state.show);
  const close = useMediaViewer((state) => state.close);
  const messages = useTimeline((state) => state.messages);
  const images = useMemo(() => viewerImages(messages), [messages]);
  const index = images.findIndex((image) => image.key === openKey);
  const image = images[index];
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog === null) return;
    if (image !== undefined && !dialog.open) dialog.showModal();
    if (image === undefined && dialog.open) dialog.close();
  }, [image]);

  const previous = images[index - 1];
  const next = images[index + 1];
  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.key === 'ArrowLeft' ? previous : event.key === 'ArrowRight' ? next : null;
    if (target === null) return;
    event.preventDefault();
    if (target !== undefined) show(target.key);
  };

  return (
    <dialog
      ref={ref}
      className="media-viewer"
      aria-label={t('viewer.title')}
      onClose={close}
      onKeyDown={onKeyDown}
      onClick={(event) => {
        if (event.target === event.currentTarget) close();
      }}
    >
      {image === undefined ? null : (
        <>
          <header className="viewer-bar">
            <span className="viewer-caption" dir="auto">
              {image.message.sender ?? ''} · {formatMoment(image.message.sentAt, i18n.language)}
            </span>
            <span className="viewer-count">
              {t('viewer.count', { index: index + 1, total: images.length })}
            </span>
            <a
              className="viewer-button"
              href={mediaUrl(image.sha256, image.name)}
              download={image.name}
            >
              {t('timeline.saveAs')}
            </a>
            <button type="button" className="viewer-button" onClick={close} autoFocus>
              {t('viewer.close')}
            </button>
          </header>
          <div className="viewer-stage">
            <button
              type="button"
              className="viewer-arrow"
              onClick={() => previous !== undefined && show(previous.key)}
              disabled={previous === undefined}
              aria-label={t('viewer.previous')}
            >
              ‹
            </button>
            <img
              className="viewer-image"
              src={mediaUrl(image.sha256, image.name)}
              alt={image.name}
            />
            <button
              type="button"
              className="viewer-arrow"
              onClick={() => next !== undefined && show(next.key)}
              disabled={next === undefined}
              aria-label={t('viewer.next')}
            >
              ›
            </button>
          </div>
          <p className="viewer-name" dir="auto">
            {image.name}
          </p>
        </>
      )}
    </dialog>
  );
}
