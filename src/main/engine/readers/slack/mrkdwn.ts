/**
 * Slack's message text ("mrkdwn") as people saw it: `<@U123>` becomes `@Name`, `<#C123|general>`
 * `#general`, `<!here>` `@here`, `<https://x|label>` the label (kept as a link), and the escaped
 * `&lt;` `&gt;` `&amp;` their characters. Links and mentions become TextEntities (offsets in UTF-16
 * code units); the *bold* and _italic_ marks are left as typed.
 */
import type { TextEntity } from '../records';

export type Names = Readonly<{
  user: (id: string) => string | null;
  channel: (id: string) => string | null;
}>;

export type SlackText = Readonly<{ text: string; entities: readonly TextEntity[] | null }>;

const TOKEN = /<([^<>\n]*)>/g;

function unescape(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

type Piece = Readonly<{ text: string; entity?: Omit<TextEntity, 'offset' | 'length'> }>;

const SPECIAL: Readonly<Record<string, string>> = {
  here: '@here',
  channel: '@channel',
  everyone: '@everyone',
};

/** What one `<...>` token shows, and the entity it makes. */
function piece(inner: string, names: Names): Piece {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? null : unescape(inner.slice(bar + 1));
  if (target.startsWith('@')) {
    const id = target.slice(1);
    const name = names.user(id) ?? label?.replace(/^@/, '') ?? id;
    return { text: `@${name}`, entity: { type: 'mention_name', value: id } };
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return { text: `#${label ?? names.channel(id) ?? id}` };
  }
  if (target.startsWith('!')) {
    const command = target.slice(1);
    const special = SPECIAL[command];
    if (special !== undefined) return { text: special };
    return { text: label ?? `@${command.split('^')[0] ?? command}` };
  }
  const url = unescape(target);
  if (url.startsWith('mailto:')) return { text: label ?? url.slice(7), entity: { type: 'email' } };
  if (label === null || label === url) return { text: url, entity: { type: 'link' } };
  return { text: label, entity: { type: 'text_link', value: url } };
}

export function slackText(raw: string, names: Names): SlackText {
  let text = '';
  const entities: TextEntity[] = [];
  let at = 0;
  for (const match of raw.matchAll(TOKEN)) {
    text += unescape(raw.slice(at, match.index));
    const shown = piece(match[1] ?? '', names);
    if (shown.entity !== undefined && shown.text.length > 0) {
      entities.push({ ...shown.entity, offset: text.length, length: shown.text.length });
    }
    text += shown.text;
    at = match.index + match[0].length;
  }
  text += unescape(raw.slice(at));
  return { text, entities: entities.length > 0 ? entities : null };
}
