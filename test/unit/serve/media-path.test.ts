import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mediaHeaders, resolveMediaPath } from '../../../src/main/common/media-path';

const vault = path.resolve('/vault');
const sha = 'ab'.repeat(32);

describe('media paths', () => {
  it('name a stored file by its hash, typed by its name', () => {
    expect(resolveMediaPath(vault, `/media/${sha}/IMG-0001.jpg`)).toEqual({
      file: path.join(vault, 'blobs', 'sha256', 'ab', 'ab'.repeat(31)),
      contentType: 'image/jpeg',
      inline: true,
      name: 'IMG-0001.jpg',
    });
    expect(
      resolveMediaPath(vault, `/media/${sha}/${encodeURIComponent('语音 1.opus')}`),
    ).toMatchObject({
      contentType: 'audio/ogg',
      name: '语音 1.opus',
    });
  });

  it('refuse anything but 64 lowercase hex characters and one name', () => {
    for (const bad of [
      `/media/${sha.toUpperCase()}/a.jpg`,
      `/media/${sha.slice(1)}/a.jpg`,
      `/media/../../etc/passwd/a.jpg`,
      `/media/${sha}/../a.jpg`,
      `/media/${sha}/a/b.jpg`,
      `/media/${sha}/`,
      `/media/${sha}/%E0%A4%A`,
    ]) {
      expect(resolveMediaPath(vault, bad), bad).toBeNull();
    }
  });

  it('turn HTML, SVG and scripts into inert downloads', () => {
    for (const name of ['page.html', 'drawing.svg', 'run.js', 'notes.txt']) {
      const media = resolveMediaPath(vault, `/media/${sha}/${name}`);
      expect(media, name).toMatchObject({ contentType: 'application/octet-stream', inline: false });
      const headers = mediaHeaders(media!);
      expect(headers['content-disposition']).toMatch(/^attachment;/u);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['content-security-policy']).toContain('sandbox');
    }
  });
});
