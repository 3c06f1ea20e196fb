import type { Platform } from '../../shared/platforms';

/** A badge per platform: its colour and a short mark, drawn here (no trademarked logos). */
const BADGES: Readonly<Record<Platform, Readonly<{ color: string; mark: string }>>> = {
  whatsapp: { color: '#25a244', mark: 'W' },
  telegram: { color: '#2a9ed8', mark: 'T' },
  discord: { color: '#5865f2', mark: 'D' },
  messenger: { color: '#a033ff', mark: 'M' },
  instagram: { color: '#d62976', mark: 'I' },
  slack: { color: '#611f69', mark: 'S' },
  line: { color: '#06b94f', mark: 'L' },
  wechat: { color: '#07a35a', mark: '微' },
  qq: { color: '#12b7f5', mark: 'Q' },
  signal: { color: '#3a76f0', mark: 'S' },
  chatlab: { color: '#6b7280', mark: 'C' },
};

export function PlatformIcon({ platform, label }: Readonly<{ platform: Platform; label: string }>) {
  const badge = BADGES[platform];
  return (
    <svg className="platform-icon" viewBox="0 0 32 32" role="img" aria-label={label}>
      <title>{label}</title>
      <rect width="32" height="32" rx="9" fill={badge.color} />
      <text x="16" y="21.5" textAnchor="middle" fontSize="15" fontWeight="700" fill="#fff">
        {badge.mark}
      </text>
    </svg>
  );
}
