import { PLATFORM_NAMES } from '../../shared/platforms';
import { tasksEn } from './tasks-en';

/** English strings: the reference set every other language must match key for key. */
export const en = {
  app: {
    name: 'Chat Vault',
    loading: 'Opening your vault…',
  },
  sidebar: {
    conversations: 'Conversations',
    filterPlaceholder: 'Filter conversations',
    platformFilter: 'Show conversations from',
    allPlatforms: 'All apps',
    noMatches: 'No conversation matches “{{query}}”.',
    emptyHint: 'Imported chats will be listed here.',
    messages_one: '{{count, number}} message',
    messages_other: '{{count, number}} messages',
    importFiles: 'Import files…',
    importFolder: 'Import folder…',
    settings: 'Settings',
  },
  empty: {
    title: 'Your vault is empty',
    lead: 'Drop a chat export anywhere on this window, or choose one with “Import files…”. The originals are kept byte for byte; nothing outside the vault is changed.',
    whereTitle: 'Where exports come from',
    whatsapp: 'WhatsApp: open a chat, More › Export chat (a .txt, or a .zip with media).',
    telegram:
      'Telegram Desktop: Settings › Advanced › Export Telegram data, or a chat’s menu › Export chat history (JSON).',
    discord: 'Discord: a channel exported with DiscordChatExporter (JSON).',
    meta: 'Messenger and Instagram: Accounts Center › Download your information (JSON).',
    slack: 'Slack: Workspace settings › Import/Export data › Export (a .zip).',
    line: 'LINE: a chat’s menu › Other settings › Export chat history (.txt).',
    chatlab: 'WeChat and QQ: a community exporter that writes ChatLab JSON or JSONL.',
    vaultAt: 'Your vault is stored in {{dir}}',
    importFolder: 'Exports saved into {{dir}} are imported automatically.',
  },
  main: {
    chooseTitle: 'Choose a conversation',
    chooseLead: 'Pick a chat on the left to see its details.',
    participants: 'Participants',
    noMessages: 'No messages yet',
  },
  timeline: {
    label: 'Messages',
    error: 'Could not load messages: {{message}}',
    missing: 'not in the export',
  },
  drop: {
    title: 'Drop to import',
    lead: 'Chat Vault keeps the original files and reads the messages inside.',
    foldersInBrowser:
      'Folders cannot be uploaded from a browser. Zip the folder and drop the zip, or use the desktop app.',
  },
  imports: {
    title: 'Imports',
    clear: 'Clear finished',
    status: {
      queued: 'Waiting',
      importing: 'Importing',
      imported: 'Imported',
      unchanged: 'Already in the vault',
      partial: 'Partly imported',
      failed: 'Not imported',
    },
    progress: '{{done}} of {{total}} · {{rate}}/s · {{eta}} s left · {{count, number}} messages',
    counts: '{{added, number}} new, {{existing, number}} already in the vault',
    cancel: 'Cancel',
    uploading: 'Uploading {{name}}…',
    uploadFailed: 'Could not upload {{name}}: {{message}}',
  },
  settings: {
    title: 'Settings',
    language: 'Language',
    languageSystem: 'Same as the system',
    theme: 'Appearance',
    themeSystem: 'Same as the system',
    themeLight: 'Light',
    themeDark: 'Dark',
    vault: 'Vault location',
    importFolder: 'Import folder (watched)',
    version: 'Version {{version}}',
    close: 'Close',
  },
  connection: {
    lost: 'Lost the connection to Chat Vault. If you started it with “chat-vault serve”, check that it is still running, then reload this page.',
    failed: 'Could not reach Chat Vault: {{message}}',
  },
  platform: { ...PLATFORM_NAMES },
  tasks: tasksEn,
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Strings = Widen<typeof en>;
