/**
 * from:NAME finds senders with a word starting with NAME's last word. FTS5 answers such a prefix
 * by merging the lists of every word it stands for into one list in memory before it can skip
 * anything, and with a common sender that is most of a search: on a 2M-message vault, the first
 * page of "the from:Ana" took 27 ms with the prefix and 0.2 ms with the whole word. So the whole
 * words are read from the index's own vocabulary first, and the search names them.
 */
import type { Database, Statement } from 'better-sqlite3';
import { indexText } from './index-text';

/** Beyond this many words, FTS5's own prefix merge is left to do the work. */
export const MAX_SENDER_WORDS = 32;

/** A word of ASCII letters and digits: FTS5 folds it to lower case and nothing else. */
const PLAIN_WORD = /^[A-Za-z0-9]+$/u;

type Bounds = Readonly<{ from: string; to: string; limit: number }>;

const vocabularies = new WeakMap<Database, Statement<Bounds, string>>();

/** The sender words of the index in [from, to), from a per-connection fts5vocab table. */
function senderVocabulary(db: Database): Statement<Bounds, string> {
  let statement = vocabularies.get(db);
  if (statement === undefined) {
    // A temp table: nothing is written to the vault, and a read-only connection may make it.
    db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.messages_fts_words USING fts5vocab(main, messages_fts, 'col')",
    );
    statement = db
      .prepare<Bounds, string>(
        `SELECT term FROM temp.messages_fts_words
         WHERE col = 'sender' AND term >= :from AND term < :to ORDER BY term LIMIT :limit`,
      )
      .pluck();
    vocabularies.set(db, statement);
  }
  return statement;
}

/**
 * The whole words of the index that the last word of `sender` is the start of, or null when FTS5
 * should expand the prefix itself: a word it folds beyond lower case (accents, other scripts), or
 * one that starts more than MAX_SENDER_WORDS words.
 */
export function senderWords(db: Database, sender: string): string[] | null {
  const last = indexText(sender).trim().split(/\s+/u).at(-1) ?? '';
  if (!PLAIN_WORD.test(last)) return null;
  const from = last.toLowerCase();
  // Every word starting with `from` sorts in [from, from with its last character one higher).
  const to = from.slice(0, -1) + String.fromCharCode(from.charCodeAt(from.length - 1) + 1);
  const words = senderVocabulary(db).all({ from, to, limit: MAX_SENDER_WORDS + 1 });
  return words.length > MAX_SENDER_WORDS ? null : words;
}
