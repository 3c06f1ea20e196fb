/** Every chat platform Chat Vault knows by name. The order is the order shown in filters. */
export const PLATFORMS = [
  'whatsapp',
  'telegram',
  'discord',
  'messenger',
  'instagram',
  'slack',
  'line',
  'wechat',
  'qq',
  'signal',
  'chatlab',
] as const;

export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  discord: 'Discord',
  messenger: 'Messenger',
  instagram: 'Instagram',
  slack: 'Slack',
  line: 'LINE',
  wechat: 'WeChat',
  qq: 'QQ',
  signal: 'Signal',
  chatlab: 'ChatLab',
};

const KNOWN_PLATFORMS: ReadonlySet<string> = new Set(PLATFORMS);

/** Whether `name` is a platform Chat Vault knows. */
export const isPlatform = (name: string): name is Platform => KNOWN_PLATFORMS.has(name);
