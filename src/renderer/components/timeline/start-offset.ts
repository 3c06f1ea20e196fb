/**
 * Where a new timeline starts scrolled to, before anything is measured: the offset that shows row
 * `index` at the top, the middle or the bottom of a view `viewHeight` high, by estimated row sizes,
 * kept between the top and the last offset the estimated rows allow.
 */
export function startOffset(
  sizes: readonly number[],
  index: number,
  align: 'start' | 'center' | 'end',
  viewHeight: number,
): number {
  if (index < 0 || index >= sizes.length) return 0;
  let start = 0;
  for (let i = 0; i < index; i += 1) start += sizes[i] ?? 0;
  const size = sizes[index] ?? 0;
  const total = start + sizes.slice(index).reduce((sum, each) => sum + each, 0);
  const wanted =
    align === 'start'
      ? start
      : align === 'center'
        ? start + size / 2 - viewHeight / 2
        : start + size - viewHeight;
  return Math.max(0, Math.min(wanted, total - viewHeight));
}
