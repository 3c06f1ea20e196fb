import { PLATFORM_NAMES } from '../../shared/platforms';
import type { Strings } from './en';
import { tasksZhCN } from './tasks-zh-CN';

/** 简体中文。键与英文一一对应（类型检查保证不缺不多）。 */
export const zhCN: Strings = {
  app: {
    name: 'Chat Vault',
    loading: '正在打开你的保险库…',
  },
  sidebar: {
    conversations: '会话',
    filterPlaceholder: '筛选会话',
    platformFilter: '显示来自以下应用的会话',
    allPlatforms: '全部应用',
    noMatches: '没有与“{{query}}”匹配的会话。',
    emptyHint: '导入的聊天会显示在这里。',
    messages_one: '{{count, number}} 条消息',
    messages_other: '{{count, number}} 条消息',
    importFiles: '导入文件…',
    importFolder: '导入文件夹…',
    settings: '设置',
  },
  empty: {
    title: '保险库还是空的',
    lead: '把聊天导出文件拖到窗口任意位置，或点击“导入文件…”选择。原始文件逐字节保存，保险库以外的任何内容都不会被改动。',
    whereTitle: '从哪里导出聊天记录',
    whatsapp: 'WhatsApp：打开聊天，更多 › 导出聊天（.txt，或带媒体的 .zip）。',
    telegram:
      'Telegram 桌面版：设置 › 高级 › 导出 Telegram 数据，或在聊天菜单中选择“导出聊天记录”（JSON）。',
    discord: 'Discord：用 DiscordChatExporter 导出的频道（JSON）。',
    meta: 'Messenger 与 Instagram：账户中心 › 下载你的信息（JSON）。',
    slack: 'Slack：工作区设置 › 导入/导出数据 › 导出（.zip）。',
    line: 'LINE：聊天菜单 › 其他设置 › 导出聊天记录（.txt）。',
    chatlab: '微信与 QQ：使用可导出 ChatLab JSON 或 JSONL 的社区导出工具。',
    vaultAt: '保险库位于 {{dir}}',
    importFolder: '保存到 {{dir}} 的导出文件会被自动导入。',
  },
  main: {
    chooseTitle: '选择一个会话',
    chooseLead: '在左侧选择聊天以查看详情。',
    participants: '参与者',
    noMessages: '还没有消息',
  },
  timeline: {
    label: '消息',
    error: '无法加载消息：{{message}}',
    missing: '导出中没有此文件',
  },
  drop: {
    title: '松开即可导入',
    lead: 'Chat Vault 会保存原始文件，并读取其中的消息。',
    foldersInBrowser: '浏览器无法上传文件夹。请先把文件夹压缩成 zip 再拖入，或使用桌面应用。',
  },
  imports: {
    title: '导入',
    clear: '清除已完成',
    status: {
      queued: '等待中',
      importing: '导入中',
      imported: '已导入',
      unchanged: '已在保险库中',
      partial: '部分导入',
      failed: '未导入',
    },
    progress: '{{done}} / {{total}} · {{rate}}/秒 · 剩余 {{eta}} 秒 · {{count, number}} 条消息',
    counts: '新增 {{added, number}} 条，已有 {{existing, number}} 条',
    cancel: '取消',
    uploading: '正在上传 {{name}}…',
    uploadFailed: '无法上传 {{name}}：{{message}}',
  },
  settings: {
    title: '设置',
    language: '语言',
    languageSystem: '跟随系统',
    theme: '外观',
    themeSystem: '跟随系统',
    themeLight: '浅色',
    themeDark: '深色',
    vault: '保险库位置',
    importFolder: '导入文件夹（自动监视）',
    version: '版本 {{version}}',
    close: '关闭',
  },
  connection: {
    lost: '与 Chat Vault 的连接已断开。如果你是用“chat-vault serve”启动的，请确认它仍在运行，然后刷新此页面。',
    failed: '无法连接 Chat Vault：{{message}}',
  },
  platform: { ...PLATFORM_NAMES, wechat: '微信' },
  tasks: tasksZhCN,
};
