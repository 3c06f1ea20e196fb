/**
 * The stylesheet of the offline HTML export (style.css beside the pages): readable on a phone,
 * light and dark, and in the colours of the chat's own app (the page's body carries
 * `platform-<id>`). No fonts, images or anything else from the network.
 */
import { PLATFORMS, type Platform } from '../../../../shared/platforms';
import { SENDER_HUES } from './message-html';

type Look = Readonly<{
  bg: string;
  bubble: string;
  bubbleText: string;
  bar: string;
  barText: string;
  accent: string;
}>;

const LOOKS: Readonly<Record<Platform, Look>> = {
  whatsapp: {
    bg: '#efeae2',
    bubble: '#ffffff',
    bubbleText: '#111b21',
    bar: '#008069',
    barText: '#ffffff',
    accent: '#008069',
  },
  telegram: {
    bg: '#cfdcb4',
    bubble: '#ffffff',
    bubbleText: '#000000',
    bar: '#517da2',
    barText: '#ffffff',
    accent: '#168acd',
  },
  discord: {
    bg: '#313338',
    bubble: '#2b2d31',
    bubbleText: '#dbdee1',
    bar: '#1e1f22',
    barText: '#f2f3f5',
    accent: '#949cf7',
  },
  messenger: {
    bg: '#ffffff',
    bubble: '#f0f0f0',
    bubbleText: '#050505',
    bar: '#0084ff',
    barText: '#ffffff',
    accent: '#0064d1',
  },
  instagram: {
    bg: '#ffffff',
    bubble: '#efefef',
    bubbleText: '#000000',
    bar: '#c13584',
    barText: '#ffffff',
    accent: '#c13584',
  },
  slack: {
    bg: '#ffffff',
    bubble: '#f8f8f8',
    bubbleText: '#1d1c1d',
    bar: '#4a154b',
    barText: '#ffffff',
    accent: '#1264a3',
  },
  line: {
    bg: '#8cabd9',
    bubble: '#ffffff',
    bubbleText: '#111111',
    bar: '#273246',
    barText: '#ffffff',
    accent: '#06a64e',
  },
  wechat: {
    bg: '#ededed',
    bubble: '#ffffff',
    bubbleText: '#191919',
    bar: '#2e2e2e',
    barText: '#ffffff',
    accent: '#07a152',
  },
  qq: {
    bg: '#eef3f8',
    bubble: '#ffffff',
    bubbleText: '#111111',
    bar: '#12b7f5',
    barText: '#ffffff',
    accent: '#0d8fc4',
  },
  signal: {
    bg: '#ffffff',
    bubble: '#e9e9e9',
    bubbleText: '#1b1b1b',
    bar: '#3a76f0',
    barText: '#ffffff',
    accent: '#2c58b8',
  },
  chatlab: {
    bg: '#f4f5f7',
    bubble: '#ffffff',
    bubbleText: '#1b1f24',
    bar: '#3b4a5a',
    barText: '#ffffff',
    accent: '#2f6fe4',
  },
};

function platformRules(): string {
  return PLATFORMS.map((platform) => {
    const look = LOOKS[platform];
    return `.platform-${platform} { --bg: ${look.bg}; --bubble: ${look.bubble}; --bubble-text: ${look.bubbleText}; --bar: ${look.bar}; --bar-text: ${look.barText}; --accent: ${look.accent}; }`;
  }).join('\n');
}

const BASE = `
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--bubble-text);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif;
}
a { color: var(--accent); }
.bar {
  position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px;
  padding: 10px 16px; background: var(--bar); color: var(--bar-text);
}
.bar a { color: var(--bar-text); }
.bar h1 { margin: 0; font-size: 18px; font-weight: 600; flex: 1 1 auto; overflow-wrap: anywhere; }
.bar .where { font-size: 13px; opacity: 0.85; }
.chat, .overview { max-width: 820px; margin: 0 auto; padding: 8px 12px 24px; }
.pager { display: flex; justify-content: space-between; max-width: 820px; margin: 0 auto; padding: 8px 12px; }
.pager a, .pager span { padding: 6px 12px; border-radius: 16px; background: var(--bubble); text-decoration: none; font-size: 14px; }
.pager span { visibility: hidden; }
.day { text-align: center; margin: 16px 0 8px; font-size: 13px; font-weight: 500; }
.day span { display: inline-block; padding: 4px 12px; border-radius: 8px; background: var(--bubble); box-shadow: 0 1px 1px rgb(0 0 0 / 0.12); }
.msg {
  width: fit-content; max-width: min(85%, 640px); margin: 4px 0; padding: 6px 10px 4px;
  border-radius: 10px; background: var(--bubble); box-shadow: 0 1px 1px rgb(0 0 0 / 0.12);
}
.sender { margin: 0 0 2px; font-size: 13px; font-weight: 600; color: hsl(var(--hue, 210) 55% 38%); }
.text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.meta { margin: 2px 0 0; font-size: 11px; text-align: end; opacity: 0.65; }
.system { text-align: center; margin: 8px auto; max-width: 90%; font-size: 13px; opacity: 0.8; white-space: pre-wrap; overflow-wrap: anywhere; }
.reply { margin: 0 0 4px; padding: 2px 8px; border-inline-start: 3px solid var(--accent); font-size: 13px; opacity: 0.85; white-space: pre-wrap; overflow-wrap: anywhere; }
.forwarded { margin: 0 0 2px; font-size: 12px; font-style: italic; opacity: 0.75; }
.reactions { margin: 2px 0 0; font-size: 13px; }
.media { display: block; margin: 4px 0; }
.media img, .media video { display: block; max-width: 100%; max-height: 420px; border-radius: 6px; }
.media audio { max-width: 100%; }
.missing { font-size: 13px; opacity: 0.7; }
.overview section { margin: 12px 0; padding: 12px 16px; border-radius: 10px; background: var(--bubble); }
.overview h2 { margin: 0 0 8px; font-size: 16px; }
.overview p { margin: 4px 0; overflow-wrap: anywhere; }
.pages { list-style: none; margin: 0; padding: 0; }
.pages li { padding: 6px 0; border-top: 1px solid rgb(0 0 0 / 0.08); }
.pages li:first-child { border-top: none; }
.pages .count { opacity: 0.7; font-size: 13px; }
@media (prefers-color-scheme: dark) {
  body:not(.platform-discord) { --bg: #101418; --bubble: #1f262d; --bubble-text: #e6e9ec; --bar: #1a2027; --bar-text: #e6e9ec; }
  .sender { color: hsl(var(--hue, 210) 60% 68%); }
}
`;

function hueRules(): string {
  return Array.from(
    { length: SENDER_HUES },
    (_, index) => `.hue-${index} { --hue: ${Math.round((index * 360) / SENDER_HUES)}; }`,
  ).join('\n');
}

export function exportStylesheet(): string {
  return `/* Chat Vault export */\n${platformRules()}\n${hueRules()}\n${BASE}`;
}
