/**
 * Messenger and Instagram ("Download your information") write the same JSON. What tells them apart
 * is where the file sits (your_instagram_activity/..., an "instagram-name-date" folder or zip) or a
 * tell-tale string inside it. The nearest folder name wins over folders further up.
 */
export type MetaApp = 'instagram' | 'messenger';

export function metaAppFromPath(filePath: string): MetaApp | undefined {
  const segments = filePath.split(/[\\/]+/).filter((segment) => segment !== '');
  for (let index = segments.length - 1; index >= 0; index -= 1) {
    const segment = (segments[index] ?? '').toLowerCase();
    if (segment.includes('instagram')) return 'instagram';
    if (segment.includes('facebook') || segment.includes('messenger')) return 'messenger';
  }
  return undefined;
}

/** Strings only one of the two apps writes into its message files. */
export function metaAppFromContent(text: string): MetaApp | undefined {
  if (/your_instagram_activity\//.test(text)) return 'instagram';
  if (/your_(?:facebook_activity|activity_across_facebook)\//.test(text)) return 'messenger';
  return undefined;
}
